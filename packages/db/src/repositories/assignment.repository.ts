// Automatic assignment's reads and writes. The engine's transaction locks the team row, then the
// team's assignable members (in id order, so two teams sharing agents never deadlock), then claims
// queued cases with SKIP LOCKED: two processes never give one case twice nor fill one agent twice.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { appUser, team } from '../schema.ts';
import { queueTime } from './case.repository.ts';
import type { UserRow } from './user.repository.ts';

/** A PostgreSQL array literal of ids (both drivers take it as one text parameter). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** A team whose queue the engine may give out: its mode, round robin's place, the workspace's zone. */
export type AssigningTeam = {
  id: string;
  workspaceId: string;
  assignmentMode: string;
  lastAssignedUserId: string | null;
  timeZone: string;
};

/** An unassigned case claimed for this transaction, in queue order. */
export type QueuedCase = {
  id: string;
  workspaceId: string;
  referenceNumber: string;
  channel: string;
  language: string | null;
  category: string | null;
  priority: string;
};

/** Teams with a non-manual mode that have unassigned new or open cases and an online member. */
export async function listTeamsWithQueuedCases(executor: Executor): Promise<{ id: string }[]> {
  const result = await executor.execute(sql`
    SELECT t.id FROM team t
     WHERE t.assignment_mode <> 'manual'
       AND EXISTS (SELECT 1 FROM support_case c
                    WHERE c.workspace_id = t.workspace_id AND c.team_id = t.id
                      AND c.status IN ('new', 'open') AND c.assignee_id IS NULL)
       AND EXISTS (SELECT 1 FROM team_member m JOIN app_user u ON u.id = m.user_id
                    WHERE m.team_id = t.id AND u.availability = 'online' AND u.is_active)
     ORDER BY t.id`);
  return rowsOf<{ id: string }>(result);
}

/** Locks the team row for one round of assignment (held until the transaction ends; case intake, which only reads its key, goes on). */
export async function lockAssigningTeam(
  executor: Executor,
  teamId: string,
): Promise<AssigningTeam | undefined> {
  const result = await executor.execute(sql`
    SELECT t.id, t.workspace_id AS "workspaceId", t.assignment_mode AS "assignmentMode",
           t.last_assigned_user_id AS "lastAssignedUserId", w.time_zone AS "timeZone"
      FROM team t JOIN workspace w ON w.id = t.workspace_id
     WHERE t.id = ${teamId}
       FOR NO KEY UPDATE OF t`);
  return rowsOf<AssigningTeam>(result)[0];
}

/** Every member's id in a stable order: round robin's circle. */
export async function listTeamCircle(executor: Executor, teamId: string): Promise<string[]> {
  const result = await executor.execute(sql`
    SELECT user_id AS "userId" FROM team_member WHERE team_id = ${teamId} ORDER BY user_id`);
  return rowsOf<{ userId: string }>(result).map((row) => row.userId);
}

/**
 * Locks the team's members who may receive cases now (active agents and supervisors, online), in
 * id order, so their open-case counts cannot change under this transaction.
 */
export async function lockOnlineMembers(
  executor: Executor,
  workspaceId: string,
  teamId: string,
): Promise<UserRow[]> {
  const result = await executor.execute(sql`
    SELECT u.id FROM app_user u JOIN team_member m ON m.user_id = u.id
     WHERE m.team_id = ${teamId} AND u.workspace_id = ${workspaceId} AND u.is_active
       AND u.availability = 'online' AND u.role IN ('agent', 'supervisor')
     ORDER BY u.id
       FOR NO KEY UPDATE OF u`);
  const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(appUser)
    .where(and(eq(appUser.workspaceId, workspaceId), inArray(appUser.id, ids)))
    .orderBy(appUser.id);
}

/** Open cases (new, open, pending) assigned to each of these users, per channel. */
export async function countOpenCasesByChannel(
  executor: Executor,
  workspaceId: string,
  userIds: string[],
): Promise<{ assigneeId: string; channel: string; total: number }[]> {
  if (userIds.length === 0) return [];
  const result = await executor.execute(sql`
    SELECT assignee_id AS "assigneeId", channel, count(*)::int AS total
      FROM support_case
     WHERE workspace_id = ${workspaceId} AND assignee_id = ANY(${uuidArray(userIds)}::uuid[])
       AND status IN ('new', 'open', 'pending')
     GROUP BY assignee_id, channel`);
  return rowsOf<{ assigneeId: string; channel: string; total: number }>(result);
}

