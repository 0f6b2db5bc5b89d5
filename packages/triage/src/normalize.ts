// Text folding for search and classification. It runs on every indexed message, so the tables
// and regexes are built once at module load and each call only walks the string.

// Arabic fold table indexed by UTF-16 code unit: KEEP leaves the unit alone, DELETE drops it,
// anything else is the replacement unit. Every character we fold is in the BMP.
const KEEP = 0;
const DELETE = 0xffff; // U+FFFF is a noncharacter, so it is never a real replacement
const ARABIC_FOLD_TABLE: Uint16Array = buildArabicFoldTable();

function buildArabicFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const fold = (sources: string, target: string): void => {
    for (const ch of sources) table[ch.charCodeAt(0)] = target.charCodeAt(0);
  };
  const drop = (from: number, to: number = from): void => {
    table.fill(DELETE, from, to + 1);
  };
  // آ أ إ ٱ ٲ ٳ: hamza, madda and wasla on alef are usually omitted or misplaced when typing.
  fold('\u0622\u0623\u0625\u0671\u0672\u0673', '\u0627');
  // ى ئ ی ے ۓ: alef maqsura and final ya are swapped freely in Egyptian and Gulf writing;
  // Persian and Urdu keyboards type ی and ے for the same letter.
  fold('\u0649\u0626\u06CC\u06D2\u06D3', '\u064A');
  // ة is often typed as ه; ە ھ ۀ ہ ۂ ۃ are Persian, Urdu and Kurdish glyphs of ه.
  fold('\u0629\u06D5\u06BE\u06C0\u06C1\u06C2\u06C3', '\u0647');
  fold('\u0624', '\u0648'); // ؤ
  fold('\u06A9\u06AA', '\u0643'); // ک ڪ
  // Order and phone numbers arrive in all three digit sets; index them as ASCII.
  for (let digit = 0; digit <= 9; digit++) {
    table[0x0660 + digit] = 0x30 + digit;
    table[0x06f0 + digit] = 0x30 + digit;
  }
  fold('\u060C\u066C', ','); // Arabic comma, Arabic thousands separator
  fold('\u061B', ';');
  fold('\u061F', '?');
  fold('\u066A', '%');
  fold('\u066B\u06D4', '.'); // Arabic decimal separator, Urdu full stop
  drop(0x0610, 0x061a); // honorific marks (ﷺ-style small letters)
  drop(0x064b, 0x065f); // harakat, including hamza above/below
  drop(0x0670); // superscript alef
  drop(0x0674); // high hamza, left behind by NFKC of ٵ ٶ ٷ ٸ
  drop(0x06d6, 0x06ed); // Quranic annotation marks
  drop(0x08d3, 0x08ff); // Arabic Extended-A marks
  drop(0x0640); // tatweel
  // Invisible characters that copy-pasted RTL text is full of: soft hyphen, ALM, Mongolian vowel
  // separator, ZWSP/ZWNJ/ZWJ/LRM/RLM, bidi embeddings and isolates, word joiners, BOM.
  drop(0x00ad);
  drop(0x061c);
  drop(0x180e);
  drop(0x200b, 0x200f);
  drop(0x202a, 0x202e);
  drop(0x2060, 0x2064);
  drop(0x2066, 0x2069);
  drop(0xfeff);
  return table;
}

// Arabic-script letters in the BMP (NFKC has already turned presentation forms into these).
const ARABIC_LETTERS =
  '\\u0620-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF\\u0750-\\u077F\\u0870-\\u0887\\u0889-\\u088E\\u08A0-\\u08C9';

// Elongation rule for Arabic letters: any run of 2+ identical letters becomes ONE letter.
// A run of 3+ is always elongation, but it does not say whether the word had a single letter
// (جمييييل → جميل) or a written double (ممممتاز → ممتاز), and nothing short of a lexicon can
// tell. Folding every run to one, on both the indexed text and the query, makes all spellings
// meet: ممتاز, ممممتاز and متاز all become متاز; جميل and جمييييل become جميل. Gemination is
// already invisible once shadda is stripped, so the cost is a few collisions such as عدد/عد or
// الله/اله, a fair price for matching angry, stretched messages.
const ARABIC_LETTER_RUN = new RegExp(`([${ARABIC_LETTERS}])\\1+`, 'g');

// Latin letters after lower-casing, listed by block because a non-unicode regex is ~4x faster
// than \p{Script=Latin} here (A-Z are absent: the text is lower-cased first).
const LATIN_LETTERS =
  'a-z\\u00AA\\u00BA\\u00DF-\\u00F6\\u00F8-\\u02AF\\u1D00-\\u1D7F\\u1E00-\\u1EFF\\u2C60-\\u2C7F\\uA720-\\uA7FF\\uAB30-\\uAB6F';

// Accents are stripped only after a Latin base, so Cyrillic й or Greek ά keep their marks.
const LATIN_COMBINING_MARKS = new RegExp(
  `(?<=[${LATIN_LETTERS}])[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]+`,
  'g',
);

// 'sooooo' → 'soo': keeping two leaves real doubles (good, book, coffee) intact.
const LATIN_LETTER_RUN = new RegExp(`([${LATIN_LETTERS}])\\1{2,}`, 'g');

// Only runs and non-space whitespace are rewritten, so ordinary single spaces cost nothing.
// \s already covers NBSP, the Unicode spaces and line separators; NEL is the one it misses.
const WHITESPACE_TO_REWRITE = /[\s\u0085]{2,}|[^\S ]|\u0085/g;

// Expects NFKC text, so presentation forms (ﻷ, ﷲ) have already become plain letters.
function foldArabic(text: string): string {
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const replacement = ARABIC_FOLD_TABLE[text.charCodeAt(i)] ?? KEEP;
    if (replacement === KEEP) continue;
    folded += text.slice(copiedUpTo, i);
    if (replacement !== DELETE) folded += String.fromCharCode(replacement);
    copiedUpTo = i + 1;
  }
  if (copiedUpTo > 0) folded += text.slice(copiedUpTo);
  else folded = text;
  // Runs are collapsed only after marks, tatweel and invisibles are gone, or they would hide them.
  return folded.replace(ARABIC_LETTER_RUN, '$1');
}

// Expects NFKC text. NFD exposes accents as separate marks; NFC puts the rest back together.
function foldLatin(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(LATIN_LETTER_RUN, '$1$1');
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_TO_REWRITE, ' ').trim();
}

/** Folds Arabic letter variants, diacritics, tatweel, digits, punctuation, invisibles and elongation. */
export function normalizeArabic(text: string): string {
  return foldArabic(text.normalize('NFKC'));
}

/** Folds Latin text: NFKC, lower case, accents stripped, runs of 3+ letters cut to 2. */
export function normalizeLatin(text: string): string {
  return foldLatin(text.normalize('NFKC'));
}

/** The one pipeline for both indexing and querying; idempotent. */
export function normalizeForSearch(text: string): string {
  // Arabic first: it removes invisible characters, which could otherwise split a Latin run.
  return collapseWhitespace(foldLatin(foldArabic(text.normalize('NFKC'))));
}
