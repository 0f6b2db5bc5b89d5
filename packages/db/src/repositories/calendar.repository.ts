import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { appUser, businessCalendar, slaPolicy, supportCase, team, workspace } from '../schema.ts';

export type BusinessCalendarRow = typeof businessCalendar.$inferSelect;
type CalendarValues = Pick<BusinessCalendarRow, 'name' | 'timeZone' | 'isAlwaysOpen' | 'hours' | 'holidays'>;

export async function listBusinessCalendars(
  executor: Executor,
  workspaceId: string,
): Promise<BusinessCalendarRow[]> {
  return executor
    .select()
    .from(businessCalendar)
    .where(eq(businessCalendar.workspaceId, workspaceId))
    .orderBy(asc(businessCalendar.name), asc(businessCalendar.id));
}

export async function findBusinessCalendar(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<BusinessCalendarRow | undefined> {
  const [row] = await executor
    .select()
    .from(businessCalendar)
    .where(and(eq(businessCalendar.workspaceId, workspaceId), eq(businessCalendar.id, id)));
  return row;
}

export async function insertBusinessCalendar(
  executor: Executor,
  values: typeof businessCalendar.$inferInsert,
): Promise<BusinessCalendarRow> {
  const [row] = await executor.insert(businessCalendar).values(values).returning();
  return row!;
}

export async function updateBusinessCalendar(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<CalendarValues> & { updatedAt: Date },
): Promise<BusinessCalendarRow | undefined> {
  const [row] = await executor
    .update(businessCalendar)
    .set(values)
    .where(and(eq(businessCalendar.workspaceId, workspaceId), eq(businessCalendar.id, id)))
    .returning();
  return row;
}

/** Deletes a calendar; the workspace, teams and SLA policies using it fall back (ON DELETE SET NULL). */
export async function deleteBusinessCalendar(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(businessCalendar)
    .where(and(eq(businessCalendar.workspaceId, workspaceId), eq(businessCalendar.id, id)))
    .returning({ id: businessCalendar.id });
  return deleted.length > 0;
}

export async function setWorkspaceCalendar(
  executor: Executor,
  workspaceId: string,
  calendarId: string | null,
): Promise<void> {
  await executor.update(workspace).set({ calendarId }).where(eq(workspace.id, workspaceId));
}

export async function setTeamCalendar(
  executor: Executor,
  workspaceId: string,
  teamId: string,
  calendarId: string | null,
): Promise<boolean> {
  const updated = await executor
    .update(team)
    .set({ calendarId })
    .where(and(eq(team.workspaceId, workspaceId), eq(team.id, teamId)))
    .returning({ id: team.id });
  return updated.length > 0;
}

/** The workspace's calendar id and each team's, by team name. */
export async function listCalendarAssignments(executor: Executor, workspaceId: string) {
  const [owner] = await executor
    .select({ calendarId: workspace.calendarId })
    .from(workspace)
    .where(eq(workspace.id, workspaceId));
  const teams = await executor
    .select({ id: team.id, name: team.name, calendarId: team.calendarId })
    .from(team)
    .where(eq(team.workspaceId, workspaceId))
    .orderBy(asc(team.name), asc(team.id));
  return { workspaceCalendarId: owner?.calendarId ?? null, teams };
}

/** The calendar a team's cases follow: the team's own, else the workspace's; undefined when neither has one. */
export async function findEffectiveCalendar(
  executor: Executor,
  workspaceId: string,
  teamId: string | null,
  /** A calendar chosen before the team's (an SLA policy's own). */
  preferredId: string | null = null,
): Promise<BusinessCalendarRow | undefined> {
  const teamCalendar = teamId
    ? sql`(SELECT ${team.calendarId} FROM ${team} WHERE ${team.id} = ${teamId} AND ${team.workspaceId} = ${workspaceId})`
    : sql`NULL::uuid`;
  const [row] = await executor
    .select()
    .from(businessCalendar)
    .where(
      and(
        eq(businessCalendar.workspaceId, workspaceId),
        sql`${businessCalendar.id} = coalesce(${preferredId}::uuid, ${teamCalendar}, (SELECT ${workspace.calendarId} FROM ${workspace} WHERE ${workspace.id} = ${workspaceId}))`,
      ),
    );
  return row;
}

/** Cases created since `since`, counted by weekday (0 = Sunday) and hour of the wall clock in `timeZone`. */
export async function countCasesByWeekHour(
  executor: Executor,
  options: { workspaceId: string; since: Date; timeZone: string; teamId?: string | undefined },
): Promise<{ weekday: number; hour: number; cases: number }[]> {
  const local = sql`(${supportCase.createdAt} AT TIME ZONE ${options.timeZone})`;
  const weekday = sql<number>`extract(dow from ${local})::int`;
  const hour = sql<number>`extract(hour from ${local})::int`;
  return (
    executor
      .select({ weekday, hour, cases: sql<number>`count(*)::int` })
      .from(supportCase)
      .where(
        and(
          eq(supportCase.workspaceId, options.workspaceId),
          gte(supportCase.createdAt, options.since),
          options.teamId ? eq(supportCase.teamId, options.teamId) : undefined,
        ),
      )
      // by position: the zone is a parameter, and PostgreSQL would not match two copies of it
      .groupBy(sql`1`, sql`2`)
  );
}

/** The first-response target of the workspace's first enabled SLA policy that has one. */
export async function findFirstResponseTargetMinutes(
  executor: Executor,
  workspaceId: string,
): Promise<number | undefined> {
  const [row] = await executor
    .select({ minutes: slaPolicy.firstResponseMinutes })
    .from(slaPolicy)
    .where(
      and(
        eq(slaPolicy.workspaceId, workspaceId),
        eq(slaPolicy.isEnabled, true),
        sql`${slaPolicy.firstResponseMinutes} IS NOT NULL`,
      ),
    )
    .orderBy(asc(slaPolicy.position))
    .limit(1);
  return row?.minutes ?? undefined;
}

/** Active users' weekly shifts, optionally only a team's members. */
export async function listShiftsOfUsers(
  executor: Executor,
  workspaceId: string,
  teamId?: string | undefined,
): Promise<{ userId: string; shifts: unknown[] }[]> {
  const memberOfTeam = teamId
    ? sql`${appUser.id} IN (SELECT user_id FROM team_member WHERE team_id = ${teamId})`
    : undefined;
  return executor
    .select({ userId: appUser.id, shifts: appUser.shifts })
    .from(appUser)
    .where(and(eq(appUser.workspaceId, workspaceId), eq(appUser.isActive, true), memberOfTeam));
}
