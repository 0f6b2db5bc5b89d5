import { describe, expect, it } from 'vitest';
import { type RoutingFacts, type RoutingRule, routeCase, routingWords } from './routing.ts';

// The server folds with the triage package's normaliser; here a small one with the same effect on
// the letters these tests use (taa marbuta, hamza on alif, Latin case).
const fold = (text: string) => text.toLowerCase().replace(/ة/g, 'ه').replace(/[أإآ]/g, 'ا');

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  kind: 'complaint',
  category: 'billing',
  channel: 'email',
  language: 'ar',
  product: null,
  region: null,
  customerTags: [],
  signals: [],
  text: 'مشكلة في الفاتوره الشهرية',
  teamId: null,
  priority: 'P3',
  tags: [],
  isTeamSetByPerson: false,
  isPrioritySetByPerson: false,
  ...overrides,
});

let next = 0;
const rule = (overrides: Partial<RoutingRule> = {}): RoutingRule => ({
  id: `rule-${++next}`,
  name: `Rule ${next}`,
  conditions: {},
  actions: {},
  isFinal: false,
  isEnabled: true,
  ...overrides,
});

describe('routing words', () => {
  it('drops the Arabic article and its proclitics so "الفاتوره" and "بالفاتورة" read as "فاتوره"', () => {
    expect(routingWords('الفاتوره', fold)).toEqual(['فاتوره']);
    expect(routingWords('بالفاتورة، وللعميل', fold)).toEqual(['فاتوره', 'عميل']);
  });

  it('keeps short words whole rather than strip them to nothing', () => {
    expect(routingWords('الا ال', fold)).toEqual(['الا', 'ال']);
  });
});

describe('routeCase', () => {
  it('matches an Arabic keyword across spelling variants and the article', () => {
    const billing = rule({ conditions: { keywords: ['فاتورة'] }, actions: { teamId: 'billing-team' } });
    expect(routeCase([billing], facts(), fold).changes).toEqual({ teamId: 'billing-team' });
  });

  it('matches whole words only: "bill" does not match "billing"', () => {
    const bill = rule({ conditions: { keywords: ['bill'] }, actions: { priority: 'P1' } });
    const outcome = routeCase([bill], facts({ text: 'A billing question' }), fold);
    expect(outcome.matched).toEqual([]);
    expect(routeCase([bill], facts({ text: 'My BILL is wrong!' }), fold).changes).toEqual({ priority: 'P1' });
  });

  it('matches a phrase of several words in order', () => {
    const refund = rule({ conditions: { keywords: ['money back'] }, actions: { addTags: ['refund'] } });
    expect(routeCase([refund], facts({ text: 'I want my money back now' }), fold).matched).toHaveLength(1);
    expect(routeCase([refund], facts({ text: 'back my money' }), fold).matched).toHaveLength(0);
  });

  it('needs every given list to match, and any value within a list', () => {
    const conditions = { kinds: ['complaint' as const], channels: ['x' as const, 'email' as const] };
    const both = rule({ conditions, actions: { priority: 'P2' } });
    expect(routeCase([both], facts(), fold).matched).toHaveLength(1);
    expect(routeCase([both], facts({ kind: 'question' }), fold).matched).toHaveLength(0);
    expect(routeCase([both], facts({ channel: 'phone' }), fold).matched).toHaveLength(0);
  });

  it('matches customer tags and signals, and a missing category matches no category list', () => {
    const vip = rule({ conditions: { customerTags: ['vip'], signals: ['legal_threat'] } });
    expect(
      routeCase([vip], facts({ customerTags: ['vip'], signals: ['legal_threat'] }), fold).matched,
    ).toHaveLength(1);
    expect(routeCase([vip], facts({ customerTags: ['vip'] }), fold).matched).toHaveLength(0);
    const category = rule({ conditions: { categories: ['billing'] } });
    expect(routeCase([category], facts({ category: null }), fold).matched).toHaveLength(0);
  });

  it('lets later rules add tags and override team and priority, until a final rule stops', () => {
    const first = rule({ actions: { teamId: 'a', priority: 'P2', addTags: ['one'] } });
    const stop = rule({ actions: { teamId: 'b', addTags: ['two'] }, isFinal: true });
    const never = rule({ actions: { teamId: 'c', addTags: ['three'] } });
    const outcome = routeCase([first, stop, never], facts({ tags: ['one'] }), fold);
    expect(outcome.matched.map((m) => m.id)).toEqual([first.id, stop.id]);
    expect(outcome.changes).toEqual({ teamId: 'b', priority: 'P2', tags: ['one', 'two'] });
  });

  it('skips disabled rules', () => {
    const off = rule({ isEnabled: false, actions: { teamId: 'a' } });
    expect(routeCase([off], facts(), fold)).toEqual({ matched: [], changes: {} });
  });

  it('leaves a team and a priority a person chose, but still adds tags', () => {
    const billing = rule({ actions: { teamId: 'billing', priority: 'P1', addTags: ['billing'] } });
    const outcome = routeCase(
      [billing],
      facts({ teamId: 'front-desk', isTeamSetByPerson: true, isPrioritySetByPerson: true }),
      fold,
    );
    expect(outcome.changes).toEqual({ tags: ['billing'] });
  });

  it('reports no change when the case already is where the rule sends it', () => {
    const same = rule({ actions: { teamId: 't', priority: 'P3' } });
    const outcome = routeCase([same], facts({ teamId: 't' }), fold);
    expect(outcome.matched).toHaveLength(1);
    expect(outcome.changes).toEqual({});
  });
});
