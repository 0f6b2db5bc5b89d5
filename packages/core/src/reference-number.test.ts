import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertReferencePrefix,
  formatReferenceNumber,
  parseReferenceNumber,
  yearIn,
} from './reference-number.ts';

describe('reference numbers', () => {
  it('reads like SAD-2026-000042', () => {
    expect(formatReferenceNumber('SAD', 2026, 42)).toBe('SAD-2026-000042');
  });

  it('keeps growing past six digits instead of wrapping', () => {
    expect(formatReferenceNumber('SAD', 2026, 1_234_567)).toBe('SAD-2026-1234567');
  });

  it('parses what it formats, for any prefix, year and sequence', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,6}$/),
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        (prefix, year, sequence) => {
          expect(parseReferenceNumber(formatReferenceNumber(prefix, year, sequence))).toEqual({
            prefix,
            year,
            sequence,
          });
        },
      ),
    );
  });

  it('accepts lower case and spaces around a typed reference', () => {
    expect(parseReferenceNumber(' sad-2026-000042 ')).toEqual({ prefix: 'SAD', year: 2026, sequence: 42 });
    expect(parseReferenceNumber('SAD-26-42')).toBeUndefined();
  });

  it('refuses prefixes that are not 2 to 6 capital letters', () => {
    expect(() => assertReferencePrefix('S')).toThrow(/2 to 6/);
    expect(() => assertReferencePrefix('sad')).toThrow();
    expect(() => assertReferencePrefix('SAD1')).toThrow();
    expect(() => assertReferencePrefix('SADA')).not.toThrow();
  });

  it("takes the year in the workspace's time zone", () => {
    const newYearInRiyadh = new Date('2026-12-31T21:30:00Z'); // 00:30 on 1 January 2027 in Riyadh
    expect(yearIn(newYearInRiyadh, 'Asia/Riyadh')).toBe(2027);
    expect(yearIn(newYearInRiyadh, 'UTC')).toBe(2026);
  });
});
