import { agentsNeeded, assertCan, type CalendarSpan } from '@sada/core';
import {
  countCasesByWeekHour,
  findFirstResponseTargetMinutes,
  findTeamById,
  listShiftsOfUsers,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../services.ts';
import { teamNotFound } from './calendar.service.ts';

const DEFAULT_TARGET_MINUTES = 60;
const SERVICE_LEVEL = 0.8;
const WEEK_MS = 7 * 86_400_000;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function isShiftSpan(value: unknown): value is CalendarSpan {
  if (!value || typeof value !== 'object') return false;
  const { day, from, to } = value as Record<string, unknown>;
  const isTime = (t: unknown) => typeof t === 'string' && /^\d\d:\d\d$/.test(t);
  return Number.isInteger(day) && (day as number) >= 0 && (day as number) <= 6 && isTime(from) && isTime(to);
}

/** Agents on shift per hour of the week (index weekday × 24 + hour), each counted by the share of the hour covered. */
export function scheduledAgents(users: { shifts: unknown[] }[]): number[] {
  const scheduled = new Array<number>(7 * 24).fill(0);
  for (const user of users) {
    const covered = new Array<number>(7 * 24).fill(0);
    for (const span of user.shifts.filter(isShiftSpan)) {
      const from = minutesOf(span.from);
      const to = minutesOf(span.to);
      for (let hour = Math.floor(from / 60); hour < 24 && hour * 60 < to; hour += 1) {
        const overlap = Math.min(to, hour * 60 + 60) - Math.max(from, hour * 60);
        const index = span.day * 24 + hour;
        covered[index] = Math.min(1, (covered[index] ?? 0) + overlap / 60);
      }
    }
    covered.forEach((share, index) => {
      scheduled[index] = (scheduled[index] ?? 0) + share;
    });
  }
  return scheduled;
}

/** The staffing hint: inbound volume by weekday and hour, agents needed (Erlang C) and agents on shift. */
export function createStaffingService({ database, clock }: ServiceDeps) {
  const db = database.orm;
  return {
    async grid(options: { actor: Actor; weeks: number; teamId?: string | undefined; handleMinutes: number }) {
      const { actor, weeks, teamId, handleMinutes } = options;
      assertCan(actor.role, 'sla:read');
      const workspaceId = actor.workspace.id;
      if (teamId && !(await findTeamById(db, workspaceId, teamId))) {
        throw teamNotFound();
      }
      const timeZone = actor.workspace.timeZone;
      const since = new Date(clock.now().getTime() - weeks * WEEK_MS);
      const [counts, targetMinutes, users] = await Promise.all([
        countCasesByWeekHour(db, { workspaceId, since, timeZone, teamId }),
        findFirstResponseTargetMinutes(db, workspaceId),
        listShiftsOfUsers(db, workspaceId, teamId),
      ]);
      const target = targetMinutes ?? DEFAULT_TARGET_MINUTES;
      const arrivals = new Array<number>(7 * 24).fill(0);
      for (const row of counts) arrivals[row.weekday * 24 + row.hour] = row.cases / weeks;
      const scheduled = scheduledAgents(users);
      const cells = arrivals.map((arrivalsPerHour, index) => ({
        weekday: Math.floor(index / 24),
        hour: index % 24,
        arrivalsPerHour,
        agentsNeeded: agentsNeeded({
          arrivalsPerHour,
          handleSeconds: handleMinutes * 60,
          targetSeconds: target * 60,
          serviceLevel: SERVICE_LEVEL,
        }),
        agentsScheduled: Math.round((scheduled[index] ?? 0) * 100) / 100,
      }));
      return {
        timeZone,
        weeks,
        since,
        handleMinutes,
        targetMinutes: target,
        serviceLevel: SERVICE_LEVEL,
        cells,
      };
    },
  };
}
