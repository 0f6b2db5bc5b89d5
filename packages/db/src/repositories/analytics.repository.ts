// Figures across a workspace (issue 9). Each query reads the case filter the case list reads, so a
// figure and the list it drills down to count the same cases.
import { offsetAt } from '@sada/core';
import { and, eq, gte, inArray, lt, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, rowsOf } from '../database.ts';
import { caseMetric, caseRollup, caseRollupChange, satisfactionSurvey, supportCase } from '../schema.ts';
import { type CaseFilter, type CaseFilterColumns, caseFilterConditions } from './case.repository.ts';

export type VolumeDimension = 'category' | 'channel' | 'kind' | 'product' | 'region' | 'sentiment' | 'team';
export type VolumeInterval = 'day' | 'week';

const DIMENSION_COLUMNS: Record<VolumeDimension, SQL> = {
  category: sql`${caseMetric.category}`,
  channel: sql`${caseMetric.channel}`,
  kind: sql`${caseMetric.kind}`,
  product: sql`${caseMetric.product}`,
  region: sql`${caseMetric.region}`,
  sentiment: sql`${caseMetric.sentiment}`,
  team: sql`${caseMetric.teamId}::text`,
};

/** A local timestamp's bucket start: the day, or the week starting on Sunday. */
function bucketOf(local: SQL, interval: VolumeInterval): SQL {
  return interval === 'day'
    ? sql`date_trunc('day', ${local})`
    : sql`(date_trunc('week', ${local} + interval '1 day') - interval '1 day')`;
}

export type VolumeCounts = {
  /** Every bucket of the range in order: its start as an instant. */
  buckets: Date[];
  /** Cases per key and bucket (index into `buckets`). */
  counts: { key: string | null; bucket: number; count: number }[];
};

/**
 * Cases created in [from, to) that match the filter, counted per value of one field and per day or
 * week of the workspace's time zone (DST days are 23 or 25 hours long, as the zone says).
 */
export async function countCaseVolume(
  executor: Executor,
  options: {
    filter: CaseFilter;
    by: VolumeDimension;
    interval: VolumeInterval;
    timeZone: string;
    from: Date;
    to: Date;
  },
): Promise<VolumeCounts> {
  const { interval, timeZone, from, to } = options;
  const localFrom = sql`(${from.toISOString()}::timestamptz AT TIME ZONE ${timeZone})`;
  const localTo = sql`(${to.toISOString()}::timestamptz AT TIME ZONE ${timeZone})`;
  const step = interval === 'day' ? sql`interval '1 day'` : sql`interval '7 days'`;
  const bucketRows = rowsOf<{ startsAt: Date | string }>(
    await executor.execute(sql`
      SELECT (local_start AT TIME ZONE ${timeZone}) AS "startsAt"
        FROM generate_series(${bucketOf(localFrom, interval)}, ${localTo}, ${step}) AS local_start
       WHERE local_start < ${localTo}
       ORDER BY local_start`),
  );
  const buckets = bucketRows.map((row) => new Date(row.startsAt));
  const bucketStart = (at: SQLWrapper) =>
    sql`(${bucketOf(sql`(${at} AT TIME ZONE ${timeZone})`, interval)} AT TIME ZONE ${timeZone})`;
  type Row = { key: string | null; startsAt: Date | string; count: number };
  const rows = isRollupEnough(options)
    ? rowsOf<Row>(
        await executor.execute(sql`
          SELECT value AS key, ${bucketStart(sql`hour`)} AS "startsAt", sum(cases)::int AS count
            FROM ${rollupRows(options.filter.workspaceId, options.by, from, to)}
           GROUP BY 1, 2 HAVING sum(cases) <> 0
           ORDER BY 1, 2`),
      )
    : await executor
        .select({
          key: sql<string | null>`${DIMENSION_COLUMNS[options.by]}`,
          startsAt: sql<Date | string>`${bucketStart(caseMetric.createdAt)}`,
          count: sql<number>`count(*)::int`,
        })
        .from(caseMetric)
        .where(and(...metricConditions(options.filter, from, to)))
        // By position: the same expression written twice carries its parameters twice, and PostgreSQL
        // would not see the grouped and the selected one as equal.
        .groupBy(sql`1, 2`)
        .orderBy(sql`1, 2`);
  const indexOf = new Map(buckets.map((start, index) => [start.getTime(), index]));
  return {
    buckets,
    counts: rows.map((row) => ({
      key: row.key,
      bucket: indexOf.get(new Date(row.startsAt).getTime()) ?? 0,
      count: Number(row.count),
    })),
  };
}

