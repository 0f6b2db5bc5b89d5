// Emerging issues (issue 9): complaints of a recent window grouped by what they say. Each text
// becomes a TF-IDF vector over its index terms (normalised Arabic and English, stopwords out, light
// stemming: `indexTerms`), and a single pass in time order joins each text to the most similar
// group (cosine to the group's centroid) or starts a new one. Groups big enough are the issues,
// labelled by their heaviest terms, with their trend across the window.
import { normalizeForSearch } from './normalize.ts';
import { type TermVector, tfIdfVectors } from './tf-idf.ts';

export type IssueDocument = { id: string; text: string; at: Date };

export type EmergingIssue = {
  /** The heaviest terms of the group, as the texts write them (normalised). */
  terms: string[];
  /** Document ids, newest first. */
  ids: string[];
  size: number;
  /** Texts in the first and in the second half of the window. */
  earlier: number;
  later: number;
  trend: 'rising' | 'steady' | 'falling';
};

export type IssueOptions = {
  /** The window the documents come from: its middle splits "earlier" from "later". */
  from: Date;
  to: Date;
  /** Cosine similarity to a group's centroid at or above which a text joins it. */
  similarity?: number;
  /** The fewest texts that make an issue. */
  minSize?: number;
  /** How many terms label an issue. */
  labelTerms?: number;
};

type Vector = TermVector;

function cosine(a: Vector, b: Vector, bNorm: number): number {
  if (bNorm === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot / bNorm;
}

/** Groups the documents into issues, biggest first. */
export function findEmergingIssues(
  documents: readonly IssueDocument[],
  options: IssueOptions,
): EmergingIssue[] {
  const similarity = options.similarity ?? 0.3;
  const minSize = options.minSize ?? 3;
  const labelTerms = options.labelTerms ?? 3;
  // Unit-length TF-IDF vectors; a term in every text weighs little, a term in one text cannot group.
  const vectors = tfIdfVectors(documents.map((document) => document.text));

  const order = documents
    .map((_, index) => index)
    .sort((a, b) => documents[a]!.at.getTime() - documents[b]!.at.getTime());
  type Group = { members: number[]; sum: Vector; norm: number };
  const groups: Group[] = [];
  for (const index of order) {
    const vector = vectors[index]!;
    if (vector.size === 0) continue;
    let best: Group | undefined;
    let bestScore = similarity;
    for (const group of groups) {
      const score = cosine(vector, group.sum, group.norm);
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    }
    const group: Group = best ?? { members: [], sum: new Map(), norm: 0 };
    if (!best) groups.push(group);
    group.members.push(index);
    for (const [term, weight] of vector) group.sum.set(term, (group.sum.get(term) ?? 0) + weight);
    let norm = 0;
    for (const weight of group.sum.values()) norm += weight * weight;
    group.norm = Math.sqrt(norm);
  }

  const middle = (options.from.getTime() + options.to.getTime()) / 2;
  return groups
    .filter((group) => group.members.length >= minSize)
    .map((group) => {
      const members = [...group.members].sort(
        (a, b) => documents[b]!.at.getTime() - documents[a]!.at.getTime(),
      );
      const later = members.filter((index) => documents[index]!.at.getTime() >= middle).length;
      const earlier = members.length - later;
      const heaviest = [...group.sum]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, labelTerms)
        .map(([term]) =>
          surfaceOf(
            term,
            members.map((index) => documents[index]!.text),
          ),
        );
      return {
        terms: heaviest,
        ids: members.map((index) => documents[index]!.id),
        size: members.length,
        earlier,
        later,
        trend: trendOf(earlier, later),
      };
    })
    .sort((a, b) => b.size - a.size || b.later - a.later);
}

function trendOf(earlier: number, later: number): EmergingIssue['trend'] {
  if (later >= 2 && later >= 2 * earlier) return 'rising';
  if (earlier >= 2 && earlier >= 2 * later) return 'falling';
  return 'steady';
}

/** The commonest normalised word of the texts that carries the stem (without a leading و), else the stem. */
function surfaceOf(stem: string, texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const written of normalizeForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
      // "والتوصيل" is "التوصيل" with "and": the label reads better without the conjunction.
      const word = /^و.{3,}/.test(written) && written.slice(1).includes(stem) ? written.slice(1) : written;
      if (word.includes(stem)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  let best = stem;
  let bestCount = 0;
  for (const [word, count] of counts) {
    if (count > bestCount || (count === bestCount && word.length < best.length)) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}
