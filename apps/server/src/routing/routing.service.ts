import { randomUUID } from 'node:crypto';
import type { RoutingDryRunResult } from '@sada/contracts';
import {
  AppError,
  assertCan,
  type Priority,
  type RoutingActions,
  type RoutingConditions,
  routeCase,
} from '@sada/core';
import {
  deleteRoutingRule,
  type Executor,
  findRoutingRule,
  findTeamById,
  insertRoutingRuleLast,
  listLatestCasesForRouting,
  listRoutingRules,
  lockRoutingRules,
  type RoutingRuleRow,
  updateRoutingRule,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { unlessNameTaken } from '../http/database-errors.ts';
import type { ServiceDeps } from '../services.ts';
import { foldForRouting, routeTriagedCase, routingFactsOf, ruleOf } from './case-routing.ts';

export type RoutingRuleInput = {
  name: string;
  conditions: RoutingConditions;
  actions: RoutingActions;
  isFinal: boolean;
  isEnabled: boolean;
};

function publicRule(row: RoutingRuleRow) {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    conditions: row.conditions as RoutingConditions,
    actions: row.actions as RoutingActions,
    isFinal: row.isFinal,
    isEnabled: row.isEnabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No routing rule with this id in this workspace.',
    ar: 'لا توجد قاعدة توجيه بهذا المعرّف في مساحة العمل هذه.',
  });

const nameTaken = (name: string) =>
  new AppError('conflict', {
    en: `A routing rule named "${name}" already exists; choose another name.`,
    ar: `توجد قاعدة توجيه باسم "${name}" مسبقًا؛ اختر اسمًا آخر.`,
  });

async function assertTeam(executor: Executor, workspaceId: string, actions: RoutingActions | undefined) {
  if (!actions?.teamId || (await findTeamById(executor, workspaceId, actions.teamId))) return;
  const message = { en: 'no such team in this workspace', ar: 'لا يوجد فريق كهذا في مساحة العمل' };
  throw new AppError(
    'validation_failed',
    {
      en: 'The rule sends cases to a team that is not in this workspace; pick one of its teams.',
      ar: 'ترسل القاعدة الحالات إلى فريق ليس في مساحة العمل هذه؛ اختر أحد فرقها.',
    },
    { fields: [{ path: 'actions.teamId', message }] },
  );
}

/** A rule's actions as stored: only what it does. */
function storedActions(actions: RoutingActions): Record<string, unknown> {
  return {
    ...(actions.teamId && { teamId: actions.teamId }),
    ...(actions.priority && { priority: actions.priority }),
    ...(actions.addTags?.length && { addTags: [...new Set(actions.addTags)] }),
  };
}

/** A rule's conditions as stored: the lists that say something. */
function storedConditions(conditions: RoutingConditions): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(conditions).filter(([, values]) => Array.isArray(values) && values.length > 0),
  );
}

