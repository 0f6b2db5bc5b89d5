// The steps offers and compensation share inside one transaction: what the timeline, the audit
// record and the people concerned are told, and how a request is weighed against the policy.
import { randomUUID } from 'node:crypto';
import {
  type CompensationPolicy,
  type CompensationType,
  isMonetaryCompensationType,
  readCompensationPolicy,
} from '@sada/contracts';
import { AppError, type CaseEventType, type Role } from '@sada/core';
import {
  announce,
  type CaseRow,
  type CompensationRecord,
  type Executor,
  findWorkspaceById,
  insertAuditRecord,
  insertCaseEvent,
  insertCompensations,
  insertNotifications,
  sumTeamCompensation,
  type WorkspaceRow,
} from '@sada/db';
import { monthBoundsIn, needsApproval } from './compensation-policy.ts';

/** Who did it: a user, or the customer (button, web page), or Sada itself. */
export type StepActor = { userId: string | null; label: string };

export async function caseEvent(
  tx: Executor,
  caseRow: CaseRow,
  input: { type: CaseEventType; actor: StepActor; changes: Record<string, unknown>; now: Date },
) {
  await insertCaseEvent(tx, {
    workspaceId: caseRow.workspaceId,
    caseId: caseRow.id,
    type: input.type,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    changes: input.changes,
    createdAt: input.now,
  });
}

export async function audit(
  tx: Executor,
  input: {
    workspaceId: string;
    actorUserId: string | null;
    action: string;
    subjectType: 'solution_offer' | 'compensation' | 'workspace';
    subjectId: string;
    details: Record<string, unknown>;
    now: Date;
  },
) {
  await insertAuditRecord(tx, {
    workspaceId: input.workspaceId,
    actorUserId: input.actorUserId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    details: input.details,
    createdAt: input.now,
  });
}

/** Notifies a user about a case (in-app, live), as the SLA escalation does. */
export async function notifyUser(
  tx: Executor,
  input: {
    workspaceId: string;
    userId: string;
    caseId: string;
    type: 'compensation.approved' | 'compensation.rejected' | 'offer.chosen';
    actorUserId: string | null;
    now: Date;
  },
) {
  const rows = await insertNotifications(tx, [
    {
      id: randomUUID(),
      workspaceId: input.workspaceId,
      userId: input.userId,
      type: input.type,
      caseId: input.caseId,
      actorUserId: input.actorUserId,
      createdAt: input.now,
    },
  ]);
  for (const row of rows) {
    await announce(tx, {
      workspaceId: row.workspaceId,
      userId: row.userId,
      type: 'notification.created',
      notificationId: row.id,
    });
  }
}

export async function workspaceOf(tx: Executor, workspaceId: string): Promise<WorkspaceRow> {
  const row = await findWorkspaceById(tx, workspaceId);
  if (!row) throw new AppError('not_found', { en: 'No such workspace.', ar: 'لا توجد مساحة العمل هذه.' });
  return row;
}

export const policyOfWorkspace = (row: WorkspaceRow): CompensationPolicy =>
  readCompensationPolicy(row.compensationSettings);

const typeNotEnabled = (type: string, path: string) =>
  new AppError(
    'validation_failed',
    {
      en: `The compensation policy does not allow "${type}"; an admin can enable it.`,
      ar: `سياسة التعويض لا تسمح بنوع «${type}»؛ يستطيع المسؤول تفعيله.`,
    },
    { fields: [{ path, message: { en: 'type not enabled', ar: 'النوع غير مفعّل' } }] },
  );

const currencyNotEnabled = (currency: string, path: string) =>
  new AppError(
    'validation_failed',
    {
      en: `${currency} is not one of the policy's currencies; an admin can add it.`,
      ar: `${currency} ليست من عملات سياسة التعويض؛ يستطيع المسؤول إضافتها.`,
    },
    { fields: [{ path, message: { en: 'currency not enabled', ar: 'العملة غير مفعّلة' } }] },
  );

