import { randomUUID } from 'node:crypto';
import { AppError, assertCan, type CalendarHoliday, type CalendarSpan } from '@sada/core';
import {
  type BusinessCalendarRow,
  deleteBusinessCalendar,
  findBusinessCalendar,
  findTeamById,
  insertBusinessCalendar,
  listBusinessCalendars,
  listCalendarAssignments,
  setTeamCalendar,
  setWorkspaceCalendar,
  updateBusinessCalendar,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { unlessNameTaken } from '../http/database-errors.ts';
import type { ServiceDeps } from '../services.ts';
import { resyncOpenCases } from '../sla/sla-sync.ts';

export type CalendarInput = {
  name: string;
  timeZone: string;
  isAlwaysOpen: boolean;
  hours: CalendarSpan[];
  holidays: CalendarHoliday[];
};

function publicCalendar(row: BusinessCalendarRow) {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    isAlwaysOpen: row.isAlwaysOpen,
    hours: row.hours,
    holidays: row.holidays,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No business calendar with this id in this workspace.',
    ar: 'لا يوجد تقويم عمل بهذا المعرّف في مساحة العمل هذه.',
  });

export const teamNotFound = () =>
  new AppError('not_found', {
    en: 'No team with this id in this workspace.',
    ar: 'لا يوجد فريق بهذا المعرّف في مساحة العمل هذه.',
  });

const nameTaken = (name: string) =>
  new AppError('conflict', {
    en: `A business calendar named "${name}" already exists.`,
    ar: `يوجد تقويم عمل باسم "${name}" مسبقًا.`,
  });

// An SLA clock on a calendar that never opens would never fall due.
function assertOpens(calendar: CalendarInput) {
  if (calendar.isAlwaysOpen || calendar.hours.length > 0) return;
  throw new AppError(
    'validation_failed',
    {
      en: 'Add at least one opening, or make the calendar open 24/7.',
      ar: 'أضف فترة عمل واحدة على الأقل، أو اجعل التقويم مفتوحًا على مدار الساعة.',
    },
    { fields: [{ path: 'hours', message: { en: 'is empty', ar: 'فارغة' } }] },
  );
}

/** Business calendars of a workspace and which one the workspace and each team follow. */
export function createCalendarService({ database, clock }: ServiceDeps) {
  const db = database.orm;

  const saving = <T>(name: string | undefined, write: () => Promise<T>) =>
    unlessNameTaken(write, () => nameTaken(name ?? ''));

  return {
    async list(actor: Actor) {
      assertCan(actor.role, 'sla:read');
      const [rows, assignments] = await Promise.all([
        listBusinessCalendars(db, actor.workspace.id),
        listCalendarAssignments(db, actor.workspace.id),
      ]);
      return { items: rows.map(publicCalendar), ...assignments };
    },

    async create(options: { actor: Actor; calendar: CalendarInput }) {
      const { actor, calendar } = options;
      assertCan(actor.role, 'workspace:admin');
      assertOpens(calendar);
      const now = clock.now();
      const row = await saving(calendar.name, () =>
        insertBusinessCalendar(db, {
          id: randomUUID(),
          workspaceId: actor.workspace.id,
          ...calendar,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return publicCalendar(row);
    },

    async update(options: { actor: Actor; id: string; changes: Partial<CalendarInput> }) {
      const { actor, id, changes } = options;
      assertCan(actor.role, 'workspace:admin');
      const row = await saving(changes.name, () =>
        db.transaction(async (tx) => {
          const current = await findBusinessCalendar(tx, actor.workspace.id, id);
          if (!current) throw notFound();
          const merged: CalendarInput = {
            name: changes.name ?? current.name,
            timeZone: changes.timeZone ?? current.timeZone,
            isAlwaysOpen: changes.isAlwaysOpen ?? current.isAlwaysOpen,
            hours: changes.hours ?? current.hours,
            holidays: changes.holidays ?? current.holidays,
          };
          assertOpens(merged);
          return updateBusinessCalendar(tx, actor.workspace.id, id, { ...merged, updatedAt: clock.now() });
        }),
      );
      if (!row) throw notFound();
      await resyncOpenCases(database, actor.workspace.id, clock);
      return publicCalendar(row);
    },

    async remove(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'workspace:admin');
      if (!(await deleteBusinessCalendar(db, options.actor.workspace.id, options.id))) throw notFound();
      await resyncOpenCases(database, options.actor.workspace.id, clock);
    },

    /** The workspace's calendar; null: open around the clock. */
    async setWorkspaceCalendar(options: { actor: Actor; calendarId: string | null }) {
      const { actor, calendarId } = options;
      assertCan(actor.role, 'workspace:admin');
      await db.transaction(async (tx) => {
        if (calendarId !== null && !(await findBusinessCalendar(tx, actor.workspace.id, calendarId))) {
          throw notFound();
        }
        await setWorkspaceCalendar(tx, actor.workspace.id, calendarId);
      });
      await resyncOpenCases(database, actor.workspace.id, clock);
      return this.list(actor);
    },

    /** A team's own calendar; null: the workspace's. */
    async setTeamCalendar(options: { actor: Actor; teamId: string; calendarId: string | null }) {
      const { actor, teamId, calendarId } = options;
      assertCan(actor.role, 'workspace:admin');
      await db.transaction(async (tx) => {
        if (!(await findTeamById(tx, actor.workspace.id, teamId))) {
          throw teamNotFound();
        }
        if (calendarId !== null && !(await findBusinessCalendar(tx, actor.workspace.id, calendarId))) {
          throw notFound();
        }
        await setTeamCalendar(tx, actor.workspace.id, teamId, calendarId);
      });
      await resyncOpenCases(database, actor.workspace.id, clock);
      return this.list(actor);
    },
  };
}
