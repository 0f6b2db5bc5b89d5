import { describe, expect, it } from 'vitest';
import type { Classification } from './classify.ts';
import { DEFAULT_PRIORITY_RULES, formatFollowers, priorityRulesSchema, scorePriority } from './priority.ts';
import type { Signal } from './signals.ts';

function classification(overrides: Partial<Classification> = {}): Classification {
  return {
    language: { label: 'en', confidence: 0.9, script: 'latin', isMixed: false },
    dialect: null,
    kind: {
      label: 'complaint',
      confidence: 0.8,
      scores: {
        complaint: 0.8,
        question: 0.05,
        suggestion: 0.03,
        praise: 0.02,
        abuse: 0.04,
        spam: 0.03,
        other: 0.03,
      },
    },
    sentiment: { label: 'negative', confidence: 0.8, score: -0.5 },
    category: { id: 'delivery', confidence: 0.7, scores: { delivery: 0.7 } },
    signals: [],
    hasAbusiveLanguage: false,
    abusiveSpans: [],
    emoji: [],
    ...overrides,
  };
}
const signal = (type: Signal['type'], confidence = 0.9): Signal => ({ type, confidence, triggers: [] });

describe('scorePriority', () => {
  it('puts a public legal threat from a large account at P1 and says why in both languages', () => {
    const result = scorePriority(classification({ signals: [signal('legal_threat')] }), {
      isPublic: true,
      followerCount: 120_000,
    });
    expect(result.priority).toBe('P1');
    expect(result.summary.en).toBe('P1: public post with 120k followers, threatens legal action, complaint');
    expect(result.summary.ar).toBe('P1: منشور علني لحساب لديه 120 ألف متابع، يهدد بإجراء قانوني، شكوى');
  });

  it('keeps an ordinary private complaint at P4', () => {
    expect(scorePriority(classification()).priority).toBe('P4');
  });

  it('raises a safety risk to P1 whatever else is true', () => {
    const result = scorePriority(
      classification({
        kind: { ...classification().kind, label: 'question' },
        signals: [signal('safety_risk')],
      }),
    );
    expect(result.priority).toBe('P1');
  });

  it('holds spam at the moderated level even from a large account', () => {
    const result = scorePriority(classification({ kind: { ...classification().kind, label: 'spam' } }), {
      isPublic: true,
      followerCount: 2_000_000,
    });
    expect(result.priority).toBe('P4');
    expect(result.summary.en).toContain('spam');
  });

  it('scores abuse that also threatens legal action instead of holding it for moderation', () => {
    const abusive = { ...classification().kind, label: 'abuse' as const };
    const pure = scorePriority(classification({ kind: abusive }));
    expect(pure.priority).toBe('P4');
    expect(pure.summary.en).toContain('moderate');
    const threatening = scorePriority(classification({ kind: abusive, signals: [signal('legal_threat')] }));
    expect(threatening.priority).not.toBe('P4');
    expect(threatening.summary.en).toContain('threatens legal action');
  });

  it('ignores signals below the confidence floor', () => {
    const result = scorePriority(classification({ signals: [signal('legal_threat', 0.3)] }));
    expect(result.reasons.map((r) => r.code)).not.toContain('legal_threat');
  });

  it('counts a repeat customer from the case history once', () => {
    const result = scorePriority(classification(), { previousCaseCount: 3 });
    expect(result.reasons.filter((r) => r.code === 'repeat_customer')).toHaveLength(1);
  });

  it('follows a workspace that weighs churn heavily', () => {
    const rules = priorityRulesSchema.parse({ signalPoints: { churn_intent: 5 } });
    expect(rules.signalPoints.legal_threat).toBe(DEFAULT_PRIORITY_RULES.signalPoints.legal_threat);
    expect(scorePriority(classification({ signals: [signal('churn_intent')] }), { rules }).priority).toBe(
      'P1',
    );
  });

  it('rejects rules that make no sense', () => {
    expect(priorityRulesSchema.safeParse({ signalMinConfidence: 2 }).success).toBe(false);
  });

  it('writes follower counts the way people say them', () => {
    expect(formatFollowers(120_000)).toEqual({ ar: '120 ألف', en: '120k' });
    expect(formatFollowers(1_500_000)).toEqual({ ar: '1.5 مليون', en: '1.5M' });
    expect(formatFollowers(950)).toEqual({ ar: '950', en: '950' });
  });
});
