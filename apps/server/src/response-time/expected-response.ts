import { addBusinessSeconds, type BusinessCalendar, nextOpening } from '@sada/core';
import type { Executor, WorkspaceRow } from '@sada/db';
import { calendarOfCase } from '../calendars/calendar-of.ts';
import { channelSettingsOf } from '../channels/channel-settings.ts';

/**
 * When a customer who wrote at `from` may expect an answer: the workspace's promised hours counted
 * in open time from the desk's next opening (a case that arrives on Friday night waits for Sunday).
 */
export function expectedResponseOn(calendar: BusinessCalendar, from: Date, hours: number): Date {
  const opening = nextOpening(calendar, from);
  // A calendar that never opens can promise nothing better than plain hours.
  if (!opening) return new Date(from.getTime() + hours * 3_600_000);
  return addBusinessSeconds(calendar, opening, hours * 3600);
}

/** The same, on the calendar of the case's team (else the workspace's, else around the clock). */
export async function expectedResponseBy(
  executor: Executor,
  workspace: WorkspaceRow,
  teamId: string | null,
  from: Date,
): Promise<Date> {
  const calendar = await calendarOfCase(executor, workspace.id, teamId);
  return expectedResponseOn(
    calendar,
    from,
    channelSettingsOf(workspace.channelSettings).expectedResponseHours,
  );
}
