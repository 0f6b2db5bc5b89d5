export { arabiziToArabic, looksLikeArabizi } from './arabizi.ts';
export { classify, loadBundledModel } from './bundled-model.ts';
export { DEFAULT_WORKSPACE_CATEGORIES, type WorkspaceCategory } from './categories.ts';
export { type Classification, type ClassifyContext, classifyWithModel, type Scored } from './classify.ts';
export {
  type EmergingIssue,
  findEmergingIssues,
  type IssueDocument,
  type IssueOptions,
} from './emerging-issues.ts';
export { detectLanguage, type LanguageCode, type LanguageGuess } from './language-detection.ts';
export type { Span } from './lexicon-matching.ts';
export { seededRandom } from './linear-training.ts';
export {
  DEFAULT_CATEGORIES,
  type DefaultCategory,
  DIALECTS,
  type Dialect,
  KINDS,
  type Kind,
  SENTIMENTS,
  type SentimentLabel,
} from './model-spec.ts';
export { normalizeArabic, normalizeForSearch, normalizeLatin } from './normalize.ts';
export {
  DEFAULT_PRIORITY_RULES,
  PRIORITIES,
  type Priority,
  type PriorityContext,
  type PriorityResult,
  type PriorityRules,
  type PriorityRulesInput,
  priorityRulesSchema,
  scorePriority,
} from './priority.ts';
export {
  indexTerms,
  type ReplyCandidate,
  type ReplySuggestion,
  suggestReplies,
} from './reply-suggestions.ts';
export { detectSignals, SIGNAL_TYPES, type Signal, type SignalType } from './signals.ts';
export { type EmojiSignal, prepareText } from './text-preparation.ts';
export { type TermVector, tfIdfVectors } from './tf-idf.ts';
export {
  COACH_CHECKS,
  type CoachCheck,
  type CoachContext,
  type CoachItem,
  type CoachReport,
  coachReply,
} from './tone-coach.ts';
export { decodeTriageModel, encodeTriageModel, type TriageModel } from './triage-model.ts';
export {
  type Correction,
  correctionSchema,
  evaluateOverlayGain,
  type OverlayGain,
  trainWorkspaceOverlay,
  type WorkspaceOverlay,
  workspaceOverlaySchema,
} from './workspace-overlay.ts';
