// Drawing on an A4 page in either direction: x is measured from the start edge (the right one for
// Arabic), text lines go through the bidi algorithm and the Arabic shaper, tables continue on the
// next page under their header again.
import PDFDocument from 'pdfkit';
import { type Script, visualRuns } from './bidi-text.ts';
import { reportFonts } from './report-fonts.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 40, headerHeight: 64, footerHeight: 24 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const CONTENT_TOP = PAGE.margin + PAGE.headerHeight;
const CONTENT_BOTTOM = PAGE.height - PAGE.margin - PAGE.footerHeight;

export type Direction = 'rtl' | 'ltr';
export type Align = 'start' | 'end' | 'center';
export type TextStyle = { size?: number; isBold?: boolean; color?: string };

export const COLORS = { ink: '#1f2933', muted: '#52606d', rule: '#cbd2d9', band: '#e4e7eb', bar: '#2f6f9f' };

/** A column of a table: its share of the width and where its cells' text sits. */
export type Column = { label: string; width: number; align?: Align };

export type PdfWriter = ReturnType<typeof createPdfWriter>;

export function createPdfWriter(options: { direction: Direction; title: string; language: string }) {
  const { direction } = options;
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: options.language,
    info: { Title: options.title, Creator: 'Sada' },
  });
  for (const [name, font] of Object.entries(reportFonts())) doc.registerFont(name, font);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = CONTENT_TOP;

  /** The left edge of a box that starts `x` from the start edge. */
  const leftOf = (x: number, width: number) =>
    direction === 'rtl' ? PAGE.width - PAGE.margin - x - width : PAGE.margin + x;

  function useFont(script: Script, style: TextStyle) {
    doc.font(`${script}-${style.isBold ? 700 : 400}`).fontSize(style.size ?? 10);
  }

  /** The line's runs in drawing order, each with its width, and the whole width. */
  function measure(text: string, style: TextStyle) {
    let width = 0;
    // An English report lets Arabic text (a team's or category's name) read right to left inside it.
    const runs = visualRuns(text, direction === 'ltr' ? 'auto' : direction).map((run) => {
      useFont(run.script, style);
      const runWidth = doc.widthOfString(run.text);
      width += runWidth;
      return { ...run, width: runWidth };
    });
    return { runs, width };
  }

  /** The line, shortened with an ellipsis at its logical end when it is wider than `width`. */
  function fitted(text: string, width: number, style: TextStyle) {
    const whole = measure(text, style);
    if (whole.width <= width) return whole;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (measure(`${text.slice(0, middle).trimEnd()}…`, style).width <= width) low = middle;
      else high = middle - 1;
    }
    return measure(`${text.slice(0, low).trimEnd()}…`, style);
  }

  /**
   * One line of text in the box [left, left + width] of the page (physical coordinates), aligned to
   * the start or end of the reading direction.
   */
  function lineAt(
    text: string,
    box: { left: number; top: number; width: number },
    align: Align,
    style: TextStyle,
  ) {
    const { runs, width } = fitted(text, box.width, style);
    const isLeft = (align === 'start') === (direction === 'ltr');
    let x =
      align === 'center'
        ? box.left + (box.width - width) / 2
        : isLeft
          ? box.left
          : box.left + box.width - width;
    doc.fillColor(style.color ?? COLORS.ink);
    for (const run of runs) {
      useFont(run.script, style);
      doc.text(run.text, x, box.top, { lineBreak: false });
      x += run.width;
    }
  }

  const lineHeight = (style: TextStyle) => (style.size ?? 10) * 1.6;

  return {
    doc,
    direction,
    leftOf,
    lineAt,
    get y() {
      return y;
    },
    set y(value: number) {
      y = value;
    },
    /** Starts a new page when less than `height` is left on this one. */
    ensureSpace(height: number) {
      if (y + height <= CONTENT_BOTTOM) return;
      doc.addPage();
      y = CONTENT_TOP;
    },
    /** A line of the flow, across the content width. */
    paragraph(text: string, style: TextStyle = {}, align: Align = 'start') {
      this.ensureSpace(lineHeight(style));
      lineAt(text, { left: PAGE.margin, top: y, width: CONTENT_WIDTH }, align, style);
      y += lineHeight(style);
    },
    heading(text: string, spaceBelow: number) {
      this.ensureSpace(24 + spaceBelow);
      y += 8;
      lineAt(text, { left: PAGE.margin, top: y, width: CONTENT_WIDTH }, 'start', { size: 13, isBold: true });
      y += 24;
    },
    /** A table whose header repeats at the top of each page it continues on. */
    table(columns: Column[], rows: string[][], options: { boldLastRow?: boolean } = {}) {
      const rowHeight = 18;
      const total = columns.reduce((sum, column) => sum + column.width, 0);
      const widths = columns.map((column) => (column.width / total) * CONTENT_WIDTH);
      const starts = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, 0));
      const drawRow = (cells: string[], style: TextStyle, background?: string) => {
        if (background) doc.rect(PAGE.margin, y, CONTENT_WIDTH, rowHeight).fill(background);
        cells.forEach((cell, index) => {
          const width = widths[index]!;
          lineAt(
            cell,
            { left: leftOf(starts[index]! + 4, width - 8), top: y + 3, width: width - 8 },
            columns[index]?.align ?? 'start',
            style,
          );
        });
        y += rowHeight;
        doc
          .moveTo(PAGE.margin, y)
          .lineTo(PAGE.margin + CONTENT_WIDTH, y)
          .lineWidth(0.5)
          .strokeColor(COLORS.rule)
          .stroke();
      };
      const header = () =>
        drawRow(
          columns.map((column) => column.label),
          { size: 9, isBold: true },
          COLORS.band,
        );
      this.ensureSpace(rowHeight * Math.min(rows.length + 1, 3));
      header();
      rows.forEach((row, index) => {
        if (y + rowHeight > CONTENT_BOTTOM) {
          doc.addPage();
          y = CONTENT_TOP;
          header();
        }
        drawRow(row, { size: 9, isBold: options.boldLastRow === true && index === rows.length - 1 });
      });
      y += 6;
    },
    /** Draws the header band on every page once the flow is laid out; answers the page count. */
    finish(header: (page: number, pages: number) => void): Promise<{ pdf: Buffer; pages: number }> {
      const { start, count } = doc.bufferedPageRange();
      for (let index = start; index < start + count; index += 1) {
        doc.switchToPage(index);
        header(index - start + 1, count);
      }
      doc.end();
      return finished.then((pdf) => ({ pdf, pages: count }));
    },
  };
}
