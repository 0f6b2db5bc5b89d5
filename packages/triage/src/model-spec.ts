// Labels and sizes that the training script and the classifier must agree on.
import {
  BASE_CATEGORIES,
  type BaseCategory,
  CASE_KINDS,
  SENTIMENTS as CASE_SENTIMENTS,
  type CaseKind,
  type Sentiment,
} from '@sada/core';
import type { HeadName } from './triage-model.ts';

export const MODEL_VERSION = 1;
/** 2^17 hashed buckets × 29 int8 outputs = 3.8 MB, stored uncompressed so loading is one read. */
export const HASH_BITS = 17;

// The label lists are the case vocabularies of @sada/core: what the model says is what a case holds.
export const KINDS = CASE_KINDS;
export type Kind = CaseKind;

export const DEFAULT_CATEGORIES = BASE_CATEGORIES;
export type DefaultCategory = BaseCategory;

export const SENTIMENTS = CASE_SENTIMENTS;
export type SentimentLabel = Sentiment;

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