const HOUR_MS = 3_600_000;

/**
 * Whether the whole-workspace counts of case_rollup (migration 0019) answer a count exactly: no filter
 * but the workspace, a range of whole hours, and a zone whose offset is whole hours all through it
 * (India's +5:30 splits an hour between two days; then the cases themselves are counted).
 */
function isRollupEnough(options: { filter: CaseFilter; timeZone: string; from: Date; to: Date }): boolean {
  // The workspace's own condition is the only one.
  const isWholeWorkspace = caseFilterConditions(options.filter).length === 1;
  const [from, to] = [options.from.getTime(), options.to.getTime()];
  if (!isWholeWorkspace || from % HOUR_MS !== 0 || to % HOUR_MS !== 0) return false;
  // Offsets change a few times a year at most and hold for months: one look a day sees every one.
  for (let at = from; at < to + 86_400_000; at += 86_400_000) {
    if (offsetAt(options.timeZone, Math.min(at, to)) % HOUR_MS !== 0) return false;
  }
  return true;
}

/** The hourly counts of one field in [from, to): the folded ones and the changes not folded yet. */
function rollupRows(workspaceId: string, dimension: string, from: Date, to: Date): SQL {
  const range = sql`workspace_id = ${workspaceId} AND dimension = ${dimension}
    AND hour >= ${from.toISOString()}::timestamptz AND hour < ${to.toISOString()}::timestamptz`;
  return sql`(SELECT value, hour, cases FROM ${caseRollup} WHERE ${range}
    UNION ALL SELECT value, hour, cases FROM ${caseRollupChange} WHERE ${range}) AS counted`;
}

/**
 * Adds the changes appended since the last fold into case_rollup, and drops counters that reached
 * zero. Changes appended by transactions still running are left for the next fold; two folds at once
 * each take only the changes they deleted, so none is counted twice.
 */
export async function foldCaseRollup(executor: Executor): Promise<number> {
  return executor.transaction(async (tx) => {
    const folded = rowsOf<{ changes: number }>(
      await tx.execute(sql`
        WITH moved AS (
          DELETE FROM ${caseRollupChange} RETURNING workspace_id, dimension, hour, value, cases
        ), summed AS (
          INSERT INTO ${caseRollup} AS r (workspace_id, dimension, hour, value, cases)
          SELECT workspace_id, dimension, hour, value, sum(cases)::int FROM moved GROUP BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT case_rollup_key DO UPDATE SET cases = r.cases + excluded.cases
        )
        SELECT count(*)::int AS changes FROM moved`),
    );
    await tx.execute(sql`DELETE FROM ${caseRollup} WHERE cases = 0`);
    return Number(folded[0]?.changes ?? 0);
  });
}

export type CaseSatisfaction = { caseId: string; rating: number; nps: number | null; comment: string | null };

/** The latest answered survey of each case of a page (cases without one are absent). */
export async function listCaseSatisfaction(
  executor: Executor,
  workspaceId: string,
  caseIds: string[],
): Promise<CaseSatisfaction[]> {
  if (caseIds.length === 0) return [];
  const rows = await executor
    .selectDistinctOn([satisfactionSurvey.caseId], {
      caseId: satisfactionSurvey.caseId,
      rating: satisfactionSurvey.rating,
      nps: satisfactionSurvey.nps,
      comment: satisfactionSurvey.comment,
    })
    .from(satisfactionSurvey)
    .where(
      and(
        sql`${satisfactionSurvey.workspaceId} = ${workspaceId}`,
        inArray(satisfactionSurvey.caseId, caseIds),
        sql`${satisfactionSurvey.status} = 'answered'`,
      ),
    )
    .orderBy(satisfactionSurvey.caseId, sql`${satisfactionSurvey.answeredAt} DESC`);
  return rows.map((row) => ({ ...row, rating: row.rating ?? 0 }));
}

export type HandlingDimension = 'team' | 'agent' | 'channel';

// Grouped by the column itself (comparing uuids is cheaper than comparing their text), named as text.
const HANDLING_KEYS: Record<HandlingDimension, AnyPgColumn> = {
  team: caseMetric.teamId,
  agent: caseMetric.assigneeId,
  channel: caseMetric.channel,
};

