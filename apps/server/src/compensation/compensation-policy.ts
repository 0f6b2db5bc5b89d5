// The compensation policy's rules, without I/O: who may give how much without approval, and the
// calendar month a team's budget counts in.
import type { CompensationPolicy } from '@sada/contracts';
import type { Role } from '@sada/core';

/** How much the role may give in the currency without approval; null: no limit (admins). */
export function limitOf(policy: CompensationPolicy, role: Role, currency: string): number | null {
  if (role === 'admin') return null;
  if (role === 'agent' || role === 'supervisor') return policy.limits[role][currency] ?? 0;
  return 0;
}

/**
 * Whether an amount needs a supervisor's or admin's approval: above the requester's limit, or
 * beyond the team's monthly budget (spent this month plus this amount).
 */
export function needsApproval(input: {
  policy: CompensationPolicy;
  role: Role;
  currency: string;
  amount: number;
  teamId: string | null;
  teamSpent: number;
}): boolean {
  const limit = limitOf(input.policy, input.role, input.currency);
  if (limit !== null && input.amount > limit) return true;
  const budget = input.teamId ? input.policy.teamBudgets[input.teamId]?.[input.currency] : undefined;
  return budget !== undefined && input.teamSpent + input.amount > budget;
}

/** The wall clock in `timeZone` at the instant, read as if it were UTC. */
function wallClock(timeZone: string, instant: Date): number {
  const parts: Record<string, number> = {};
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The instant local midnight of the 1st of (year, month) begins in the zone. */
function monthStart(timeZone: string, year: number, monthIndex: number): Date {
  const wall = Date.UTC(year, monthIndex, 1);
  // Two passes settle the zone's offset at that instant (it may differ from now's).
  let instant = wall - (wallClock(timeZone, new Date(wall)) - wall);
  instant = wall - (wallClock(timeZone, new Date(instant)) - instant);
  return new Date(instant);
}

/** The calendar month around `at` in the zone, as [from, to). */
export function monthBoundsIn(timeZone: string, at: Date): { from: Date; to: Date } {
  const wall = new Date(wallClock(timeZone, at));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  return { from: monthStart(timeZone, year, month), to: monthStart(timeZone, year, month + 1) };
}
