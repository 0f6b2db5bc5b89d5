import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './bundled-model.ts';
import type { WorkspaceCategory } from './categories.ts';

type Expected = Partial<
  Record<'language' | 'script' | 'kind' | 'sentiment' | 'category' | 'dialect', string>
> & {
  isMixed?: boolean;
};
type ClassificationCase = { text: string; expected: Expected };
const load = (folder: string): ClassificationCase[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/${folder}/classification.json`, import.meta.url), 'utf8'));

describe('classify (bundled model)', () => {
  for (const folder of ['ar', 'en', 'mixed']) {
    for (const { text, expected } of load(folder)) {
      it(`classifies "${text}" as the golden file says`, () => {
        const result = classify(text);
        const actual: Expected = {
          language: result.language.label,
          script: result.language.script,
          isMixed: result.language.isMixed,
          kind: result.kind.label,
          sentiment: result.sentiment.label,
          category: result.category.id,
          dialect: result.dialect?.label ?? 'none',
        };
        const picked = Object.fromEntries(
          Object.keys(expected).map((key) => [key, actual[key as keyof Expected]]),
        );
        expect(picked).toEqual(expected);
      });
    }
  }

  it('gives every field a confidence in [0, 1] and kind scores that sum to 1', () => {
    const text = 'الخدمة سيئة جدا والطلب ما وصل 😡';
    const result = classify(text);
    for (const confidence of [
      result.language.confidence,
      result.kind.confidence,
      result.sentiment.confidence,
      result.category.confidence,
    ]) {
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    const total = Object.values(result.kind.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 2);
    const start = text.indexOf('😡');
    expect(result.emoji).toEqual([{ text: '😡', polarity: 'negative', start, end: start + 2 }]);
  });

  it('reads the same post the same way however it is stretched or voweled', () => {
    const plain = classify('الخدمة سيئة والتوصيل بطيء');
    const stretched = classify('الخِدْمَـــة سيئـــة والتوصيييييل بطيء');
    expect(stretched.kind.label).toBe(plain.kind.label);
    expect(stretched.sentiment.score).toBeCloseTo(plain.sentiment.score, 2);
  });

  it('keeps a complaint full of insults a complaint, and flags the language', () => {
    const result = classify('يا حمير النت مقطوع من ثلاث ايام وانا ادفع فاتورة كاملة');
    expect(result.kind.label).toBe('complaint');
    expect(result.hasAbusiveLanguage).toBe(true);
  });

  it('maps onto a workspace category list and its keywords', () => {
    const categories: WorkspaceCategory[] = [
      { id: 'shipping', names: { ar: 'الشحن', en: 'Shipping' }, basedOn: ['delivery'] },
      { id: 'money', names: { ar: 'المال', en: 'Money' }, basedOn: ['billing_refunds', 'ordering_checkout'] },
      { id: 'pharmacy', names: { ar: 'الصيدلية', en: 'Pharmacy' }, keywords: ['وصفة', 'دواء'] },
      { id: 'rest', names: { ar: 'أخرى', en: 'Other' }, basedOn: ['other'] },
    ];
    expect(classify('الشحنة متأخرة اسبوع', { categories }).category.id).toBe('shipping');
    expect(classify('الدواء ناقص من الوصفة', { categories }).category.id).toBe('pharmacy');
    const scores = classify('انخصم المبلغ مرتين', { categories }).category.scores;
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });
});
