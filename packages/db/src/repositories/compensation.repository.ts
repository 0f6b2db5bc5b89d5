import { and, count, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../database.ts';
import { appUser, compensation, customer, supportCase, team, workspace } from '../schema.ts';

export type CompensationRecord = typeof compensation.$inferSelect;

/** A compensation with the names the console shows: case, customer, team, requester, decider. */
export type CompensationView = CompensationRecord & {
  caseReference: string;
  caseSubject: string;
  caseStatus: string;
  customerName: string | null;
  teamName: string | null;
  requestedByName: string;
  decidedByName: string | null;
};

export async function insertCompensations(
  executor: Executor,
  values: (typeof compensation.$inferInsert)[],
): Promise<CompensationRecord[]> {
  if (values.length === 0) return [];
  return executor.insert(compensation).values(values).returning();
}

/** Reads a compensation and locks it until the transaction ends (two approvers never both decide). */
export async function lockCompensation(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(compensation)
    .where(and(eq(compensation.workspaceId, workspaceId), eq(compensation.id, id)))
    .for('update');
  return row;
}

export async function listCompensationsOfOffer(executor: Executor, workspaceId: string, offerId: string) {
  return executor
    .select()
    .from(compensation)
    .where(and(eq(compensation.workspaceId, workspaceId), eq(compensation.offerId, offerId)));
}

export async function listCompensationsOfOffers(executor: Executor, workspaceId: string, offerIds: string[]) {
  if (offerIds.length === 0) return [];
  return executor
    .select()
    .from(compensation)
    .where(and(eq(compensation.workspaceId, workspaceId), inArray(compensation.offerId, offerIds)));
}

export async function updateCompensation(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<CompensationRecord, 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'givenAt'>
  >,
): Promise<CompensationRecord> {
  const [row] = await executor
    .update(compensation)
    .set(values)
    .where(and(eq(compensation.workspaceId, workspaceId), eq(compensation.id, id)))
    .returning();
  return row!;
}

/**
 * What a team has spent in one currency in [from, to): given and approved (promised) compensation,
 * counted at when it was given, else decided, else requested.
 */
export async function sumTeamCompensation(
  executor: Executor,
  input: { workspaceId: string; teamId: string; currency: string; from: Date; to: Date },
): Promise<number> {
  const at = sql`coalesce(${compensation.givenAt}, ${compensation.decidedAt}, ${compensation.requestedAt})`;
  const [row] = await executor
    .select({ total: sum(compensation.amount).mapWith(Number) })
    .from(compensation)
    .where(
      and(
        eq(compensation.workspaceId, input.workspaceId),
        eq(compensation.teamId, input.teamId),
        eq(compensation.currency, input.currency),
        inArray(compensation.status, ['approved', 'given']),
        sql`${at} >= ${input.from.toISOString()}::timestamptz`,
        sql`${at} < ${input.to.toISOString()}::timestamptz`,
      ),
    );
  return row?.total ?? 0;
}

export type CompensationFilter = {
  workspaceId: string;
  ids?: string[] | undefined;
  status?: string | undefined;
  teamId?: string | undefined;
  customerId?: string | undefined;
  caseId?: string | undefined;
  requestedFrom?: Date | undefined;
  requestedTo?: Date | undefined;
  isGiven?: boolean | undefined;
  limit?: number | undefined;
};

/** Compensations with their names, newest request first. */
export async function listCompensationViews(
  executor: Executor,
  filter: CompensationFilter,
): Promise<CompensationView[]> {
  const requester = alias(appUser, 'requester');
  const decider = alias(appUser, 'decider');
  const conditions: SQL[] = [eq(compensation.workspaceId, filter.workspaceId)];
  if (filter.ids) conditions.push(inArray(compensation.id, filter.ids.length ? filter.ids : ['']));
  if (filter.status) conditions.push(eq(compensation.status, filter.status));
  if (filter.teamId) conditions.push(eq(compensation.teamId, filter.teamId));
  if (filter.customerId) conditions.push(eq(compensation.customerId, filter.customerId));
  if (filter.caseId) conditions.push(eq(compensation.caseId, filter.caseId));
  if (filter.requestedFrom) conditions.push(gte(compensation.requestedAt, filter.requestedFrom));
  if (filter.requestedTo) conditions.push(lt(compensation.requestedAt, filter.requestedTo));
  if (filter.isGiven) conditions.push(isNotNull(compensation.givenAt));
  const rows = await executor
    .select({
      record: compensation,
      caseReference: supportCase.referenceNumber,
      caseSubject: supportCase.subject,
      caseStatus: supportCase.status,
      customerName: customer.name,
      teamName: team.name,
      requestedByName: requester.name,
      decidedByName: decider.name,
    })
    .from(compensation)
    .innerJoin(supportCase, eq(supportCase.id, compensation.caseId))
    .innerJoin(requester, eq(requester.id, compensation.requestedBy))
    .leftJoin(decider, eq(decider.id, compensation.decidedBy))
    .leftJoin(customer, eq(customer.id, compensation.customerId))
    .leftJoin(team, eq(team.id, compensation.teamId))
    .where(and(...conditions))
    .orderBy(desc(compensation.requestedAt), desc(compensation.id))
    .limit(filter.limit ?? 500);
  return rows.map(({ record, ...names }) => ({ ...record, ...names }));
}

/** Given compensation per currency: of one customer, or of one workspace's customers listed. */
export async function sumGivenCompensationOfCustomers(
  executor: Executor,
  workspaceId: string,
  customerIds: string[],
): Promise<{ customerId: string; currency: string; count: number; total: number }[]> {
  if (customerIds.length === 0) return [];
  const rows = await executor
    .select({
      customerId: compensation.customerId,
      currency: compensation.currency,
      count: count(),
      total: sum(compensation.amount).mapWith(Number),
    })
    .from(compensation)
    .where(
      and(
        eq(compensation.workspaceId, workspaceId),
        inArray(compensation.customerId, customerIds),
        isNotNull(compensation.givenAt),
      ),
    )
    .groupBy(compensation.customerId, compensation.currency)
    .orderBy(compensation.currency);
  return rows.map((row) => ({ ...row, customerId: row.customerId ?? '', total: row.total ?? 0 }));
}

/** How many cases each of these customers has in the workspace. */
export async function countCasesOfCustomers(executor: Executor, workspaceId: string, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, number>();
  const rows = await executor
    .select({ customerId: supportCase.customerId, count: count() })
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), inArray(supportCase.customerId, customerIds)))
    .groupBy(supportCase.customerId);
  return new Map(rows.map((row) => [row.customerId ?? '', row.count]));
}