/** Refuses a type or currency the workspace's policy does not enable (422 naming the field). */
export function assertAllowed(
  policy: CompensationPolicy,
  item: { type: CompensationType; currency?: string | null | undefined },
  path: string,
) {
  if (!policy.types.includes(item.type)) throw typeNotEnabled(item.type, `${path}type`);
  if (item.currency && !policy.currencies.includes(item.currency))
    throw currencyNotEnabled(item.currency, `${path}currency`);
}

export type CompensationItem = {
  type: CompensationType;
  amount: number | null;
  currency: string | null;
  reason: string;
  offerId: string | null;
  optionId: string | null;
};

/**
 * Stores compensation requested on a case. Each is weighed against the requester's role limit and
 * the case team's budget for this month (what it gave and approved, plus the requests before it in
 * this call): within both it is approved (`isGivenAtOnce`: given), else it waits for approval.
 */
export async function requestCompensations(
  tx: Executor,
  input: {
    caseRow: CaseRow;
    workspace: WorkspaceRow;
    requester: { userId: string; role: Role };
    items: CompensationItem[];
    isGivenAtOnce: boolean;
    now: Date;
  },
): Promise<CompensationRecord[]> {
  const { caseRow, workspace, now } = input;
  const policy = policyOfWorkspace(workspace);
  const month = monthBoundsIn(workspace.timeZone, now);
  const addedThisCall = new Map<string, number>();
  const values = [];
  for (const item of input.items) {
    const isMonetary = isMonetaryCompensationType(item.type);
    const amount = isMonetary ? (item.amount ?? 0) : 0;
    const currency = isMonetary ? (item.currency ?? '') : '';
    let isPending = false;
    if (isMonetary) {
      const spent =
        caseRow.teamId === null
          ? 0
          : await sumTeamCompensation(tx, {
              workspaceId: caseRow.workspaceId,
              teamId: caseRow.teamId,
              currency,
              ...month,
            });
      const teamSpent = spent + (addedThisCall.get(currency) ?? 0);
      isPending = needsApproval({
        policy,
        role: input.requester.role,
        currency,
        amount,
        teamId: caseRow.teamId,
        teamSpent,
      });
      if (!isPending) addedThisCall.set(currency, (addedThisCall.get(currency) ?? 0) + amount);
    }
    const status = isPending ? 'pending_approval' : input.isGivenAtOnce ? 'given' : 'approved';
    values.push({
      id: randomUUID(),
      workspaceId: caseRow.workspaceId,
      caseId: caseRow.id,
      customerId: caseRow.customerId,
      teamId: caseRow.teamId,
      offerId: item.offerId,
      optionId: item.optionId,
      type: item.type,
      amount,
      currency,
      reason: item.reason,
      category: caseRow.category,
      product: caseRow.product,
      status,
      requestedBy: input.requester.userId,
      requestedAt: now,
      givenAt: status === 'given' ? now : null,
    });
  }
  return insertCompensations(tx, values);
}

/** The timeline's and the audit's account of newly requested compensation. */
export async function recordRequested(
  tx: Executor,
  input: { caseRow: CaseRow; rows: CompensationRecord[]; actor: StepActor; now: Date },
) {
  for (const row of input.rows) {
    const changes = {
      compensationId: row.id,
      type: row.type,
      amount: row.amount,
      currency: row.currency,
      status: row.status,
      ...(row.offerId && { offerId: row.offerId, optionId: row.optionId }),
    };
    const type = row.status === 'given' ? 'compensation.given' : 'compensation.requested';
    await caseEvent(tx, input.caseRow, { type, actor: input.actor, changes, now: input.now });
    await audit(tx, {
      workspaceId: row.workspaceId,
      actorUserId: input.actor.userId,
      action: 'compensation.requested',
      subjectType: 'compensation',
      subjectId: row.id,
      details: changes,
      now: input.now,
    });
  }
}
