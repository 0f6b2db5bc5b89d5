// Figures across a workspace (issue 9). Each query reads the case filter the case list reads, so a
// figure and the list it drills down to count the same cases.
import { and, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { satisfactionSurvey, supportCase } from '../schema.ts';
import { type CaseFilter, caseFilterConditions } from './case.repository.ts';

export type VolumeDimension = 'category' | 'channel' | 'kind' | 'product' | 'region' | 'sentiment' | 'team';
export type VolumeInterval = 'day' | 'week';

const DIMENSION_COLUMNS: Record<VolumeDimension, SQL> = {
  category: sql`${supportCase.category}`,
  channel: sql`${supportCase.channel}`,
  kind: sql`${supportCase.kind}`,
  product: sql`${supportCase.product}`,
  region: sql`${supportCase.region}`,
  sentiment: sql`${supportCase.sentiment}`,
  team: sql`${supportCase.teamId}::text`,
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
  const localCreated = sql`(${supportCase.createdAt} AT TIME ZONE ${timeZone})`;
  const bucketStart = sql`(${bucketOf(localCreated, interval)} AT TIME ZONE ${timeZone})`;
  const key = DIMENSION_COLUMNS[options.by];
  const rows = await executor
    .select({
      key: sql<string | null>`${key}`,
      startsAt: sql<Date | string>`${bucketStart}`,
      count: sql<number>`count(*)::int`,
    })
    .from(supportCase)
    .where(
      and(
        ...caseFilterConditions(options.filter),
        gte(supportCase.createdAt, from),
        lt(supportCase.createdAt, to),
      ),
    )
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

/** `all`: one row for every case of the range (key 'all'). */
export type HandlingDimension = 'team' | 'agent' | 'channel' | 'all';

const HANDLING_KEYS: Record<HandlingDimension, SQL> = {
  all: sql`'all'::text`,
  team: sql`c.team_id::text`,
  agent: sql`c.assignee_id::text`,
  channel: sql`c.channel`,
};

/** How one group of cases was handled; times in wall-clock seconds from the case's creation. */
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
};

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * How the cases created in [from, to) that match the filter were handled, one row per team, agent
 * or channel: first response and resolution (median and 90th percentile), backlog, reopenings, SLA
 * compliance, satisfaction and compensation. Five grouped queries over the same case set.
 */
export async function reportCaseHandling(
  executor: Executor,
  options: { filter: CaseFilter; by: HandlingDimension; from: Date; to: Date },
): Promise<HandlingRow[]> {
  const key = HANDLING_KEYS[options.by];
  const selected = sql`SELECT ${supportCase.id} AS id FROM ${supportCase} WHERE ${and(
    ...caseFilterConditions(options.filter),
    gte(supportCase.createdAt, options.from),
    lt(supportCase.createdAt, options.to),
  )}`;
  const seconds = (end: string) => sql.raw(`extract(epoch FROM c.${end} - c.created_at)`);
  const [main, sla, surveys, money] = await Promise.all([
    executor.execute(sql`
      SELECT ${key} AS key,
             count(*)::int AS cases,
             count(*) FILTER (WHERE c.status IN ('new', 'open', 'pending'))::int AS open,
             count(*) FILTER (WHERE c.resolved_at IS NOT NULL)::int AS resolved,
             count(*) FILTER (WHERE r.was_reopened)::int AS reopened,
             count(*) FILTER (WHERE c.resolved_at IS NOT NULL OR c.closed_at IS NOT NULL OR r.was_reopened)::int
               AS ever_resolved,
             count(c.first_response_at)::int AS fr_count,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('first_response_at')}) AS fr_median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds('first_response_at')}) AS fr_p90,
             count(c.resolved_at)::int AS res_count,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('resolved_at')}) AS res_median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds('resolved_at')}) AS res_p90
        FROM support_case c
        CROSS JOIN LATERAL (
          SELECT EXISTS (
            SELECT 1 FROM case_event e
             WHERE e.case_id = c.id AND e.workspace_id = c.workspace_id
               AND e.type = 'case.status_changed'
               AND e.changes -> 'status' ->> 'before' IN ('resolved', 'closed')
               AND e.changes -> 'status' ->> 'after' NOT IN ('resolved', 'closed')) AS was_reopened) r
       WHERE c.id IN (${selected})
       GROUP BY 1`),
    executor.execute(sql`
      SELECT ${key} AS key,
             count(*) FILTER (WHERE s.breached_at IS NULL AND s.completed_at IS NOT NULL)::int AS met,
             count(*) FILTER (WHERE s.breached_at IS NOT NULL)::int AS breached
        FROM support_case c JOIN case_sla s ON s.case_id = c.id
       WHERE c.id IN (${selected})
       GROUP BY 1`),
    executor.execute(sql`
      SELECT ${key} AS key,
             count(v.rating)::int AS answered,
             avg(v.rating)::float8 AS average,
             count(*) FILTER (WHERE v.rating >= 4)::int AS satisfied,
             count(v.nps)::int AS nps_answered,
             count(*) FILTER (WHERE v.nps >= 9)::int AS promoters,
             count(*) FILTER (WHERE v.nps <= 6)::int AS detractors
        FROM support_case c
        JOIN LATERAL (
          SELECT sv.rating, sv.nps FROM ${satisfactionSurvey} sv
           WHERE sv.case_id = c.id AND sv.workspace_id = c.workspace_id AND sv.status = 'answered'
           ORDER BY sv.answered_at DESC LIMIT 1) v ON true
       WHERE c.id IN (${selected})
       GROUP BY 1`),
    executor.execute(sql`
      SELECT ${key} AS key, g.currency, sum(g.amount)::float8 AS amount
        FROM support_case c JOIN compensation g ON g.case_id = c.id AND g.workspace_id = c.workspace_id
       WHERE c.id IN (${selected}) AND g.status = 'given' AND g.currency <> ''
       GROUP BY 1, 2
       ORDER BY 1, 2`),
  ]);
  const slaOf = new Map(
    rowsOf<{ key: string | null; met: number; breached: number }>(sla).map((row) => [row.key, row]),
  );
  const surveyOf = new Map(
    rowsOf<{
      key: string | null;
      answered: number;
      average: number | null;
      satisfied: number;
      nps_answered: number;
      promoters: number;
      detractors: number;
    }>(surveys).map((row) => [row.key, row]),
  );
  const moneyOf = new Map<string | null, { currency: string; amount: number }[]>();
  for (const row of rowsOf<{ key: string | null; currency: string; amount: number }>(money)) {
    const list = moneyOf.get(row.key) ?? [];
    list.push({ currency: row.currency, amount: Number(row.amount) });
    moneyOf.set(row.key, list);
  }
  return rowsOf<Record<string, unknown> & { key: string | null }>(main).map((row) => {
    const survey = surveyOf.get(row.key);
    const clocks = slaOf.get(row.key);
    return {
      key: row.key,
      cases: Number(row.cases),
      open: Number(row.open),
      resolved: Number(row.resolved),
      reopened: Number(row.reopened),
      everResolved: Number(row.ever_resolved),
      firstResponse: {
        count: Number(row.fr_count),
        median: toNumber(row.fr_median),
        p90: toNumber(row.fr_p90),
      },
      resolution: {
        count: Number(row.res_count),
        median: toNumber(row.res_median),
        p90: toNumber(row.res_p90),
      },
      sla: { met: Number(clocks?.met ?? 0), breached: Number(clocks?.breached ?? 0) },
      csat: {
        answered: Number(survey?.answered ?? 0),
        average: survey?.answered ? Number(survey.average) : null,
        satisfied: Number(survey?.satisfied ?? 0),
      },
      nps: {
        answered: Number(survey?.nps_answered ?? 0),
        promoters: Number(survey?.promoters ?? 0),
        detractors: Number(survey?.detractors ?? 0),
      },
      compensation: moneyOf.get(row.key) ?? [],
    };
  });
}

/** Cases created in [from, to) that match the filter, per weekday (0 Sunday) and hour of the zone. */
export async function countByWeekdayHour(
  executor: Executor,
  options: { filter: CaseFilter; timeZone: string; from: Date; to: Date },
): Promise<{ weekday: number; hour: number; count: number }[]> {
  const local = sql`(${supportCase.createdAt} AT TIME ZONE ${options.timeZone})`;
  const rows = await executor
    .select({
      weekday: sql<number>`extract(dow FROM ${local})::int`,
      hour: sql<number>`extract(hour FROM ${local})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(supportCase)
    .where(
      and(
        ...caseFilterConditions(options.filter),
        gte(supportCase.createdAt, options.from),
        lt(supportCase.createdAt, options.to),
      ),
    )
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
