// Figures across a workspace (issue 9). Each query reads the case filter the case list reads, so a
// figure and the list it drills down to count the same cases.
import { and, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { satisfactionSurvey, supportCase } from '../schema.ts';
import { type CaseFilter, caseFilterConditions } from './case.repository.ts';

export type VolumeDimension = 'category' | 'channel' | 'kind' | 'product' | 'region' | 'team';
export type VolumeInterval = 'day' | 'week';

const DIMENSION_COLUMNS: Record<VolumeDimension, SQL> = {
  category: sql`${supportCase.category}`,
  channel: sql`${supportCase.channel}`,
  kind: sql`${supportCase.kind}`,
  product: sql`${supportCase.product}`,
  region: sql`${supportCase.region}`,
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
