import type {
  CompensationRow,
  CompensationStatus,
  CompensationType,
  CreateCompensationRequest,
  compensationTotalsQuery,
  UpdateCompensationPolicyRequest,
} from '@sada/contracts';
import { AppError, assertCan } from '@sada/core';
import {
  announceCaseUpdated,
  type CompensationView,
  countCasesOfCustomers,
  findCaseByReference,
  listCompensationsOfOffer,
  listCompensationViews,
  listTeams,
  lockCaseById,
  lockCaseByReference,
  lockCompensation,
  lockOffer,
  setCompensationSettings,
  sumGivenCompensation,
  sumGivenCompensationOfCustomers,
  updateCompensation,
  updateOffer,
} from '@sada/db';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound } from '../cases/case.service.ts';
import { offerUrlFor } from '../offers/offer.service.ts';
import { cancelOpenCompensations, sendOffer } from '../offers/offer-steps.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { ServiceDeps } from '../services.ts';
import {
  assertAllowed,
  audit,
  caseEvent,
  notifyUser,
  policyOfWorkspace,
  recordRequested,
  requestCompensations,
  workspaceOf,
} from './compensation-steps.ts';

/** A compensation as the API shows it. */
export function publicCompensation(view: CompensationView): CompensationRow {
  const hasAmount = view.currency !== '';
  return {
    id: view.id,
    case: {
      id: view.caseId,
      referenceNumber: view.caseReference,
      subject: view.caseSubject,
      status: view.caseStatus,
    },
    customer: view.customerId && view.customerName ? { id: view.customerId, name: view.customerName } : null,
    team: view.teamId && view.teamName ? { id: view.teamId, name: view.teamName } : null,
    offerId: view.offerId,
    optionId: view.optionId,
    type: view.type as CompensationType,
    amount: hasAmount ? view.amount : null,
    currency: hasAmount ? view.currency : null,
    reason: view.reason,
    category: view.category,
    product: view.product,
    status: view.status as CompensationStatus,
    requestedBy: { id: view.requestedBy, name: view.requestedByName },
    requestedAt: view.requestedAt,
    decidedBy: view.decidedBy && view.decidedByName ? { id: view.decidedBy, name: view.decidedByName } : null,
    decidedAt: view.decidedAt,
    decisionReason: view.decisionReason,
    givenAt: view.givenAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No compensation with this id in this workspace.',
    ar: 'لا يوجد تعويض بهذا المعرّف في مساحة العمل هذه.',
  });

const notPending = (status: string) =>
  new AppError('conflict', {
    en: `This compensation is already decided (${status}).`,
    ar: `تم البت في هذا التعويض بالفعل (${status}).`,
  });

const ownRequest = () =>
  new AppError('forbidden', {
    en: 'Nobody approves or rejects their own compensation request; ask another supervisor or an admin.',
    ar: 'لا يوافق أحد على طلب التعويض الخاص به ولا يرفضه؛ اطلب ذلك من مشرف آخر أو من المسؤول.',
  });

const unknownTeams = (ids: string[]) =>
  new AppError(
    'validation_failed',
    {
      en: `Budgets name teams that are not in this workspace: ${ids.join(', ')}.`,
      ar: `تشير الميزانيات إلى فرق ليست في مساحة العمل هذه: ${ids.join('، ')}.`,
    },
    {
      fields: ids.map((id) => ({
        path: `teamBudgets.${id}`,
        message: { en: 'no such team in this workspace', ar: 'لا يوجد فريق كهذا في مساحة العمل' },
      })),
    },
  );

type TotalsQuery = z.output<typeof compensationTotalsQuery>;

