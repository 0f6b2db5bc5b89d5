// How close a complaint is to a problem: the emerging issues' TF-IDF over index terms
// (`tfIdfVectors` of @sada/triage), with the problem as the centroid of its linked cases. Weights are
// computed over the linked cases and the candidates together, so a word every complaint uses weighs
// little.
import { type TermVector, tfIdfVectors } from '@sada/triage';

/** The cosine at or above which a complaint is about the problem: the emerging issues' threshold. */
export const PROBLEM_SIMILARITY = 0.3;

export type SimilarityText = { id: string; text: string };

/** Each candidate's cosine similarity to the centroid of the linked texts (0 when nothing is shared). */
export function scoreAgainstProblem(
  linked: readonly SimilarityText[],
  candidates: readonly SimilarityText[],
): Map<string, number> {
  const scores = new Map<string, number>();
  if (linked.length === 0) return scores;
  const vectors = tfIdfVectors([...linked, ...candidates].map((item) => item.text));
  const centroid: TermVector = new Map();
  for (const vector of vectors.slice(0, linked.length))
    for (const [term, weight] of vector) centroid.set(term, (centroid.get(term) ?? 0) + weight);
  let centroidNorm = 0;
  for (const weight of centroid.values()) centroidNorm += weight * weight;
  centroidNorm = Math.sqrt(centroidNorm);
  candidates.forEach((candidate, index) => {
    const vector = vectors[linked.length + index]!;
    let dot = 0;
    for (const [term, weight] of vector) dot += weight * (centroid.get(term) ?? 0);
    scores.set(candidate.id, centroidNorm === 0 ? 0 : dot / centroidNorm);
  });
  return scores;
}
