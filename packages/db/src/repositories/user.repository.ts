import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { appUser, team, teamMember } from '../schema.ts';

export type UserRow = typeof appUser.$inferSelect;
export type TeamRow = typeof team.$inferSelect;

export async function insertUser(executor: Executor, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const [row] = await executor.insert(appUser).values(values).returning();
  return row!;
}

export async function findUserByEmail(executor: Executor, workspaceId: string, email: string) {
  const [row] = await executor
    .select()
    .from(appUser)
    .where(and(eq(appUser.workspaceId, workspaceId), eq(appUser.email, email)));
  return row;
}

export async function findUserById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(appUser)
    .where(and(eq(appUser.workspaceId, workspaceId), eq(appUser.id, id)));
  return row;
}

export async function listUsersByIds(
  executor: Executor,
  workspaceId: string,
  ids: string[],
): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(appUser)
    .where(and(eq(appUser.workspaceId, workspaceId), inArray(appUser.id, ids)));
}

export async function listUsers(executor: Executor, workspaceId: string): Promise<UserRow[]> {
  return executor
    .select()
    .from(appUser)
    .where(eq(appUser.workspaceId, workspaceId))
    .orderBy(asc(appUser.createdAt));
}

export async function updateUser(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<
      UserRow,
      'name' | 'role' | 'isActive' | 'passwordHash' | 'language' | 'skills' | 'capacity' | 'shifts'
    >
  >,
): Promise<UserRow | undefined> {
  const [row] = await executor
    .update(appUser)
    .set(values)
    .where(and(eq(appUser.workspaceId, workspaceId), eq(appUser.id, id)))
    .returning();
  return row;
}

export async function insertTeam(executor: Executor, values: typeof team.$inferInsert): Promise<TeamRow> {
  const [row] = await executor.insert(team).values(values).returning();
  return row!;
}

export async function findTeamById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(team)
    .where(and(eq(team.workspaceId, workspaceId), eq(team.id, id)));
  return row;
}

export async function listTeams(
  executor: Executor,
  workspaceId: string,
): Promise<(TeamRow & { memberIds: string[] })[]> {
  const teams = await executor
    .select()
    .from(team)
    .where(eq(team.workspaceId, workspaceId))
    .orderBy(asc(team.name));
  if (teams.length === 0) return [];
  const members = await executor
    .select()
    .from(teamMember)
    .where(
      inArray(
        teamMember.teamId,
        teams.map((row) => row.id),
      ),
    );
  return teams.map((row) => ({
    ...row,
    memberIds: members.filter((member) => member.teamId === row.id).map((member) => member.userId),
  }));
}

export async function renameTeam(executor: Executor, workspaceId: string, id: string, name: string) {
  const [row] = await executor
    .update(team)
    .set({ name })
    .where(and(eq(team.workspaceId, workspaceId), eq(team.id, id)))
    .returning();
  return row;
}

export async function setTeamMembers(executor: Executor, teamId: string, userIds: string[]): Promise<void> {
  await executor.delete(teamMember).where(eq(teamMember.teamId, teamId));
  if (userIds.length > 0) {
    await executor.insert(teamMember).values(userIds.map((userId) => ({ teamId, userId })));
  }
}

export async function listTeamIdsOfUser(executor: Executor, userId: string): Promise<string[]> {
  const rows = await executor
    .select({ teamId: teamMember.teamId })
    .from(teamMember)
    .where(eq(teamMember.userId, userId));
  return rows.map((row) => row.teamId);
}
