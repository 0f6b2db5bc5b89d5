// Routing a new case: the workspace's rules, tried in order once triage has read the case, in the
// transaction that stores triage's reading. `routed_at` marks the case read, so nothing routes twice.

import {
  type RoutingActions,
  type RoutingConditions,
  type RoutingFacts,
  type RoutingRule,
  routeCase,
} from '@sada/core';
import {
  announceCaseUpdated,
  type CaseRow,
  customerTagsOf,
  type Executor,
  findCaseById,
  insertCaseEvent,
  listRoutingRules,
  type RoutingRuleRow,
  updateCaseRow,
} from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import { tellCustomerTeamHasCase } from './team-notice.ts';

/** Who the timeline says routed the case. */
export const ROUTING_LABEL = 'Sada routing';

export function ruleOf(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    conditions: row.conditions as RoutingConditions,
    actions: row.actions as RoutingActions,
    isFinal: row.isFinal,
    isEnabled: row.isEnabled,
  };
}

type CaseFacts = Pick<
  CaseRow,
  | 'subject'
  | 'description'
  | 'kind'
  | 'category'
  | 'channel'
  | 'language'
  | 'product'
  | 'region'
  | 'teamId'
  | 'priority'
  | 'tags'
  | 'triage'
  | 'triageLocked'
>;

/**
 * What routing reads of a case. A team already on the case was chosen by a person (nothing else sets
 * one before routing), so rules leave it; so is a priority a person set (triage's lock).
 */
export function routingFactsOf(row: CaseFacts, customerTags: string[]): RoutingFacts {
  const signals = (row.triage?.signals as { type: string }[] | undefined) ?? [];
  return {
    kind: row.kind,
    category: row.category,
    channel: row.channel,
    language: row.language,
    product: row.product,
    region: row.region,
    customerTags,
    signals: signals.map((signal) => signal.type),
    text: `${row.subject}\n${row.description}`,
    teamId: row.teamId,
    priority: row.priority,
    tags: row.tags,
    isTeamSetByPerson: row.teamId !== null,
    isPrioritySetByPerson: row.triageLocked.includes('priority'),
  };
}

/** The folding routing applies to texts and keywords: the search normaliser (Arabic and Latin). */
export const foldForRouting = normalizeForSearch;

/**
 * Routes one case triage has just read (locked by triage's claim): applies the matching rules'
 * changes, records them on the timeline, tells the customer when the case reached a team, and marks
 * the case routed. A case routed before is left alone.
 */
export async function routeTriagedCase(
  tx: Executor,
  input: { workspaceId: string; caseId: string; now: Date; mailDomain: string },
): Promise<void> {
  const { now } = input;
  const current = await findCaseById(tx, input.workspaceId, input.caseId);
  if (!current || current.routedAt) return;
  const rules = (await listRoutingRules(tx, input.workspaceId)).map(ruleOf);
  const customerTags =
    rules.length > 0 ? await customerTagsOf(tx, current.workspaceId, current.customerId) : [];
  const outcome = routeCase(rules, routingFactsOf(current, customerTags), foldForRouting);
  const { changes } = outcome;
  let row = await updateCaseRow(tx, current.id, {
    routedAt: now,
    ...changes,
    ...(Object.keys(changes).length > 0 && { updatedAt: now }),
  });
  if (outcome.matched.length === 0) return;
  await insertCaseEvent(tx, {
    workspaceId: current.workspaceId,
    caseId: current.id,
    type: 'case.routed',
    actorUserId: null,
    actorLabel: ROUTING_LABEL,
    changes: {
      rules: outcome.matched,
      ...Object.fromEntries(
        Object.entries(changes).map(([field, after]) => [
          field,
          { before: current[field as keyof typeof changes] ?? null, after },
        ]),
      ),
    },
    createdAt: now,
  });
  if (changes.teamId) {
    row = await tellCustomerTeamHasCase(tx, {
      caseRow: row,
      teamId: changes.teamId,
      now: new Date(now.getTime() + 1),
      mailDomain: input.mailDomain,
    });
  }
  if (Object.keys(changes).length > 0) await announceCaseUpdated(tx, row);
}
