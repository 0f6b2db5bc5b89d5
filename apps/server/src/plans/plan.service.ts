import type {
  CasePlan,
  CreatePlanStepRequest,
  PlanStep,
  PlanStepStatus,
  UpdatePlanStepRequest,
} from '@sada/contracts';
import { AppError, assertCan, type CaseEventType, diffFields } from '@sada/core';
import {
  announceCaseUpdated,
  appendPlanSteps,
  type CaseRow,
  type Executor,
  findPlanStep,
  findTeamById,
  findUserById,
  insertCaseEvent,
  listPlanSteps,
  listTeams,
  listUsers,
  lockCaseByReference,
  type PlanStepRow,
  setCaseUpdateEvery,
  setPlanStepPositions,
  updatePlanStep,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseNotFound, readCase } from '../cases/case.service.ts';
import type { ServiceDeps } from '../services.ts';
import { tellStepDone } from './plan-messages.ts';
import { runPlanJobs } from './plan-worker.ts';

const isOpenStatus = (status: string) => status === 'pending' || status === 'in_progress';

/** A step is overdue once its due time passed while it is still to do. */
export const isStepOverdue = (row: PlanStepRow, now: Date) =>
  isOpenStatus(row.status) && row.dueAt !== null && row.dueAt.getTime() < now.getTime();

type OwnerNames = { users: Map<string, string>; teams: Map<string, string> };

function publicStep(row: PlanStepRow, names: OwnerNames, now: Date): PlanStep {
  const owner = row.ownerUserId
    ? { userId: row.ownerUserId, teamId: null, name: names.users.get(row.ownerUserId) ?? '' }
    : row.ownerTeamId
      ? { userId: null, teamId: row.ownerTeamId, name: names.teams.get(row.ownerTeamId) ?? '' }
      : null;
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    owner,
    dueAt: row.dueAt,
    status: row.status as PlanStepStatus,
    isCustomerVisible: row.isCustomerVisible,
    customerNote: row.customerNote,
    completedAt: row.completedAt,
    isOverdue: isStepOverdue(row, now),
    offerId: row.offerId,
  };
}

const stepNotFound = () =>
  new AppError('not_found', {
    en: 'No step with this id in the plan of this case.',
    ar: 'لا توجد خطوة بهذا المعرّف في خطة هذه الحالة.',
  });

const invalidField = (path: string, en: string, ar: string) =>
  new AppError('validation_failed', { en, ar }, { fields: [{ path, message: { en, ar } }] });

