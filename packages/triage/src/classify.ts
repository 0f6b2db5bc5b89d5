// classify(): language, dialect, kind, sentiment, category and escalation signals of one post.
import { findAbusiveLanguage } from './abusive-language.ts';
import { DEFAULT_WORKSPACE_CATEGORIES, mapCategoryScores, type WorkspaceCategory } from './categories.ts';
import { extractFeatures, type FeatureVector } from './feature-hashing.ts';
import { kindProbabilities } from './kind-decision.ts';
import { countDialectMarkers, detectLanguage, type LanguageGuess } from './language-detection.ts';
import type { Span } from './lexicon-matching.ts';
import { DIALECTS, type Dialect, KINDS, type Kind, SENTIMENTS, type SentimentLabel } from './model-spec.ts';
import { detectSignals, type Signal } from './signals.ts';
import { type EmojiSignal, prepareText } from './text-preparation.ts';
import { type HeadScores, scoreHeads, type TriageModel } from './triage-model.ts';
import { overlayLogits, type WorkspaceOverlay } from './workspace-overlay.ts';

/** What is known about a post besides its text. */
export type ClassifyContext = {
  channel?: string;
  isPublic?: boolean;
  followerCount?: number;
  /** cases this customer opened before (a repeat customer raises repeat_complaint) */
  previousCaseCount?: number;
  /** the workspace's categories; the default list when absent */
  categories?: readonly WorkspaceCategory[];
  /** the workspace's adaptation learnt from agents' corrections */
  overlay?: WorkspaceOverlay;
};

export type Scored<T extends string> = { label: T; confidence: number };

/** Everything triage says about one post; every field carries a confidence in [0, 1]. */
export type Classification = {
  language: LanguageGuess;
  dialect: Scored<Dialect> | null;
  kind: Scored<Kind> & { scores: Record<Kind, number> };
  /** score = P(positive) − P(negative), in [−1, 1] */
  sentiment: Scored<SentimentLabel> & { score: number };
  category: { id: string; confidence: number; scores: Record<string, number> };
  signals: Signal[];
  /** abusive words, even inside a legitimate complaint (moderate the words, answer the complaint) */
  hasAbusiveLanguage: boolean;
  /** the insulting words found, as exact spans of the text */
  abusiveSpans: Span[];
  emoji: EmojiSignal[];
};

// The abuse head's threshold is tuned for recall of abusive posts; flagging words inside a
// complaint needs more certainty, or every angry complaint would be flagged.
const ABUSIVE_LANGUAGE_FLOOR = 0.7;

/** Classifies one post with the given model; pure and deterministic. */
export function classifyWithModel(
  model: TriageModel,
  text: string,
  context: ClassifyContext = {},
): Classification {
  const prepared = prepareText(text);
  const vector = extractFeatures(prepared.modelText, model.hashBits);
  const heads = scoreHeads(model, vector);
  const language = detectLanguage(text);
  const sentiment = decideSentiment(heads);
  const kind = decideKind(model, heads, prepared.modelText, vector, language.label, context.overlay);
  const categories = context.categories ?? DEFAULT_WORKSPACE_CATEGORIES;
  const abusiveSpans = findAbusiveLanguage(text);
  return {
    language,
    dialect: language.label === 'ar' ? decideDialect(heads, prepared.modelText) : null,
    kind,
    sentiment,
    category: decideCategory(heads, categories, prepared.modelText, vector, context.overlay),
    signals: detectSignals(text, { previousCaseCount: context.previousCaseCount }),
    hasAbusiveLanguage: abusiveSpans.length > 0 || (heads.abuse[1] ?? 0) >= ABUSIVE_LANGUAGE_FLOOR,
    abusiveSpans,
    emoji: prepared.emoji,
  };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function decideSentiment(heads: HeadScores): Classification['sentiment'] {
  const p = heads.sentiment;
  const best = argmax(p);
  return {
    label: SENTIMENTS[best] ?? 'neutral',
    confidence: round(p[best] ?? 0),
    score: round((p[2] ?? 0) - (p[0] ?? 0)),
  };
}

function decideKind(
  model: TriageModel,
  heads: HeadScores,
  modelText: string,
  vector: FeatureVector,
  language: string,
  overlay: WorkspaceOverlay | undefined,
): Classification['kind'] {
  let p: Float64Array = kindProbabilities(model, heads, modelText, language);
  if (overlay?.kind) p = withOverlay(p, KINDS, overlayLogits(overlay.kind, vector));
  const best = argmax(p);
  const scores = Object.fromEntries(KINDS.map((kind, i) => [kind, round(p[i] ?? 0)])) as Record<Kind, number>;
  return { label: KINDS[best] ?? 'other', confidence: round(p[best] ?? 0), scores };
}

// Adds an overlay's logits (keyed by label) to log-probabilities and renormalises.
function withOverlay(p: Float64Array, labels: readonly string[], logits: Map<string, number>): Float64Array {
  const out = labels.map((label, i) => Math.log(Math.max(p[i] ?? 0, 1e-9)) + (logits.get(label) ?? 0));
  const max = Math.max(...out);
  const exp = out.map((x) => Math.exp(x - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return Float64Array.from(exp, (x) => x / total);
}

function decideCategory(
  heads: HeadScores,
  categories: readonly WorkspaceCategory[],
  modelText: string,
  vector: FeatureVector,
  overlay: WorkspaceOverlay | undefined,
): Classification['category'] {
  const mapped = mapCategoryScores(heads.category, categories, modelText);
  const ids = categories.map((category) => category.id);
  let p: Float64Array = Float64Array.from(ids, (id) => mapped[id] ?? 0);
  if (overlay?.category) p = withOverlay(p, ids, overlayLogits(overlay.category, vector));
  const best = argmax(p);
  const scores = Object.fromEntries(ids.map((id, i) => [id, round(p[i] ?? 0)]));
  return { id: ids[best] ?? 'other', confidence: round(p[best] ?? 0), scores };
}

const MARKER_WEIGHT = 0.35;

function decideDialect(heads: HeadScores, modelText: string): Scored<Dialect> | null {
  const markers = countDialectMarkers(modelText);
  const scores = DIALECTS.map((dialect, i) => (heads.dialect[i] ?? 0) + MARKER_WEIGHT * markers[dialect]);
  const best = argmax(scores);
  const total = scores.reduce((a, b) => a + b, 0) || 1;
  const confidence = (scores[best] ?? 0) / total;
  // Short or neutral posts give little to go on: say nothing rather than guess MSA.
  if (confidence < 0.5) return null;
  return { label: DIALECTS[best] ?? 'msa', confidence: round(Math.min(0.99, confidence)) };
}
