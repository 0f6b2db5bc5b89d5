// Files the console makes in the browser (a CSV of the ledger, a PNG of a story card) and hands to
// the browser's download.
import { type CsvValue, csvHeader, csvLine } from '@sada/core';

/** Starts the browser's download of a file made here. */
export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Starts the browser's download of a CSV: a header row (with the byte-order mark) and one line per row. */
export function downloadCsv(name: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]) {
  downloadText(name, csvHeader(header) + rows.map(csvLine).join(''));
}

/** Starts the browser's download of a text file. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(name, new Blob([text], { type }));
}

/**
 * Draws an SVG (with its own width and height) on a canvas at `scale` and answers it as a PNG: the
 * browser shapes the Arabic text with its fonts, which a server-side rasteriser here could not.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
