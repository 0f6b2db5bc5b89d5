import { describe, expect, it } from 'vitest';
import { denseLogits, seededRandom, shuffled, trainSoftmax } from './linear-training.ts';

const vector = (index: number) => ({ indices: Int32Array.from([index]), values: Float32Array.from([1]) });

describe('trainSoftmax', () => {
  it('learns a separable three-class problem', () => {
    const examples = [0, 1, 2].flatMap((label) =>
      Array.from({ length: 10 }, () => ({ vector: vector(label), label })),
    );
    const model = trainSoftmax(examples, {
      dimensions: 3,
      classes: 3,
      epochs: 5,
      learningRate: 0.5,
      l2: 0,
      seed: 1,
    });
    for (const label of [0, 1, 2]) {
      const logits = denseLogits(model, vector(label));
      expect(logits.indexOf(Math.max(...logits))).toBe(label);
    }
  });

  it('is reproducible with the same seed', () => {
    const examples = Array.from({ length: 20 }, (_, i) => ({ vector: vector(i % 4), label: i % 2 }));
    const options = { dimensions: 4, classes: 2, epochs: 3, learningRate: 0.2, l2: 1e-4, seed: 9 };
    expect(trainSoftmax(examples, options).weights).toEqual(trainSoftmax(examples, options).weights);
  });

  it('shuffles deterministically', () => {
    expect(shuffled([1, 2, 3, 4, 5], seededRandom(3))).toEqual(shuffled([1, 2, 3, 4, 5], seededRandom(3)));
    expect(shuffled([1, 2, 3, 4, 5], seededRandom(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