/** Resolution plans: steps with owners and due times, the customer told of progress. */
export function createPlanService(
  deps: ServiceDeps & { statusLink: (workspace: { id: string; slug: string }, caseId: string) => string },
) {
  const { database, clock, config } = deps;
  const db = database.orm;

  async function assertOwner(
    tx: Executor,
    workspaceId: string,
    userId?: string | null,
    teamId?: string | null,
  ) {
    if (userId) {
      const user = await findUserById(tx, workspaceId, userId);
      if (!user || !user.isActive || user.role === 'analyst') {
        throw invalidField(
          'ownerUserId',
          'The owner must be an active agent, supervisor or admin of this workspace.',
          'يجب أن يكون المسؤول موظفًا أو مشرفًا أو مديرًا نشطًا في مساحة العمل هذه.',
        );
      }
    }
    if (teamId && !(await findTeamById(tx, workspaceId, teamId))) {
      throw invalidField(
        'ownerTeamId',
        'The owner team is not a team of this workspace.',
        'الفريق المسؤول ليس من فرق مساحة العمل هذه.',
      );
    }
  }

  function assertFuture(dueAt: Date | null | undefined, now: Date) {
    if (dueAt && dueAt.getTime() <= now.getTime()) {
      throw invalidField(
        'dueAt',
        'The due time must be in the future.',
        'يجب أن يكون موعد الاستحقاق في المستقبل.',
      );
    }
  }

  async function planOf(executor: Executor, caseRow: CaseRow): Promise<CasePlan> {
    // One after another: inside a transaction the queries share one connection.
    const steps = await listPlanSteps(executor, caseRow.workspaceId, caseRow.id);
    const users = await listUsers(executor, caseRow.workspaceId);
    const teams = await listTeams(executor, caseRow.workspaceId);
    const names = {
      users: new Map(users.map((user) => [user.id, user.name])),
      teams: new Map(teams.map((team) => [team.id, team.name])),
    };
    const now = clock.now();
    const counted = steps.filter((step) => step.status !== 'cancelled');
    return {
      steps: steps.map((step) => publicStep(step, names, now)),
      progress: { done: counted.filter((step) => step.status === 'done').length, total: counted.length },
      updateEveryDays: caseRow.updateEveryDays,
      lastUpdateSentAt: caseRow.lastUpdateSentAt,
    };
  }

  /** Runs a change of the plan on the locked case; the plan is announced as a case change when it commits. */
  async function changePlan(
    actor: Actor,
    referenceNumber: string,
    change: (tx: Executor, current: CaseRow, now: Date) => Promise<void>,
  ): Promise<CasePlan> {
    assertCan(actor.role, 'case:write');
    return db.transaction(async (tx) => {
      const current = await lockCaseByReference(tx, actor.workspace.id, referenceNumber.toUpperCase());
      if (!current) throw caseNotFound(referenceNumber);
      await change(tx, current, clock.now());
      const row = (await lockCaseByReference(tx, actor.workspace.id, current.referenceNumber)) ?? current;
      await announceCaseUpdated(tx, row);
      return planOf(tx, row);
    });
  }

  const event = (
    tx: Executor,
    actor: Actor,
    caseRow: CaseRow,
    type: CaseEventType,
    changes: Record<string, unknown>,
    now: Date,
  ) =>
    insertCaseEvent(tx, {
      workspaceId: caseRow.workspaceId,
      caseId: caseRow.id,
      type,
      actorUserId: actor.userId,
      actorLabel: actor.name,
      changes,
      createdAt: now,
    });

  return {
    async get(options: { actor: Actor; referenceNumber: string }) {
      assertCan(options.actor.role, 'case:read');
      return planOf(db, await readCase(db, options.actor, options.referenceNumber));
    },

    async addStep(options: { actor: Actor; referenceNumber: string; input: CreatePlanStepRequest }) {
      const { actor, input } = options;
      return changePlan(actor, options.referenceNumber, async (tx, current, now) => {
        await assertOwner(tx, current.workspaceId, input.ownerUserId, input.ownerTeamId);
        const dueAt = input.dueAt ? new Date(input.dueAt) : null;
        assertFuture(dueAt, now);
        const [step] = await appendPlanSteps(
          tx,
          current.workspaceId,
          current.id,
          [
            {
              title: input.title,
              ownerUserId: input.ownerUserId ?? null,
              ownerTeamId: input.ownerTeamId ?? null,
              dueAt,
              isCustomerVisible: input.isCustomerVisible,
              customerNote: input.customerNote ?? null,
              createdBy: actor.userId,
            },
          ],
          now,
        );
        await event(tx, actor, current, 'plan.step_added', { stepId: step!.id, title: step!.title }, now);
      });
    },

    async updateStep(options: {
      actor: Actor;
      referenceNumber: string;
      id: string;
      changes: UpdatePlanStepRequest;
    }) {
      const { actor, changes } = options;
      return changePlan(actor, options.referenceNumber, async (tx, current, now) => {
        const step = await findPlanStep(tx, current.workspaceId, current.id, options.id);
        if (!step) throw stepNotFound();
        const isOwnerChanged = changes.ownerUserId !== undefined || changes.ownerTeamId !== undefined;
        if (isOwnerChanged)
          await assertOwner(tx, current.workspaceId, changes.ownerUserId, changes.ownerTeamId);
        const dueAt =
          changes.dueAt === undefined ? undefined : changes.dueAt === null ? null : new Date(changes.dueAt);
        if (dueAt && dueAt.getTime() !== step.dueAt?.getTime()) assertFuture(dueAt, now);
        const patch = {
          title: changes.title,
          ...(isOwnerChanged && {
            ownerUserId: changes.ownerUserId ?? null,
            ownerTeamId: changes.ownerTeamId ?? null,
          }),
          dueAt,
          status: changes.status,
          isCustomerVisible: changes.isCustomerVisible,
          customerNote: changes.customerNote,
        };
        const diff = diffFields(step as unknown as Record<string, unknown>, patch);
        const isMoved = changes.position !== undefined && changes.position !== step.position;
        if (Object.keys(diff).length === 0 && !isMoved) return;
        const isDone = diff.status !== undefined && changes.status === 'done';
        const updated = await updatePlanStep(tx, current.workspaceId, step.id, {
          ...Object.fromEntries(
            Object.keys(diff).map((field) => [field, patch[field as keyof typeof patch]]),
          ),
          ...(diff.status && { completedAt: isDone ? now : null }),
          // A new due time is late anew: the owner hears of it again.
          ...(diff.dueAt && { overdueNotifiedAt: null }),
          updatedAt: now,
        });
        if (isMoved) {
          const others = (await listPlanSteps(tx, current.workspaceId, current.id)).filter(
            (item) => item.id !== step.id,
          );
          const at = Math.min(changes.position!, others.length);
          const order = [
            ...others.slice(0, at).map((item) => item.id),
            step.id,
            ...others.slice(at).map((item) => item.id),
          ];
          await setPlanStepPositions(tx, current.workspaceId, current.id, order);
        }
        await event(
          tx,
          actor,
          current,
          'plan.step_changed',
          {
            stepId: step.id,
            title: updated!.title,
            ...diff,
            ...(isMoved && { position: { before: step.position, after: changes.position } }),
          },
          now,
        );
        if (isDone && updated!.isCustomerVisible) {
          const steps = await listPlanSteps(tx, current.workspaceId, current.id);
          const sent = await tellStepDone(tx, {
            caseRow: current,
            step: updated!,
            steps,
            now,
            mailDomain: config.mailDomain,
            statusLink: deps.statusLink({ id: current.workspaceId, slug: actor.workspace.slug }, current.id),
          });
          if (sent)
            await event(
              tx,
              actor,
              current,
              'plan.customer_updated',
              { stepId: step.id, messageId: sent.id, reason: 'step_done' },
              now,
            );
        }
      });
    },

    async setUpdates(options: { actor: Actor; referenceNumber: string; updateEveryDays: number | null }) {
      const { actor, updateEveryDays } = options;
      return changePlan(actor, options.referenceNumber, async (tx, current, now) => {
        if (current.updateEveryDays === updateEveryDays) return;
        await setCaseUpdateEvery(tx, current.workspaceId, current.id, updateEveryDays, now);
        await event(
          tx,
          actor,
          current,
          'plan.updates_set',
          { updateEveryDays: { before: current.updateEveryDays, after: updateEveryDays } },
          now,
        );
      });
    },

    /** One batch of the plan jobs (overdue steps, periodic updates); the worker drains it. */
    runDue: () =>
      runPlanJobs({ database, clock, mailDomain: config.mailDomain, statusLink: deps.statusLink }),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
