import type {
  DecideModerationRequest,
  MarkMessageRequest,
  ModerationDecision,
  ModerationItem,
  ModerationQueue,
  ModerationStatus,
} from '@sada/contracts';
import { AppError, assertCan, type Clock } from '@sada/core';
import {
  announceCaseUpdated,
  type CaseRow,
  countOpenModerationItems,
  type Database,
  type Executor,
  findCaseById,
  findCaseByReference,
  findMessageById,
  findModerationItem,
  findModerationItemOfMessage,
  insertAuditRecord,
  insertCaseEvent,
  listIdentitiesOfCustomers,
  listModerationAudit,
  listModerationItems,
  lockCaseById,
  setIdentityBlocked,
  updateCaseRow,
  updateModerationItem,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound } from '../cases/case.service.ts';
import { syncCaseSla } from '../sla/sla-sync.ts';
import { authorIdentityOf, queueForModeration } from './moderation-queue.ts';

/** Hides or shows a comment on its platform: the issue-6 path (social.moderate), passed in by the route. */
export type HideOnPlatform = (
  actor: Actor,
  referenceNumber: string,
  messageId: string,
  change: { isHidden: boolean; reason: 'abuse' | 'spam'; note: string },
) => Promise<void>;

const STATUS_OF: Record<ModerationDecision, ModerationStatus> = {
  hide: 'hidden',
  block: 'blocked',
  not_complaint: 'not_complaint',
  keep: 'kept',
};
const HIDEABLE_CHANNELS = new Set(['facebook', 'instagram']);
const QUEUE_LIMIT = 200;

/** What a decision changed, kept in its audit record so that undo can put it back. */
type DecisionRecord = {
  decision: ModerationDecision;
  reason: string;
  before: ModerationStatus;
  after: ModerationStatus;
  /** The case's status before a decision closed it. */
  caseStatusBefore?: string | undefined;
  identityId?: string | undefined;
};

const itemNotFound = () =>
  new AppError('not_found', {
    en: 'No such item in this workspace’s moderation queue.',
    ar: 'لا يوجد عنصر كهذا في قائمة الإشراف لمساحة العمل هذه.',
  });

/** The decisions still in force, oldest first: each undo takes back the latest. */
function decisionsInForce(audit: { action: string; details: Record<string, unknown> }[]): DecisionRecord[] {
  const stack: DecisionRecord[] = [];
  for (const entry of audit) {
    if (entry.action === 'moderation.decided') stack.push(entry.details as DecisionRecord);
    if (entry.action === 'moderation.undone') stack.pop();
  }
  return stack;
}

/**
 * The moderation queue (issue 8): messages triage read as abuse or spam, or an agent marked; a
 * supervisor hides the comment, blocks the author, closes the case as not a complaint, or keeps it,
 * each with a reason, audited, on the case's timeline and reversible.
 */
