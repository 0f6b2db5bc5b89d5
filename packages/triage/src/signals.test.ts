import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSignals, SIGNAL_TYPES } from './signals.ts';

type SignalCase = { text: string; expected: Record<string, string[]> };
const load = (folder: string): SignalCase[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${folder}/signals.json`, import.meta.url), 'utf8'));

describe('detectSignals', () => {
  for (const folder of ['ar', 'en', 'mixed']) {
    for (const { text, expected } of load(folder)) {
      it(`finds exactly the expected triggers in "${text}"`, () => {
        const found = Object.fromEntries(
          detectSignals(text).map((s) => [s.type, s.triggers.map((t) => t.text)]),
        );
        expect(found).toEqual(expected);
      });
    }
  }

  it('raises repeat_complaint from the case history, with no words to point at', () => {
    const [signal] = detectSignals('الطلب ما وصل', { previousCaseCount: 2 });
    expect(signal).toMatchObject({ type: 'repeat_complaint', fromHistory: true, triggers: [] });
    expect(signal?.confidence).toBeGreaterThan(0.9);
  });

  it('returns spans that slice the original text exactly', () => {
    const pieces = [
      'محامي',
      'lawyer',
      'حريق',
      'بلغي اشتراكي',
      'للمرة الثالثة',
      'press',
      'نص عادي',
      'ok',
      '😡',
      'ـ',
      '\u064E',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        for (const signal of detectSignals(text)) {
          expect(SIGNAL_TYPES).toContain(signal.type);
          for (const trigger of signal.triggers)
            expect(text.slice(trigger.start, trigger.end)).toBe(trigger.text);
        }
      }),
    );
  });
});
