import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from './feature-hashing.ts';
import { prepareText } from './text-preparation.ts';

const features = (text: string) => extractFeatures(prepareText(text).modelText, 18);

describe('extractFeatures', () => {
  it('returns sorted, unique, in-range buckets with unit length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { indices, values } = features(text);
        for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
        for (const index of indices) expect(index).toBeLessThan(1 << 18);
        const norm = values.reduce((sum, v) => sum + v * v, 0);
        if (values.length > 0) expect(norm).toBeCloseTo(1, 4);
      }),
    );
  });

  it('gives the same vector whatever the diacritics, tatweel, hamza or stretching', () => {
    expect(features('الخِدْمَـــة سيّئة جداااا')).toEqual(features('الخدمه سيئه جدا'));
    expect(features('أريد إسترداد المبلغ')).toEqual(features('اريد استرداد المبلغ'));
  });

  it('lets emoji and links count as signals but not their exact address', () => {
    expect(features('رائع 😍 https://a.example/1')).toEqual(features('رائع 🥰 https://b.example/2'));
    expect(features('رائع 😍')).not.toEqual(features('رائع 😡'));
  });
});
