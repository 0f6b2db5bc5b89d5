import { randomUUID } from 'node:crypto';
import type { CreateSlaPolicyRequest, UpdateSlaPolicyRequest } from '@sada/contracts';
import { AppError, assertCan } from '@sada/core';
import {
  deleteSlaPolicy,
  findBusinessCalendar,
  findSlaPolicy,
  insertSlaPolicy,
  listSlaPolicies,
  nextSlaPolicyPosition,
  type SlaPolicyRow,
  setSlaPolicyPositions,
  updateSlaPolicy,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { unlessNameTaken } from '../http/database-errors.ts';
import type { ServiceDeps } from '../services.ts';
import { escalateDueClocks } from './sla-escalation.ts';
import { conditionsOf, escalationOf, resyncOpenCases } from './sla-sync.ts';

export function publicSlaPolicy(row: SlaPolicyRow) {
  const conditions = conditionsOf(row);
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    conditions: {
      priorities: conditions.priorities ?? [],
      channels: conditions.channels ?? [],
      kinds: conditions.kinds ?? [],
      teamIds: conditions.teamIds ?? [],
      customerTags: conditions.customerTags ?? [],
    },
    targets: {
      firstResponse: row.firstResponseMinutes,
      nextResponse: row.nextResponseMinutes,
      update: row.updateMinutes,
      resolution: row.resolutionMinutes,
    },
    calendarId: row.calendarId,
    escalation: escalationOf(row),
    isEnabled: row.isEnabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No SLA policy with this id in this workspace.',
    ar: 'لا توجد سياسة مستوى خدمة بهذا المعرّف في مساحة العمل هذه.',
  });

const nameTaken = (name: string) =>
  new AppError('conflict', {
    en: `There is already an SLA policy named "${name}"; choose another name.`,
    ar: `توجد سياسة مستوى خدمة باسم «${name}» بالفعل؛ اختر اسمًا آخر.`,
  });

const calendarNotInWorkspace = () =>
  new AppError(
    'validation_failed',
    {
      en: 'The calendar is not a calendar of this workspace.',
      ar: 'هذا التقويم ليس من تقاويم مساحة العمل هذه.',
    },
    {
      fields: [
        {
          path: 'calendarId',
          message: { en: 'no such calendar in this workspace', ar: 'لا يوجد تقويم كهذا في مساحة العمل' },
        },
      ],
    },
  );

type TargetMinutes = CreateSlaPolicyRequest['targets'];
const targetColumns = (targets: TargetMinutes) => ({
  firstResponseMinutes: targets.firstResponse,
  nextResponseMinutes: targets.nextResponse,
  updateMinutes: targets.update,
  resolutionMinutes: targets.resolution,
});

/** SLA policies (admin writes, supervisors read) and the clocks that follow them. */
export function createSlaService({ database, clock }: ServiceDeps) {
  const db = database.orm;

  async function assertCalendar(workspaceId: string, calendarId: string | null | undefined) {
    if (calendarId && !(await findBusinessCalendar(db, workspaceId, calendarId)))
      throw calendarNotInWorkspace();
  }

  // Without a name (a change that keeps it) no unique violation can be about the name.
  const withUniqueName = <T>(name: string | undefined, write: () => Promise<T>) =>
    name === undefined ? write() : unlessNameTaken(write, () => nameTaken(name));

  const resyncWorkspace = (workspaceId: string) => resyncOpenCases(database, workspaceId, clock);

  return {
    /** After calendars changed: every open case of the workspace is due anew. */
    resyncWorkspace,

    /** One batch of the escalation ladder; the worker drains it. */
    escalateDue: () => escalateDueClocks(database, clock),

    async list(actor: Actor) {
      assertCan(actor.role, 'sla:read');
      return { items: (await listSlaPolicies(db, actor.workspace.id)).map(publicSlaPolicy) };
    },

    async create(options: { actor: Actor; input: CreateSlaPolicyRequest }) {
      const { actor, input } = options;
      assertCan(actor.role, 'workspace:admin');
      const workspaceId = actor.workspace.id;
      await assertCalendar(workspaceId, input.calendarId);
      const now = clock.now();
      const row = await withUniqueName(input.name, async () =>
        insertSlaPolicy(db, {
          id: randomUUID(),
          workspaceId,
          name: input.name,
          position: input.position ?? (await nextSlaPolicyPosition(db, workspaceId)),
          conditions: input.conditions,
          ...targetColumns(input.targets),
          calendarId: input.calendarId,
          escalation: input.escalation,
          isEnabled: input.isEnabled,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await resyncWorkspace(workspaceId);
      return publicSlaPolicy(row);
    },

    async update(options: { actor: Actor; id: string; changes: UpdateSlaPolicyRequest }) {
      const { actor, changes } = options;
      assertCan(actor.role, 'workspace:admin');
      const workspaceId = actor.workspace.id;
      await assertCalendar(workspaceId, changes.calendarId);
      const row = await withUniqueName(changes.name, () =>
        updateSlaPolicy(db, workspaceId, options.id, {
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.conditions !== undefined && { conditions: changes.conditions }),
          ...(changes.targets !== undefined && targetColumns(changes.targets)),
          ...(changes.calendarId !== undefined && { calendarId: changes.calendarId }),
          ...(changes.escalation !== undefined && { escalation: changes.escalation }),
          ...(changes.isEnabled !== undefined && { isEnabled: changes.isEnabled }),
          updatedAt: clock.now(),
        }),
      );
      if (!row) throw notFound();
      await resyncWorkspace(workspaceId);
      return publicSlaPolicy(row);
    },

    /**
     * Removes a policy. It is switched off first and the open cases choose again (their clocks go,
     * with the escalations, on the timeline); then the row goes, and with it the clocks of closed cases.
     */
    async remove(options: { actor: Actor; id: string }) {
      const { actor } = options;
      assertCan(actor.role, 'workspace:admin');
      const workspaceId = actor.workspace.id;
      const row = await updateSlaPolicy(db, workspaceId, options.id, {
        isEnabled: false,
        updatedAt: clock.now(),
      });
      if (!row) throw notFound();
      await resyncWorkspace(workspaceId);
      await deleteSlaPolicy(db, workspaceId, row.id);
    },

    async reorder(options: { actor: Actor; ids: string[] }) {
      const { actor, ids } = options;
      assertCan(actor.role, 'workspace:admin');
      const workspaceId = actor.workspace.id;
      const existing = await listSlaPolicies(db, workspaceId);
      const known = new Set(existing.map((row) => row.id));
      if (ids.length !== existing.length || ids.some((id) => !known.has(id))) {
        throw new AppError(
          'validation_failed',
          {
            en: `Give every policy of the workspace once, in the new order (${existing.length} policies).`,
            ar: `أرسل كل سياسات مساحة العمل مرة واحدة بالترتيب الجديد (${existing.length} سياسة).`,
          },
          {
            fields: [
              {
                path: 'ids',
                message: { en: 'not the policies of this workspace', ar: 'ليست سياسات مساحة العمل هذه' },
              },
            ],
          },
        );
      }
      await db.transaction((tx) => setSlaPolicyPositions(tx, workspaceId, ids, clock.now()));
      await resyncWorkspace(workspaceId);
      return { items: (await listSlaPolicies(db, workspaceId)).map(publicSlaPolicy) };
    },

    /** A policy of the workspace, or not_found. */
    async get(actor: Actor, id: string) {
      assertCan(actor.role, 'sla:read');
      const row = await findSlaPolicy(db, actor.workspace.id, id);
      if (!row) throw notFound();
      return publicSlaPolicy(row);
    },
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
