import { and, asc, eq, gt, inArray, max, min, notInArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { appUser, caseSla, customer, message, slaPolicy, supportCase, teamMember } from '../schema.ts';

export type SlaPolicyRow = typeof slaPolicy.$inferSelect;
export type CaseSlaRow = typeof caseSla.$inferSelect;

/** A workspace's policies in the order they are tried. */
export async function listSlaPolicies(executor: Executor, workspaceId: string): Promise<SlaPolicyRow[]> {
  return executor
    .select()
    .from(slaPolicy)
    .where(eq(slaPolicy.workspaceId, workspaceId))
    .orderBy(asc(slaPolicy.position), asc(slaPolicy.createdAt), asc(slaPolicy.id));
}

export async function findSlaPolicy(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(slaPolicy)
    .where(and(eq(slaPolicy.workspaceId, workspaceId), eq(slaPolicy.id, id)));
  return row;
}

/** Position after the last policy of the workspace. */
export async function nextSlaPolicyPosition(executor: Executor, workspaceId: string): Promise<number> {
  const [row] = await executor
    .select({ last: max(slaPolicy.position) })
    .from(slaPolicy)
    .where(eq(slaPolicy.workspaceId, workspaceId));
  return (row?.last ?? -1) + 1;
}

export async function insertSlaPolicy(
  executor: Executor,
  values: typeof slaPolicy.$inferInsert,
): Promise<SlaPolicyRow> {
  const [row] = await executor.insert(slaPolicy).values(values).returning();
  return row!;
}

export async function updateSlaPolicy(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Omit<SlaPolicyRow, 'id' | 'workspaceId' | 'createdAt'>>,
): Promise<SlaPolicyRow | undefined> {
  const [row] = await executor
    .update(slaPolicy)
    .set(values)
    .where(and(eq(slaPolicy.workspaceId, workspaceId), eq(slaPolicy.id, id)))
    .returning();
  return row;
}

/** Deletes a policy; the clocks it started go with it (ON DELETE CASCADE). */
export async function deleteSlaPolicy(executor: Executor, workspaceId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(slaPolicy)
    .where(and(eq(slaPolicy.workspaceId, workspaceId), eq(slaPolicy.id, id)))
    .returning({ id: slaPolicy.id });
  return rows.length > 0;
}

/** Numbers the given policies 0, 1, 2… in that order. */
export async function setSlaPolicyPositions(
  executor: Executor,
  workspaceId: string,
  ids: string[],
  now: Date,
) {
  for (const [position, id] of ids.entries()) {
    await executor
      .update(slaPolicy)
      .set({ position, updatedAt: now })
      .where(and(eq(slaPolicy.workspaceId, workspaceId), eq(slaPolicy.id, id)));
  }
}

export async function listClocksOfCase(executor: Executor, caseId: string): Promise<CaseSlaRow[]> {
  return executor.select().from(caseSla).where(eq(caseSla.caseId, caseId)).orderBy(asc(caseSla.target));
}

/** The clocks of several cases (a page of the case list), by case id. */
export async function listClocksOfCases(executor: Executor, caseIds: string[]): Promise<CaseSlaRow[]> {
  if (caseIds.length === 0) return [];
  return executor.select().from(caseSla).where(inArray(caseSla.caseId, caseIds));
}

/** Writes a case's clocks (one row per target) and deletes the targets it no longer has. */
export async function saveClocksOfCase(
  executor: Executor,
  caseId: string,
  clocks: (typeof caseSla.$inferInsert)[],
): Promise<void> {
  const kept = clocks.map((clock) => clock.target);
  await executor
    .delete(caseSla)
    .where(
      kept.length > 0
        ? and(eq(caseSla.caseId, caseId), notInArray(caseSla.target, kept))
        : eq(caseSla.caseId, caseId),
    );
  if (clocks.length === 0) return;
  await executor
    .insert(caseSla)
    .values(clocks)
    .onConflictDoUpdate({
      target: [caseSla.caseId, caseSla.target],
      set: {
        policyId: sql`excluded.policy_id`,
        targetSeconds: sql`excluded.target_seconds`,
        consumedSeconds: sql`excluded.consumed_seconds`,
        startedAt: sql`excluded.started_at`,
        runningSince: sql`excluded.running_since`,
        dueAt: sql`excluded.due_at`,
        warnAt: sql`excluded.warn_at`,
        completedAt: sql`excluded.completed_at`,
        breachedAt: sql`excluded.breached_at`,
        escalationLevel: sql`excluded.escalation_level`,
      },
    });
}

const toDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value));

