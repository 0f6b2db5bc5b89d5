// Success stories (issue 8): a resolved case with a high rating, told as problem, what was done and
// the customer's words, anonymised unless the customer lets us use their first name, and shared only
// with their consent.
//
// Routes (apps/server/src/stories/story.routes.ts), supervisors and admins:
//   POST  /api/cases/:ref/story                -> story (201; 422 without a rating of 4+, 409 when one exists)
//   GET   /api/cases/:ref/story                -> storyCandidacy (whether the case qualifies, its story)
//   GET   /api/stories?status=                 -> storyList (newest first)
//   GET   /api/stories/:id                     -> story
//   PATCH /api/stories/:id                     updateStoryRequest -> story
//   POST  /api/stories/:id/request-consent     -> story (asks the customer on their channel)
//   POST  /api/stories/:id/withdraw-consent    withdrawConsentRequest -> story (declined, on the customer's request)
//   GET   /api/stories/:id/story.md?lang=      Markdown (409 before consent)
//   GET   /api/stories/:id/card.svg?lang=      1200×630 image card (409 before consent)
// Public page (no sign-in): GET|POST /w/:workspace/story/:token (form field `answer`: yes | yes_named | no).
import { z } from 'zod';
import { localizedMessage } from './common.ts';

export const STORY_STATUSES = ['candidate', 'consent_requested', 'consented', 'declined'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** A story as the console shows it: the text as written and as it would be shared. */
export const story = z
  .object({
    id: z.string(),
    caseId: z.string(),
    referenceNumber: z.string(),
    customerName: z.string().nullable(),
    rating: z.number().int().nullable(),
    status: z.enum(STORY_STATUSES),
    problem: z.string(),
    resolution: z.string(),
    customerWords: z.string(),
    isAnonymous: z.boolean(),
    /** What would be shared: anonymised when isAnonymous, else with the customer's first name only. */
    preview: z.object({ problem: z.string(), resolution: z.string(), customerWords: z.string() }),
    consentRequestedAt: z.date().nullable(),
    consentAt: z.date().nullable(),
    consentVia: z.enum(['button', 'web']).nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SuccessStory' });
export type Story = z.infer<typeof story>;

export const storyList = z.object({ items: z.array(story) });

/** Whether a case can be marked as a story candidate now, and its story when it has one. */
export const storyCandidacy = z.object({
  canMark: z.boolean(),
  rating: z.number().int().nullable(),
  story: story.nullable(),
});

export const storyListQuery = z.strictObject({ status: z.enum(STORY_STATUSES).optional() });

const storyText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, localizedMessage(`At most ${max} characters.`, `لا يزيد على ${max} حرف.`));

export const updateStoryRequest = z
  .strictObject({
    problem: storyText(2000).optional(),
    resolution: storyText(2000).optional(),
    customerWords: storyText(1000).optional(),
    isAnonymous: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: localizedMessage('Change at least one field.', 'غيّر حقلًا واحدًا على الأقل.'),
  });
export type UpdateStoryRequest = z.infer<typeof updateStoryRequest>;

export const withdrawConsentRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, localizedMessage('Say why consent is withdrawn.', 'اذكر سبب سحب الموافقة.'))
    .max(500),
});

export const storyExportQuery = z.strictObject({ lang: z.enum(['ar', 'en']).optional() });
