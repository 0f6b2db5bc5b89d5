// Learning from corrections: a workspace overlay is a small sparse linear layer whose logits are
// added to the base model's log-probabilities for kind and category. It is trained on the
// workspace's corrections with the base model's opinion held fixed (a residual), so a handful of
// corrections moves only what they are about, and the shipped model is never changed.
import { z } from 'zod';
import { DEFAULT_WORKSPACE_CATEGORIES, mapCategoryScores, type WorkspaceCategory } from './categories.ts';
import { extractFeatures, type FeatureVector } from './feature-hashing.ts';
import { kindProbabilities } from './kind-decision.ts';
import { detectLanguage } from './language-detection.ts';
import { type TrainingExample, trainSoftmax } from './linear-training.ts';
import { KINDS } from './model-spec.ts';
import { prepareText } from './text-preparation.ts';
import { scoreHeads, type TriageModel } from './triage-model.ts';

const overlayHeadSchema = z.object({
  labels: z.array(z.string()).min(1),
  biases: z.array(z.number()),
  /** sparse rows: hashed feature bucket → one weight per label */
  rows: z.record(z.string(), z.array(z.number())),
});

/** The stored form of a workspace overlay; parse it with workspaceOverlaySchema at the boundary. */
export const workspaceOverlaySchema = z.object({
  version: z.literal(1),
  baseModelVersion: z.number().int(),
  hashBits: z.number().int(),
  kind: overlayHeadSchema.optional(),
  category: overlayHeadSchema.optional(),
  trainedOn: z.object({ kindCorrections: z.number().int(), categoryCorrections: z.number().int() }),
});
export type OverlayHead = z.infer<typeof overlayHeadSchema>;
export type WorkspaceOverlay = z.infer<typeof workspaceOverlaySchema>;

/** An agent's correction of one message: the text and the kind and/or category it should have had. */
export const correctionSchema = z.object({
  text: z.string().min(1),
  kind: z.enum(KINDS).optional(),
  category: z.string().min(1).optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

export type OverlayTrainingOptions = {
  categories?: readonly WorkspaceCategory[];
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
};

/** Logits an overlay head adds for a feature vector, keyed by label. */
export function overlayLogits(head: OverlayHead, vector: FeatureVector): Map<string, number> {
  const sums = head.biases.slice();
  for (let i = 0; i < vector.indices.length; i++) {
    const row = head.rows[String(vector.indices[i])];
    if (!row) continue;
    const value = vector.values[i] ?? 0;
    for (let c = 0; c < sums.length; c++) sums[c] = (sums[c] ?? 0) + value * (row[c] ?? 0);
  }
  return new Map(head.labels.map((label, c) => [label, sums[c] ?? 0]));
}

type BaseView = { vector: FeatureVector; kind: Float64Array; category: Float64Array };

function baseView(model: TriageModel, text: string, categories: readonly WorkspaceCategory[]): BaseView {
  const prepared = prepareText(text);
  const vector = extractFeatures(prepared.modelText, model.hashBits);
  const heads = scoreHeads(model, vector);
  const mapped = mapCategoryScores(heads.category, categories, prepared.modelText);
  return {
    vector,
    kind: kindProbabilities(model, heads, prepared.modelText, detectLanguage(text).label),
    category: Float64Array.from(categories, (category) => mapped[category.id] ?? 0),
  };
}

function trainHead(
  views: { view: BaseView; label: number; base: Float64Array }[],
  labels: readonly string[],
  options: Required<Omit<OverlayTrainingOptions, 'categories'>>,
): OverlayHead | undefined {
  if (views.length === 0) return undefined;
  // Train on a dense local index of only the buckets the corrections use, then store it sparse.
  const local = new Map<number, number>();
  for (const { view } of views)
    for (const index of view.vector.indices) if (!local.has(index)) local.set(index, local.size);
  const examples: TrainingExample[] = views.map(({ view, label, base }) => ({
    vector: {
      indices: Int32Array.from(view.vector.indices, (index) => local.get(index) ?? 0),
      values: view.vector.values,
    },
    label,
    offset: Array.from(base, (p) => Math.log(Math.max(p, 1e-9))),
  }));
  const trained = trainSoftmax(examples, { ...options, dimensions: local.size, classes: labels.length });
  const rows: Record<string, number[]> = {};
  for (const [bucket, index] of local) {
    const row = Array.from(
      trained.weights.subarray(index * labels.length, (index + 1) * labels.length),
      roundWeight,
    );
    if (row.some((w) => w !== 0)) rows[String(bucket)] = row;
  }
  return { labels: [...labels], biases: Array.from(trained.biases, roundWeight), rows };
}

function roundWeight(w: number): number {
  return Math.abs(w) < 1e-4 ? 0 : Math.round(w * 1e4) / 1e4;
}

/** Trains a workspace overlay from corrections; pure and deterministic for a given seed. */
export function trainWorkspaceOverlay(
  model: TriageModel,
  corrections: readonly Correction[],
  options: OverlayTrainingOptions = {},
): WorkspaceOverlay {
  const categories = options.categories ?? DEFAULT_WORKSPACE_CATEGORIES;
  const settings = {
    epochs: options.epochs ?? 12,
    learningRate: options.learningRate ?? 0.3,
    l2: options.l2 ?? 1e-4,
    seed: options.seed ?? 7,
  };
  const categoryIds = categories.map((category) => category.id);
  const kindViews: { view: BaseView; label: number; base: Float64Array }[] = [];
  const categoryViews: { view: BaseView; label: number; base: Float64Array }[] = [];
  for (const correction of corrections) {
    const view = baseView(model, correction.text, categories);
    if (correction.kind) kindViews.push({ view, label: KINDS.indexOf(correction.kind), base: view.kind });
    const categoryIndex = correction.category ? categoryIds.indexOf(correction.category) : -1;
    if (categoryIndex >= 0) categoryViews.push({ view, label: categoryIndex, base: view.category });
  }
  const overlay: WorkspaceOverlay = {
    version: 1,
    baseModelVersion: model.version,
    hashBits: model.hashBits,
    trainedOn: { kindCorrections: kindViews.length, categoryCorrections: categoryViews.length },
  };
  const kind = trainHead(kindViews, KINDS, settings);
  const category = trainHead(categoryViews, categoryIds, settings);
  if (kind) overlay.kind = kind;
  if (category) overlay.category = category;
  return overlay;
}

/** Accuracy of the base model and of base + overlay on held-out corrections. */
export type OverlayGain = {
  trainCount: number;
  heldOutCount: number;
  kind: { heldOut: number; baseAccuracy: number; adaptedAccuracy: number };
  category: { heldOut: number; baseAccuracy: number; adaptedAccuracy: number };
};

/** Deterministic hold-out: a stable hash of the text puts about `heldOutShare` of corrections aside. */
export function isHeldOut(text: string, heldOutShare = 0.3): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % 1000) / 1000 < heldOutShare;
}

