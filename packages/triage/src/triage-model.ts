// The shipped model: one hashed feature space shared by several linear heads (sentiment, abuse,
// complaint, spam, kind, category, dialect). Weights are int8 with one scale per output column,
// stored feature-major so scoring a message touches one short row per active feature.
import type { FeatureVector } from './feature-hashing.ts';

export const HEAD_NAMES = ['sentiment', 'abuse', 'complaint', 'spam', 'kind', 'category', 'dialect'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

/** One softmax head: its labels and where its columns sit in the weight rows. */
export type ModelHead = { labels: string[]; offset: number; scales: number[]; biases: number[] };

/** A decoded model, ready to score feature vectors. */
export type TriageModel = {
  version: number;
  hashBits: number;
  /** columns per feature row: the sum of all heads' label counts */
  outputs: number;
  heads: Record<HeadName, ModelHead>;
  /** decision thresholds tuned on the development split (e.g. abuse, complaint, spam) */
  thresholds: Record<string, number>;
  /** free-form provenance written by the training script (seed, data counts, date of data) */
  trainedOn: Record<string, unknown>;
  weights: Int8Array;
};

/** Per-head probabilities for one message, in each head's label order. */
export type HeadScores = Record<HeadName, Float64Array>;

const MAGIC = 'SADATRI1';

/** Raw per-column logits (before softmax) for a feature vector. */
export function scoreLogits(model: TriageModel, vector: FeatureVector): Float64Array {
  const outputs = model.outputs;
  const sums = new Float64Array(outputs);
  const { indices, values } = vector;
  const weights = model.weights;
  // The hot loop of classification: indices are in range by construction (masked hashes).
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i]! * outputs;
    const value = values[i]!;
    for (let k = 0; k < outputs; k++) sums[k]! += value * weights[row + k]!;
  }
  for (const name of HEAD_NAMES) {
    const head = model.heads[name];
    for (let c = 0; c < head.labels.length; c++) {
      const k = head.offset + c;
      sums[k] = sums[k]! * (head.scales[c] ?? 0) + (head.biases[c] ?? 0);
    }
  }
  return sums;
}

/** Softmax over a slice of logits, in place into a new array. */
export function softmax(logits: ArrayLike<number>, from = 0, count = logits.length): Float64Array {
  const out = new Float64Array(count);
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) max = Math.max(max, logits[from + c] ?? 0);
  let total = 0;
  for (let c = 0; c < count; c++) {
    const e = Math.exp((logits[from + c] ?? 0) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < count; c++) out[c] = (out[c] ?? 0) / total;
  return out;
}

/** Probabilities of every head for a feature vector. */
export function scoreHeads(model: TriageModel, vector: FeatureVector): HeadScores {
  const logits = scoreLogits(model, vector);
  const scores = {} as HeadScores;
  for (const name of HEAD_NAMES) {
    const head = model.heads[name];
    scores[name] = softmax(logits, head.offset, head.labels.length);
  }
  return scores;
}

type ModelHeader = Omit<TriageModel, 'weights'>;

/** Serialises a model: magic, header length, JSON header, int8 weights. Not compressed: gunzip
 * of the weights took longer than everything else at start-up. */
export function encodeTriageModel(model: TriageModel): Uint8Array {
  const { weights, ...header } = model;
  const json = new TextEncoder().encode(JSON.stringify(header));
  const body = new Uint8Array(MAGIC.length + 4 + json.length + weights.length);
  body.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(body.buffer).setUint32(MAGIC.length, json.length, true);
  body.set(json, MAGIC.length + 4);
  body.set(
    new Uint8Array(weights.buffer, weights.byteOffset, weights.length),
    MAGIC.length + 4 + json.length,
  );
  return body;
}

/** Parses bytes written by encodeTriageModel; throws on anything else. */
export function decodeTriageModel(bytes: Uint8Array): TriageModel {
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error('not a Sada triage model file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength)),
  ) as ModelHeader;
  const weightsStart = headerStart + headerLength;
  const weights = new Int8Array(
    bytes.buffer,
    bytes.byteOffset + weightsStart,
    bytes.byteLength - weightsStart,
  );
  if (weights.length !== header.outputs << header.hashBits) {
    throw new Error(
      `model weights have ${weights.length} cells, expected ${header.outputs << header.hashBits}`,
    );
  }
  return { ...header, weights };
}
