// The kind of a post: the kind head blended with the binary complaint, abuse and spam heads
// (trained on far more data), plus question and suggestion cues.
import { KINDS, type Kind } from './model-spec.ts';
import type { HeadScores, TriageModel } from './triage-model.ts';

const QUESTION_START =
  /^(?:هل|كيف|متي|وين|فين|ليش|ليه|ايش|وش|شو|كم|ماذا|لماذا|اين|ازاي|امتي|ينفع|ممكن|بكم|how|what|when|where|why|can|could|do|does|is|are|will|would|which|who)\b/;
// Promotion cues; English spam has almost no training data, so these carry it.
const SPAM_CUE =
  /(?:^|\s)(?:free|win|giveaway|prize|click|followers|follow back|followback|crypto|earn|bitcoin|promo code|discount code|اربح|مجانا|مجاني|متابعين|للبيع|للتواصل|واتساب|كاش باك|خصم حصري)(?:\s|$)/;
const SUGGESTION =
  /(?:^|\s)(?:يا ?ليت|يا ?ريت|اقترح|اقتراح|نتمني|اتمني|لو تضيف|لو تسو|من الافضل|منيح لو|suggest|suggestion|it would be great|would love|please add|you should|i wish|consider adding|why not)/;

const COMPLAINT = KINDS.indexOf('complaint');
const NEGATIVE_SENTIMENT_WEIGHT = 0.2;

/** A binary head's decision threshold for a language (tuned per language on the development
 * split), falling back to the head's overall threshold. */
export function thresholdOf(model: TriageModel, head: string, language?: string): number | undefined {
  return model.thresholds[`${head}.${language}`] ?? model.thresholds[head];
}

/** Kind probabilities: the kind head blended with the binary complaint/abuse/spam heads. */
export function kindProbabilities(
  model: TriageModel,
  heads: HeadScores,
  modelText: string,
  language?: string,
): Float64Array {
  const p = Float64Array.from(heads.kind);
  const blend = (kind: Kind, binary: Float64Array, threshold = 0.5): void => {
    const i = KINDS.indexOf(kind);
    // Re-centre the binary head on its tuned threshold so 'threshold' reads as 0.5.
    const yes = binary[1] ?? 0;
    const centred =
      yes >= threshold ? 0.5 + (0.5 * (yes - threshold)) / (1 - threshold) : (0.5 * yes) / threshold;
    p[i] = ((p[i] ?? 0) + centred) / 2;
  };
  blend('complaint', heads.complaint, thresholdOf(model, 'complaint', language));
  blend('abuse', heads.abuse, thresholdOf(model, 'abuse', language));
  blend('spam', heads.spam, thresholdOf(model, 'spam', language));
  if (QUESTION_START.test(modelText) || modelText.includes('xquestion')) {
    p[KINDS.indexOf('question')] = (p[KINDS.indexOf('question')] ?? 0) + 0.15;
  }
  const spamCues = modelText.match(new RegExp(SPAM_CUE.source, 'g'))?.length ?? 0;
  if (spamCues >= 2 || (spamCues >= 1 && modelText.includes('xurl'))) {
    p[KINDS.indexOf('spam')] = (p[KINDS.indexOf('spam')] ?? 0) + 0.3;
  }
  // An explicit suggestion phrase is close to decisive: the kind head has seen few suggestions.
  if (SUGGESTION.test(modelText)) {
    p[KINDS.indexOf('suggestion')] = (p[KINDS.indexOf('suggestion')] ?? 0) + 0.5;
  }
  // A grievance wrapped in insults is still a complaint to answer, unless the insults dominate.
  const complaint = p[KINDS.indexOf('complaint')] ?? 0;
  const abuse = p[KINDS.indexOf('abuse')] ?? 0;
  if (complaint >= 0.4 && abuse > complaint && abuse - complaint < 0.2)
    p[KINDS.indexOf('abuse')] = complaint - 0.01;
  const total = p.reduce((a, b) => a + b, 0) || 1;
  const normalised = p.map((x) => x / total);
  // Negative sentiment is evidence of a complaint: the sentiment head has read far more text
  // than the complaint head. Weight chosen by cross-validation over hand labels (tune-triage).
  normalised[COMPLAINT] =
    (normalised[COMPLAINT] ?? 0) + NEGATIVE_SENTIMENT_WEIGHT * (heads.sentiment[0] ?? 0);
  const sum = normalised.reduce((a, b) => a + b, 0);
  return normalised.map((x) => x / sum);
}
