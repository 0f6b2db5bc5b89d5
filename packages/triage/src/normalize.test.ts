import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeForSearch, normalizeLatin } from './normalize.ts';

describe('normalizeArabic', () => {
  it('folds every alef form onto bare alef', () => {
    expect(normalizeArabic('أ إ آ ٱ')).toBe('ا ا ا ا');
  });

  it('folds alef maqsura onto ya so على and علي match', () => {
    expect(normalizeArabic('على')).toBe(normalizeArabic('علي'));
  });

  it('folds ta marbuta onto ha so أمتعة and امتعه match', () => {
    expect(normalizeArabic('أمتعة')).toBe('امتعه');
    expect(normalizeArabic('امتعه')).toBe('امتعه');
  });

  it('folds hamza on waw and ya onto the bare letters', () => {
    expect(normalizeArabic('ؤ ئ')).toBe('و ي');
  });

  it('strips harakat, superscript alef and Quranic marks', () => {
    expect(normalizeArabic('إسْتِرْدَاد')).toBe('استرداد');
    expect(normalizeArabic('رَحْمٰن')).toBe('رحمن');
    expect(normalizeArabic('فِيهِ ۛ')).toBe('فيه ');
  });

  it('removes tatweel', () => {
    expect(normalizeArabic('مـــرحبا')).toBe('مرحبا');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeArabic('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeArabic('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('keeps repeated digits in order numbers', () => {
    expect(normalizeArabic('طلب ١٠٠٠٧')).toBe('طلب 10007');
  });

  it('folds Persian and Urdu letter variants onto Arabic letters', () => {
    expect(normalizeArabic('کیف')).toBe('كيف');
    expect(normalizeArabic('ە ھ ے')).toBe('ه ه ي');
  });

  it('unifies Arabic punctuation and separators with their ASCII forms', () => {
    expect(normalizeArabic('،؛؟')).toBe(',;?');
    expect(normalizeArabic('٣٫٥٪')).toBe('3.5%');
  });

  it('makes stretched spellings meet the plain word, whether it has a double letter or not', () => {
    expect(normalizeArabic('ممممتاز')).toBe(normalizeArabic('ممتاز'));
    expect(normalizeArabic('ممممممتاز')).toBe('متاز');
    expect(normalizeArabic('جمييييل')).toBe(normalizeArabic('جميل'));
    expect(normalizeArabic('جمييييل')).toBe('جميل');
  });

  it('collapses a stretched letter even when tatweel, harakat or ZWNJ sit inside the run', () => {
    expect(normalizeArabic('جميـيـيَيل')).toBe('جميل');
    expect(normalizeArabic('جمي\u200cيييل')).toBe('جميل');
  });

  it('removes zero-width and direction marks', () => {
    expect(normalizeArabic('\u200fطلب\u200c\u200d\u200e\uFEFF')).toBe('طلب');
  });

  it('turns presentation forms into plain letters', () => {
    expect(normalizeArabic('ﻷ')).toBe('لا');
  });

  it('leaves Latin text untouched', () => {
    expect(normalizeArabic('Order ABC')).toBe('Order ABC');
  });
});

describe('normalizeLatin', () => {
  it('lower-cases and applies NFKC', () => {
    expect(normalizeLatin('ＯＲＤＥＲ ﬁle')).toBe('order file');
  });

  it('strips accents from Latin letters only', () => {
    expect(normalizeLatin('Café Naïve İstanbul')).toBe('cafe naive istanbul');
    expect(normalizeLatin('й')).toBe('й');
  });

  it('cuts runs of three or more letters to two and keeps real doubles', () => {
    expect(normalizeLatin('sooooo')).toBe('soo');
    expect(normalizeLatin('good coffee')).toBe('good coffee');
    expect(normalizeLatin('order 10000')).toBe('order 10000');
  });
});

describe('normalizeForSearch', () => {
  it('gives the same key for a query and the text it should find', () => {
    expect(normalizeForSearch('أمتعة')).toBe('امتعه');
    expect(normalizeForSearch('امتعه')).toBe('امتعه');
    expect(normalizeForSearch('إسْتِرْدَاد')).toBe('استرداد');
    expect(normalizeForSearch('٠١٢٣')).toBe('0123');
    expect(normalizeForSearch('مـــرحبا')).toBe('مرحبا');
    expect(normalizeForSearch('على')).toBe(normalizeForSearch('علي'));
  });

  it('collapses all whitespace to single spaces and trims', () => {
    expect(normalizeForSearch(' \t الطلب\u00a0\u00a0 order\r\n\u2003#١٢٣\u0085 ')).toBe('الطلب order #123');
  });

  it('folds both scripts in a mixed message', () => {
    expect(normalizeForSearch('الطلب ORDER #١٢٣ ما وصـــل، Sooooo late')).toBe(
      'الطلب order #123 ما وصل, soo late',
    );
  });

  it('returns an empty string for blank or invisible-only input', () => {
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch(' \u200f\u200c\t')).toBe('');
  });
});

// Characters the normaliser has opinions about, mixed with arbitrary code points.
const TRICKY_CHARACTERS = [
  ...'ابتةثجحخدذرزسشصضطظعغفقكلمنهويءآأإٱؤئىکیەھۀےـًٌٍَُِّْٰۛ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،؛؟٫٬٪',
  ...'aAeEéÉoOsSzZİıßñ',
  'e\u0301',
  ...'\u200b\u200c\u200d\u200e\u200f\ufeff \t\n\u00a0\u3000',
  ...'ﻷﻻﷲﷺＯ１ﬁ',
];
const trickyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY_CHARACTERS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 40,
});

