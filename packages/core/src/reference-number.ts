import { AppError } from './errors.ts';

const PREFIX_PATTERN = /^[A-Z]{2,6}$/;
const REFERENCE_PATTERN = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/;

export function assertReferencePrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new AppError(
      'validation_failed',
      {
        en: 'The reference prefix must be 2 to 6 capital Latin letters, e.g. SAD.',
        ar: 'بادئة الرقم المرجعي من حرفين إلى ستة أحرف لاتينية كبيرة، مثل SAD.',
      },
      {
        fields: [
          {
            path: 'referencePrefix',
            message: { en: 'Use 2 to 6 capital letters A–Z.', ar: 'استخدم من 2 إلى 6 أحرف كبيرة A–Z.' },
          },
        ],
      },
    );
  }
}

/** `SAD-2026-000042`: workspace prefix, year of creation, sequence padded to six digits. */
export function formatReferenceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseReferenceNumber(
  reference: string,
): { prefix: string; year: number; sequence: number } | undefined {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return undefined;
  return { prefix: match[1]!, year: Number(match[2]), sequence: Number(match[3]) };
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year at `instant` in the workspace's time zone (a case opened at 00:30 on 1 January in Riyadh is that year's). */
export function yearIn(instant: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(instant));
}
