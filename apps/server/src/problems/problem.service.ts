import { randomUUID } from 'node:crypto';
import type {
  CaseProblem,
  CloseProblemRequest,
  CreateProblemActionRequest,
  CreateProblemRequest,
  ProblemDetail,
  ProblemEffectiveness,
  ProblemEffectivenessQuery,
  ProblemStatus,
  ProblemSuggestions,
  UpdateProblemActionRequest,
  UpdateProblemRequest,
} from '@sada/contracts';
import { AppError, assertCan, diffFields } from '@sada/core';
import {
  announce,
  type Executor,
  findCaseByReference,
  findCasesByReferences,
  findProblem,
  findProblemAction,
  findProblemLinksOfCases,
  findReplyTemplate,
  findUserById,
  insertAuditRecord,
  insertProblem,
  insertProblemAction,
  insertProblemNote,
  linkProblemCases,
  listLinkedCaseIds,
  lockProblem,
  type ProblemRow,
  unlinkProblemCase,
  updateProblem,
  updateProblemAction,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound } from '../cases/case.service.ts';
import type { ServiceDeps } from '../services.ts';
import { tellLinkedCustomers, wordingOf } from './problem-messages.ts';
import { issueCaseIds, problemEffectiveness, suggestSimilarCases } from './problem-signals.ts';
import { actionsOf, detailOf, listSummaries } from './problem-view.ts';

const problemNotFound = () =>
  new AppError('not_found', {
    en: 'No problem with this id in this workspace.',
    ar: 'لا توجد مشكلة بهذا المعرّف في مساحة العمل هذه.',
  });

const actionNotFound = () =>
  new AppError('not_found', {
    en: 'No action with this id on this problem.',
    ar: 'لا يوجد إجراء بهذا المعرّف في هذه المشكلة.',
  });

const invalidField = (path: string, en: string, ar: string) =>
  new AppError('validation_failed', { en, ar }, { fields: [{ path, message: { en, ar } }] });

const problemClosed = () =>
  new AppError('conflict', {
    en: 'This problem is closed: reopen it (status open or investigating) to change its cases or actions.',
    ar: 'هذه المشكلة مغلقة: أعد فتحها (الحالة open أو investigating) لتغيير حالاتها أو إجراءاتها.',
  });

type StatusLink = (workspace: { id: string; slug: string }, caseId: string) => string;

