import {
  BASE_CATEGORIES,
  CASE_KINDS,
  COACH_CHECKS,
  PRIORITIES,
  SENTIMENTS,
  SIGNAL_TYPES,
  TRIAGE_FIELDS,
} from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

const confidence = z.number().min(0).max(1);
const bilingual = z.object({ ar: z.string(), en: z.string() });

/** Where a piece of text is: offsets into the text triage read, and the words themselves. */
export const textSpan = z
  .object({ text: z.string(), start: z.number().int(), end: z.number().int() })
  .meta({ id: 'TextSpan' });

export const triageSignal = z
  .object({
    type: z.enum(SIGNAL_TYPES),
    confidence,
    triggers: z.array(textSpan),
    fromHistory: z.boolean(),
    /** The text the triggers are in: the case's own (null) or an inbound message's. */
    messageId: uuid.nullable(),
  })
  .meta({ id: 'TriageSignal' });

/**
 * What triage made of a case: the classification of the text that last changed it, the signals of
 * every text so far, and the priority with its reason in both languages.
 */
export const caseTriage = z
  .object({
    /** The text it read: the case's own subject and description (`messageId` null) or an inbound message. */
    source: z.object({ messageId: uuid.nullable(), text: z.string() }),
    /** The text kind and category were read from (the first that said what the case is about). */
    basis: z.object({ messageId: uuid.nullable(), text: z.string() }),
    modelVersion: z.string(),
    classifiedAt: z.date(),
    language: z.object({
      code: z.enum(['ar', 'en', 'other']),
      confidence,
      script: z.string(),
      isMixed: z.boolean(),
    }),
    dialect: z.object({ label: z.string(), confidence }).nullable(),
    kind: z.object({ label: z.enum(CASE_KINDS), confidence }),
    sentiment: z.object({ label: z.enum(SENTIMENTS), confidence, score: z.number() }),
    category: z.object({ id: z.string(), confidence }),
    signals: z.array(triageSignal),
    hasAbusiveLanguage: z.boolean(),
    abusiveSpans: z.array(textSpan),
    priority: z.object({
      level: z.enum(PRIORITIES),
      points: z.number(),
      reasons: z.array(z.object({ code: z.string(), points: z.number(), ar: z.string(), en: z.string() })),
      summary: bilingual,
    }),
    /** Fields a person set: triage leaves them alone. */
    lockedFields: z.array(z.enum(TRIAGE_FIELDS)),
  })
  .meta({ id: 'CaseTriage' });
export type CaseTriage = z.infer<typeof caseTriage>;

/** A category of the workspace: the model's default ones, renamed, merged or extended. */
export const triageCategory = z
  .strictObject({
    id: z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        localizedMessage(
          'Use lower-case letters, digits and _ (for example delivery or late_refund).',
          'استخدم أحرفًا لاتينية صغيرة وأرقامًا و _ (مثل delivery أو late_refund).',
        ),
      ),
    names: z.strictObject({ ar: nonEmptyText(100), en: nonEmptyText(100) }),
    basedOn: z
      .array(z.enum(BASE_CATEGORIES))
      .max(BASE_CATEGORIES.length)
      .optional()
      .describe('Default categories whose probability flows into this one'),
    keywords: z.array(nonEmptyText(100)).max(200).optional().describe('Words that point at this category'),
  })
  .meta({ id: 'TriageCategory' });

/** An OpenAI-compatible chat-completions endpoint that drafts replies and summarises threads. */
export const assistantSettings = z
  .object({
    isEnabled: z.boolean(),
    baseUrl: z.string(),
    model: z.string(),
    /** The key is stored encrypted and never sent back; this says whether one is set. */
    hasApiKey: z.boolean(),
  })
  .meta({ id: 'AssistantSettings' });

/** Accuracy on one field of the held-out corrections, with the base model and with the adaptation. */
const heldOutAccuracy = z.object({
  heldOut: z.number(),
  baseAccuracy: z.number(),
  adaptedAccuracy: z.number(),
});

/** What adapting to a workspace's corrections gained, measured on the corrections held out of training. */
export const adaptationGain = z
  .object({ heldOut: z.number().int(), kind: heldOutAccuracy, category: heldOutAccuracy })
  .meta({ id: 'AdaptationGain' });

export const triageSettings = z
  .object({
    /** Off: new cases and messages are not classified (their fields stay as given). */
    isAutomatic: z.boolean(),
    categories: z.array(triageCategory),
    /** Priority rules after defaults were applied (see packages/triage README for each rule). */
    priorityRules: z.record(z.string(), z.unknown()),
    assistant: assistantSettings,
    model: z.object({
      baseVersion: z.string(),
      /** When this workspace's corrections last adapted the model, and what that gained. */
      adaptation: z
        .object({
          trainedAt: z.date(),
          corrections: z.number().int(),
          gain: adaptationGain,
        })
        .nullable(),
      pendingCorrections: z.number().int(),
    }),
  })
  .meta({ id: 'TriageSettings' });
export type TriageSettings = z.infer<typeof triageSettings>;

export const updateTriageSettingsRequest = z.strictObject({
  isAutomatic: z.boolean().optional(),
  categories: z
    .array(triageCategory)
    .min(1)
    .max(100)
    .optional()
    .refine(
      (list) => !list || new Set(list.map((category) => category.id)).size === list.length,
      localizedMessage('Each category needs its own id.', 'يجب أن يكون لكل فئة معرّف خاص بها.'),
    ),
  priorityRules: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Only the rules to change; the others keep their defaults'),
  assistant: z
    .strictObject({
      isEnabled: z.boolean().optional(),
      baseUrl: z
        .url(
          localizedMessage(
            'Give the full address of the API, e.g. https://api.openai.com/v1',
            'اكتب العنوان الكامل للواجهة، مثل https://api.openai.com/v1',
          ),
        )
        .max(500)
        .optional(),
      model: z.string().trim().min(1).max(200).optional(),
      apiKey: z.string().max(500).nullable().optional().describe('null removes the stored key'),
    })
    .optional(),
});

export const coachRequest = z.strictObject({
  draft: z.string().max(20_000),
  referenceNumber: z.string().max(40).optional().describe('The case the draft answers (context)'),
  visibility: z.enum(['public', 'private']).default('public'),
});

export const coachReport = z
  .object({
    items: z.array(
      z.object({
        check: z.enum(COACH_CHECKS),
        status: z.enum(['pass', 'fail', 'not_applicable']),
        spans: z.array(textSpan),
        suggestion: bilingual,
      }),
    ),
    passed: z.number().int(),
    applicable: z.number().int(),
  })
  .meta({ id: 'CoachReport' });

export const replySuggestion = z
  .object({
    source: z.enum(['template', 'case']),
    id: z.string(),
    /** The template's name, or the reference number of the resolved case. */
    title: z.string(),
    body: z.string(),
    score: z.number(),
  })
  .meta({ id: 'ReplySuggestion' });
export const replySuggestionList = z.object({ items: z.array(replySuggestion) });

export const assistantText = z.object({ text: z.string(), model: z.string() }).meta({ id: 'AssistantText' });

export const retrainResult = adaptationGain
  .extend({ corrections: z.number().int() })
  .meta({ id: 'RetrainResult' });

export const classifyRequest = z.strictObject({ text: nonEmptyText(20_000) });

export const triageCorrection = z
  .object({
    id: uuid,
    caseId: uuid,
    field: z.enum(['kind', 'category']),
    predicted: z.string(),
    corrected: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'TriageCorrection' });
