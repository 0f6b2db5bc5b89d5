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
