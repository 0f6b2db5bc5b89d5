// Multinomial logistic regression trained by AdaGrad over sparse feature vectors. Used offline
// by the training script and at run time by workspace adaptation, so it is deterministic: a
// seeded shuffle and no clock.
import type { FeatureVector } from './feature-hashing.ts';

/** One training example: a feature vector, its class index and an importance weight. */
export type TrainingExample = {
  vector: FeatureVector;
  label: number;
  weight?: number;
  /** fixed logits added before softmax (a base model's opinion when training an overlay) */
  offset?: ArrayLike<number>;
};

export type SoftmaxTrainingOptions = {
  dimensions: number;
  classes: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
};

/** Dense weights (dimension-major: row f holds one weight per class) and per-class biases. */
export type SoftmaxWeights = { weights: Float32Array; biases: Float32Array; classes: number };

/** A small seeded PRNG (mulberry32); the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle driven by a seeded PRNG; returns a new array. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Logits of a dense softmax model for one vector (no offset). */
export function denseLogits(
  model: SoftmaxWeights,
  vector: FeatureVector,
  offset?: ArrayLike<number>,
): Float64Array {
  const { classes, weights, biases } = model;
  const logits = new Float64Array(classes);
  for (let c = 0; c < classes; c++) logits[c] = (biases[c] ?? 0) + (offset?.[c] ?? 0);
  for (let i = 0; i < vector.indices.length; i++) {
    const row = (vector.indices[i] ?? 0) * classes;
    const value = vector.values[i] ?? 0;
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + value * (weights[row + c] ?? 0);
  }
  return logits;
}

function softmaxInPlace(logits: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) max = Math.max(max, value);
  let total = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp((logits[c] ?? 0) - max);
    logits[c] = e;
    total += e;
  }
  for (let c = 0; c < logits.length; c++) logits[c] = (logits[c] ?? 0) / total;
}

/** Trains softmax regression with AdaGrad and sparse L2 (applied to the features a step touches). */
export function trainSoftmax(
  examples: readonly TrainingExample[],
  options: SoftmaxTrainingOptions,
): SoftmaxWeights {
  const { dimensions, classes, epochs, learningRate, l2 } = options;
  const model: SoftmaxWeights = {
    weights: new Float32Array(dimensions * classes),
    biases: new Float32Array(classes),
    classes,
  };
  const squaredGradients = new Float32Array(dimensions * classes);
  const biasSquaredGradients = new Float32Array(classes);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const index of shuffled(order, random)) {
      const example = examples[index] as TrainingExample;
      const probabilities = denseLogits(model, example.vector, example.offset);
      softmaxInPlace(probabilities);
      const weight = example.weight ?? 1;
      for (let c = 0; c < classes; c++) {
        const error = ((probabilities[c] ?? 0) - (c === example.label ? 1 : 0)) * weight;
        const bg = error;
        biasSquaredGradients[c] = (biasSquaredGradients[c] ?? 0) + bg * bg;
        model.biases[c] =
          (model.biases[c] ?? 0) - (learningRate * bg) / Math.sqrt((biasSquaredGradients[c] ?? 0) + 1e-8);
        for (let i = 0; i < example.vector.indices.length; i++) {
          const cell = (example.vector.indices[i] ?? 0) * classes + c;
          const current = model.weights[cell] ?? 0;
          const gradient = error * (example.vector.values[i] ?? 0) + l2 * current;
          const accumulated = (squaredGradients[cell] ?? 0) + gradient * gradient;
          squaredGradients[cell] = accumulated;
          model.weights[cell] = current - (learningRate * gradient) / Math.sqrt(accumulated + 1e-8);
        }
      }
    }
  }
  return model;
}