export function createModerationService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.orm;

  async function view(
    executor: Executor,
    actor: Actor,
    ids?: string[],
    filter: { status: 'open' | 'decided' | 'all'; label?: 'abuse' | 'spam' | undefined } = { status: 'all' },
  ) {
    const rows = await listModerationItems(executor, actor.workspace.id, {
      ...filter,
      ...(ids && { ids }),
      limit: QUEUE_LIMIT,
    });
    const customerIds = [...new Set(rows.map((row) => row.message.authorCustomerId ?? row.case.customerId))];
    const [identities, audit] = await Promise.all([
      listIdentitiesOfCustomers(
        executor,
        actor.workspace.id,
        customerIds.filter((id): id is string => !!id),
      ),
      listModerationAudit(
        executor,
        actor.workspace.id,
        rows.map((row) => row.item.id),
      ),
    ]);
    return rows.map((row): ModerationItem => {
      const customerId = row.message.authorCustomerId ?? row.case.customerId;
      const identity = authorIdentityOf(
        identities.filter((candidate) => candidate.customerId === customerId),
        row.case,
      );
      const trail = audit.filter((entry) => entry.subjectId === row.item.id);
      return {
        id: row.item.id,
        label: row.item.label as ModerationItem['label'],
        source: row.item.source as ModerationItem['source'],
        status: row.item.status as ModerationStatus,
        reason: row.item.reason,
        createdAt: row.item.createdAt,
        decidedAt: row.item.decidedAt,
        message: {
          id: row.message.id,
          body: row.message.body,
          visibility: row.message.visibility as 'public' | 'private',
          channel: row.message.channel,
          isHidden: row.message.moderation?.isHidden === true,
          createdAt: row.message.createdAt,
        },
        case: row.case,
        author: {
          name: row.customerName,
          identity: identity
            ? {
                channel: identity.channel,
                externalId: identity.externalId,
                handle: identity.handle,
                isBlocked: identity.blockedAt !== null,
              }
            : null,
        },
        canHide:
          HIDEABLE_CHANNELS.has(row.case.channel) &&
          row.message.visibility === 'public' &&
          row.message.externalId !== null,
        canUndo: decisionsInForce(trail).length > 0,
        history: trail.map((entry) => ({
          action:
            entry.action === 'moderation.decided'
              ? ('decided' as const)
              : entry.action === 'moderation.undone'
                ? ('undone' as const)
                : ('queued' as const),
          decision: (entry.details.decision as ModerationDecision | undefined) ?? null,
          reason: (entry.details.reason as string | null | undefined) ?? null,
          actorName: entry.actorName,
          at: entry.createdAt,
        })),
      };
    });
  }

  async function one(executor: Executor, actor: Actor, id: string): Promise<ModerationItem> {
    const [item] = await view(executor, actor, [id]);
    if (!item) throw itemNotFound();
    return item;
  }

  /** Closes the case for a decision; answers the status it had, or undefined when it was closed already. */
  async function closeFor(tx: Executor, actor: Actor, row: CaseRow, reason: string, now: Date) {
    if (row.status === 'closed') return undefined;
    const closed = await updateCaseRow(tx, row.id, { status: 'closed', closedAt: now, updatedAt: now });
    await caseEvent(tx, actor, row, 'case.status_changed', {
      status: { before: row.status, after: 'closed' },
      reason,
    });
    await syncCaseSla(tx, closed, now);
    return row.status;
  }

  /** Undo: the case goes back to the status a decision closed it from (if it is still closed). */
  async function reopenFor(
    tx: Executor,
    actor: Actor,
    row: CaseRow,
    status: string,
    reason: string,
    now: Date,
  ) {
    if (row.status !== 'closed') return;
    const reopened = await updateCaseRow(tx, row.id, { status, closedAt: null, updatedAt: now });
    await caseEvent(tx, actor, row, 'case.status_changed', {
      status: { before: 'closed', after: status },
      reason,
      isReopen: true,
    });
    await syncCaseSla(tx, reopened, now);
  }

  function caseEvent(
    tx: Executor,
    actor: Actor,
    row: CaseRow,
    type: 'case.status_changed' | 'moderation.decided' | 'moderation.undone',
    changes: Record<string, unknown>,
  ) {
    return insertCaseEvent(tx, {
      workspaceId: row.workspaceId,
      caseId: row.id,
      type,
      actorUserId: actor.userId,
      actorLabel: actor.name,
      changes,
      createdAt: clock.now(),
    });
  }

  /** The author identity a block decision is about; a 409 that says why when there is none. */
  async function identityToBlock(actor: Actor, row: CaseRow, messageCustomerId: string | null) {
    const customerId = messageCustomerId ?? row.customerId;
    const identities = customerId
      ? await listIdentitiesOfCustomers(db, actor.workspace.id, [customerId])
      : [];
    const identity = authorIdentityOf(identities, row);
    if (!identity) {
      throw new AppError('conflict', {
        en: 'This message’s author has no identity (an account or an address) that could be blocked.',
        ar: 'ليس لكاتب هذه الرسالة هوية (حساب أو عنوان) يمكن حظرها.',
      });
    }
    return identity;
  }

  return {
    async list(options: {
      actor: Actor;
      query: { status: 'open' | 'decided' | 'all'; label?: 'abuse' | 'spam' | undefined };
    }): Promise<ModerationQueue> {
      const { actor, query } = options;
      assertCan(actor.role, 'moderation:decide');
      const [items, openCount] = await Promise.all([
        view(db, actor, undefined, query),
        countOpenModerationItems(db, actor.workspace.id),
      ]);
      return { items, openCount };
    },

    /** An agent marks a customer's message as abuse or spam; marking it again changes nothing. */
    async mark(options: {
      actor: Actor;
      referenceNumber: string;
      messageId: string;
      request: MarkMessageRequest;
    }): Promise<ModerationItem> {
      const { actor, request } = options;
      assertCan(actor.role, 'case:write');
      return db.transaction(async (tx) => {
        const row = await findCaseByReference(tx, actor.workspace.id, options.referenceNumber.toUpperCase());
        if (!row) throw caseNotFound(options.referenceNumber);
        const message = await findMessageById(tx, options.messageId);
        if (!message || message.caseId !== row.id || message.direction !== 'inbound') {
          throw new AppError('not_found', {
            en: 'No such customer message on this case.',
            ar: 'لا توجد رسالة كهذه من العميل في هذه الحالة.',
          });
        }
        const queued = await queueForModeration(tx, {
          workspaceId: row.workspaceId,
          caseId: row.id,
          messageId: message.id,
          label: request.label,
          source: 'agent',
          reason: request.reason,
          actor: { userId: actor.userId, name: actor.name },
          now: clock.now(),
        });
        if (queued) await announceCaseUpdated(tx, row);
        const item = queued ?? (await findModerationItemOfMessage(tx, row.workspaceId, message.id))!;
        return one(tx, actor, item.id);
      });
    },

    async decide(options: {
      actor: Actor;
      itemId: string;
      request: DecideModerationRequest;
      hide: HideOnPlatform;
    }): Promise<ModerationItem> {
      const { actor, request } = options;
      assertCan(actor.role, 'moderation:decide');
      const item = await findModerationItem(db, actor.workspace.id, options.itemId);
      if (!item) throw itemNotFound();
      const after = STATUS_OF[request.decision];
      if (item.status === after) {
        throw new AppError('conflict', {
          en: 'This decision is already in force on the item.',
          ar: 'هذا القرار نافذ على العنصر مسبقًا.',
        });
      }
      const row = (await findCaseById(db, actor.workspace.id, item.caseId))!;
      const message = (await findMessageById(db, item.messageId))!;
      const identity =
        request.decision === 'block'
          ? await identityToBlock(actor, row, message.authorCustomerId)
          : undefined;
      // The platform first: when it refuses, nothing here changes.
      if (request.decision === 'hide') {
        await options.hide(actor, row.referenceNumber, item.messageId, {
          isHidden: true,
          reason: item.label as 'abuse' | 'spam',
          note: request.reason,
        });
      }
      await db.transaction(async (tx) => {
        const locked = (await findModerationItem(tx, actor.workspace.id, item.id, { isLocked: true }))!;
        const current = (await lockCaseById(tx, actor.workspace.id, item.caseId))!;
        const now = clock.now();
        const record: DecisionRecord = {
          decision: request.decision,
          reason: request.reason,
          before: locked.status as ModerationStatus,
          after,
        };
        if (identity) {
          await setIdentityBlocked(tx, actor.workspace.id, identity.id, {
            blockedAt: now,
            blockedReason: request.reason,
          });
          record.identityId = identity.id;
        }
        if (request.decision === 'block' || request.decision === 'not_complaint') {
          record.caseStatusBefore = await closeFor(tx, actor, current, request.reason, now);
        }
        await updateModerationItem(tx, item.id, {
          status: after,
          reason: request.reason,
          decidedBy: actor.userId,
          decidedAt: now,
        });
        await insertAuditRecord(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'moderation.decided',
          subjectType: 'moderation_item',
          subjectId: item.id,
          details: { ...record, messageId: item.messageId, referenceNumber: current.referenceNumber },
          createdAt: now,
        });
        await caseEvent(tx, actor, current, 'moderation.decided', {
          itemId: item.id,
          messageId: item.messageId,
          decision: request.decision,
          reason: request.reason,
        });
        await announceCaseUpdated(tx, current);
      });
      return one(db, actor, item.id);
    },

    /** Takes back the latest decision in force: shows the comment again, unblocks, reopens. */
    async undo(options: {
      actor: Actor;
      itemId: string;
      reason: string;
      hide: HideOnPlatform;
    }): Promise<ModerationItem> {
      const { actor, reason } = options;
      assertCan(actor.role, 'moderation:decide');
      const item = await findModerationItem(db, actor.workspace.id, options.itemId);
      if (!item) throw itemNotFound();
      const last = decisionsInForce(await listModerationAudit(db, actor.workspace.id, [item.id])).at(-1);
      if (!last) {
        throw new AppError('conflict', {
          en: 'There is no decision on this item to undo.',
          ar: 'لا يوجد قرار على هذا العنصر للتراجع عنه.',
        });
      }
      const row = (await findCaseById(db, actor.workspace.id, item.caseId))!;
      if (last.decision === 'hide') {
        await options.hide(actor, row.referenceNumber, item.messageId, {
          isHidden: false,
          reason: item.label as 'abuse' | 'spam',
          note: reason,
        });
      }
      await db.transaction(async (tx) => {
        await findModerationItem(tx, actor.workspace.id, item.id, { isLocked: true });
        const current = (await lockCaseById(tx, actor.workspace.id, item.caseId))!;
        const now = clock.now();
        if (last.identityId) await setIdentityBlocked(tx, actor.workspace.id, last.identityId, null);
        if (last.caseStatusBefore) await reopenFor(tx, actor, current, last.caseStatusBefore, reason, now);
        await updateModerationItem(tx, item.id, {
          status: last.before,
          reason,
          decidedBy: actor.userId,
          decidedAt: now,
        });
        await insertAuditRecord(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'moderation.undone',
          subjectType: 'moderation_item',
          subjectId: item.id,
          details: {
            decision: last.decision,
            reason,
            before: last.after,
            after: last.before,
            referenceNumber: current.referenceNumber,
          },
          createdAt: now,
        });
        await caseEvent(tx, actor, current, 'moderation.undone', {
          itemId: item.id,
          messageId: item.messageId,
          decision: last.decision,
          reason,
        });
        await announceCaseUpdated(tx, current);
      });
      return one(db, actor, item.id);
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
