import { ALWAYS_OPEN, type BusinessCalendar } from '@sada/core';
import { type BusinessCalendarRow, type Executor, findEffectiveCalendar } from '@sada/db';

/** The arithmetic's view of a stored calendar. */
export function toBusinessCalendar(row: BusinessCalendarRow): BusinessCalendar {
  return { timeZone: row.timeZone, isAlwaysOpen: row.isAlwaysOpen, hours: row.hours, holidays: row.holidays };
}

/**
 * The calendar a case's clock runs on: `preferredId` (an SLA policy's own) when given, else its team's,
 * else the workspace's, else open around the clock.
 */
export async function calendarOfCase(
  executor: Executor,
  workspaceId: string,
  teamId: string | null,
  preferredId: string | null = null,
): Promise<BusinessCalendar> {
  const row = await findEffectiveCalendar(executor, workspaceId, teamId, preferredId);
  return row ? toBusinessCalendar(row) : ALWAYS_OPEN;
}
