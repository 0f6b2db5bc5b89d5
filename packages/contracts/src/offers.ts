// Solution offers (issue 8): one to three options the customer chooses from, on their channel
// (buttons) or on a signed web page.
//
// Routes (apps/server/src/offers/offer.routes.ts):
//   POST /api/cases/:ref/offers        agent+  createOfferRequest -> offer (201)
//        (sent at once, or pending_approval while a compensation above the limit waits)
//   GET  /api/cases/:ref/offers        agent+  -> offerList (newest first)
//   POST /api/offers/:id/withdraw      agent+  -> offer (pending_approval or sent only)
//   POST /api/offers/:id/choose        agent+  chooseOfferRequest -> offer (the customer chose by phone)
// Public page (no sign-in): GET|POST /w/:workspace/offer/:token (form field `optionId`).
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';
import {
  COMPENSATION_STATUSES,
  COMPENSATION_TYPES,
  checkCompensationAmount,
  currencyCode,
} from './compensation.ts';

export const OFFER_STATUSES = [
  'pending_approval',
  'sent',
  'chosen',
  'withdrawn',
  'rejected',
  'expired',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_OPTION_IDS = ['1', '2', '3'] as const;
export const OFFER_CHOSEN_VIA = ['button', 'web', 'agent'] as const;

/** A step the chosen option starts on the case's resolution plan. */
export const offerPlanStep = z
  .strictObject({
    title: nonEmptyText(200),
    dueInDays: z
      .number()
      .int()
      .min(0, localizedMessage('Due in 0 to 365 days.', 'الاستحقاق خلال 0 إلى 365 يومًا.'))
      .max(365, localizedMessage('Due in 0 to 365 days.', 'الاستحقاق خلال 0 إلى 365 يومًا.')),
    isCustomerVisible: z.boolean().default(false),
  })
  .meta({ id: 'OfferPlanStep' });

export const offerOptionInput = z
  .strictObject({
    type: z.enum(COMPENSATION_TYPES),
    amount: z.number().min(0).max(1_000_000_000).nullable().optional(),
    currency: currencyCode.nullable().optional(),
    description: nonEmptyText(500).describe('What the customer reads'),
    plan: z.array(offerPlanStep).max(10).default([]),
  })
  .superRefine(checkCompensationAmount);

export const createOfferRequest = z.strictObject({
  message: z.string().trim().max(2000).default('').describe('Said to the customer before the options'),
  options: z
    .array(offerOptionInput)
    .min(1, localizedMessage('Offer at least one option.', 'اعرض خيارًا واحدًا على الأقل.'))
    .max(3, localizedMessage('Offer at most three options.', 'اعرض ثلاثة خيارات على الأكثر.')),
  expiresInDays: z
    .number()
    .int()
    .min(1, localizedMessage('An offer lasts 1 to 30 days.', 'يبقى العرض من يوم إلى 30 يومًا.'))
    .max(30, localizedMessage('An offer lasts 1 to 30 days.', 'يبقى العرض من يوم إلى 30 يومًا.'))
    .default(7),
});
export type CreateOfferRequest = z.output<typeof createOfferRequest>;

export const offerOption = z
  .object({
    id: z.enum(OFFER_OPTION_IDS),
    type: z.enum(COMPENSATION_TYPES),
    amount: z.number().nullable(),
    currency: z.string().nullable(),
    description: z.string(),
    plan: z.array(
      z.object({ title: z.string(), dueInDays: z.number().int(), isCustomerVisible: z.boolean() }),
    ),
    compensationStatus: z
      .enum(COMPENSATION_STATUSES)
      .nullable()
      .describe("The option's compensation (monetary types only)"),
  })
  .meta({ id: 'OfferOption' });
export type OfferOption = z.output<typeof offerOption>;

export const offer = z
  .object({
    id: uuid,
    caseId: uuid,
    status: z.enum(OFFER_STATUSES),
    message: z.string(),
    options: z.array(offerOption),
    chosenOptionId: z.enum(OFFER_OPTION_IDS).nullable(),
    chosenAt: z.date().nullable(),
    chosenVia: z.enum(OFFER_CHOSEN_VIA).nullable(),
    createdBy: z.object({ id: uuid, name: z.string() }),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
    url: z.string().describe("The customer's signed page (absolute)"),
  })
  .meta({ id: 'Offer' });
export type Offer = z.output<typeof offer>;

export const offerList = z.object({ items: z.array(offer) });

export const chooseOfferRequest = z.strictObject({
  optionId: z.enum(OFFER_OPTION_IDS, {
    error: localizedMessage('Choose option 1, 2 or 3.', 'اختر الخيار 1 أو 2 أو 3.'),
  }),
});
