// Language by script and function words; Arabic dialect by marker words, blended with the
// model's dialect head. Arabizi counts as Arabic.
import { looksLikeArabizi } from './arabizi.ts';
import type { Dialect } from './model-spec.ts';
import { normalizeForSearch } from './normalize.ts';

export type LanguageCode = 'ar' | 'en' | 'other';
export type Script = 'arabic' | 'latin' | 'arabizi' | 'other';

/** The detected language, how it is written, and whether two scripts are mixed. */
export type LanguageGuess = { label: LanguageCode; confidence: number; script: Script; isMixed: boolean };

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F]/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;
const OTHER_LETTER = /[\u0400-\u04FF\u0590-\u05FF\u0900-\u097F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/gu;
const MENTIONS_AND_LINKS = /@[\p{L}\p{N}_]+|https?:\/\/\S+|www\.\S+|#[\p{L}\p{N}_]+/gu;

const ENGLISH_WORDS = new Set(
  'the a an and or but is are was were be been to of in on at for with my your our you i it this that not no have has had do does did can will would please thanks thank why how what when where who order refund still help service app account delivery again never just get got me we they'.split(
    ' ',
  ),
);
const OTHER_LATIN_WORDS = new Set(
  'le la les des est et pas je vous une dans pour avec el los las que por para muy pero der die das und nicht ich ist mit'.split(
    ' ',
  ),
);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Guesses the language of a post from its letters and words. */
export function detectLanguage(raw: string): LanguageGuess {
  const text = raw.replace(MENTIONS_AND_LINKS, ' ');
  const arabic = count(text, ARABIC_LETTER);
  const latin = count(text, LATIN_LETTER);
  const other = count(text, OTHER_LETTER);
  const letters = arabic + latin + other;
  if (letters === 0) return { label: 'other', confidence: 0.3, script: 'other', isMixed: false };
  const isMixed = arabic > 0 && latin > 0 && Math.min(arabic, latin) / letters >= 0.15;
  if (arabic >= latin && arabic >= other) {
    return { label: 'ar', confidence: round(0.6 + 0.4 * (arabic / letters)), script: 'arabic', isMixed };
  }
  if (other > latin) return { label: 'other', confidence: round(other / letters), script: 'other', isMixed };
  const latinText = text.replace(ARABIC_LETTER, ' ');
  if (looksLikeArabizi(latinText)) return { label: 'ar', confidence: 0.7, script: 'arabizi', isMixed };
  const words = normalizeForSearch(latinText).match(/[a-z']+/g) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const foreign = words.filter((w) => OTHER_LATIN_WORDS.has(w)).length;
  if (foreign > english) return { label: 'other', confidence: 0.6, script: 'latin', isMixed };
  const confidence = english > 0 ? Math.min(0.99, 0.7 + (0.3 * english) / Math.max(1, words.length)) : 0.5;
  return { label: 'en', confidence: round(confidence), script: 'latin', isMixed };
}

// Marker words per dialect, in normalised spelling (ة→ه, ى→ي, أ→ا, runs folded). Words shared by
// several dialects (مش, ليش, عشان) are left out: a marker must point one way.
const DIALECT_MARKERS: Record<Exclude<Dialect, 'msa'>, string[]> = {
  egyptian:
    'عايز عاوز عايزه ازاي ازيك كده كدا دلوقتي دلوقت بتاع بتاعي بتاعتي اوي مفيش النهارده امبارح ايه فين امتي حاجه بقالي هعمل هروح هشتكي خالص محدش جامد بيرد بيعمل مستني اتعمل'.split(
      ' ',
    ),
  gulf: 'وش ايش ابي ابغي ابغا تبي شلون وايد الحين للحين حيل مب دحين اللحين يمديني ترا حقي حقكم هذي عطونا وشو يبيله اشوفكم بلغي ياخي تراه قاعدين ملينا طافيه'.split(
    ' ',
  ),
  levantine: 'شو هيك كتير بدي بدك هلق منيح هاد هادا هدول لسا تبع يلي ازا منشان مشان عم حدا كيفك هلا'.split(
    ' ',
  ),
  maghrebi:
    'بزاف واش ديال كيفاش علاش برشا ياسر مزيان دابا بغيت نتوما شحال راني راك والو لاباس صافي خويا بصح هادشي ديالي'.split(
      ' ',
    ),
};
const MSA_MARKERS = 'لقد سوف الذي التي ليس لم لن حيث قد ايضا منذ لدي لديكم يرجي ارجو نرجو حتي الان اود'.split(
  ' ',
);

const MARKER_INDEX = new Map<string, Dialect>();
for (const [dialect, words] of Object.entries(DIALECT_MARKERS)) {
  for (const word of words) MARKER_INDEX.set(normalizeForSearch(word), dialect as Dialect);
}
for (const word of MSA_MARKERS) MARKER_INDEX.set(normalizeForSearch(word), 'msa');

/** Counts dialect marker words in normalised text (prefix و/ف/ب stripped). */
export function countDialectMarkers(modelText: string): Record<Dialect, number> {
  const counts: Record<Dialect, number> = { msa: 0, gulf: 0, egyptian: 0, levantine: 0, maghrebi: 0 };
  for (const word of modelText.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const dialect =
      MARKER_INDEX.get(word) ?? (/^[وفب]/.test(word) ? MARKER_INDEX.get(word.slice(1)) : undefined);
    if (dialect) counts[dialect]++;
  }
  return counts;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
