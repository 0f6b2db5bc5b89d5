// Settings and helpers shared by the training, evaluation and tuning scripts.
import { extractFeatures, type FeatureVector } from '../src/feature-hashing.ts';
import { HASH_BITS } from '../src/model-spec.ts';
import { prepareText } from '../src/text-preparation.ts';
import type { HeadName } from '../src/triage-model.ts';
import type { LabelledText } from './triage-datasets.ts';

export const SEED = 20_240_604;

/** Hashed buckets of the trained model (the classifier reads the size from the model file). */
export const TRAINING_HASH_BITS = Number(process.env.TRIAGE_HASH_BITS ?? HASH_BITS);

/** How one head is trained; `balance` is the power of the inverse class frequency (0.5 = sqrt). */
export type TrainingOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  testShare: number;
  balance: number;
  isBalancedPerLanguage: boolean;
  /** extra weight of our hand labels (already 4× a public label) */
  handLabelBoost: number;
};

const BASE = {
  learningRate: 0.1,
  l2: 1e-6,
  testShare: 10,
  balance: 0.5,
  isBalancedPerLanguage: false,
  handLabelBoost: 1,
};

export const TRAINING: Record<HeadName, TrainingOptions> = {
  sentiment: { ...BASE, epochs: 5 },
  abuse: { ...BASE, epochs: 5 },
  // Hand labels count double in the heads that decide complaint-vs-not (chosen by cross-validation).
  complaint: { ...BASE, epochs: 5, handLabelBoost: 2 },
  spam: { ...BASE, epochs: 4 },
  kind: { ...BASE, epochs: 5, handLabelBoost: 2 },
  category: { ...BASE, epochs: 8 },
  dialect: { ...BASE, epochs: 5 },
};

/** Held-out share for a row: hand labels keep 30% aside, as there are few of them. */
export function testShareOf(row: LabelledText, head: HeadName): number {
  return row.isHandLabelled ? 30 : TRAINING[head].testShare;
}

const featureCache = new Map<string, FeatureVector>();
/** Features of a labelled text, computed once per distinct text (and hash size). */
export function featuresOf(text: string, hashBits = TRAINING_HASH_BITS): FeatureVector {
  const key = hashBits === TRAINING_HASH_BITS ? text : `${hashBits}\u0000${text}`;
  let vector = featureCache.get(key);
  if (!vector) {
    vector = extractFeatures(prepareText(text).modelText, hashBits);
    featureCache.set(key, vector);
  }
  return vector;
}
