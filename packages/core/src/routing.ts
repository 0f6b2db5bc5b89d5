import type { CaseKind, Channel, Language, Priority, SignalType } from './vocabulary.ts';

/** What a routing rule looks at; every list given must match, and within a list any value does. */
export type RoutingConditions = {
  kinds?: CaseKind[];
  categories?: string[];
  channels?: Channel[];
  languages?: Language[];
  products?: string[];
  regions?: string[];
  customerTags?: string[];
  signals?: SignalType[];
  /** Whole words or phrases of the case's subject and description, Arabic or English. */
  keywords?: string[];
};

/** What a matching rule does to the case. */
export type RoutingActions = {
  teamId?: string | null;
  priority?: Priority | null;
  addTags?: string[];
};

export type RoutingRule = {
  id: string;
  name: string;
  conditions: RoutingConditions;
  actions: RoutingActions;
  /** Stop after this rule when it matched. */
  isFinal: boolean;
  isEnabled: boolean;
};

/** The case as routing sees it. */
export type RoutingFacts = {
  kind: string;
  category: string | null;
  channel: string;
  language: string | null;
  product: string | null;
  region: string | null;
  customerTags: string[];
  signals: string[];
  /** Subject and description. */
  text: string;
  teamId: string | null;
  priority: string;
  tags: string[];
  /** A person chose the team (rules leave it). */
  isTeamSetByPerson: boolean;
  /** A person chose the priority (rules leave it). */
  isPrioritySetByPerson: boolean;
};

export type RoutingChanges = Partial<{ teamId: string; priority: Priority; tags: string[] }>;

export type RoutingOutcome = {
  /** The rules that matched, in the order tried. */
  matched: { id: string; name: string }[];
  /** The fields that end up different from the case's, with their new values. */
  changes: RoutingChanges;
};

/** Folds letter variants (Arabic hamza, taa marbuta, case…) the same way for the text and the keywords. */
export type TextFolder = (text: string) => string;

// Arabic proclitics before the article: و/ف then ب/ك/ل, then ال; "لل" is ل + ال.
const ARABIC_ARTICLE = /^(?:[وف]?[بكل]?ال|[وف]?لل)(?=\p{L}{2})/u;

/** Words of a text, folded, with the Arabic article and its proclitics removed. */
export function routingWords(text: string, fold: TextFolder): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.replace(ARABIC_ARTICLE, ''));
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

function anyOf(values: readonly string[] | undefined, actual: readonly string[]): boolean {
  if (!values || values.length === 0) return true;
  return values.some((value) => actual.includes(value));
}

/** Whether every condition list of the rule that is given holds for the case. */
export function matchesConditions(
  conditions: RoutingConditions,
  facts: RoutingFacts,
  words: string[],
  fold: TextFolder,
): boolean {
  const one = (value: string | null) => (value === null ? [] : [value]);
  return (
    anyOf(conditions.kinds, [facts.kind]) &&
    anyOf(conditions.categories, one(facts.category)) &&
    anyOf(conditions.channels, [facts.channel]) &&
    anyOf(conditions.languages, one(facts.language)) &&
    anyOf(conditions.products, one(facts.product)) &&
    anyOf(conditions.regions, one(facts.region)) &&
    anyOf(conditions.customerTags, facts.customerTags) &&
    anyOf(conditions.signals, facts.signals) &&
    (!conditions.keywords ||
      conditions.keywords.length === 0 ||
      conditions.keywords.some((keyword) => containsPhrase(words, routingWords(keyword, fold))))
  );
}

/**
 * Tries the enabled rules in order and gathers what the matching ones do: the last team and priority
 * set win, tags add up; a final rule that matched stops the rest. A team or priority a person chose
 * stays as it is.
 */
export function routeCase(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
  fold: TextFolder,
): RoutingOutcome {
  const words = routingWords(facts.text, fold);
  const matched: RoutingOutcome['matched'] = [];
  let teamId = facts.teamId;
  let priority = facts.priority;
  const tags = [...facts.tags];
  for (const rule of rules) {
    if (!rule.isEnabled || !matchesConditions(rule.conditions, facts, words, fold)) continue;
    matched.push({ id: rule.id, name: rule.name });
    if (rule.actions.teamId && !facts.isTeamSetByPerson) teamId = rule.actions.teamId;
    if (rule.actions.priority && !facts.isPrioritySetByPerson) priority = rule.actions.priority;
    for (const tag of rule.actions.addTags ?? []) if (!tags.includes(tag)) tags.push(tag);
    if (rule.isFinal) break;
  }
  const changes: RoutingChanges = {};
  if (teamId && teamId !== facts.teamId) changes.teamId = teamId;
  if (priority !== facts.priority) changes.priority = priority as Priority;
  if (tags.length !== facts.tags.length) changes.tags = tags;
  return { matched, changes };
}