/** case_metric's columns under the names the case filter reads (see caseFilterConditions). */
const METRIC_COLUMNS: CaseFilterColumns = { ...caseMetric, id: caseMetric.caseId };

/** The analytics' copy of the cases (case_metric) created in [from, to) that match the filter. */
function metricConditions(filter: CaseFilter, from: Date, to: Date): SQL[] {
  return [
    ...caseFilterConditions(filter, METRIC_COLUMNS),
    gte(caseMetric.createdAt, from),
    lt(caseMetric.createdAt, to),
  ];
}

export type HandlingRow = {
  key: string | null;
  cases: number;
  /** Still new, open or pending. */
  open: number;
  /** Resolved now (the time to resolution counts to the last resolution). */
  resolved: number;
  /** Resolved or closed at some point, then opened again. */
  reopened: number;
  /** Resolved or closed at some point: what the reopen rate divides by. */
  everResolved: number;
  firstResponse: { count: number; median: number | null; p90: number | null };
  resolution: { count: number; median: number | null; p90: number | null };
  /** SLA targets met and breached (every target of the group's cases that has finished or breached). */
  sla: { met: number; breached: number };
  /** Answered surveys: how many, the mean rating, how many rated 4 or 5; NPS answers by band. */
  csat: { answered: number; average: number | null; satisfied: number };
  nps: { answered: number; promoters: number; detractors: number };
  /** Compensation given, per currency (monetary lines only). */
  compensation: { currency: string; amount: number }[];
  /** Move to private: invitations sent, accepted (the customer wrote privately), and still open. */
  privateMove: { invited: number; accepted: number; waiting: number };
};

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * How the cases created in [from, to) that match the filter were handled, per team, agent or channel
 * and in total (read from the cases, never summed from the groups): first response and resolution
 * (median and 90th percentile), backlog, reopenings, SLA compliance, satisfaction, move to private
 * and compensation. Over case_metric with both groupings: counts, percentiles, and compensation.
 */
