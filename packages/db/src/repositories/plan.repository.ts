import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { appUser, planStep, supportCase, teamMember } from '../schema.ts';

export type PlanStepRow = typeof planStep.$inferSelect;

/** A step to add to a case's resolution plan. */
export type NewPlanStep = {
  title: string;
  ownerUserId?: string | null;
  ownerTeamId?: string | null;
  dueAt?: Date | null;
  isCustomerVisible?: boolean;
  customerNote?: string | null;
  offerId?: string | null;
  createdBy?: string | null;
};

/** The steps of a case's plan in order. */
export async function listPlanSteps(
  executor: Executor,
  workspaceId: string,
  caseId: string,
): Promise<PlanStepRow[]> {
  return executor
    .select()
    .from(planStep)
    .where(and(eq(planStep.workspaceId, workspaceId), eq(planStep.caseId, caseId)))
    .orderBy(asc(planStep.position), asc(planStep.createdAt), asc(planStep.id));
}

export async function findPlanStep(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  id: string,
): Promise<PlanStepRow | undefined> {
  const [row] = await executor
    .select()
    .from(planStep)
    .where(and(eq(planStep.workspaceId, workspaceId), eq(planStep.caseId, caseId), eq(planStep.id, id)));
  return row;
}

/** Appends steps after the case's last one (positions continue), in the caller's transaction; answers the stored rows. */
export async function appendPlanSteps(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  steps: NewPlanStep[],
  now: Date,
): Promise<PlanStepRow[]> {
  if (steps.length === 0) return [];
  const [last] = await executor
    .select({ position: max(planStep.position) })
    .from(planStep)
    .where(and(eq(planStep.workspaceId, workspaceId), eq(planStep.caseId, caseId)));
  const first = (last?.position ?? -1) + 1;
  return executor
    .insert(planStep)
    .values(
      steps.map((step, index) => ({
        id: randomUUID(),
        workspaceId,
        caseId,
        position: first + index,
        title: step.title,
        ownerUserId: step.ownerUserId ?? null,
        ownerTeamId: step.ownerTeamId ?? null,
        dueAt: step.dueAt ?? null,
        isCustomerVisible: step.isCustomerVisible ?? false,
        customerNote: step.customerNote ?? null,
        offerId: step.offerId ?? null,
        createdBy: step.createdBy ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
}

export async function updatePlanStep(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Omit<PlanStepRow, 'id' | 'workspaceId' | 'caseId' | 'createdAt' | 'createdBy'>>,
): Promise<PlanStepRow | undefined> {
  const [row] = await executor
    .update(planStep)
    .set(values)
    .where(and(eq(planStep.workspaceId, workspaceId), eq(planStep.id, id)))
    .returning();
  return row;
}

/** Numbers the given steps of a case 0, 1, 2… in that order. */
export async function setPlanStepPositions(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  ids: string[],
) {
  for (const [position, id] of ids.entries()) {
    await executor
      .update(planStep)
      .set({ position })
      .where(and(eq(planStep.workspaceId, workspaceId), eq(planStep.caseId, caseId), eq(planStep.id, id)));
  }
}

/** Active members of a team of the workspace. */
export async function listActiveTeamMemberIds(executor: Executor, workspaceId: string, teamId: string) {
  const rows = await executor
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(teamMember, eq(teamMember.userId, appUser.id))
    .where(
      and(eq(appUser.workspaceId, workspaceId), eq(appUser.isActive, true), eq(teamMember.teamId, teamId)),
    );
  return rows.map((row) => row.id);
}

/**
 * Locks steps of open cases whose due time has passed, still to do and not yet announced late, skipping rows another
 * process holds: two job processes never announce one step twice. The caller marks them notified.
 */
export async function claimOverduePlanSteps(
  executor: Executor,
  now: Date,
  limit: number,
): Promise<PlanStepRow[]> {
  const result = await executor.execute(sql`
    SELECT id FROM plan_step
    WHERE status IN ('pending', 'in_progress') AND overdue_notified_at IS NULL AND due_at IS NOT NULL
      AND due_at < ${now.toISOString()}::timestamptz
      AND case_id IN (SELECT id FROM support_case WHERE status NOT IN ('resolved', 'closed'))
    ORDER BY due_at
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`);
  const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
  if (ids.length === 0) return [];
  return executor.select().from(planStep).where(inArray(planStep.id, ids)).orderBy(asc(planStep.dueAt));
}

/**
 * Locks open cases whose periodic customer update is due (`update_every_days` since the last update,
 * or since the setting was made), skipping cases another process holds. Answers ids and workspaces.
 */
export async function claimCasesDueForUpdate(executor: Executor, now: Date, limit: number) {
  const result = await executor.execute(sql`
    SELECT c.id, c.workspace_id FROM support_case AS c
    WHERE c.update_every_days IS NOT NULL
      AND c.status NOT IN ('resolved', 'closed')
      AND c.last_update_sent_at IS NOT NULL
      AND c.last_update_sent_at + make_interval(days => c.update_every_days) <= ${now.toISOString()}::timestamptz
    ORDER BY c.last_update_sent_at
    LIMIT ${limit}
    FOR UPDATE OF c SKIP LOCKED`);
  return rowsOf<{ id: string; workspace_id: string }>(result).map((row) => ({
    caseId: row.id,
    workspaceId: row.workspace_id,
  }));
}

/**
 * Sets how often the customer hears of progress. `since` starts the count (the time the setting was
 * made); null switches updates off.
 */
export async function setCaseUpdateEvery(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  updateEveryDays: number | null,
  since: Date,
) {
  await executor
    .update(supportCase)
    .set({ updateEveryDays, lastUpdateSentAt: updateEveryDays === null ? null : since })
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.id, caseId)));
}

export async function setCaseLastUpdateSent(
  executor: Executor,
  workspaceId: string,
  caseId: string,
  at: Date,
) {
  await executor
    .update(supportCase)
    .set({ lastUpdateSentAt: at })
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.id, caseId)));
}