/** Problem management: the cause behind many complaints, its corrective actions and their effect. */
export function createProblemService(deps: ServiceDeps & { statusLink: StatusLink }) {
  const { database, clock, config } = deps;
  const db = database.orm;

  /** Every change is audited, and announced to the workspace's consoles when it commits. */
  async function audit(
    tx: Executor,
    actor: Actor,
    problemId: string,
    action: string,
    details: object,
    now: Date,
  ) {
    await insertAuditRecord(tx, {
      workspaceId: actor.workspace.id,
      actorUserId: actor.userId,
      action,
      subjectType: 'problem',
      subjectId: problemId,
      details: details as Record<string, unknown>,
      createdAt: now,
    });
    await announce(tx, { workspaceId: actor.workspace.id, type: 'problem.updated', problemId });
  }

  async function assertOwner(
    tx: Executor,
    workspaceId: string,
    path: string,
    userId: string | null | undefined,
  ) {
    if (!userId) return;
    const user = await findUserById(tx, workspaceId, userId);
    if (!user || !user.isActive) {
      throw invalidField(
        path,
        'The owner must be an active user of this workspace.',
        'يجب أن يكون المسؤول مستخدمًا نشطًا في مساحة العمل هذه.',
      );
    }
  }

  /** The cases of these references; 404 naming those not in the workspace. */
  async function casesOf(tx: Executor, actor: Actor, references: string[]) {
    const wanted = references.map((ref) => ref.toUpperCase());
    const found = await findCasesByReferences(tx, actor.workspace.id, wanted);
    const known = new Set(found.map((row) => row.referenceNumber));
    const missing = wanted.filter((ref) => !known.has(ref));
    if (missing.length > 0) throw caseNotFound(missing.join(', '));
    return found;
  }

  /** Links cases; a case of another problem is refused (409 naming it), one of this problem is left as is. */
  async function link(tx: Executor, actor: Actor, row: ProblemRow, caseIds: string[], now: Date) {
    const links = await findProblemLinksOfCases(tx, actor.workspace.id, caseIds);
    const elsewhere = links.filter((item) => item.problemId !== row.id);
    if (elsewhere.length > 0) {
      const titles = [...new Set(elsewhere.map((item) => `“${item.title}”`))].join(', ');
      throw new AppError('conflict', {
        en: `${elsewhere.length} of these cases already belong to another problem (${titles}); unlink them there first.`,
        ar: `${elsewhere.length} من هذه الحالات مرتبطة بمشكلة أخرى (${titles})؛ افصلها عنها أولًا.`,
      });
    }
    const linked = await linkProblemCases(tx, {
      workspaceId: actor.workspace.id,
      problemId: row.id,
      caseIds,
      linkedBy: actor.userId,
      now,
    });
    return linked;
  }

  async function read(actor: Actor, id: string) {
    assertCan(actor.role, 'problem:read');
    const row = await findProblem(db, actor.workspace.id, id);
    if (!row) throw problemNotFound();
    return row;
  }

  /** Runs a change on the locked problem and answers it as it then stands. */
  function change(
    actor: Actor,
    id: string,
    apply: (tx: Executor, row: ProblemRow, now: Date) => Promise<void>,
  ): Promise<ProblemDetail> {
    assertCan(actor.role, 'problem:write');
    return db.transaction(async (tx) => {
      const row = await lockProblem(tx, actor.workspace.id, id);
      if (!row) throw problemNotFound();
      const now = clock.now();
      await apply(tx, row, now);
      const current = (await findProblem(tx, actor.workspace.id, id)) ?? row;
      return detailOf(tx, current, now);
    });
  }

  const touch = (tx: Executor, row: ProblemRow, now: Date) =>
    updateProblem(tx, row.workspaceId, row.id, { updatedAt: now });

  const assertNotClosed = (row: ProblemRow) => {
    if (row.status === 'closed') throw problemClosed();
  };

  return {
    async list(actor: Actor, statuses: ProblemStatus[] | undefined) {
      assertCan(actor.role, 'problem:read');
      return { items: await listSummaries(db, actor.workspace.id, statuses) };
    },

    /** The actions of several problems of the workspace, by problem (what a report lists). */
    async actionsOf(actor: Actor, problemIds: string[]) {
      assertCan(actor.role, 'problem:read');
      return actionsOf(db, actor.workspace.id, problemIds, clock.now());
    },

    async get(actor: Actor, id: string): Promise<ProblemDetail> {
      return detailOf(db, await read(actor, id), clock.now());
    },

    async create(actor: Actor, input: CreateProblemRequest): Promise<ProblemDetail> {
      assertCan(actor.role, 'problem:write');
      const issueIds = input.issue ? await issueCaseIds(db, actor.workspace.id, input.issue) : undefined;
      return db.transaction(async (tx) => {
        const now = clock.now();
        await assertOwner(tx, actor.workspace.id, 'ownerUserId', input.ownerUserId);
        let caseIds: string[];
        let firstSubject: string | undefined;
        if (issueIds) {
          // An issue's cases already in another problem stay there.
          const taken = await listLinkedCaseIds(tx, actor.workspace.id, issueIds);
          caseIds = issueIds.filter((id) => !taken.has(id));
        } else {
          const found = await casesOf(tx, actor, input.references ?? []);
          caseIds = found.map((item) => item.id);
          const first = input.references?.[0]?.toUpperCase();
          firstSubject = found.find((item) => item.referenceNumber === first)?.subject;
        }
        const title =
          input.title ?? (input.issue ? input.issue.terms.join(' · ') : (firstSubject ?? '')).slice(0, 200);
        const row = await insertProblem(tx, {
          id: randomUUID(),
          workspaceId: actor.workspace.id,
          title: title || '—',
          rootCause: input.rootCause ?? '',
          status: 'open',
          ownerUserId: input.ownerUserId ?? null,
          source: input.issue ? 'issue' : 'cases',
          issueTerms: input.issue?.terms ?? [],
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        const linked = await link(tx, actor, row, caseIds, now);
        await audit(
          tx,
          actor,
          row.id,
          'problem.created',
          { title: row.title, source: row.source, linked: linked.length },
          now,
        );
        return detailOf(tx, row, now);
      });
    },

    update(actor: Actor, id: string, changes: UpdateProblemRequest) {
      return change(actor, id, async (tx, row, now) => {
        if (changes.ownerUserId !== undefined)
          await assertOwner(tx, row.workspaceId, 'ownerUserId', changes.ownerUserId);
        const patch = {
          title: changes.title,
          rootCause: changes.rootCause,
          ownerUserId: changes.ownerUserId,
          status: changes.status,
        };
        const diff = diffFields(row as unknown as Record<string, unknown>, patch);
        if (Object.keys(diff).length === 0) return;
        const isReopened = diff.status !== undefined && row.status === 'closed';
        await updateProblem(tx, row.workspaceId, row.id, {
          ...Object.fromEntries(
            Object.keys(diff).map((field) => [field, patch[field as keyof typeof patch]]),
          ),
          ...(isReopened && { closedAt: null, closedBy: null }),
          updatedAt: now,
        });
        await audit(tx, actor, row.id, isReopened ? 'problem.reopened' : 'problem.updated', diff, now);
      });
    },

    linkCases(actor: Actor, id: string, references: string[]) {
      return change(actor, id, async (tx, row, now) => {
        assertNotClosed(row);
        const found = await casesOf(tx, actor, references);
        const linked = await link(
          tx,
          actor,
          row,
          found.map((item) => item.id),
          now,
        );
        if (linked.length === 0) return;
        await touch(tx, row, now);
        const refs = found.filter((item) => linked.includes(item.id)).map((item) => item.referenceNumber);
        await audit(tx, actor, row.id, 'problem.cases_linked', { references: refs }, now);
      });
    },

    unlinkCase(actor: Actor, id: string, reference: string) {
      return change(actor, id, async (tx, row, now) => {
        assertNotClosed(row);
        const [found] = await casesOf(tx, actor, [reference]);
        if (!(await unlinkProblemCase(tx, row.workspaceId, row.id, found!.id))) {
          throw new AppError('not_found', {
            en: `Case ${found!.referenceNumber} is not linked to this problem.`,
            ar: `الحالة ${found!.referenceNumber} غير مرتبطة بهذه المشكلة.`,
          });
        }
        await touch(tx, row, now);
        await audit(tx, actor, row.id, 'problem.case_unlinked', { reference: found!.referenceNumber }, now);
      });
    },

    /** Cases of the last `days` not linked to any problem whose text is close to the problem's cases. */
    async suggestions(actor: Actor, id: string, days: number): Promise<ProblemSuggestions> {
      return suggestSimilarCases(db, await read(actor, id), { days, now: clock.now() });
    },

    addAction(actor: Actor, id: string, input: CreateProblemActionRequest) {
      return change(actor, id, async (tx, row, now) => {
        assertNotClosed(row);
        await assertOwner(tx, row.workspaceId, 'ownerUserId', input.ownerUserId);
        const action = await insertProblemAction(tx, {
          id: randomUUID(),
          workspaceId: row.workspaceId,
          problemId: row.id,
          title: input.title,
          ownerUserId: input.ownerUserId ?? null,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          status: input.status,
          completedAt: input.status === 'done' ? now : null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await touch(tx, row, now);
        await audit(
          tx,
          actor,
          row.id,
          'problem.action_added',
          { actionId: action.id, title: action.title },
          now,
        );
      });
    },

    updateAction(actor: Actor, id: string, actionId: string, changes: UpdateProblemActionRequest) {
      return change(actor, id, async (tx, row, now) => {
        assertNotClosed(row);
        const action = await findProblemAction(tx, row.workspaceId, row.id, actionId);
        if (!action) throw actionNotFound();
        if (changes.ownerUserId !== undefined)
          await assertOwner(tx, row.workspaceId, 'ownerUserId', changes.ownerUserId);
        const patch = {
          title: changes.title,
          ownerUserId: changes.ownerUserId,
          dueAt:
            changes.dueAt === undefined ? undefined : changes.dueAt === null ? null : new Date(changes.dueAt),
          status: changes.status,
        };
        const diff = diffFields(action as unknown as Record<string, unknown>, patch);
        if (Object.keys(diff).length === 0) return;
        await updateProblemAction(tx, row.workspaceId, action.id, {
          ...Object.fromEntries(
            Object.keys(diff).map((field) => [field, patch[field as keyof typeof patch]]),
          ),
          // The date the effectiveness counts from: when the action was done.
          ...(diff.status && { completedAt: changes.status === 'done' ? now : null }),
          updatedAt: now,
        });
        await touch(tx, row, now);
        await audit(tx, actor, row.id, 'problem.action_changed', { actionId: action.id, ...diff }, now);
      });
    },

    addNote(actor: Actor, id: string, body: string) {
      return change(actor, id, async (tx, row, now) => {
        await insertProblemNote(tx, {
          id: randomUUID(),
          workspaceId: row.workspaceId,
          problemId: row.id,
          body,
          authorUserId: actor.userId,
          createdAt: now,
        });
        await touch(tx, row, now);
        await audit(tx, actor, row.id, 'problem.note_added', {}, now);
      });
    },

    /**
     * Closes the problem; with notifyCustomers, tells each linked case's customer (once per case: the
     * link is marked in the same transaction) on their channel. Closing a closed problem changes nothing.
     */
    close(actor: Actor, id: string, input: CloseProblemRequest) {
      return change(actor, id, async (tx, row, now) => {
        if (row.status === 'closed') return;
        const template = input.templateId
          ? await findReplyTemplate(tx, row.workspaceId, input.templateId)
          : undefined;
        if (input.templateId && !template) {
          throw invalidField(
            'templateId',
            'No reply template with this id in this workspace.',
            'لا يوجد قالب رد بهذا المعرّف في مساحة العمل هذه.',
          );
        }
        await updateProblem(tx, row.workspaceId, row.id, {
          status: 'closed',
          closedAt: now,
          closedBy: actor.userId,
          updatedAt: now,
        });
        let notified = 0;
        if (input.notifyCustomers)
          notified = await tellLinkedCustomers(tx, {
            problem: row,
            agentName: actor.name,
            wording: wordingOf({ template, message: input.message }),
            statusLink: (caseId) =>
              deps.statusLink({ id: row.workspaceId, slug: actor.workspace.slug }, caseId),
            now,
            mailDomain: config.mailDomain,
          });
        await audit(
          tx,
          actor,
          row.id,
          'problem.closed',
          { notifyCustomers: input.notifyCustomers, notified },
          now,
        );
      });
    },

    async effectiveness(
      actor: Actor,
      id: string,
      query: ProblemEffectivenessQuery,
    ): Promise<ProblemEffectiveness> {
      return problemEffectiveness(db, await read(actor, id), { ...query, now: clock.now() });
    },

    /** The problem a case is linked to, for the case's page. */
    async ofCase(actor: Actor, reference: string): Promise<CaseProblem> {
      assertCan(actor.role, 'problem:read');
      const found = await findCaseByReference(db, actor.workspace.id, reference.toUpperCase());
      if (!found) throw caseNotFound(reference);
      const [linkRow] = await findProblemLinksOfCases(db, actor.workspace.id, [found.id]);
      return {
        problem: linkRow
          ? { id: linkRow.problemId, title: linkRow.title, status: linkRow.status as ProblemStatus }
          : null,
      };
    },
  };
}

export type ProblemService = ReturnType<typeof createProblemService>;
