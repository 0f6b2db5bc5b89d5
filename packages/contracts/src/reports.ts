// Reports (issue 9): the key figures, volume trend, handling by team, emerging issues and backlog of a
// period as a PDF and a CSV, made weekly and monthly for every workspace (and e-mailed to its
// subscribers) or on demand for any range of up to a year.
//   POST /api/reports                   CreateReport → ReportSummary (generated at once)
//   GET  /api/reports                   → ReportList (newest first, by pages: ?cursor=nextCursor)
//   GET  /api/reports/:id.pdf | .csv    → the file, as an attachment
//   GET  /api/reports/subscription      → ReportSubscription (the reader's own)
//   PUT  /api/reports/subscription      ReportSubscription → ReportSubscription
//   GET  /api/reports/subscribers       → ReportSubscriberList (admins: who receives which)
import { z } from 'zod';
import { isoDate, localizedMessage } from './common.ts';

export const REPORT_KINDS = ['weekly', 'monthly', 'on-demand'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const DAY_MS = 86_400_000;

/** The longest range a report covers: a year and a day (a leap year's 366 days). */
export const MAX_REPORT_DAYS = 366;

export const createReportRequest = z
  .strictObject({
    from: isoDate.describe('Start of the period (inclusive), e.g. 2026-11-01T00:00:00+03:00'),
    to: isoDate.describe('End of the period (exclusive)'),
  })
  .refine((body) => Date.parse(body.to) > Date.parse(body.from), {
    path: ['to'],
    message: localizedMessage(
      'The end of the period must come after its start.',
      'يجب أن تأتي نهاية الفترة بعد بدايتها.',
    ),
  })
  .refine((body) => (Date.parse(body.to) - Date.parse(body.from)) / DAY_MS <= MAX_REPORT_DAYS, {
    path: ['to'],
    message: localizedMessage(
      'A report covers at most 366 days; choose a shorter period.',
      'يغطي التقرير 366 يومًا على الأكثر؛ اختر فترة أقصر.',
    ),
  })
  .meta({ id: 'CreateReport' });
export type CreateReportRequest = z.output<typeof createReportRequest>;

/** A stored report: its period, how it was made, and where to download it. */
export const reportSummary = z
  .object({
    id: z.string(),
    kind: z.enum(REPORT_KINDS),
    periodStart: z.date(),
    periodEnd: z.date().describe('Exclusive'),
    timeZone: z.string(),
    language: z.enum(['ar', 'en']),
    pages: z.number().int(),
    pdfUrl: z.string(),
    csvUrl: z.string(),
    /** Who asked for it; null for the scheduled ones. */
    requestedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.output<typeof reportSummary>;

export const reportList = z
  .object({
    items: z.array(reportSummary),
    /** Pass back as `cursor` for the next (older) page; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReportList' });
export type ReportList = z.output<typeof reportList>;

export const reportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const reportFileParams = z.object({
  id: z.uuid({ message: localizedMessage('Unknown report.', 'تقرير غير معروف.') }),
});

/** Which scheduled reports a user receives by e-mail. */
export const reportSubscription = z
  .strictObject({ weekly: z.boolean(), monthly: z.boolean() })
  .meta({ id: 'ReportSubscription' });
export type ReportSubscription = z.output<typeof reportSubscription>;

export const reportSubscriptionQuery = z.object({
  /** Admins may read or set another user's subscription. */
  userId: z.uuid().optional(),
});

/** Who in the workspace receives the weekly or monthly report by e-mail (admins read it). */
export const reportSubscriberList = z
  .object({
    items: z.array(
      z.object({
        user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
        weekly: z.boolean(),
        monthly: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ReportSubscriberList' });
export type ReportSubscriberList = z.output<typeof reportSubscriberList>;