/** The workspace's routing rules (admins write, supervisors read), their dry run, and routing itself. */
export function createRoutingService({ database, clock, config }: ServiceDeps) {
  const db = database.orm;

  const saving = <T>(name: string | undefined, write: () => Promise<T>) =>
    unlessNameTaken(write, () => nameTaken(name ?? ''));

  return {
    async list(actor: Actor) {
      assertCan(actor.role, 'routing:read');
      return { items: (await listRoutingRules(db, actor.workspace.id)).map(publicRule) };
    },

    async create(options: { actor: Actor; rule: RoutingRuleInput }) {
      const { actor, rule } = options;
      assertCan(actor.role, 'workspace:admin');
      const now = clock.now();
      const row = await saving(rule.name, () =>
        db.transaction(async (tx) => {
          await assertTeam(tx, actor.workspace.id, rule.actions);
          await lockRoutingRules(tx, actor.workspace.id);
          return insertRoutingRuleLast(tx, {
            id: randomUUID(),
            workspaceId: actor.workspace.id,
            name: rule.name,
            conditions: storedConditions(rule.conditions),
            actions: storedActions(rule.actions),
            isFinal: rule.isFinal,
            isEnabled: rule.isEnabled,
            createdAt: now,
            updatedAt: now,
          });
        }),
      );
      return publicRule(row);
    },

    async update(options: { actor: Actor; id: string; changes: Partial<RoutingRuleInput> }) {
      const { actor, id, changes } = options;
      assertCan(actor.role, 'workspace:admin');
      const row = await saving(changes.name, () =>
        db.transaction(async (tx) => {
          if (!(await findRoutingRule(tx, actor.workspace.id, id))) throw notFound();
          await assertTeam(tx, actor.workspace.id, changes.actions);
          return updateRoutingRule(tx, actor.workspace.id, id, {
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.conditions && { conditions: storedConditions(changes.conditions) }),
            ...(changes.actions && { actions: storedActions(changes.actions) }),
            ...(changes.isFinal !== undefined && { isFinal: changes.isFinal }),
            ...(changes.isEnabled !== undefined && { isEnabled: changes.isEnabled }),
            updatedAt: clock.now(),
          });
        }),
      );
      if (!row) throw notFound();
      return publicRule(row);
    },

    async remove(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'workspace:admin');
      if (!(await deleteRoutingRule(db, options.actor.workspace.id, options.id))) throw notFound();
    },

    /** Puts the rules in the given order: every rule of the workspace, each once. */
    async reorder(options: { actor: Actor; ids: string[] }) {
      const { actor, ids } = options;
      assertCan(actor.role, 'workspace:admin');
      const rows = await db.transaction(async (tx) => {
        const current = await lockRoutingRules(tx, actor.workspace.id);
        const known = new Set(current.map((row) => row.id));
        if (
          new Set(ids).size !== ids.length ||
          ids.length !== known.size ||
          ids.some((id) => !known.has(id))
        ) {
          const message = { en: 'must list every rule once', ar: 'يجب أن تذكر كل قاعدة مرة واحدة' };
          throw new AppError(
            'validation_failed',
            {
              en: `Send the ids of all ${known.size} routing rules of this workspace, each once, in the new order.`,
              ar: `أرسل معرّفات قواعد التوجيه الـ${known.size} في مساحة العمل هذه، كلًّا منها مرة واحدة، بالترتيب الجديد.`,
            },
            { fields: [{ path: 'ids', message }] },
          );
        }
        const now = clock.now();
        for (const [position, id] of ids.entries()) {
          await updateRoutingRule(tx, actor.workspace.id, id, { position, updatedAt: now });
        }
        return listRoutingRules(tx, actor.workspace.id);
      });
      return { items: rows.map(publicRule) };
    },

    /** What one rule (saved or not) would do to the workspace's last cases; changes nothing. */
    async dryRun(options: {
      actor: Actor;
      ruleId?: string | undefined;
      rule?:
        | {
            name?: string | undefined;
            conditions: RoutingConditions;
            actions: RoutingActions;
            isFinal?: boolean | undefined;
          }
        | undefined;
      last: number;
    }): Promise<RoutingDryRunResult> {
      const { actor } = options;
      assertCan(actor.role, 'routing:read');
      const saved = options.ruleId
        ? await findRoutingRule(db, actor.workspace.id, options.ruleId)
        : undefined;
      if (options.ruleId && !saved) throw notFound();
      const rule = saved
        ? { ...ruleOf(saved), isEnabled: true }
        : {
            id: 'unsaved',
            name: options.rule?.name ?? '',
            conditions: options.rule?.conditions ?? {},
            actions: options.rule?.actions ?? {},
            isFinal: false,
            isEnabled: true,
          };
      await assertTeam(db, actor.workspace.id, rule.actions);
      const cases = await listLatestCasesForRouting(db, actor.workspace.id, options.last);
      const items = cases.map((row) => {
        const outcome = routeCase([rule], routingFactsOf(row, row.customerTags), foldForRouting);
        return {
          referenceNumber: row.referenceNumber,
          subject: row.subject,
          teamId: row.teamId,
          priority: row.priority as Priority,
          tags: row.tags,
          isMatched: outcome.matched.length > 0,
          changes: outcome.changes,
        };
      });
      return {
        items,
        matchedCount: items.filter((item) => item.isMatched).length,
        changedCount: items.filter((item) => Object.keys(item.changes).length > 0).length,
      };
    },

    /** Routes a case triage has just read, in triage's transaction (the triage worker calls it). */
    routeTriagedCase(tx: Executor, target: { workspaceId: string; caseId: string; now: Date }) {
      return routeTriagedCase(tx, { ...target, mailDomain: config.mailDomain });
    },
  };
}