export async function reportCaseHandling(
  executor: Executor,
  options: {
    filter: CaseFilter;
    by: HandlingDimension;
    from: Date;
    to: Date;
    /** An unanswered invitation sent after this instant may still be accepted (it is waiting). */
    invitationsOpenSince: Date;
  },
): Promise<{ groups: HandlingRow[]; total: HandlingRow }> {
  const key = HANDLING_KEYS[options.by];
  const where = and(...metricConditions(options.filter, options.from, options.to));
  const m = caseMetric;
  const seconds = (end: typeof m.firstResponseAt) => sql`extract(epoch FROM ${end} - ${m.createdAt})`;
  const grouped = sql`GROUP BY GROUPING SETS ((${key}), ())`;
  // Three queries at once (on a server, three connections): the counts aggregate by hashing, the
  // percentiles sort; together in one query everything waited for the sorts.
  const [main, percentileRows, money] = await Promise.all([
    executor.execute(sql`
      SELECT grouping(${key}) = 1 AS is_total, ${key}::text AS key,
             count(*)::int AS cases,
             count(*) FILTER (WHERE ${m.status} IN ('new', 'open', 'pending'))::int AS open,
             count(${m.resolvedAt})::int AS resolved,
             count(*) FILTER (WHERE ${m.reopened})::int AS reopened,
             count(*) FILTER (WHERE ${m.everResolved})::int AS ever_resolved,
             count(${m.firstResponseAt})::int AS fr_count,
             count(${m.resolvedAt})::int AS res_count,
             coalesce(sum(${m.slaMet}), 0)::int AS sla_met,
             coalesce(sum(${m.slaBreached}), 0)::int AS sla_breached,
             count(${m.rating})::int AS answered,
             avg(${m.rating})::float8 AS average,
             count(*) FILTER (WHERE ${m.rating} >= 4)::int AS satisfied,
             count(${m.nps})::int AS nps_answered,
             count(*) FILTER (WHERE ${m.nps} >= 9)::int AS promoters,
             count(*) FILTER (WHERE ${m.nps} <= 6)::int AS detractors,
             count(${m.movedPrivateAt})::int AS private_invited,
             count(*) FILTER (WHERE ${m.movedPrivateAt} IS NOT NULL AND ${m.privateAcceptedAt} IS NOT NULL)::int
               AS private_accepted,
             count(*) FILTER (WHERE ${m.privateAcceptedAt} IS NULL AND ${m.status} <> 'closed'
               AND ${m.movedPrivateAt} > ${options.invitationsOpenSince.toISOString()}::timestamptz)::int
               AS private_waiting
        FROM ${m}
       WHERE ${where}
       ${grouped}`),
    executor.execute(sql`
      SELECT grouping(${key}) = 1 AS is_total, ${key}::text AS key,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${seconds(m.firstResponseAt)}) AS fr,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${seconds(m.resolvedAt)}) AS res
        FROM ${m}
       WHERE ${where}
       ${grouped}`),
    executor.execute(sql`
      SELECT grouping(${key}) = 1 AS is_total, ${key}::text AS key, g.currency, sum(g.amount)::float8 AS amount
        FROM ${m} JOIN compensation g ON g.case_id = ${m.caseId} AND g.workspace_id = ${m.workspaceId}
       WHERE ${where} AND g.status = 'given' AND g.currency <> ''
       GROUP BY GROUPING SETS ((${key}, g.currency), (g.currency))
       ORDER BY 1, 2, 3`),
  ]);
  const slotOf = (row: { is_total: boolean; key: string | null }) =>
    row.is_total ? 'total' : `group:${row.key}`;
  type PercentileRow = { is_total: boolean; key: string | null; fr: unknown; res: unknown };
  const percentilesOf = new Map(rowsOf<PercentileRow>(percentileRows).map((row) => [slotOf(row), row]));
  const moneyOf = new Map<string, { currency: string; amount: number }[]>();
  type MoneyRow = { is_total: boolean; key: string | null; currency: string; amount: number };
  for (const row of rowsOf<MoneyRow>(money)) {
    const list = moneyOf.get(slotOf(row)) ?? [];
    list.push({ currency: row.currency, amount: Number(row.amount) });
    moneyOf.set(slotOf(row), list);
  }
  const percentiles = (value: unknown) => {
    const [median, p90] = Array.isArray(value) ? value : [];
    return { median: toNumber(median), p90: toNumber(p90) };
  };
  const rows = rowsOf<Record<string, unknown> & { is_total: boolean; key: string | null }>(main).map(
    (row): HandlingRow & { isTotal: boolean } => ({
      isTotal: row.is_total,
      key: row.is_total ? null : row.key,
      cases: Number(row.cases),
      open: Number(row.open),
      resolved: Number(row.resolved),
      reopened: Number(row.reopened),
      everResolved: Number(row.ever_resolved),
      firstResponse: { count: Number(row.fr_count), ...percentiles(percentilesOf.get(slotOf(row))?.fr) },
      resolution: { count: Number(row.res_count), ...percentiles(percentilesOf.get(slotOf(row))?.res) },
      sla: { met: Number(row.sla_met), breached: Number(row.sla_breached) },
      csat: {
        answered: Number(row.answered),
        average: Number(row.answered) > 0 ? Number(row.average) : null,
        satisfied: Number(row.satisfied),
      },
      nps: {
        answered: Number(row.nps_answered),
        promoters: Number(row.promoters),
        detractors: Number(row.detractors),
      },
      compensation: moneyOf.get(slotOf(row)) ?? [],
      privateMove: {
        invited: Number(row.private_invited),
        accepted: Number(row.private_accepted),
        waiting: Number(row.private_waiting),
      },
    }),
  );
  const { isTotal: _, ...total } = rows.find((row) => row.isTotal) ?? { ...emptyHandlingRow, isTotal: true };
  return { groups: rows.filter((row) => !row.isTotal).map(({ isTotal: _, ...row }) => row), total };
}

/** The figures of no cases at all (a range without cases has no total row). */
const emptyHandlingRow: HandlingRow = {
  key: null,
  cases: 0,
  open: 0,
  resolved: 0,
  reopened: 0,
  everResolved: 0,
  firstResponse: { count: 0, median: null, p90: null },
  resolution: { count: 0, median: null, p90: null },
  sla: { met: 0, breached: 0 },
  csat: { answered: 0, average: null, satisfied: 0 },
  nps: { answered: 0, promoters: 0, detractors: 0 },
  compensation: [],
  privateMove: { invited: 0, accepted: 0, waiting: 0 },
};

