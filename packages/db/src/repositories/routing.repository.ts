import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { customer, routingRule, supportCase, team } from '../schema.ts';

export type RoutingRuleRow = typeof routingRule.$inferSelect;

/** The workspace's routing rules in the order they are tried. */
export async function listRoutingRules(executor: Executor, workspaceId: string): Promise<RoutingRuleRow[]> {
  return executor
    .select()
    .from(routingRule)
    .where(eq(routingRule.workspaceId, workspaceId))
    .orderBy(asc(routingRule.position), asc(routingRule.createdAt), asc(routingRule.id));
}

export async function findRoutingRule(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(routingRule)
    .where(and(eq(routingRule.workspaceId, workspaceId), eq(routingRule.id, id)));
  return row;
}

/** Inserts a rule after the workspace's last one. */
export async function insertRoutingRuleLast(
  executor: Executor,
  values: Omit<typeof routingRule.$inferInsert, 'position'>,
): Promise<RoutingRuleRow> {
  const [row] = await executor
    .insert(routingRule)
    .values({
      ...values,
      position: sql`(SELECT coalesce(max(${routingRule.position}) + 1, 0) FROM ${routingRule} WHERE ${routingRule.workspaceId} = ${values.workspaceId})`,
    })
    .returning();
  return row!;
}

export async function updateRoutingRule(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<
      RoutingRuleRow,
      'name' | 'conditions' | 'actions' | 'isFinal' | 'isEnabled' | 'position' | 'updatedAt'
    >
  >,
): Promise<RoutingRuleRow | undefined> {
  const [row] = await executor
    .update(routingRule)
    .set(values)
    .where(and(eq(routingRule.workspaceId, workspaceId), eq(routingRule.id, id)))
    .returning();
  return row;
}

export async function deleteRoutingRule(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(routingRule)
    .where(and(eq(routingRule.workspaceId, workspaceId), eq(routingRule.id, id)))
    .returning({ id: routingRule.id });
  return deleted.length > 0;
}

/** Locks the workspace's rules (a reorder and a concurrent insert apply one after the other). */
export async function lockRoutingRules(executor: Executor, workspaceId: string): Promise<RoutingRuleRow[]> {
  return executor
    .select()
    .from(routingRule)
    .where(eq(routingRule.workspaceId, workspaceId))
    .orderBy(asc(routingRule.position), asc(routingRule.id))
    .for('update');
}

/** Switches the team's routing notice to customers on or off. */
export async function setTeamRoutingNotice(
  executor: Executor,
  workspaceId: string,
  teamId: string,
  isRoutingNoticeOn: boolean,
): Promise<void> {
  await executor
    .update(team)
    .set({ isRoutingNoticeOn })
    .where(and(eq(team.workspaceId, workspaceId), eq(team.id, teamId)));
}

/** The tags of a case's customer (none without a customer). */
export async function customerTagsOf(
  executor: Executor,
  workspaceId: string,
  customerId: string | null,
): Promise<string[]> {
  if (!customerId) return [];
  const [row] = await executor
    .select({ tags: customer.tags })
    .from(customer)
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, customerId)));
  return row?.tags ?? [];
}

/** The workspace's latest cases with what routing reads of them, newest first (for a dry run). */
export async function listLatestCasesForRouting(executor: Executor, workspaceId: string, limit: number) {
  return executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
      description: supportCase.description,
      kind: supportCase.kind,
      category: supportCase.category,
      channel: supportCase.channel,
      language: supportCase.language,
      product: supportCase.product,
      region: supportCase.region,
      teamId: supportCase.teamId,
      priority: supportCase.priority,
      tags: supportCase.tags,
      triage: supportCase.triage,
      triageLocked: supportCase.triageLocked,
      customerTags: sql<string[]>`coalesce(${customer.tags}, '{}')`,
    })
    .from(supportCase)
    .leftJoin(customer, eq(customer.id, supportCase.customerId))
    .where(eq(supportCase.workspaceId, workspaceId))
    .orderBy(desc(supportCase.createdAt), desc(supportCase.id))
    .limit(limit);
}
