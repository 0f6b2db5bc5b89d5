// The escalation ladder: running clocks past their warning notify the assignee; past their due time
// they notify the supervisors, may raise the priority and may send the case back to its team's queue.
// Each step is on the timeline. Cases are claimed with FOR UPDATE SKIP LOCKED, so two processes never
// escalate one case twice; a clock's level says how far it went.
import { randomUUID } from 'node:crypto';
import { type Clock, escalationReached, type Priority, raisedPriority } from '@sada/core';
import {
  announce,
  announceCaseUpdated,
  claimCasesToEscalate,
  type Database,
  type Executor,
  findCaseById,
  findSlaPolicy,
  insertCaseEvent,
  insertNotifications,
  listClocksOfCase,
  listSupervisorsFor,
  setClockEscalation,
  updateCaseRow,
} from '@sada/db';
import { clockOf, escalationOf, SLA_LABEL, syncCaseSla } from './sla-sync.ts';

const BATCH = 50;

async function notify(
  tx: Executor,
  input: {
    workspaceId: string;
    caseId: string;
    userIds: string[];
    type: 'sla.warning' | 'sla.breached';
    now: Date;
  },
) {
  const rows = await insertNotifications(
    tx,
    [...new Set(input.userIds)].map((userId) => ({
      id: randomUUID(),
      workspaceId: input.workspaceId,
      userId,
      type: input.type,
      caseId: input.caseId,
      createdAt: input.now,
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
}

/** Escalates one claimed (locked) case as far as its clocks have run. */
async function escalateCase(tx: Executor, workspaceId: string, caseId: string, now: Date) {
  let row = await findCaseById(tx, workspaceId, caseId);
  if (!row) return;
  const clocks = await listClocksOfCase(tx, caseId);
  const policy = clocks[0] && (await findSlaPolicy(tx, workspaceId, clocks[0].policyId));
  if (!policy) return;
  const escalation = escalationOf(policy);
  const event = (
    type: 'sla.warned' | 'sla.breached' | 'case.updated' | 'case.assigned',
    changes: Record<string, unknown>,
  ) =>
    insertCaseEvent(tx, {
      workspaceId,
      caseId,
      type,
      actorUserId: null,
      actorLabel: SLA_LABEL,
      changes,
      createdAt: now,
    });
  let isBreachedNow = false;
  // Read once per case, even when several clocks breach at once.
  let supervisors: string[] | undefined;
  for (const stored of clocks) {
    const reached = escalationReached(clockOf(stored), now);
    if (reached <= stored.escalationLevel) continue;
    if (reached === 1) {
      await setClockEscalation(tx, caseId, stored.target, { escalationLevel: 1 });
      await event('sla.warned', { target: stored.target, dueAt: stored.dueAt, policyId: policy.id });
      if (row.assigneeId) {
        await notify(tx, { workspaceId, caseId, userIds: [row.assigneeId], type: 'sla.warning', now });
      }
      continue;
    }
    isBreachedNow = true;
    await setClockEscalation(tx, caseId, stored.target, { escalationLevel: 2, breachedAt: now });
    await event('sla.breached', { target: stored.target, dueAt: stored.dueAt, policyId: policy.id });
    if (escalation.notifySupervisors) {
      supervisors ??= await listSupervisorsFor(tx, workspaceId, row.teamId);
      await notify(tx, { workspaceId, caseId, userIds: supervisors, type: 'sla.breached', now });
    }
  }
  // A warning changes the case's clocks too: its consoles show the new level.
  if (!isBreachedNow) return announceCaseUpdated(tx, row);
  const priority = raisedPriority(row.priority as Priority);
  if (escalation.raisePriority && priority !== row.priority) {
    await event('case.updated', {
      priority: { before: row.priority, after: priority },
      reason: 'sla.breached',
    });
    row = await updateCaseRow(tx, caseId, { priority, updatedAt: now });
  }
  if (escalation.returnToQueue && row.assigneeId) {
    await event('case.assigned', {
      assigneeId: { before: row.assigneeId, after: null },
      reason: 'sla.breached',
    });
    row = await updateCaseRow(tx, caseId, { assigneeId: null, updatedAt: now });
  }
  // A higher priority may choose another policy.
  await syncCaseSla(tx, row, now);
  await announceCaseUpdated(tx, row);
}

/** One batch: claims cases due for a step and escalates them. Returns how many it claimed. */
export async function escalateDueClocks(database: Database, clock: Clock): Promise<number> {
  return database.orm.transaction(async (tx) => {
    const now = clock.now();
    const claimed = await claimCasesToEscalate(tx, now, BATCH);
    for (const item of claimed) await escalateCase(tx, item.workspaceId, item.caseId, now);
    return claimed.length;
  });
}
