import { describe, expect, it } from 'vitest';
import { thresholdOf } from './kind-decision.ts';
import type { TriageModel } from './triage-model.ts';

const modelWith = (thresholds: Record<string, number>) => ({ thresholds }) as unknown as TriageModel;

describe('thresholdOf', () => {
  it('uses the threshold tuned for the language when the model has one', () => {
    expect(thresholdOf(modelWith({ abuse: 0.35, 'abuse.ar': 0.325 }), 'abuse', 'ar')).toBe(0.325);
  });

  it('falls back to the head threshold for other languages and older models', () => {
    expect(thresholdOf(modelWith({ abuse: 0.35, 'abuse.ar': 0.325 }), 'abuse', 'other')).toBe(0.35);
    expect(thresholdOf(modelWith({ complaint: 0.6 }), 'complaint', 'en')).toBe(0.6);
    expect(thresholdOf(modelWith({}), 'spam', 'en')).toBeUndefined();
  });
});
