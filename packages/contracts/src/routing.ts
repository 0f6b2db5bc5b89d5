import { CASE_KINDS, CHANNELS, LANGUAGES, PRIORITIES, SIGNAL_TYPES } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

const value = z.string().trim().min(1).max(100);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();

/** What a routing rule looks at: every list given must match; within a list any value does. */
export const routingConditions = z
  .strictObject({
    kinds: list(z.enum(CASE_KINDS)),
    categories: list(value),
    channels: list(z.enum(CHANNELS)),
    languages: list(z.enum(LANGUAGES)),
    products: list(value),
    regions: list(value),
    customerTags: list(value),
    signals: list(z.enum(SIGNAL_TYPES)),
    /** Whole words or phrases, Arabic or English; spelling variants and the Arabic article are folded. */
    keywords: list(value),
  })
  .meta({ id: 'RoutingConditions' });

/** What a matching rule does: a team (kept when a person chose one), a priority, tags to add. */
export const routingActions = z
  .strictObject({
    teamId: uuid.nullable().optional(),
    priority: z.enum(PRIORITIES).nullable().optional(),
    addTags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  })
  .meta({ id: 'RoutingActions' });

const hasAction = {
  message: localizedMessage(
    'Give the rule something to do: a team, a priority or tags to add.',
    'حدّد ما تفعله القاعدة: فريقًا أو أولوية أو وسومًا تضاف.',
  ),
  path: ['actions'],
};
const doesSomething = (actions: z.infer<typeof routingActions>) =>
  !!actions.teamId || !!actions.priority || (actions.addTags?.length ?? 0) > 0;

/** A routing rule of the workspace, tried in `position` order. */
export const routingRule = z
  .object({
    id: uuid,
    name: z.string(),
    position: z.number().int(),
    conditions: routingConditions,
    actions: routingActions,
    isFinal: z.boolean(),
    isEnabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'RoutingRule' });

export const routingRuleList = z.object({ items: z.array(routingRule) });

const ruleFields = {
  name: nonEmptyText(100),
  conditions: routingConditions.default({}),
  actions: routingActions,
  isFinal: z.boolean().default(false),
  isEnabled: z.boolean().default(true),
};

/** A new rule goes last. */
export const createRoutingRuleRequest = z
  .strictObject(ruleFields)
  .refine((rule) => doesSomething(rule.actions), hasAction);

export const updateRoutingRuleRequest = z
  .strictObject({
    name: ruleFields.name.optional(),
    conditions: routingConditions.optional(),
    actions: routingActions.optional(),
    isFinal: z.boolean().optional(),
    isEnabled: z.boolean().optional(),
  })
  .refine((rule) => !rule.actions || doesSomething(rule.actions), hasAction);

/** Every rule of the workspace, once each, in the new order. */
export const reorderRoutingRulesRequest = z.strictObject({ ids: z.array(uuid).min(1).max(500) });

/** A saved rule (by id) or an unsaved one, tried on the workspace's latest cases. */
export const routingDryRunRequest = z
  .strictObject({
    ruleId: uuid.optional(),
    rule: z
      .strictObject({
        name: ruleFields.name.optional(),
        conditions: routingConditions.default({}),
        actions: routingActions,
        isFinal: z.boolean().optional(),
      })
      .optional(),
    last: z.number().int().min(1).max(500).default(50),
  })
  .refine((request) => !!request.ruleId !== !!request.rule, {
    message: localizedMessage(
      'Send either ruleId (a saved rule) or rule (an unsaved one), not both.',
      'أرسل ruleId (قاعدة محفوظة) أو rule (قاعدة غير محفوظة)، لا الاثنين معًا.',
    ),
    path: ['rule'],
  });

/** One case of the dry run: where it stands and what the rule would change. */
export const routingDryRunCase = z.object({
  referenceNumber: z.string(),
  subject: z.string(),
  teamId: uuid.nullable(),
  priority: z.enum(PRIORITIES),
  tags: z.array(z.string()),
  isMatched: z.boolean(),
  changes: z.object({
    teamId: uuid.optional(),
    priority: z.enum(PRIORITIES).optional(),
    tags: z.array(z.string()).optional(),
  }),
});

export const routingDryRunResult = z
  .object({
    items: z.array(routingDryRunCase),
    matchedCount: z.number().int(),
    changedCount: z.number().int(),
  })
  .meta({ id: 'RoutingDryRun' });

export type RoutingRuleView = z.infer<typeof routingRule>;
export type RoutingDryRunResult = z.infer<typeof routingDryRunResult>;
