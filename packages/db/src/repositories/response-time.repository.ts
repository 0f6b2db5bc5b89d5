import { asc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { responseTimeSnapshot } from '../schema.ts';

export type ResponseTimeSnapshotRow = typeof responseTimeSnapshot.$inferSelect;

/**
 * Recomputes the live response time of every workspace (or of one) and channel in one statement:
 * the median of first_response_at − created_at over cases first answered in the hour before `now`,
 * or in the 24 hours before it when the hour has fewer than `minimumHourSample`. Channels with no
 * answer in 24 hours keep their row with no median. Returns the rows written.
 */
export async function refreshResponseTimeSnapshots(
  executor: Executor,
  options: { now: Date; minimumHourSample: number; workspaceId?: string | undefined },
): Promise<ResponseTimeSnapshotRow[]> {
  const now = sql`${options.now.toISOString()}::timestamptz`;
  const inScope = options.workspaceId ? sql`workspace_id = ${options.workspaceId}` : sql`true`;
  return executor.transaction(async (tx) => {
    const written = await tx.execute(sql`
      WITH answered AS (
        SELECT workspace_id, channel,
               extract(epoch FROM first_response_at - created_at) AS seconds,
               first_response_at > ${now} - interval '1 hour' AS is_last_hour
        FROM support_case
        WHERE ${inScope}
          AND first_response_at > ${now} - interval '24 hours' AND first_response_at <= ${now}
      ), per_channel AS (
        SELECT workspace_id, channel,
               count(*) FILTER (WHERE is_last_hour) AS hour_count,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE is_last_hour) AS hour_median,
               count(*) AS day_count,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS day_median
        FROM answered
        GROUP BY workspace_id, channel
      )
      INSERT INTO response_time_snapshot
        (workspace_id, channel, median_seconds, sample_size, window_hours, computed_at)
      SELECT workspace_id, channel,
             round(CASE WHEN hour_count >= ${options.minimumHourSample} THEN hour_median ELSE day_median END)::integer,
             CASE WHEN hour_count >= ${options.minimumHourSample} THEN hour_count ELSE day_count END,
             CASE WHEN hour_count >= ${options.minimumHourSample} THEN 1 ELSE 24 END,
             ${now}
      FROM per_channel
      ON CONFLICT (workspace_id, channel) DO UPDATE SET
        median_seconds = excluded.median_seconds,
        sample_size = excluded.sample_size,
        window_hours = excluded.window_hours,
        computed_at = excluded.computed_at
      RETURNING workspace_id AS "workspaceId", channel, median_seconds AS "medianSeconds",
                sample_size AS "sampleSize", window_hours AS "windowHours", computed_at AS "computedAt"
    `);
    // A channel that went a whole day unanswered has no figure now, rather than yesterday's.
    const emptied = await tx.execute(sql`
      UPDATE response_time_snapshot
      SET median_seconds = NULL, sample_size = 0, window_hours = 24, computed_at = ${now}
      WHERE ${inScope} AND computed_at < ${now}
      RETURNING workspace_id AS "workspaceId", channel, median_seconds AS "medianSeconds",
                sample_size AS "sampleSize", window_hours AS "windowHours", computed_at AS "computedAt"
    `);
    return [...rowsOf<RawSnapshot>(written), ...rowsOf<RawSnapshot>(emptied)].map(snapshotOf);
  });
}

type RawSnapshot = Omit<ResponseTimeSnapshotRow, 'computedAt' | 'sampleSize'> & {
  computedAt: Date | string;
  sampleSize: number | string;
};

// Raw rows come back as each driver types them: timestamps as Date or text, counts as number or text.
const snapshotOf = (row: RawSnapshot): ResponseTimeSnapshotRow => ({
  ...row,
  sampleSize: Number(row.sampleSize),
  computedAt: new Date(row.computedAt),
});

/** A workspace's live response time per channel, as the job last computed it. */
export function listResponseTimeSnapshots(
  executor: Executor,
  workspaceId: string,
): Promise<ResponseTimeSnapshotRow[]> {
  return executor
    .select()
    .from(responseTimeSnapshot)
    .where(eq(responseTimeSnapshot.workspaceId, workspaceId))
    .orderBy(asc(responseTimeSnapshot.channel));
}
