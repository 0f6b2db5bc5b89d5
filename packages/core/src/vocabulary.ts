// The closed vocabularies of a case. Contracts build their zod enums from these lists.
export const CHANNELS = [
  'email',
  'web_form',
  'live_chat',
  'phone',
  'walk_in',
  'x',
  'facebook',
  'instagram',
  'whatsapp',
  'telegram',
  'api',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CASE_KINDS = [
  'complaint',
  'question',
  'suggestion',
  'praise',
  'abuse',
  'spam',
  'other',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const LANGUAGES = ['ar', 'en', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages of the interface and of a workspace's replies (a case's `language` may also be `other`). */
export const UI_LANGUAGES = ['ar', 'en'] as const;

export const ROLES = ['admin', 'supervisor', 'agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const MESSAGE_VISIBILITIES = ['public', 'private'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

/** What triage looks for in a complaint besides its kind: each raises the priority. */
export const SIGNAL_TYPES = [
  'legal_threat',
  'safety_risk',
  'going_public',
  'churn_intent',
  'repeat_complaint',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

/** The categories the triage model knows; a workspace's own categories map onto them. */
export const BASE_CATEGORIES = [
  'delivery',
  'product_quality',
  'billing_refunds',
  'ordering_checkout',
  'customer_service',
  'technical_problem',
  'account',
  'other',
] as const;
export type BaseCategory = (typeof BASE_CATEGORIES)[number];

/** The tone coach's checklist for a draft reply, in the order the console shows it. */
export const COACH_CHECKS = [
  'acknowledges_problem',
  'apologises_without_excuses',
  'does_not_blame_customer',
  'offers_solution_and_time',
  'uses_customer_name',
  'stays_calm',
  'fits_channel_length',
  'not_unchanged_template',
] as const;
export type CoachCheck = (typeof COACH_CHECKS)[number];

/** The case fields triage fills in, unless a person has set them. */
export const TRIAGE_FIELDS = ['kind', 'category', 'sentiment', 'language', 'priority'] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];
