// Plans move with time: a step passes its due time, a periodic update falls due. Each is claimed with
// FOR UPDATE SKIP LOCKED (steps, cases), so two job processes never notify or update twice.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@sada/core';
import {
  announce,
  announceCaseUpdated,
  type CaseRow,
  claimCasesDueForUpdate,
  claimOverduePlanSteps,
  type Database,
  type Executor,
  findCaseById,
  findWorkspaceById,
  insertCaseEvent,
  insertNotifications,
  listActiveTeamMemberIds,
  listPlanSteps,
  listSupervisorsFor,
  type PlanStepRow,
  setCaseLastUpdateSent,
  updatePlanStep,
} from '@sada/db';
import { z } from 'zod';
import { createDrainLoop } from '../jobs/drain-loop.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import { PLAN_LABEL, tellProgress } from './plan-messages.ts';

const BATCH = 50;

type PlanJobDeps = {
  database: Database;
  clock: Clock;
  mailDomain: string;
  statusLink: (workspace: { id: string; slug: string }, caseId: string) => string;
};

const systemEvent = (
  tx: Executor,
  caseRow: CaseRow,
  type: 'plan.step_overdue' | 'plan.customer_updated',
  changes: Record<string, unknown>,
  now: Date,
) =>
  insertCaseEvent(tx, {
    workspaceId: caseRow.workspaceId,
    caseId: caseRow.id,
    type,
    actorUserId: null,
    actorLabel: PLAN_LABEL,
    changes,
    createdAt: now,
  });

/** The owner (a person, or every member of the team) and the case team's supervisors hear the step is late. */
async function announceOverdue(tx: Executor, step: PlanStepRow, now: Date) {
  await updatePlanStep(tx, step.workspaceId, step.id, { overdueNotifiedAt: now });
  const caseRow = await findCaseById(tx, step.workspaceId, step.caseId);
  if (!caseRow) return;
  const owners = step.ownerUserId
    ? [step.ownerUserId]
    : step.ownerTeamId
      ? await listActiveTeamMemberIds(tx, step.workspaceId, step.ownerTeamId)
      : [];
  const supervisors = await listSupervisorsFor(tx, step.workspaceId, caseRow.teamId);
  const rows = await insertNotifications(
    tx,
    [...new Set([...owners, ...supervisors])].map((userId) => ({
      id: randomUUID(),
      workspaceId: step.workspaceId,
      userId,
      type: 'plan.step_overdue',
      caseId: caseRow.id,
      createdAt: now,
    })),
  );
  for (const row of rows) {
    await announce(tx, {
      workspaceId: row.workspaceId,
      userId: row.userId,
      type: 'notification.created',
      notificationId: row.id,
    });
  }
  await systemEvent(
    tx,
    caseRow,
    'plan.step_overdue',
    { stepId: step.id, title: step.title, dueAt: step.dueAt, notified: rows.length },
    now,
  );
  await announceCaseUpdated(tx, caseRow);
}

/** One batch of overdue steps. Returns how many it claimed. */
export async function notifyOverdueSteps(deps: PlanJobDeps): Promise<number> {
  return deps.database.orm.transaction(async (tx) => {
    const now = deps.clock.now();
    const steps = await claimOverduePlanSteps(tx, now, BATCH);
    for (const step of steps) await announceOverdue(tx, step, now);
    return steps.length;
  });
}

/** One batch of periodic customer updates. Returns how many cases it claimed. */
export async function sendPeriodicUpdates(deps: PlanJobDeps): Promise<number> {
  return deps.database.orm.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await claimCasesDueForUpdate(tx, now, BATCH);
    for (const item of claimed) {
      const caseRow = await findCaseById(tx, item.workspaceId, item.caseId);
      const workspace = await findWorkspaceById(tx, item.workspaceId);
      // Set first: a case that cannot be written to waits for the next period, not the next minute.
      await setCaseLastUpdateSent(tx, item.workspaceId, item.caseId, now);
      if (!caseRow || !workspace) continue;
      const steps = await listPlanSteps(tx, item.workspaceId, item.caseId);
      const sent = await tellProgress(tx, {
        caseRow,
        steps,
        now,
        mailDomain: deps.mailDomain,
        statusLink: deps.statusLink(workspace, caseRow.id),
      });
      if (sent)
        await systemEvent(
          tx,
          caseRow,
          'plan.customer_updated',
          { messageId: sent.id, reason: 'periodic' },
          now,
        );
      await announceCaseUpdated(tx, caseRow);
    }
    return claimed.length;
  });
}

/** One pass of both plan jobs; the count of what it claimed (0: nothing waits). */
export async function runPlanJobs(deps: PlanJobDeps): Promise<number> {
  return (await notifyOverdueSteps(deps)) + (await sendPeriodicUpdates(deps));
}

/** Runs the plan jobs' batches until none waits. */
export function createPlanWorker(deps: { runDue: () => Promise<number>; onError: (error: unknown) => void }) {
  return createDrainLoop(deps.runDue, deps.onError);
}

export type PlanWorker = ReturnType<typeof createPlanWorker>;

/** Every minute: steps become late and updates fall due as time passes, not when something happens. */
export function planDueJob(worker: PlanWorker): JobDefinition<Record<string, never>> {
  return {
    name: 'plan.due',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}
