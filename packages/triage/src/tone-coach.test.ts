import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CoachContext, coachReply } from './tone-coach.ts';

type CoachCase = {
  draft: string;
  context: CoachContext;
  expected: Record<string, string>;
  spans?: Record<string, string[]>;
};
const load = (folder: string): CoachCase[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${folder}/tone-coach.json`, import.meta.url), 'utf8'));

describe('coachReply', () => {
  for (const folder of ['ar', 'en']) {
    for (const { draft, context, expected, spans } of load(folder)) {
      it(`checks "${draft.slice(0, 40)}…" as the golden file says`, () => {
        const report = coachReply(draft, context);
        const statuses = Object.fromEntries(report.items.map((item) => [item.check, item.status]));
        for (const [check, status] of Object.entries(expected))
          expect({ check, status: statuses[check] }).toEqual({ check, status });
        for (const [check, texts] of Object.entries(spans ?? {})) {
          const item = report.items.find((i) => i.check === check);
          expect(item?.spans.map((s) => s.text)).toEqual(texts);
          for (const span of item?.spans ?? []) expect(draft.slice(span.start, span.end)).toBe(span.text);
        }
      });
    }
  }

  it('gives a suggestion in both languages for every failed check', () => {
    const report = coachReply('whatever', { customerName: 'Lina', maxLength: 3 });
    const failed = report.items.filter((item) => item.status === 'fail');
    expect(failed.length).toBeGreaterThan(3);
    for (const item of failed) {
      expect(item.suggestion.en.length).toBeGreaterThan(10);
      expect(item.suggestion.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('counts an emoji as one character against the channel limit', () => {
    const draft = `${'a'.repeat(279)}👍`;
    expect(
      coachReply(draft, { maxLength: 280 }).items.find((i) => i.check === 'fits_channel_length')?.status,
    ).toBe('pass');
  });

  it('finds the customer name even when the draft stretches or vowels it', () => {
    const report = coachReply('أهلاً خاااالِد، نعتذر', { customerName: 'خالد' });
    expect(report.items.find((i) => i.check === 'uses_customer_name')).toMatchObject({
      status: 'pass',
      spans: [{ text: 'خاااالِد' }],
    });
  });

  it('flags a template pasted with only its spacing changed', () => {
    const template = 'Thank you for contacting us. Your request has been received and will be handled soon.';
    const report = coachReply(`  ${template.replace(/ /g, '  ')}`, { templates: [template] });
    expect(report.items.find((i) => i.check === 'not_unchanged_template')?.status).toBe('fail');
  });

  it('accepts a template once it is personalised', () => {
    const template = 'Thank you for contacting us. Your request has been received and will be handled soon.';
    const draft =
      'Hi Omar, sorry your order #4412 arrived broken. I have sent a replacement today; it arrives within 2 days.';
    expect(
      coachReply(draft, { templates: [template] }).items.find((i) => i.check === 'not_unchanged_template')
        ?.status,
    ).toBe('pass');
  });
});
