import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine, parseCsv } from './csv.ts';

describe('csvLine', () => {
  it('quotes cells with commas, quotes and line breaks, and leaves plain ones alone', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });

  it('writes Arabic text unchanged, numbers, booleans and dates as ISO UTC, and null as empty', () => {
    const at = new Date(Date.UTC(2026, 10, 26, 9, 30));
    expect(csvLine(['الشحنة متأخرة', 4, true, at, null, undefined])).toBe(
      'الشحنة متأخرة,4,true,2026-11-26T09:30:00.000Z,,\r\n',
    );
  });

  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)'])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1)\r\n`,
    );
    expect(csvLine([-2])).toBe('-2\r\n');
  });
});

describe('csvHeader', () => {
  it('starts with a byte-order mark so spreadsheets read the Arabic as UTF-8', () => {
    expect(csvHeader(['المرجع', 'status'])).toBe('\uFEFFالمرجع,status\r\n');
  });
});

describe('parseCsv', () => {
  it('reads back what csvLine writes: quotes, commas, line breaks, Arabic', () => {
    const values = ['ريم "القحطاني"', 'a,b', 'two\nlines', "'=1+1", ''];
    expect(parseCsv(csvLine(values) + csvLine(['x']))).toEqual([
      ['ريم "القحطاني"', 'a,b', 'two\nlines', "'=1+1", ''],
      ['x'],
    ]);
  });

  it('takes LF line ends and a last row without one', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