/** Trains on the non-held-out corrections and reports the gain on the held-out ones. */
export function evaluateOverlayGain(
  model: TriageModel,
  corrections: readonly Correction[],
  options: OverlayTrainingOptions & { heldOutShare?: number } = {},
): OverlayGain {
  const categories = options.categories ?? DEFAULT_WORKSPACE_CATEGORIES;
  const heldOut = corrections.filter((c) => isHeldOut(c.text, options.heldOutShare));
  const training = corrections.filter((c) => !isHeldOut(c.text, options.heldOutShare));
  const overlay = trainWorkspaceOverlay(model, training, options);
  const ids = categories.map((category) => category.id);
  const tally = { kind: [0, 0, 0], category: [0, 0, 0] };
  for (const correction of heldOut) {
    const view = baseView(model, correction.text, categories);
    if (correction.kind) {
      tally.kind[0]!++;
      if (KINDS[argmax(view.kind)] === correction.kind) tally.kind[1]!++;
      if (KINDS[argmax(adapt(view.kind, KINDS, overlay.kind, view.vector))] === correction.kind)
        tally.kind[2]!++;
    }
    if (correction.category && ids.includes(correction.category)) {
      tally.category[0]!++;
      if (ids[argmax(view.category)] === correction.category) tally.category[1]!++;
      if (ids[argmax(adapt(view.category, ids, overlay.category, view.vector))] === correction.category) {
        tally.category[2]!++;
      }
    }
  }
  const summary = ([n, base, adapted]: number[]) => ({
    heldOut: n ?? 0,
    baseAccuracy: n ? (base ?? 0) / n : 0,
    adaptedAccuracy: n ? (adapted ?? 0) / n : 0,
  });
  return {
    trainCount: training.length,
    heldOutCount: heldOut.length,
    kind: summary(tally.kind),
    category: summary(tally.category),
  };
}

function adapt(
  p: Float64Array,
  labels: readonly string[],
  head: OverlayHead | undefined,
  vector: FeatureVector,
) {
  if (!head) return p;
  const logits = overlayLogits(head, vector);
  return Float64Array.from(
    labels,
    (label, i) => Math.log(Math.max(p[i] ?? 0, 1e-9)) + (logits.get(label) ?? 0),
  );
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}
