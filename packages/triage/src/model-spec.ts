// Labels and sizes that the training script and the classifier must agree on.
import type { HeadName } from './triage-model.ts';

export const MODEL_VERSION = 1;
/** 2^17 hashed buckets × 29 int8 outputs = 3.8 MB, stored uncompressed so loading is one read. */
export const HASH_BITS = 17;

export const KINDS = ['complaint', 'question', 'suggestion', 'praise', 'abuse', 'spam', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export const DEFAULT_CATEGORIES = [
  'delivery',
  'product_quality',
  'billing_refunds',
  'ordering_checkout',
  'customer_service',
  'technical_problem',
  'account',
  'other',
] as const;
export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const DIALECTS = ['msa', 'gulf', 'egyptian', 'levantine', 'maghrebi'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const HEAD_LABELS: Record<HeadName, readonly string[]> = {
  sentiment: SENTIMENTS,
  abuse: ['no', 'yes'],
  complaint: ['no', 'yes'],
  spam: ['no', 'yes'],
  kind: KINDS,
  category: DEFAULT_CATEGORIES,
  dialect: DIALECTS,
};
