import { describe, expect, it } from 'vitest';
import {
  decodeTriageModel,
  encodeTriageModel,
  HEAD_NAMES,
  scoreHeads,
  type TriageModel,
} from './triage-model.ts';

function tinyModel(): TriageModel {
  const hashBits = 4;
  let offset = 0;
  const heads = {} as TriageModel['heads'];
  for (const name of HEAD_NAMES) {
    heads[name] = { labels: ['a', 'b'], offset, scales: [0.01, 0.02], biases: [0, 0.5] };
    offset += 2;
  }
  const weights = Int8Array.from({ length: offset << hashBits }, (_, i) => (i % 7) - 3);
  return {
    version: 1,
    hashBits,
    outputs: offset,
    heads,
    thresholds: { abuse: 0.4 },
    trainedOn: { seed: 1 },
    weights,
  };
}

describe('triage model file', () => {
  it('decodes what it encodes', () => {
    const model = tinyModel();
    const decoded = decodeTriageModel(encodeTriageModel(model));
    expect(decoded.weights).toEqual(model.weights);
    expect({ ...decoded, weights: null }).toEqual({ ...model, weights: null });
  });

  it('refuses bytes that are not a model', () => {
    expect(() => decodeTriageModel(new TextEncoder().encode('hello world, not a model'))).toThrow(
      'not a Sada triage model file',
    );
  });

  it('scores each head as a probability distribution', () => {
    const scores = scoreHeads(tinyModel(), {
      indices: Int32Array.from([1, 5]),
      values: Float32Array.from([0.6, 0.8]),
    });
    for (const name of HEAD_NAMES) expect((scores[name][0] ?? 0) + (scores[name][1] ?? 0)).toBeCloseTo(1, 6);
  });
});
