// Texts as TF-IDF vectors over their index terms (normalised Arabic and English, stopwords out, light
// stemming: `indexTerms`): what the emerging issues group by and what a problem's similar cases are
// found by. Each vector has unit length, so a dot product with a centroid is a cosine up to its norm.
import { indexTerms } from './reply-suggestions.ts';

/** A term's weight in one text; absent terms weigh 0. */
export type TermVector = Map<string, number>;

/** Links, mentions and HTML entities say nothing about what a complaint is about. */
const withoutNoise = (text: string) =>
  text.replace(/https?:\/\/\S+|www\.\S+|@[\w.]+|&[a-z]+;?|&#\d+;/gi, ' ');

/**
 * One unit-length vector per text, weighted over these texts together: a term in every text weighs
 * little, a term in one text alone is left out (it cannot make two texts alike).
 */
export function tfIdfVectors(texts: readonly string[]): TermVector[] {
  const terms = texts.map((text) => indexTerms(withoutNoise(text)));
  const documentFrequency = new Map<string, number>();
  for (const list of terms)
    for (const term of new Set(list)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = texts.length;
  return terms.map((list) => {
    const vector: TermVector = new Map();
    for (const term of list) {
      if ((documentFrequency.get(term) ?? 0) < 2) continue;
      vector.set(term, (vector.get(term) ?? 0) + 1);
    }
    let norm = 0;
    for (const [term, count] of vector) {
      const weight =
        (count / list.length) * (Math.log((n + 1) / ((documentFrequency.get(term) ?? 0) + 1)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, norm === 0 ? 0 : weight / norm);
    return vector;
  });
}