/** The values of a free-text field among the cases of a workspace created in [from, to), most frequent first. */
export async function countCaseFieldValues(
  executor: Executor,
  options: { workspaceId: string; field: 'product' | 'region'; from: Date; to: Date; limit: number },
): Promise<{ value: string; count: number }[]> {
  const column = options.field === 'product' ? caseMetric.product : caseMetric.region;
  const rows = await executor
    .select({ value: sql<string>`${column}`, count: sql<number>`count(*)::int` })
    .from(caseMetric)
    .where(
      and(
        eq(caseMetric.workspaceId, options.workspaceId),
        gte(caseMetric.createdAt, options.from),
        lt(caseMetric.createdAt, options.to),
        sql`${column} IS NOT NULL`,
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`2 DESC, 1`)
    .limit(options.limit);
  return rows.map((row) => ({ value: row.value, count: Number(row.count) }));
}

/** Cases created in [from, to) that match the filter, per weekday (0 Sunday) and hour of the zone. */
export async function countByWeekdayHour(
  executor: Executor,
  options: { filter: CaseFilter; timeZone: string; from: Date; to: Date },
): Promise<{ weekday: number; hour: number; count: number }[]> {
  const local = (at: SQLWrapper) => sql`(${at} AT TIME ZONE ${options.timeZone})`;
  type Row = { weekday: number; hour: number; count: number };
  // Every case has a kind: the kinds' counts of an hour are all its cases.
  const rows = isRollupEnough(options)
    ? rowsOf<Row>(
        await executor.execute(sql`
          SELECT extract(dow FROM ${local(sql`hour`)})::int AS weekday,
                 extract(hour FROM ${local(sql`hour`)})::int AS hour, sum(cases)::int AS count
            FROM ${rollupRows(options.filter.workspaceId, 'kind', options.from, options.to)}
           GROUP BY 1, 2 HAVING sum(cases) <> 0
           ORDER BY 1, 2`),
      )
    : await executor
        .select({
          weekday: sql<number>`extract(dow FROM ${local(caseMetric.createdAt)})::int`,
          hour: sql<number>`extract(hour FROM ${local(caseMetric.createdAt)})::int`,
          count: sql<number>`count(*)::int`,
        })
        .from(caseMetric)
        .where(and(...metricConditions(options.filter, options.from, options.to)))
        .groupBy(sql`1, 2`)
        .orderBy(sql`1, 2`);
  return rows.map((row) => ({
    weekday: Number(row.weekday),
    hour: Number(row.hour),
    count: Number(row.count),
  }));
}

/** The age bands of the backlog, in days: under 1, 1–3, 3–7, 7–30, 30 and more. */
export const BACKLOG_AGE_DAYS = [1, 3, 7, 30] as const;

/** Cases still new, open or pending that match the filter, per status and age band at `now`. */
export async function countBacklogByAge(
  executor: Executor,
  options: { filter: CaseFilter; now: Date },
): Promise<{ status: string; band: number; count: number }[]> {
  const age = sql`(${options.now.toISOString()}::timestamptz - ${supportCase.createdAt})`;
  const band = sql.join(
    BACKLOG_AGE_DAYS.map(
      (days, index) => sql`WHEN ${age} < ${sql.raw(`interval '${days} days'`)} THEN ${index}`,
    ),
    sql` `,
  );
  const rows = await executor
    .select({
      status: supportCase.status,
      band: sql<number>`CASE ${band} ELSE ${BACKLOG_AGE_DAYS.length} END`,
      count: sql<number>`count(*)::int`,
    })
    .from(supportCase)
    .where(
      and(
        ...caseFilterConditions({ ...options.filter, statuses: ['new', 'open', 'pending'] }),
        lt(supportCase.createdAt, options.now),
      ),
    )
    .groupBy(sql`1, 2`)
    .orderBy(sql`1, 2`);
  return rows.map((row) => ({ status: row.status, band: Number(row.band), count: Number(row.count) }));
}

/** The texts of the newest cases created in [from, to) that match the filter (at most `limit`). */
export async function listCaseTexts(
  executor: Executor,
  options: { filter: CaseFilter; from: Date; to: Date; limit: number },
): Promise<{ id: string; referenceNumber: string; subject: string; description: string; createdAt: Date }[]> {
  return executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
      description: supportCase.description,
      createdAt: supportCase.createdAt,
    })
    .from(supportCase)
    .where(
      and(
        ...caseFilterConditions(options.filter),
        gte(supportCase.createdAt, options.from),
        lt(supportCase.createdAt, options.to),
        sql`${supportCase.kind} NOT IN ('spam', 'abuse')`,
      ),
    )
    .orderBy(sql`${supportCase.createdAt} DESC`)
    .limit(options.limit);
}
