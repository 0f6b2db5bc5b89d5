// Figures across a workspace (issue 9): complaint volume over time, how cases were handled, and the
// one-row-per-case CSV.
//   GET /api/analytics/volume?from&to&by&interval  → VolumeReport
//   GET /api/analytics/handling?from&to&by         → HandlingReport
//   GET /api/analytics/heatmap?from&to             → HeatmapReport
//   GET /api/analytics/backlog                     → BacklogReport
//   GET /api/analytics/alerts                      → SpikeAlertList
//   GET /api/analytics/issues?from&to              → EmergingIssues
//   GET /api/analytics/values?field&from&to        → CaseFieldValues
//   GET /api/cases/export.csv?<the case list's filters>&lang=ar|en → text/csv
import { z } from 'zod';
import { caseFilters } from './cases.ts';
import { isoDate, localizedMessage } from './common.ts';

export const VOLUME_DIMENSIONS = [
  'category',
  'channel',
  'kind',
  'product',
  'region',
  'sentiment',
  'team',
] as const;
export const VOLUME_INTERVALS = ['day', 'week'] as const;

/** How many points one series may have: a year of days, five years of weeks. */
export const MAX_VOLUME_POINTS = { day: 366, week: 260 } as const;

const DAY_MS = 86_400_000;

export const volumeQuery = caseFilters
  .omit({ sort: true, createdFrom: true, createdTo: true, slaDueWithin: true })
  .extend({
    from: isoDate.describe('Start of the range (inclusive), e.g. 2026-11-01T00:00:00+03:00'),
    to: isoDate.describe('End of the range (exclusive)'),
    by: z.enum(VOLUME_DIMENSIONS).describe('One series per value of this field; null: not set'),
    interval: z
      .enum(VOLUME_INTERVALS)
      .default('day')
      .describe("Buckets in the workspace's time zone; weeks start on Sunday"),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
    path: ['to'],
    message: localizedMessage('"to" must be after "from".', 'يجب أن يكون "to" بعد "from".'),
  })
  .refine(
    (query) =>
      (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS <=
      MAX_VOLUME_POINTS[query.interval] * (query.interval === 'week' ? 7 : 1),
    {
      path: ['to'],
      message: localizedMessage(
        'The range is too long for this interval: at most 366 days by day, or 260 weeks by week.',
        'المدى أطول مما يسمح به هذا التقسيم: 366 يومًا على الأكثر باليوم، أو 260 أسبوعًا بالأسبوع.',
      ),
    },
  );
export type VolumeQuery = z.output<typeof volumeQuery>;

export const volumeReport = z
  .object({
    interval: z.enum(VOLUME_INTERVALS),
    timeZone: z.string(),
    series: z.array(
      z.object({
        /** The field's value (a team's id for `team`); null: cases without one. */
        key: z.string().nullable(),
        /** What to show for the key (a team's name); null: "not set". */
        label: z.string().nullable(),
        total: z.number().int(),
        /** Every bucket of the range, in order, with zero where no case arrived. */
        points: z.array(z.object({ t: isoDate, count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'VolumeReport' });
export type VolumeReport = z.output<typeof volumeReport>;

export const HANDLING_DIMENSIONS = ['team', 'agent', 'channel'] as const;

/** At most a year and a day: the handling figures read every case of the range. */
const MAX_HANDLING_DAYS = 366;

/** A creation range ("to" after "from") of at most MAX_HANDLING_DAYS. */
function withinHandlingDays<T extends z.ZodType<{ from: string; to: string }>>(schema: T): T {
  return schema
    .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
      path: ['to'],
      message: localizedMessage('"to" must be after "from".', 'يجب أن يكون "to" بعد "from".'),
    })
    .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS <= MAX_HANDLING_DAYS, {
      path: ['to'],
      message: localizedMessage('The range is at most 366 days.', 'المدى 366 يومًا على الأكثر.'),
    });
}

export const handlingQuery = withinHandlingDays(
  caseFilters.omit({ sort: true, createdFrom: true, createdTo: true, slaDueWithin: true }).extend({
    from: isoDate.describe('Cases created from (inclusive)'),
    to: isoDate.describe('Cases created before (exclusive)'),
    by: z.enum(HANDLING_DIMENSIONS).default('team').describe('One row per team, agent (assignee) or channel'),
  }),
);
export type HandlingQuery = z.output<typeof handlingQuery>;

const duration = z.object({
  count: z.number().int().describe('Cases with this time'),
  median: z.number().nullable().describe('Seconds from creation'),
  p90: z.number().nullable().describe('Seconds from creation, 90th percentile'),
});

export const handlingRow = z.object({
  /** The team's or agent's id, or the channel; null: no team, unassigned. */
  key: z.string().nullable(),
  label: z.string().nullable(),
  cases: z.number().int(),
  open: z.number().int().describe('Still new, open or pending'),
  resolved: z.number().int(),
  reopened: z.number().int().describe('Resolved or closed, then opened again'),
  reopenRate: z.number().nullable().describe('reopened / cases resolved or closed at some point'),
  firstResponse: duration,
  resolution: duration,
  sla: z.object({ met: z.number().int(), breached: z.number().int(), compliance: z.number().nullable() }),
  csat: z.object({
    answered: z.number().int(),
    average: z.number().nullable().describe('Mean rating, 1–5'),
    score: z.number().nullable().describe('Share rated 4 or 5, 0–1'),
  }),
  nps: z.object({ answered: z.number().int(), score: z.number().nullable().describe('-100 to 100') }),
  compensation: z.array(z.object({ currency: z.string(), amount: z.number() })),
  privateMove: z
    .object({
      invited: z
        .number()
        .int()
        .describe('Public conversations whose customer an agent invited to private messages'),
      accepted: z.number().int().describe('Of those, the customer then wrote privately (the same case)'),
      waiting: z
        .number()
        .int()
        .describe('Invited within the last 7 days, not answered yet and not closed: they may still accept'),
      rate: z.number().nullable().describe('accepted / (invited − waiting): acceptance of move-to-private'),
    })
    .describe('Acceptance of move-to-private'),
});
export type HandlingRowView = z.output<typeof handlingRow>;

export const handlingReport = z
  .object({ rows: z.array(handlingRow), total: handlingRow })
  .meta({ id: 'HandlingReport' });
export type HandlingReport = z.output<typeof handlingReport>;

/** The same range and filters as the handling figures (at most 366 days). */
export const heatmapQuery = handlingQuery;
export type HeatmapQuery = HandlingQuery;

export const heatmapReport = z
  .object({
    timeZone: z.string(),
    /** 7 × 24 counts: `counts[weekday][hour]`, weekday 0 = Sunday, in the workspace's zone. */
    counts: z.array(z.array(z.number().int())),
    total: z.number().int(),
  })
  .meta({ id: 'HeatmapReport' });
export type HeatmapReport = z.output<typeof heatmapReport>;

/** The open cases now: the case list's filters but status (always new, open and pending). */
export const backlogQuery = caseFilters.omit({ sort: true, slaDueWithin: true, status: true });
export type BacklogQuery = z.output<typeof backlogQuery>;

export const backlogReport = z
  .object({
    asOf: z.date(),
    total: z.number().int(),
    bands: z.array(
      z.object({
        /** Cases younger than this many days (and at least the previous band's); null: the oldest band. */
        underDays: z.number().int().nullable(),
        new: z.number().int(),
        open: z.number().int(),
        pending: z.number().int(),
        total: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'BacklogReport' });
export type BacklogReport = z.output<typeof backlogReport>;

/** An hour with far more negative complaints than usual for a category, product or channel. */
export const spikeAlert = z
  .object({
    id: z.string(),
    dimension: z.enum(['category', 'product', 'channel']),
    key: z.string(),
    windowStart: z.date(),
    windowEnd: z.date(),
    count: z.number().int().describe('Negative cases in the hour'),
    usual: z.number().describe('The mean of the same hour of the week in earlier weeks'),
    threshold: z.number().int().describe('The count at or above which the hour was a spike'),
    examples: z.array(z.object({ referenceNumber: z.string(), subject: z.string() })),
    createdAt: z.date(),
  })
  .meta({ id: 'SpikeAlert' });
export type SpikeAlert = z.output<typeof spikeAlert>;

export const spikeAlertList = z.object({ items: z.array(spikeAlert) });

/** Complaints of the range grouped by what they say (at most 2000 of the newest are read). */
export const emergingIssues = z
  .object({
    /** How many cases were read. */
    cases: z.number().int(),
    issues: z.array(
      z.object({
        terms: z.array(z.string()).describe('The heaviest words of the group'),
        size: z.number().int(),
        earlier: z.number().int().describe('Cases in the first half of the range'),
        later: z.number().int().describe('Cases in the second half'),
        trend: z.enum(['rising', 'steady', 'falling']),
        examples: z.array(z.object({ referenceNumber: z.string(), subject: z.string() })),
      }),
    ),
  })
  .meta({ id: 'EmergingIssues' });
export type EmergingIssues = z.output<typeof emergingIssues>;

/** Fields of free text the page's filters offer the values of. */
export const CASE_VALUE_FIELDS = ['product', 'region'] as const;

/** The values a field takes in the cases created in a range (at most 366 days). */
export const caseFieldValuesQuery = withinHandlingDays(
  z.strictObject({
    field: z.enum(CASE_VALUE_FIELDS),
    from: isoDate.describe('Cases created from (inclusive)'),
    to: isoDate.describe('Cases created before (exclusive)'),
  }),
);
export type CaseFieldValuesQuery = z.output<typeof caseFieldValuesQuery>;

/** Up to 200 values, the most frequent first; cases without one are not counted. */
export const caseFieldValues = z
  .object({
    field: z.enum(CASE_VALUE_FIELDS),
    items: z.array(z.object({ value: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'CaseFieldValues' });
export type CaseFieldValues = z.output<typeof caseFieldValues>;

export const caseExportQuery = caseFilters.extend({
  lang: z.enum(['ar', 'en']).optional().describe("The header row's language; values stay as stored"),
});
export type CaseExportQuery = z.output<typeof caseExportQuery>;
