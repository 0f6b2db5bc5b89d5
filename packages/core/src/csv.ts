// CSV as spreadsheets read it (RFC 4180): every export of Sada writes its rows through here.

/** A cell: text as is, numbers and booleans as written, dates as ISO 8601 UTC, null as empty. */
export type CsvValue = string | number | boolean | Date | null | undefined;

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written
// with a leading apostrophe, so a customer's "=HYPERLINK(...)" stays text (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One line of CSV ending in CRLF: cells with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values
    .map((value) => {
      const text = cellText(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\r\n`;
}

/**
 * What a CSV file starts with: a byte-order mark, so Excel reads Arabic as UTF-8 rather than as the
 * system's code page, then the header line.
 */
export function csvHeader(names: readonly string[]): string {
  return `\uFEFF${csvLine(names)}`;
}

/**
 * Reads CSV back into rows of cells (quoted cells with commas, doubled quotes and line breaks; rows
 * end in CRLF or LF): for tests of our exports and for reading datasets.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
      if (char === '\r') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
