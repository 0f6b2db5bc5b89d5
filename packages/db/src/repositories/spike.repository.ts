// Early warnings (issue 9): negative complaints per hour against the same hour in earlier weeks,
// and the alerts raised from them.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { spikeAlert, supportCase } from '../schema.ts';

export type SpikeDimension = 'category' | 'product' | 'channel';
export const SPIKE_DIMENSIONS: readonly SpikeDimension[] = ['category', 'product', 'channel'];
export type SpikeAlertRow = typeof spikeAlert.$inferSelect;

const COLUMN: Record<SpikeDimension, string> = {
  category: 'category',
  product: 'product',
  channel: 'channel',
};

/** Negative cases of one field's value in an hour this week (weeksAgo 0) and the same hour earlier. */
export type HourlyNegativeCount = {
  workspaceId: string;
  key: string;
  weeksAgo: number;
  count: number;
};

/**
 * For every workspace, the negative cases of each value of the field created in [start, end) and in
 * the same window 1 to `weeks` weeks before. Values with no case in the current window are left out
 * (they cannot spike); a week without cases is absent (a zero).
 */
export async function countNegativeByWeek(
  executor: Executor,
  options: { dimension: SpikeDimension; start: Date; end: Date; weeks: number },
): Promise<HourlyNegativeCount[]> {
  const column = sql.raw(`c.${COLUMN[options.dimension]}`);
  const rows = rowsOf<{ workspace_id: string; key: string; weeks_ago: number; count: number }>(
    await executor.execute(sql`
      WITH current AS (
        SELECT DISTINCT c.workspace_id, ${column} AS key
          FROM support_case c
         WHERE c.sentiment = 'negative' AND ${column} IS NOT NULL
           AND c.created_at >= ${options.start.toISOString()}::timestamptz
           AND c.created_at < ${options.end.toISOString()}::timestamptz)
      SELECT c.workspace_id, ${column} AS key, w.weeks_ago, count(*)::int AS count
        FROM generate_series(0, ${options.weeks}::int) AS w(weeks_ago)
        JOIN support_case c
          ON c.created_at >= ${options.start.toISOString()}::timestamptz - w.weeks_ago * interval '7 days'
         AND c.created_at < ${options.end.toISOString()}::timestamptz - w.weeks_ago * interval '7 days'
        JOIN current ON current.workspace_id = c.workspace_id AND current.key = ${column}
       WHERE c.sentiment = 'negative'
       GROUP BY 1, 2, 3`),
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    key: row.key,
    weeksAgo: Number(row.weeks_ago),
    count: Number(row.count),
  }));
}

/** The newest negative cases of a value in the window: the examples an alert shows. */
export async function listSpikeExamples(
  executor: Executor,
  options: {
    workspaceId: string;
    dimension: SpikeDimension;
    key: string;
    start: Date;
    end: Date;
    limit: number;
  },
): Promise<string[]> {
  const column = sql.raw(`${COLUMN[options.dimension]}`);
  const rows = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.workspaceId, options.workspaceId),
        sql`${supportCase.sentiment} = 'negative'`,
        sql`${column} = ${options.key}`,
        sql`${supportCase.createdAt} >= ${options.start.toISOString()}::timestamptz`,
        sql`${supportCase.createdAt} < ${options.end.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(supportCase.createdAt))
    .limit(options.limit);
  return rows.map((row) => row.id);
}

/** Raises an alert once: answers the new row, or undefined when this hour's alert exists already. */
export async function insertSpikeAlertOnce(
  executor: Executor,
  values: typeof spikeAlert.$inferInsert,
): Promise<SpikeAlertRow | undefined> {
  const [row] = await executor.insert(spikeAlert).values(values).onConflictDoNothing().returning();
  return row;
}

/** A workspace's newest alerts. */
export async function listSpikeAlerts(executor: Executor, workspaceId: string, limit: number) {
  return executor
    .select()
    .from(spikeAlert)
    .where(eq(spikeAlert.workspaceId, workspaceId))
    .orderBy(desc(spikeAlert.createdAt))
    .limit(limit);
}

/** Reference and subject of the example cases of some alerts. */
export async function listCaseHeadlines(executor: Executor, workspaceId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
    })
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), inArray(supportCase.id, caseIds)));
}
