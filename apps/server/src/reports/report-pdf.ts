// The report as a PDF (A4): a header band on every page (title, workspace, period, "page 1 of 3"),
// then key figures, the volume trend as bars, top categories, handling by team, emerging issues,
// backlog and, when there, corrective actions. Arabic workspaces get it right to left throughout.

import { COLORS, CONTENT_WIDTH, createPdfWriter, PAGE, type PdfWriter } from './pdf-writer.ts';
import { type ReportContent, volumeTotals } from './report-content.ts';
import { actionRows, backlogRows, categoryRows, figureRows, issueRows, teamRows } from './report-tables.ts';
import { displayDate, lastDayOf, localDate, REPORT_TITLES, REPORT_WORDS, say } from './report-text.ts';

const CHART_HEIGHT = 150;

export async function renderReportPdf(content: ReportContent): Promise<{ pdf: Buffer; pages: number }> {
  const { language } = content;
  const title = say(REPORT_TITLES[content.kind], language);
  const writer = createPdfWriter({ direction: language === 'ar' ? 'rtl' : 'ltr', title, language });
  const words = (key: keyof typeof REPORT_WORDS) => say(REPORT_WORDS[key], language);

  writer.heading(words('keyFigures'), 40);
  writer.table(
    [
      { label: words('measure'), width: 3 },
      { label: words('thisPeriod'), width: 1.2 },
      { label: words('previousPeriod'), width: 1.2 },
    ],
    figureRows(content),
  );

  const interval = content.volume.interval === 'day' ? words('perDay') : words('perWeek');
  writer.heading(`${words('volumeTrend')} (${interval})`, CHART_HEIGHT + 30);
  drawTrend(writer, content);

  const categories = categoryRows(content);
  if (categories.length > 0) {
    writer.heading(words('topCategories'), 60);
    writer.table(
      [
        { label: words('category'), width: 3 },
        { label: words('size'), width: 1 },
        { label: words('share'), width: 1 },
      ],
      categories,
    );
  }

  writer.heading(words('handlingByTeam'), 60);
  writer.table(
    [
      { label: words('team'), width: 2.4 },
      { label: words('size'), width: 0.9 },
      { label: say(REPORT_WORDS.statusOpen, language), width: 0.9 },
      { label: language === 'ar' ? 'وسيط أول رد' : 'Median 1st response', width: 1.5 },
      { label: language === 'ar' ? 'وسيط الحل' : 'Median resolution', width: 1.4 },
      { label: language === 'ar' ? 'الالتزام %' : 'SLA met %', width: 1 },
      { label: language === 'ar' ? 'الرضا %' : 'CSAT %', width: 1 },
    ],
    teamRows(content),
    { boldLastRow: true },
  );

  writer.heading(words('emergingIssues'), 60);
  const issues = issueRows(content);
  if (issues.length === 0) writer.paragraph(words('noIssues'), { color: COLORS.muted });
  else
    writer.table(
      [
        { label: words('issue'), width: 2.6 },
        { label: words('size'), width: 0.8 },
        { label: words('trend'), width: 1 },
        { label: words('example'), width: 3 },
      ],
      issues,
    );

  writer.heading(words('backlog'), 60);
  writer.table(
    [
      { label: words('age'), width: 2 },
      { label: words('statusNew'), width: 1 },
      { label: words('statusOpen'), width: 1 },
      { label: words('statusPending'), width: 1 },
      { label: words('size'), width: 1 },
    ],
    backlogRows(content),
    { boldLastRow: true },
  );

  // Corrective actions: only once the problems service passes its reader (see report-content.ts).
  if (content.actions) {
    writer.heading(words('actions'), 60);
    if (content.actions.length === 0) writer.paragraph(words('noActions'), { color: COLORS.muted });
    else
      writer.table(
        [
          { label: words('action'), width: 3 },
          { label: words('status'), width: 1 },
          { label: words('owner'), width: 1.4 },
          { label: words('due'), width: 1.2 },
        ],
        actionRows(content),
      );
  }

  const { timeZone } = content;
  const period = `${words('period')}: ${displayDate(content.periodStart, timeZone, language)} – ${displayDate(lastDayOf(content.periodEnd), timeZone, language)} (${timeZone})`;
  return writer.finish((page, pages) => {
    const band = { left: PAGE.margin, width: CONTENT_WIDTH };
    // The title alone on the first line, at the start edge (the right for Arabic).
    writer.lineAt(
      title,
      { ...band, top: PAGE.margin, width: CONTENT_WIDTH * 0.6, left: writer.leftOf(0, CONTENT_WIDTH * 0.6) },
      'start',
      {
        size: 16,
        isBold: true,
      },
    );
    writer.lineAt(
      `${content.workspaceName} · ${period}`,
      {
        ...band,
        top: PAGE.margin + 26,
        width: CONTENT_WIDTH * 0.75,
        left: writer.leftOf(0, CONTENT_WIDTH * 0.75),
      },
      'start',
      {
        size: 9,
        color: COLORS.muted,
      },
    );
    writer.lineAt(
      say(REPORT_WORDS.page, language, { page, pages }),
      { ...band, top: PAGE.margin + 26 },
      'end',
      {
        size: 9,
        color: COLORS.muted,
      },
    );
    const ruleY = PAGE.margin + PAGE.headerHeight - 16;
    writer.doc
      .moveTo(PAGE.margin, ruleY)
      .lineTo(PAGE.margin + CONTENT_WIDTH, ruleY)
      .lineWidth(1)
      .strokeColor(COLORS.rule)
      .stroke();
  });
}

