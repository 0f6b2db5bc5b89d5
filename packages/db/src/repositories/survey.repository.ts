import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { satisfactionSurvey, workspace } from '../schema.ts';

export type SurveyRow = typeof satisfactionSurvey.$inferSelect;

export async function insertSurvey(executor: Executor, values: typeof satisfactionSurvey.$inferInsert) {
  const [row] = await executor.insert(satisfactionSurvey).values(values).returning();
  return row!;
}

export async function updateSurvey(
  executor: Executor,
  id: string,
  values: Partial<Omit<SurveyRow, 'id' | 'workspaceId' | 'caseId' | 'createdAt'>>,
): Promise<SurveyRow> {
  const [row] = await executor
    .update(satisfactionSurvey)
    .set(values)
    .where(eq(satisfactionSurvey.id, id))
    .returning();
  return row!;
}

/** The case's survey waiting to go out or to be answered, if any (at most one: a unique index). */
export async function findActiveSurveyOfCase(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select()
    .from(satisfactionSurvey)
    .where(
      and(
        eq(satisfactionSurvey.workspaceId, workspaceId),
        eq(satisfactionSurvey.caseId, caseId),
        inArray(satisfactionSurvey.status, ['scheduled', 'sent']),
      ),
    );
  return row;
}

/** The case's newest survey that was not cancelled (what the case page and the survey link show). */
export async function findLatestSurveyOfCase(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  options: { isLocked?: boolean } = {},
): Promise<SurveyRow | undefined> {
  const query = executor
    .select()
    .from(satisfactionSurvey)
    .where(
      and(
        eq(satisfactionSurvey.workspaceId, workspaceId),
        eq(satisfactionSurvey.caseId, caseId),
        sql`${satisfactionSurvey.status} <> 'cancelled'`,
      ),
    )
    .orderBy(desc(satisfactionSurvey.createdAt), desc(satisfactionSurvey.id))
    .limit(1);
  const [row] = options.isLocked ? await query.for('update') : await query;
  return row;
}

/** Locks one survey of a workspace until the transaction ends. */
export async function lockSurvey(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(satisfactionSurvey)
    .where(and(eq(satisfactionSurvey.workspaceId, workspaceId), eq(satisfactionSurvey.id, id)))
    .for('update');
  return row;
}

/** Scheduled surveys whose send time has come, locked; rows another process holds are skipped. */
export async function claimDueSurveys(executor: Executor, now: Date, limit: number) {
  return executor
    .select()
    .from(satisfactionSurvey)
    .where(and(eq(satisfactionSurvey.status, 'scheduled'), lte(satisfactionSurvey.sendAt, now)))
    .orderBy(satisfactionSurvey.sendAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Sent surveys past their expiry, locked; rows another process holds are skipped. */
export async function claimExpiredSurveys(executor: Executor, now: Date, limit: number) {
  return executor
    .select()
    .from(satisfactionSurvey)
    .where(and(eq(satisfactionSurvey.status, 'sent'), lte(satisfactionSurvey.expiresAt, now)))
    .orderBy(satisfactionSurvey.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function setFollowUpSettings(
  executor: Executor,
  workspaceId: string,
  settings: Record<string, unknown>,
) {
  const [row] = await executor
    .update(workspace)
    .set({ followUpSettings: settings })
    .where(eq(workspace.id, workspaceId))
    .returning();
  return row!;
}

export type SurveySummaryGroup = {
  key: string | null;
  label: string | null;
  sent: number;
  answered: number;
  averageRating: number | null;
  satisfied: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
};

const GROUPS = {
  agent: { key: sql`s.assignee_id::text`, label: sql`u.name` },
  team: { key: sql`s.team_id::text`, label: sql`t.name` },
  channel: { key: sql`s.channel`, label: sql`s.channel` },
} as const;

/**
 * CSAT figures of the surveys of one workspace that went out in [from, to), grouped by the agent,
 * team or channel copied onto the survey when it was scheduled.
 */
export async function summarizeSurveys(
  executor: Executor,
  input: { workspaceId: string; from: Date | null; to: Date | null; by: keyof typeof GROUPS },
): Promise<SurveySummaryGroup[]> {
  const group = GROUPS[input.by];
  const result = await executor.execute(sql`
    SELECT ${group.key} AS key, min(${group.label}) AS label,
      count(*)::int AS sent,
      count(*) FILTER (WHERE s.status = 'answered')::int AS answered,
      avg(s.rating)::float AS average_rating,
      count(*) FILTER (WHERE s.rating >= 4)::int AS satisfied,
      count(s.nps)::int AS nps_answers,
      count(*) FILTER (WHERE s.nps >= 9)::int AS promoters,
      count(*) FILTER (WHERE s.nps <= 6)::int AS detractors
    FROM satisfaction_survey AS s
    LEFT JOIN app_user AS u ON u.id = s.assignee_id
    LEFT JOIN team AS t ON t.id = s.team_id
    WHERE s.workspace_id = ${input.workspaceId}
      AND s.sent_at IS NOT NULL
      AND s.status IN ('sent', 'answered', 'expired')
      ${input.from ? sql`AND s.sent_at >= ${input.from.toISOString()}::timestamptz` : sql``}
      ${input.to ? sql`AND s.sent_at < ${input.to.toISOString()}::timestamptz` : sql``}
    GROUP BY 1
    ORDER BY 2 NULLS LAST, 1`);
  return rowsOf<{
    key: string | null;
    label: string | null;
    sent: number;
    answered: number;
    average_rating: number | null;
    satisfied: number;
    nps_answers: number;
    promoters: number;
    detractors: number;
  }>(result).map((row) => ({
    key: row.key,
    label: row.label,
    sent: Number(row.sent),
    answered: Number(row.answered),
    averageRating: row.average_rating === null ? null : Number(row.average_rating),
    satisfied: Number(row.satisfied),
    npsAnswers: Number(row.nps_answers),
    promoters: Number(row.promoters),
    detractors: Number(row.detractors),
  }));
}
