// Finds lexicon phrases in ORIGINAL text, so spans point at what the customer or agent typed.
// The text is cut into words with their offsets; each word is normalised (letter variants,
// diacritics, tatweel) and its letter runs folded (ممممتاز, sooo), then phrases are looked up word
// by word, allowing Arabic clitics before a word (و، ف، ب، ال…) and pronoun suffixes after it. A
// lookup per word keeps this in microseconds; one big tolerant regex took milliseconds.
import { normalizeForSearch } from './normalize.ts';

/** A phrase found in the text: exact characters and UTF-16 offsets into the original. */
export type Span = { text: string; start: number; end: number };

/** One lexicon entry: a phrase in ordinary spelling (a trailing * allows a suffix) and a weight. */
export type LexiconEntry = { phrase: string; weight: number };

type CompiledEntry = { words: string[]; weight: number; allowsSuffix: boolean };

/** A compiled lexicon: entries indexed by their first word, and the * entries to scan. */
export type CompiledLexicon = { byFirstWord: Map<string, CompiledEntry[]>; starEntries: CompiledEntry[] };

/** A lexicon hit: the span, the phrase it matched and that phrase's weight. */
export type LexiconHit = Span & { phrase: string; weight: number };

// A word of the text with the lexicon forms it may take, computed once per text.
type Word = {
  key: string;
  start: number;
  end: number;
  /** itself, without a clitic prefix, without a suffix, or both: for one-word phrases */
  allForms: string[];
  /** itself and without a clitic prefix: for the first word of a phrase and * stems */
  prefixForms: string[];
  /** itself and without a suffix: for the last word of a phrase */
  suffixForms: string[];
};

// Letters, digits, Arabic marks and tatweel, zero-width joiners and apostrophes make up a word.
const WORD =
  /[A-Za-z0-9'\u00C0-\u024F\u0610-\u061A\u0620-\u065F\u0660-\u0669\u066E-\u06D3\u06D6-\u06ED\u06F0-\u06FF\u200C\u200D]+/g;
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك', 'س'];
const ARABIC_SUFFIXES = ['ها', 'هم', 'كم', 'نا', 'ين', 'ات', 'ه', 'ك', 'ي'];
const MAX_STAR_SUFFIX = 5;
const IS_ARABIC = /[\u0620-\u064A]/;

function foldRuns(text: string): string {
  return text.replace(/(.)\1+/gu, '$1');
}

function keyOf(word: string): string {
  return foldRuns(normalizeForSearch(word));
}

/** Compiles lexicon entries for findLexiconHits. */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const byFirstWord = new Map<string, CompiledEntry[]>();
  const starEntries: CompiledEntry[] = [];
  for (const entry of entries) {
    const allowsSuffix = entry.phrase.endsWith('*');
    const words = (entry.phrase.replace(/\*$/, '').match(WORD) ?? []).map(keyOf).filter(Boolean);
    if (words.length === 0) continue;
    const compiled = { words, weight: entry.weight, allowsSuffix };
    if (allowsSuffix && words.length === 1) {
      starEntries.push(compiled);
    } else {
      const list = byFirstWord.get(words[0] ?? '') ?? [];
      list.push(compiled);
      byFirstWord.set(words[0] ?? '', list);
    }
  }
  return { byFirstWord, starEntries };
}

let lastText = '';
let lastWords: Word[] = [];

// Several lexicons read the same text in a row: cut it into words once.
function wordsOf(text: string): Word[] {
  if (text === lastText) return lastWords;
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const key = keyOf(match[0]);
    if (!key) continue;
    words.push({
      key,
      start: match.index,
      end: match.index + match[0].length,
      allForms: candidateForms(key, true, true),
      prefixForms: candidateForms(key, true, false),
      suffixForms: candidateForms(key, false, true),
    });
  }
  lastText = text;
  lastWords = words;
  return words;
}

/** The forms a text word may take in the lexicon: itself, without a clitic, without a suffix. */
function candidateForms(key: string, isFirst: boolean, isLast: boolean): string[] {
  const forms = [key];
  if (!IS_ARABIC.test(key)) return forms;
  const stems = [key];
  if (isFirst) {
    for (const prefix of ARABIC_PREFIXES) {
      if (key.startsWith(prefix) && key.length - prefix.length >= 2) stems.push(key.slice(prefix.length));
    }
  }
  forms.push(...stems.slice(1));
  if (isLast) {
    for (const stem of stems) {
      for (const suffix of ARABIC_SUFFIXES) {
        if (stem.endsWith(suffix) && stem.length - suffix.length >= 2)
          forms.push(stem.slice(0, -suffix.length));
      }
    }
  }
  return forms;
}

// Matches the words after the first; the first was matched by the index lookup.
function matchAt(words: Word[], i: number, entry: CompiledEntry): number {
  const n = entry.words.length;
  if (i + n > words.length) return -1;
  for (let k = 1; k < n; k++) {
    const word = words[i + k];
    const expected = entry.words[k] ?? '';
    const isMatch = k === n - 1 ? word?.suffixForms.includes(expected) : word?.key === expected;
    if (!isMatch) return -1;
  }
  return i + n - 1;
}

/** All non-overlapping hits of a compiled lexicon in the original text, longest first. */
export function findLexiconHits(text: string, lexicon: CompiledLexicon): LexiconHit[] {
  const words = wordsOf(text);
  const found: { first: number; last: number; weight: number; phrase: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    for (const form of word.allForms) {
      for (const entry of lexicon.byFirstWord.get(form) ?? []) {
        // A longer phrase's first word takes a prefix but no suffix.
        if (entry.words.length > 1 && !word.prefixForms.includes(form)) continue;
        const last = entry.words.length === 1 ? i : matchAt(words, i, entry);
        if (last >= 0) found.push({ first: i, last, weight: entry.weight, phrase: entry.words.join(' ') });
      }
    }
    for (const entry of lexicon.starEntries) {
      const stem = entry.words[0] ?? '';
      if (word.prefixForms.some((s) => s.startsWith(stem) && s.length - stem.length <= MAX_STAR_SUFFIX)) {
        found.push({ first: i, last: i, weight: entry.weight, phrase: stem });
      }
    }
  }
  // Longest (then weightiest) first; a word belongs to one hit.
  found.sort((a, b) => a.first - b.first || b.last - a.last || b.weight - a.weight);
  const hits: LexiconHit[] = [];
  let coveredUpTo = -1;
  for (const hit of found) {
    if (hit.first <= coveredUpTo) continue;
    const start = words[hit.first]?.start ?? 0;
    const end = words[hit.last]?.end ?? start;
    hits.push({ text: text.slice(start, end), start, end, phrase: hit.phrase, weight: hit.weight });
    coveredUpTo = hit.last;
  }
  return hits;
}