/** Bars of the cases received per bucket, oldest at the start edge; a few date labels below. */
function drawTrend(writer: PdfWriter, content: ReportContent) {
  const { doc } = writer;
  const points = volumeTotals(content.volume);
  const top = writer.y;
  const axisLeft = 28; // room for the scale, at the start edge
  const width = CONTENT_WIDTH - axisLeft;
  const highest = Math.max(1, ...points.map((point) => point.count));
  const step = niceStep(highest);
  const scaleTop = Math.ceil(highest / step) * step;
  const yOf = (count: number) => top + CHART_HEIGHT - (count / scaleTop) * CHART_HEIGHT;
  for (let value = 0; value <= scaleTop; value += step) {
    const lineY = yOf(value);
    doc
      .moveTo(writer.leftOf(axisLeft, width), lineY)
      .lineTo(writer.leftOf(axisLeft, width) + width, lineY)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    writer.lineAt(
      String(value),
      { left: writer.leftOf(0, axisLeft - 4), top: lineY - 5, width: axisLeft - 4 },
      'end',
      {
        size: 7,
        color: COLORS.muted,
      },
    );
  }
  const slot = points.length > 0 ? width / points.length : width;
  const labelEvery = Math.ceil(points.length / 12);
  points.forEach((point, index) => {
    const barWidth = Math.max(1, slot * 0.7);
    const x = writer.leftOf(axisLeft + index * slot + (slot - barWidth) / 2, barWidth);
    const barTop = yOf(point.count);
    if (point.count > 0) doc.rect(x, barTop, barWidth, top + CHART_HEIGHT - barTop).fill(COLORS.bar);
    if (index % labelEvery === 0) {
      const [, month, day] = localDate(new Date(point.t), content.timeZone).split('-');
      writer.lineAt(
        `${day}/${month}`,
        {
          left: writer.leftOf(axisLeft + index * slot, slot * labelEvery),
          top: top + CHART_HEIGHT + 4,
          width: slot * labelEvery,
        },
        'start',
        {
          size: 7,
          color: COLORS.muted,
        },
      );
    }
  });
  writer.y = top + CHART_HEIGHT + 22;
}

function niceStep(highest: number): number {
  const rough = highest / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  return Math.max(1, step);
}