const FORBIDDEN_IN_OUTPUT =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0660-\u0669\u06F0-\u06F9\u0622\u0623\u0625\u0671\u0629\u200B-\u200F\u2066-\u2069\uFEFF]/;

describe('normalizeForSearch properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never outputs diacritics, tatweel, Arabic-Indic digits, alef-hamza forms, ta marbuta or invisibles', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(normalizeForSearch(text)).not.toMatch(FORBIDDEN_IN_OUTPUT);
      }),
      { numRuns: 2000 },
    );
  });

  it('never grows longer than the NFKC form of its input', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(normalizeForSearch(text).length).toBeLessThanOrEqual(text.normalize('NFKC').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves lower-case ASCII words without triple letters unchanged', () => {
    const word = fc
      .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 12 })
      .filter((candidate) => !/(.)\1\1/.test(candidate));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(' ');
        expect(normalizeForSearch(text)).toBe(text);
      }),
    );
  });

  it('ignores how long any Arabic letter is stretched', () => {
    const arabicWord = fc.string({
      unit: fc.constantFrom(...'ابتجحدرسعفقكلمنهوي'),
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(arabicWord, fc.nat(), fc.integer({ min: 2, max: 7 }), (word, position, times) => {
        const index = position % word.length;
        const stretched = word.slice(0, index) + word.charAt(index).repeat(times) + word.slice(index + 1);
        expect(normalizeForSearch(stretched)).toBe(normalizeForSearch(word));
      }),
    );
  });
});

type FixtureCase = { input: string; expected: string };

function isFixtureCase(value: unknown): value is FixtureCase {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.input === 'string' && typeof candidate.expected === 'string';
}

function readFixtures(language: 'ar' | 'en' | 'mixed'): FixtureCase[] {
  const url = new URL(`../fixtures/${language}/normalize.json`, import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isFixtureCase)) {
    throw new Error(`fixtures/${language}/normalize.json must be an array of {input, expected}`);
  }
  return parsed;
}

describe.each(['ar', 'en', 'mixed'] as const)('golden fixtures: %s', (language) => {
  const fixtures = readFixtures(language);

  it('has at least ten realistic snippets', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('normalises $input', ({ input, expected }) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('is already normalised in every expected value', () => {
    for (const { expected } of fixtures) expect(normalizeForSearch(expected)).toBe(expected);
  });
});
