// `npm run train:triage`: trains every head on the training split, tunes thresholds on the
// development split and writes model/triage-model.bin. Same data + same seed = same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  denseLogits,
  type SoftmaxWeights,
  type TrainingExample,
  trainSoftmax,
} from '../src/linear-training.ts';
import { HASH_BITS, HEAD_LABELS, MODEL_VERSION } from '../src/model-spec.ts';
import {
  encodeTriageModel,
  HEAD_NAMES,
  type HeadName,
  type ModelHead,
  type TriageModel,
} from '../src/triage-model.ts';
import { featuresOf, SEED, TRAINING, testShareOf } from './training-setup.ts';
import {
  DEFAULT_DATA_DIR,
  type LabelledText,
  loadAllLabelled,
  PACKAGE_DIR,
  splitOf,
} from './triage-datasets.ts';

function classWeights(rows: LabelledText[], labels: readonly string[]): number[] {
  const counts = labels.map((label) => rows.filter((row) => row.label === label).length);
  const total = counts.reduce((a, b) => a + b, 0);
  // Square-root balancing: rare classes count more without drowning the common ones.
  return counts.map((count) => (count ? Math.sqrt(total / (labels.length * count)) : 0));
}

function trainHead(head: HeadName, rows: LabelledText[]): SoftmaxWeights {
  const labels = HEAD_LABELS[head];
  const train = rows.filter((row) => splitOf(row.key, testShareOf(row, head)) === 'train');
  const weights = classWeights(train, labels);
  const examples: TrainingExample[] = train.map((row) => {
    const label = labels.indexOf(row.label);
    return { vector: featuresOf(row.text), label, weight: row.weight * (weights[label] ?? 1) };
  });
  const options = TRAINING[head];
  return trainSoftmax(examples, {
    ...options,
    dimensions: 1 << HASH_BITS,
    classes: labels.length,
    seed: SEED,
  });
}

/** Packs trained heads into one int8 feature-major matrix with a scale per column. */
export function quantise(
  trained: Record<HeadName, SoftmaxWeights>,
): Pick<TriageModel, 'outputs' | 'heads' | 'weights'> {
  const outputs = HEAD_NAMES.reduce((sum, name) => sum + HEAD_LABELS[name].length, 0);
  const rows = 1 << HASH_BITS;
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

const BINARY_HEADS = ['abuse', 'complaint', 'spam'] as const;

/** The probability threshold that maximises F1 of 'yes' on the development split. */
function tuneThreshold(model: SoftmaxWeights, head: HeadName, rows: LabelledText[]): number {
  const dev = rows.filter((row) => splitOf(row.key, testShareOf(row, head)) === 'dev');
  const scored = dev.map((row) => {
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

function main(): void {
  const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
  const started = performance.now();
  const all = loadAllLabelled(dataDir);
  const trained = {} as Record<HeadName, SoftmaxWeights>;
  const counts: Record<string, number> = {};
  for (const head of HEAD_NAMES) {
    const rows = all.filter((row) => row.task === head);
    counts[head] = rows.length;
    trained[head] = trainHead(head, rows);
    console.log(
      `${head}: ${rows.length} texts, trained in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const thresholds: Record<string, number> = {};
  for (const head of BINARY_HEADS) {
    thresholds[head] = tuneThreshold(
      trained[head],
      head,
      all.filter((row) => row.task === head),
    );
  }
  console.log('thresholds tuned on the development split:', thresholds);
  const model: TriageModel = {
    version: MODEL_VERSION,
    hashBits: HASH_BITS,
    thresholds,
    trainedOn: { seed: SEED, texts: counts },
    ...quantise(trained),
  };
  const bytes = encodeTriageModel(model);
  mkdirSync(join(PACKAGE_DIR, 'model'), { recursive: true });
  writeFileSync(join(PACKAGE_DIR, 'model', 'triage-model.bin'), bytes);
  console.log(`wrote model/triage-model.bin (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
}

main();