/** The compensation policy, direct compensation, approvals and the ledger. */
export function createCompensationService({
  database,
  clock,
  config,
  secrets,
}: ServiceDeps & { secrets: SecretBox }) {
  const db = database.orm;
  const actorStep = (actor: Actor) => ({ userId: actor.userId, label: actor.name });

  async function viewOf(workspaceId: string, id: string) {
    const [view] = await listCompensationViews(db, { workspaceId, ids: [id] });
    if (!view) throw notFound();
    return publicCompensation(view);
  }

  /** Locks a pending request the actor may decide (not their own), with its case. */
  async function lockDecidable(
    tx: Parameters<Parameters<typeof db.transaction>[0]>[0],
    actor: Actor,
    id: string,
  ) {
    const row = await lockCompensation(tx, actor.workspace.id, id);
    if (!row) throw notFound();
    if (row.requestedBy === actor.userId) throw ownRequest();
    if (row.status !== 'pending_approval') throw notPending(row.status);
    const caseRow = await lockCaseById(tx, actor.workspace.id, row.caseId);
    if (!caseRow) throw notFound();
    return { row, caseRow };
  }

  return {
    /** Read by whoever offers compensation: the dialogs warn as an amount passes the role's limit. */
    async getPolicy(actor: Actor) {
      assertCan(actor.role, 'case:write');
      return policyOfWorkspace(await workspaceOf(db, actor.workspace.id));
    },

    async setPolicy(options: { actor: Actor; policy: UpdateCompensationPolicyRequest }) {
      const { actor, policy } = options;
      assertCan(actor.role, 'workspace:admin');
      const teamIds = new Set((await listTeams(db, actor.workspace.id)).map((team) => team.id));
      const unknown = Object.keys(policy.teamBudgets).filter((id) => !teamIds.has(id));
      if (unknown.length > 0) throw unknownTeams(unknown);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const before = policyOfWorkspace(await workspaceOf(tx, actor.workspace.id));
        await setCompensationSettings(tx, actor.workspace.id, policy);
        await audit(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'compensation.policy_changed',
          subjectType: 'workspace',
          subjectId: actor.workspace.id,
          details: { before, after: policy },
          now,
        });
      });
      return policyOfWorkspace(await workspaceOf(db, actor.workspace.id));
    },

    /** Compensation given directly (by phone, goodwill): given at once within limits, else it waits. */
    async giveDirectly(options: { actor: Actor; referenceNumber: string; input: CreateCompensationRequest }) {
      const { actor, input } = options;
      assertCan(actor.role, 'case:write');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const caseRow = await lockCaseByReference(
          tx,
          actor.workspace.id,
          options.referenceNumber.toUpperCase(),
        );
        if (!caseRow) throw caseNotFound(options.referenceNumber);
        const workspace = await workspaceOf(tx, actor.workspace.id);
        assertAllowed(policyOfWorkspace(workspace), input, '');
        const rows = await requestCompensations(tx, {
          caseRow,
          workspace,
          requester: { userId: actor.userId, role: actor.role },
          items: [
            {
              type: input.type,
              amount: input.amount ?? null,
              currency: input.currency ?? null,
              reason: input.reason,
              offerId: null,
              optionId: null,
            },
          ],
          isGivenAtOnce: true,
          now,
        });
        await recordRequested(tx, { caseRow, rows, actor: actorStep(actor), now });
        await announceCaseUpdated(tx, caseRow);
        return rows[0]!.id;
      });
      return viewOf(actor.workspace.id, id);
    },

    /** Requests waiting for approval, oldest first, with the customer's history. */
    async listPending(actor: Actor) {
      assertCan(actor.role, 'compensation:approve');
      const workspaceId = actor.workspace.id;
      const views = (await listCompensationViews(db, { workspaceId, status: 'pending_approval' })).reverse();
      const customerIds = [...new Set(views.flatMap((view) => (view.customerId ? [view.customerId] : [])))];
      const [caseCounts, given] = await Promise.all([
        countCasesOfCustomers(db, workspaceId, customerIds),
        sumGivenCompensationOfCustomers(db, workspaceId, customerIds),
      ]);
      return {
        items: views.map((view) => ({
          ...publicCompensation(view),
          customerHistory: {
            caseCount: view.customerId ? (caseCounts.get(view.customerId) ?? 0) : 0,
            givenTotals: given
              .filter((row) => row.customerId === view.customerId && row.currency !== '')
              .map(({ currency, count, total }) => ({ currency, count, total })),
          },
        })),
      };
    },

    /** Approves a request: direct compensation is given; an offer goes out once all its requests are approved. */
    async approve(options: { actor: Actor; id: string; reason?: string | undefined }) {
      const { actor } = options;
      assertCan(actor.role, 'compensation:approve');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const { row, caseRow } = await lockDecidable(tx, actor, options.id);
        const isDirect = row.offerId === null;
        await updateCompensation(tx, actor.workspace.id, row.id, {
          status: isDirect ? 'given' : 'approved',
          decidedBy: actor.userId,
          decidedAt: now,
          decisionReason: options.reason || null,
          ...(isDirect && { givenAt: now }),
        });
        const changes = {
          compensationId: row.id,
          type: row.type,
          amount: row.amount,
          currency: row.currency,
          reason: options.reason || null,
          ...(row.offerId && { offerId: row.offerId }),
        };
        await caseEvent(tx, caseRow, {
          type: 'compensation.approved',
          actor: actorStep(actor),
          changes,
          now,
        });
        if (isDirect)
          await caseEvent(tx, caseRow, { type: 'compensation.given', actor: actorStep(actor), changes, now });
        await audit(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'compensation.approved',
          subjectType: 'compensation',
          subjectId: row.id,
          details: changes,
          now,
        });
        await notifyUser(tx, {
          workspaceId: actor.workspace.id,
          userId: row.requestedBy,
          caseId: caseRow.id,
          type: 'compensation.approved',
          actorUserId: actor.userId,
          now,
        });
        if (row.offerId) {
          const offer = await lockOffer(tx, actor.workspace.id, row.offerId);
          const siblings = await listCompensationsOfOffer(tx, actor.workspace.id, row.offerId);
          const isAllApproved = siblings.every((sibling) => sibling.status !== 'pending_approval');
          if (offer?.status === 'pending_approval' && isAllApproved) {
            const workspace = await workspaceOf(tx, actor.workspace.id);
            await sendOffer(tx, {
              offer,
              caseRow,
              workspace,
              url: offerUrlFor({ secrets, publicUrl: config.publicUrl }, workspace, caseRow.id, now),
              now,
              mailDomain: config.mailDomain,
            });
          }
        }
        await announceCaseUpdated(tx, caseRow);
      });
      return viewOf(actor.workspace.id, options.id);
    },

    /** Rejects a request with a reason; its offer is rejected and the offer's other requests cancelled. */
    async reject(options: { actor: Actor; id: string; reason: string }) {
      const { actor, reason } = options;
      assertCan(actor.role, 'compensation:approve');
      const now = clock.now();
      await db.transaction(async (tx) => {
        const { row, caseRow } = await lockDecidable(tx, actor, options.id);
        await updateCompensation(tx, actor.workspace.id, row.id, {
          status: 'rejected',
          decidedBy: actor.userId,
          decidedAt: now,
          decisionReason: reason,
        });
        const changes = {
          compensationId: row.id,
          type: row.type,
          amount: row.amount,
          currency: row.currency,
          reason,
          ...(row.offerId && { offerId: row.offerId }),
        };
        await caseEvent(tx, caseRow, {
          type: 'compensation.rejected',
          actor: actorStep(actor),
          changes,
          now,
        });
        if (row.offerId) {
          const offer = await lockOffer(tx, actor.workspace.id, row.offerId);
          if (offer?.status === 'pending_approval') {
            await updateOffer(tx, actor.workspace.id, offer.id, { status: 'rejected' });
            await cancelOpenCompensations(tx, {
              workspaceId: actor.workspace.id,
              offerId: offer.id,
              now,
              actor: actorStep(actor),
              caseRow,
            });
            await caseEvent(tx, caseRow, {
              type: 'offer.rejected',
              actor: actorStep(actor),
              changes: { offerId: offer.id, compensationId: row.id, reason },
              now,
            });
          }
        }
        await audit(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'compensation.rejected',
          subjectType: 'compensation',
          subjectId: row.id,
          details: changes,
          now,
        });
        await notifyUser(tx, {
          workspaceId: actor.workspace.id,
          userId: row.requestedBy,
          caseId: caseRow.id,
          type: 'compensation.rejected',
          actorUserId: actor.userId,
          now,
        });
        await announceCaseUpdated(tx, caseRow);
      });
      return viewOf(actor.workspace.id, options.id);
    },

    /** The ledger: compensation requested in [from, to), newest first. */
    async list(options: {
      actor: Actor;
      from?: string | undefined;
      to?: string | undefined;
      status?: CompensationStatus | undefined;
      teamId?: string | undefined;
      customerId?: string | undefined;
    }) {
      const { actor } = options;
      assertCan(actor.role, 'compensation:ledger');
      const views = await listCompensationViews(db, {
        workspaceId: actor.workspace.id,
        status: options.status,
        teamId: options.teamId,
        customerId: options.customerId,
        requestedFrom: options.from ? new Date(options.from) : undefined,
        requestedTo: options.to ? new Date(options.to) : undefined,
      });
      return { items: views.map(publicCompensation) };
    },

    /** Every compensation of one case, requested, given or decided, for whoever can read the case. */
    async ofCase(options: { actor: Actor; referenceNumber: string }) {
      const { actor } = options;
      assertCan(actor.role, 'case:read');
      const caseRow = await findCaseByReference(
        db,
        actor.workspace.id,
        options.referenceNumber.toUpperCase(),
      );
      if (!caseRow) throw caseNotFound(options.referenceNumber);
      const views = await listCompensationViews(db, { workspaceId: actor.workspace.id, caseId: caseRow.id });
      return { items: views.map(publicCompensation) };
    },

    /** Given compensation summed by category, product, team or month (workspace time zone), per currency. */
    async totals(options: { actor: Actor; query: TotalsQuery }) {
      const { actor, query } = options;
      assertCan(actor.role, 'compensation:ledger');
      const rows = await sumGivenCompensation(db, {
        workspaceId: actor.workspace.id,
        by: query.by,
        timeZone: actor.workspace.timeZone,
        ...(query.from && { from: new Date(query.from) }),
        ...(query.to && { to: new Date(query.to) }),
      });
      const none = actor.language === 'ar' ? 'بدون' : 'None';
      return {
        by: query.by,
        rows: rows
          .filter((row) => row.currency !== '')
          .map((row) => ({
            key: row.key,
            label: (query.by === 'team' ? row.teamName : row.key) ?? none,
            currency: row.currency,
            count: row.count,
            total: row.total,
          })),
      };
    },

    /** A customer's compensation over time: totals given per currency and every line. */
    async ofCustomer(options: { actor: Actor; customerId: string }) {
      const { actor, customerId } = options;
      assertCan(actor.role, 'customer:read');
      const workspaceId = actor.workspace.id;
      const [views, totals] = await Promise.all([
        listCompensationViews(db, { workspaceId, customerId }),
        sumGivenCompensationOfCustomers(db, workspaceId, [customerId]),
      ]);
      return {
        totals: totals
          .filter((row) => row.currency !== '')
          .map(({ currency, count, total }) => ({ currency, count, total })),
        items: views.map(publicCompensation),
      };
    },
  };
}

export type CompensationService = ReturnType<typeof createCompensationService>;
