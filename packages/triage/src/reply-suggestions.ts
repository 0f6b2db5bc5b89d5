// suggestReplies(): the three best starting points for a reply, ranked by BM25 between the case
// text and each candidate (a resolved case with its reply, or a template). Both sides go through
// the search normaliser plus a light Arabic stemmer, so hamza variants, elongation, diacritics
// and clitics (و، ال، ب…) do not hide a match.
import { normalizeForSearch } from './normalize.ts';

/** A reply the agent could start from, and the text it is matched on. */
export type ReplyCandidate = {
  id: string;
  source: 'resolved_case' | 'template';
  /** what the candidate is about: the resolved case's customer message, or the template's title and body */
  matchText: string;
  reply: string;
};

export type ReplySuggestion = { id: string; source: ReplyCandidate['source']; reply: string; score: number };

const K1 = 1.2;
const B = 0.75;
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل)(?=[\u0620-\u064A]{3})/;
const ARABIC_SUFFIX = /(?:ها|هم|كم|نا|ات|ون|ين|يه|ه|ي|ك)$/;
// Normalised as the words they are compared with are (على is read as علي).
const STOPWORDS = new Set(
  normalizeForSearch(
    'في من على الي عن مع هذا هذه ذلك تم لم لا ما هو هي انا انت نحن كان لقد قد ان او ثم عند كل يا the a an and or to of in on at for with is are was were be my your our you i it this that not no have has do did',
  ).split(' '),
);

/** A stopword, also with the conjunction و before it (ولا، وما). */
const isStopword = (word: string) =>
  STOPWORDS.has(word) || (word.startsWith('و') && STOPWORDS.has(word.slice(1)));

/** Index terms of a text: normalised words, stopwords dropped, Arabic clitics stripped. */
export function indexTerms(text: string): string[] {
  const words = normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (isStopword(word)) continue;
    if (/[\u0620-\u064A]/.test(word)) {
      let stem = word.replace(ARABIC_PREFIX, '');
      if (stem.length >= 4) stem = stem.replace(ARABIC_SUFFIX, '');
      // A lone letter says nothing, and a stem can be a stopword (عندي → عند).
      if (stem.length < 2 || STOPWORDS.has(stem)) continue;
      terms.push(stem);
    } else {
      terms.push(word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/, '') : word);
    }
  }
  return terms;
}

/** Ranks candidates by BM25 against the case text and returns the top `limit` (default 3). */
export function suggestReplies(
  caseText: string,
  candidates: readonly ReplyCandidate[],
  limit = 3,
): ReplySuggestion[] {
  const documents = candidates.map((candidate) => indexTerms(candidate.matchText));
  const averageLength = documents.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, documents.length);
  const documentFrequency = new Map<string, number>();
  for (const doc of documents)
    for (const term of new Set(doc)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const query = [...new Set(indexTerms(caseText))];
  const n = documents.length;
  const scored = candidates.map((candidate, i) => {
    const doc = documents[i] ?? [];
    const frequencies = new Map<string, number>();
    for (const term of doc) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    let score = 0;
    for (const term of query) {
      const tf = frequencies.get(term) ?? 0;
      if (tf === 0) continue;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / Math.max(1, averageLength)));
    }
    return {
      id: candidate.id,
      source: candidate.source,
      reply: candidate.reply,
      score: Math.round(score * 1000) / 1000,
    };
  });
  // Ties keep the caller's order (stable sort), so a workspace can list its best templates first.
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