/** When each user was last given one of the cases they still hold. */
export async function lastAssignedAtOf(
  executor: Executor,
  workspaceId: string,
  userIds: string[],
): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const result = await executor.execute(sql`
    SELECT c.assignee_id AS "userId", max(e.created_at) AS "at"
      FROM support_case c JOIN case_event e ON e.case_id = c.id AND e.type = 'case.assigned'
     WHERE c.workspace_id = ${workspaceId} AND c.assignee_id = ANY(${uuidArray(userIds)}::uuid[])
     GROUP BY c.assignee_id`);
  return new Map(
    rowsOf<{ userId: string; at: Date | string }>(result).map((row) => [row.userId, new Date(row.at)]),
  );
}

/**
 * Claims up to `limit` unassigned new or open cases of the team in queue order — priority (P1
 * first), then the earliest running SLA due time (else arrival; see queueTime), then id (ids are
 * time-ordered) — skipping cases another transaction holds. The inbox's priority sort is the same.
 */
export async function claimQueuedCases(
  executor: Executor,
  workspaceId: string,
  teamId: string,
  limit: number,
): Promise<QueuedCase[]> {
  const result = await executor.execute(sql`
    SELECT c.id, c.workspace_id AS "workspaceId", c.reference_number AS "referenceNumber", c.channel,
           c.language, c.category, c.priority
      FROM support_case c
     WHERE c.workspace_id = ${workspaceId} AND c.team_id = ${teamId}
       AND c.status IN ('new', 'open') AND c.assignee_id IS NULL
     ORDER BY c.priority, ${queueTime(sql`c.id`, sql`c.created_at`)}, c.id
     LIMIT ${limit}
       FOR UPDATE OF c SKIP LOCKED`);
  return rowsOf<QueuedCase>(result);
}

export async function setTeamLastAssigned(executor: Executor, teamId: string, userId: string): Promise<void> {
  await executor.update(team).set({ lastAssignedUserId: userId }).where(eq(team.id, teamId));
}

/** Sets a user's availability (locking their row); undefined when no such user in the workspace. */
export async function setUserAvailability(
  executor: Executor,
  workspaceId: string,
  userId: string,
  availability: string,
  at: Date,
): Promise<UserRow | undefined> {
  const [row] = await executor
    .update(appUser)
    .set({ availability, availabilityChangedAt: at })
    .where(and(eq(appUser.workspaceId, workspaceId), eq(appUser.id, userId)))
    .returning();
  return row;
}

/**
 * Clears the assignee of the user's cases still waiting for their reply — new or open, and no reply
 * by a person since the customer last wrote (or since the case opened) — and returns them.
 */
export async function unassignWaitingCases(
  executor: Executor,
  workspaceId: string,
  userId: string,
  at: Date,
): Promise<{ id: string; workspaceId: string; referenceNumber: string }[]> {
  const result = await executor.execute(sql`
    UPDATE support_case AS c SET assignee_id = NULL, updated_at = ${at.toISOString()}::timestamptz
     WHERE c.workspace_id = ${workspaceId} AND c.assignee_id = ${userId} AND c.status IN ('new', 'open')
       AND NOT EXISTS (
         SELECT 1 FROM message r
          WHERE r.case_id = c.id AND r.direction = 'outbound' AND NOT r.is_automatic
            AND r.created_at >= coalesce(
              (SELECT max(i.created_at) FROM message i WHERE i.case_id = c.id AND i.direction = 'inbound'),
              c.created_at))
    RETURNING c.id, c.workspace_id AS "workspaceId", c.reference_number AS "referenceNumber"`);
  return rowsOf<{ id: string; workspaceId: string; referenceNumber: string }>(result);
}

export async function setTeamAssignmentMode(
  executor: Executor,
  workspaceId: string,
  teamId: string,
  assignmentMode: string,
): Promise<void> {
  await executor
    .update(team)
    .set({ assignmentMode })
    .where(and(eq(team.workspaceId, workspaceId), eq(team.id, teamId)));
}
