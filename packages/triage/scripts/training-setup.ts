// Settings and helpers shared by the training, evaluation and tuning scripts.
import { extractFeatures, type FeatureVector } from '../src/feature-hashing.ts';
import { HASH_BITS } from '../src/model-spec.ts';
import { prepareText } from '../src/text-preparation.ts';
import type { HeadName } from '../src/triage-model.ts';
import type { LabelledText } from './triage-datasets.ts';

export const SEED = 20_240_604;

export const TRAINING: Record<
  HeadName,
  { epochs: number; learningRate: number; l2: number; testShare: number }
> = {
  sentiment: { epochs: 5, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  abuse: { epochs: 5, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  complaint: { epochs: 5, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  spam: { epochs: 4, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  kind: { epochs: 5, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  category: { epochs: 8, learningRate: 0.1, l2: 1e-6, testShare: 10 },
  dialect: { epochs: 5, learningRate: 0.1, l2: 1e-6, testShare: 10 },
};

/** Held-out share for a row: hand labels keep 30% aside, as there are few of them. */
export function testShareOf(row: LabelledText, head: HeadName): number {
  return row.isHandLabelled ? 30 : TRAINING[head].testShare;
}

const featureCache = new Map<string, FeatureVector>();
/** Features of a labelled text, computed once per distinct text. */
export function featuresOf(text: string): FeatureVector {
  let vector = featureCache.get(text);
  if (!vector) {
    vector = extractFeatures(prepareText(text).modelText, HASH_BITS);
    featureCache.set(text, vector);
  }
  return vector;
}
