// Trains every head and packs them into a TriageModel. Shared by `npm run train:triage` (which
// writes the result) and the tuning script (which scores variants on the development split).
import {
  denseLogits,
  type SoftmaxWeights,
  type TrainingExample,
  trainSoftmax,
} from '../src/linear-training.ts';
import { HEAD_LABELS, MODEL_VERSION } from '../src/model-spec.ts';
import { HEAD_NAMES, type HeadName, type ModelHead, type TriageModel } from '../src/triage-model.ts';
import {
  featuresOf,
  SEED,
  TRAINING,
  TRAINING_HASH_BITS,
  type TrainingOptions,
  testShareOf,
} from './training-setup.ts';
import { type LabelledText, splitOf } from './triage-datasets.ts';

export type ModelTrainingOptions = {
  /** settings per head; TRAINING when absent */
  training?: Record<HeadName, TrainingOptions>;
  /** rows to leave out of training besides the dev and test splits (cross-validation folds) */
  isExcluded?: (row: LabelledText) => boolean;
  /** trained heads to reuse as they are (the tuning script retrains only what it varies) */
  reuse?: Partial<Record<HeadName, SoftmaxWeights>>;
  log?: (line: string) => void;
};

function classWeights(rows: LabelledText[], labels: readonly string[], power: number): number[] {
  const counts = labels.map((label) => rows.filter((row) => row.label === label).length);
  const total = counts.reduce((a, b) => a + b, 0);
  // power 0.5 (square-root balancing): rare classes count more without drowning the common ones.
  return counts.map((count) => (count ? (total / (labels.length * count)) ** power : 0));
}

/** The training rows of a head: its train split, minus any excluded rows. */
export function trainingRows(head: HeadName, rows: LabelledText[], options: ModelTrainingOptions = {}) {
  return rows.filter(
    (row) => splitOf(row.key, testShareOf(row, head)) === 'train' && !options.isExcluded?.(row),
  );
}

/** Trains one head on its training split. */
export function trainHead(
  head: HeadName,
  rows: LabelledText[],
  options: ModelTrainingOptions = {},
): SoftmaxWeights {
  const labels = HEAD_LABELS[head];
  const settings = (options.training ?? TRAINING)[head];
  const train = trainingRows(head, rows, options);
  // Classes may be balanced within each language: Arabic and English sets differ in their share
  // of positives, and one language should not set the other's prior.
  const groups = settings.isBalancedPerLanguage ? (['ar', 'en'] as const) : (['all'] as const);
  const byGroup = new Map<string, number[]>(
    groups.map((group) => [
      group,
      classWeights(
        train.filter((row) => group === 'all' || row.language === group),
        labels,
        settings.balance,
      ),
    ]),
  );
  const examples: TrainingExample[] = train.map((row) => {
    const label = labels.indexOf(row.label);
    const weights = byGroup.get(settings.isBalancedPerLanguage ? row.language : 'all') ?? [];
    const boost = row.isHandLabelled ? settings.handLabelBoost : 1;
    return { vector: featuresOf(row.text), label, weight: row.weight * boost * (weights[label] ?? 1) };
  });
  return trainSoftmax(examples, {
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    l2: settings.l2,
    dimensions: 1 << TRAINING_HASH_BITS,
    classes: labels.length,
    seed: SEED,
  });
}

/** Packs trained heads into one int8 feature-major matrix with a scale per column. */
export function quantise(
  trained: Record<HeadName, SoftmaxWeights>,
): Pick<TriageModel, 'outputs' | 'heads' | 'weights'> {
  const outputs = HEAD_NAMES.reduce((sum, name) => sum + HEAD_LABELS[name].length, 0);
  const rows = 1 << TRAINING_HASH_BITS;
  const weights = new Int8Array(rows * outputs);
  const heads = {} as Record<HeadName, ModelHead>;
  let offset = 0;
  for (const name of HEAD_NAMES) {
    const model = trained[name];
    const classes = model.classes;
    const scales: number[] = [];
    for (let c = 0; c < classes; c++) {
      let max = 0;
      for (let f = 0; f < rows; f++) max = Math.max(max, Math.abs(model.weights[f * classes + c] ?? 0));
      const scale = max / 127 || 1;
      scales.push(scale);
      for (let f = 0; f < rows; f++) {
        weights[f * outputs + offset + c] = Math.round((model.weights[f * classes + c] ?? 0) / scale);
      }
    }
    heads[name] = { labels: [...HEAD_LABELS[name]], offset, scales, biases: Array.from(model.biases) };
    offset += classes;
  }
  return { outputs, heads, weights };
}

export const BINARY_HEADS = ['abuse', 'complaint', 'spam'] as const;

/** The probability threshold that maximises F1 of 'yes' over the given (development) rows. */
export function tuneThreshold(model: SoftmaxWeights, rows: LabelledText[]): number {
  const scored = rows.map((row) => {
    const logits = denseLogits(model, featuresOf(row.text));
    return { p: 1 / (1 + Math.exp((logits[0] ?? 0) - (logits[1] ?? 0))), yes: row.label === 'yes' };
  });
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.8001; t += 0.025) {
    const tp = scored.filter((s) => s.yes && s.p >= t).length;
    const fp = scored.filter((s) => !s.yes && s.p >= t).length;
    const fn = scored.filter((s) => s.yes && s.p < t).length;
    const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 > best.f1) best = { threshold: Math.round(t * 1000) / 1000, f1 };
  }
  return best.threshold;
}

/** Thresholds of the binary heads, tuned on the development split: one per head and language. */
export function tuneThresholds(
  trained: Record<HeadName, SoftmaxWeights>,
  all: LabelledText[],
): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const head of BINARY_HEADS) {
    const dev = all.filter((row) => row.task === head && splitOf(row.key, testShareOf(row, head)) === 'dev');
    thresholds[head] = tuneThreshold(trained[head], dev);
    for (const language of ['ar', 'en'] as const) {
      const rows = dev.filter((row) => row.language === language);
      if (rows.some((row) => row.label === 'yes')) {
        thresholds[`${head}.${language}`] = tuneThreshold(trained[head], rows);
      }
    }
  }
  return thresholds;
}

/** Trains (or reuses) every head, tunes thresholds on the development split, and quantises. */
export function trainTriageModel(
  all: LabelledText[],
  options: ModelTrainingOptions = {},
): { model: TriageModel; trained: Record<HeadName, SoftmaxWeights> } {
  const started = performance.now();
  const trained = {} as Record<HeadName, SoftmaxWeights>;
  const counts: Record<string, number> = {};
  for (const head of HEAD_NAMES) {
    const rows = all.filter((row) => row.task === head);
    counts[head] = rows.length;
    trained[head] = options.reuse?.[head] ?? trainHead(head, rows, options);
    options.log?.(
      `${head}: ${rows.length} texts, trained in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const thresholds = tuneThresholds(trained, all);
  options.log?.(`thresholds tuned on the development split: ${JSON.stringify(thresholds)}`);
  const model: TriageModel = {
    version: MODEL_VERSION,
    hashBits: TRAINING_HASH_BITS,
    thresholds,
    trainedOn: { seed: SEED, texts: counts },
    ...quantise(trained),
  };
  return { model, trained };
}