export type CompensationTotalsBy = 'category' | 'product' | 'team' | 'month';

/** Given compensation summed per key (month: YYYY-MM of given_at in `timeZone`) and currency. */
export async function sumGivenCompensation(
  executor: Executor,
  input: { workspaceId: string; by: CompensationTotalsBy; timeZone: string; from?: Date; to?: Date },
): Promise<
  { key: string | null; teamName: string | null; currency: string; count: number; total: number }[]
> {
  const keys: Record<CompensationTotalsBy, SQL<string | null>> = {
    category: sql`${compensation.category}`,
    product: sql`${compensation.product}`,
    team: sql`${compensation.teamId}::text`,
    month: sql`to_char(${compensation.givenAt} AT TIME ZONE ${input.timeZone}, 'YYYY-MM')`,
  };
  const conditions: SQL[] = [
    eq(compensation.workspaceId, input.workspaceId),
    isNotNull(compensation.givenAt),
  ];
  if (input.from) conditions.push(gte(compensation.givenAt, input.from));
  if (input.to) conditions.push(lt(compensation.givenAt, input.to));
  // Grouped by position: the month's expression carries a parameter that would not match a repeat.
  const rows = await executor
    .select({
      key: keys[input.by].mapWith((value: string | null) => value),
      currency: compensation.currency,
      teamName: sql<string | null>`max(${team.name})`,
      count: count(),
      total: sum(compensation.amount).mapWith(Number),
    })
    .from(compensation)
    .leftJoin(team, eq(team.id, compensation.teamId))
    .where(and(...conditions))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
  return rows.map((row) => ({ ...row, total: row.total ?? 0 }));
}

/** Stores the workspace's compensation policy (workspace.compensation_settings). */
export async function setCompensationSettings(
  executor: Executor,
  workspaceId: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await executor
    .update(workspace)
    .set({ compensationSettings: settings })
    .where(eq(workspace.id, workspaceId));
}