/** What the clocks read of a case's conversation: replies by a person and the customer's messages. */
export async function findSlaFactsOfCase(executor: Executor, caseId: string, customerId: string | null) {
  const isReply = sql`${message.direction} = 'outbound' AND NOT ${message.isAutomatic} AND ${message.authorUserId} IS NOT NULL`;
  const [replies] = await executor
    .select({
      firstReplyAt: sql`min(${message.createdAt}) FILTER (WHERE ${isReply})`.mapWith(toDate),
      lastReplyAt: sql`max(${message.createdAt}) FILTER (WHERE ${isReply})`.mapWith(toDate),
    })
    .from(message)
    .where(eq(message.caseId, caseId));
  const lastReplyAt = replies?.lastReplyAt ?? null;
  const [waiting] = await executor
    .select({ since: min(message.createdAt) })
    .from(message)
    .where(
      and(
        eq(message.caseId, caseId),
        eq(message.direction, 'inbound'),
        ...(lastReplyAt ? [gt(message.createdAt, lastReplyAt)] : []),
      ),
    );
  const [tags] = customerId
    ? await executor.select({ tags: customer.tags }).from(customer).where(eq(customer.id, customerId))
    : [];
  return {
    firstReplyAt: replies?.firstReplyAt ?? null,
    lastReplyAt,
    waitingSince: toDate(waiting?.since ?? null),
    customerTags: tags?.tags ?? [],
  };
}

/** Ids of a workspace's open (not resolved or closed) cases after `afterId`, in id order. */
export async function listOpenCaseIds(
  executor: Executor,
  workspaceId: string,
  options: { afterId: string | null; limit: number },
): Promise<string[]> {
  const rows = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.workspaceId, workspaceId),
        notInArray(supportCase.status, ['resolved', 'closed']),
        ...(options.afterId ? [gt(supportCase.id, options.afterId)] : []),
      ),
    )
    .orderBy(asc(supportCase.id))
    .limit(options.limit);
  return rows.map((row) => row.id);
}

/** Ids of the open cases of a customer (their tags choose policies). */
export async function listOpenCaseIdsOfCustomer(executor: Executor, workspaceId: string, customerId: string) {
  const rows = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.workspaceId, workspaceId),
        eq(supportCase.customerId, customerId),
        notInArray(supportCase.status, ['resolved', 'closed']),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Locks cases with a clock past its warning or due time and not yet escalated that far, skipping
 * cases another process holds: two processes never escalate one case at once. Returns their ids
 * and workspaces; the caller re-reads the clocks under the lock.
 */
export async function claimCasesToEscalate(executor: Executor, now: Date, limit: number) {
  const result = await executor.execute(sql`
    SELECT c.id, c.workspace_id FROM support_case AS c
    WHERE c.id IN (
      SELECT s.case_id FROM case_sla AS s
      WHERE s.completed_at IS NULL AND (
        (s.escalation_level < 2 AND s.due_at < ${now.toISOString()}::timestamptz)
        OR (s.escalation_level < 1 AND s.warn_at <= ${now.toISOString()}::timestamptz)
      )
      ORDER BY s.due_at
      LIMIT ${limit}
    )
    FOR UPDATE OF c SKIP LOCKED`);
  return rowsOf<{ id: string; workspace_id: string }>(result).map((row) => ({
    caseId: row.id,
    workspaceId: row.workspace_id,
  }));
}

/** Sets a clock's escalation level (and when it was seen breached). */
export async function setClockEscalation(
  executor: Executor,
  caseId: string,
  target: string,
  values: { escalationLevel: number; breachedAt?: Date | undefined },
) {
  await executor
    .update(caseSla)
    .set(values)
    .where(and(eq(caseSla.caseId, caseId), eq(caseSla.target, target)));
}

/** Active supervisors of a team; without any, the workspace's active supervisors. */
export async function listSupervisorsFor(
  executor: Executor,
  workspaceId: string,
  teamId: string | null,
): Promise<string[]> {
  const active = and(
    eq(appUser.workspaceId, workspaceId),
    eq(appUser.role, 'supervisor'),
    eq(appUser.isActive, true),
  );
  if (teamId) {
    const rows = await executor
      .select({ id: appUser.id })
      .from(appUser)
      .innerJoin(teamMember, eq(teamMember.userId, appUser.id))
      .where(and(active, eq(teamMember.teamId, teamId)));
    if (rows.length > 0) return rows.map((row) => row.id);
  }
  const rows = await executor.select({ id: appUser.id }).from(appUser).where(active);
  return rows.map((row) => row.id);
}
