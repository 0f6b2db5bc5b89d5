// Early warnings outside the console (issue 9): e-mail and webhook subscriptions to spike alerts.
//   GET    /api/analytics/alert-subscriptions           → AlertSubscriptionList
//   POST   /api/analytics/alert-subscriptions           CreateAlertSubscription → AlertSubscription (+ secret once)
//   PATCH  /api/analytics/alert-subscriptions/:id       UpdateAlertSubscription → AlertSubscription
//   DELETE /api/analytics/alert-subscriptions/:id       → 204
//   POST   /api/analytics/alert-subscriptions/:id/test  → WebhookTestResult
//   POST   /api/analytics/alert-subscriptions/:id/rotate-secret → WebhookWithSecret (the new secret once)
import { z } from 'zod';
import { uuid } from './common.ts';

/** The newest attempt to deliver an alert to a subscription; its error in the reader's language. */
export const alertDeliveryStatus = z
  .object({
    status: z.enum(['pending', 'sent', 'failed', 'skipped']),
    attemptedAt: z.date().nullable(),
    sentAt: z.date().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'AlertDeliveryStatus' });

const subscriptionBase = {
  id: z.string(),
  isEnabled: z.boolean(),
  createdAt: z.date(),
  lastDelivery: alertDeliveryStatus.nullable(),
};

/** A user who hears of spike alerts by e-mail, or an outgoing webhook. */
export const alertSubscription = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('email'),
      ...subscriptionBase,
      user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    }),
    z.object({ kind: z.literal('webhook'), ...subscriptionBase, url: z.string() }),
  ])
  .meta({ id: 'AlertSubscription' });
export type AlertSubscription = z.output<typeof alertSubscription>;

export const alertSubscriptionList = z
  .object({
    /** Whether the reader gets spike alerts by e-mail. */
    isSubscribed: z.boolean(),
    /** Whether the reader manages others' subscriptions and the webhooks (admins). */
    canManage: z.boolean(),
    /** The reader's own subscription; for admins every subscription of the workspace. */
    items: z.array(alertSubscription),
  })
  .meta({ id: 'AlertSubscriptionList' });
export type AlertSubscriptionList = z.output<typeof alertSubscriptionList>;

export const createAlertSubscriptionRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('email'),
      /** Someone else (admins only); default yourself. */
      userId: uuid.optional(),
    }),
    z.strictObject({
      kind: z.literal('webhook'),
      url: z.string().trim().min(1).max(2000),
    }),
  ])
  .meta({ id: 'CreateAlertSubscription' });
export type CreateAlertSubscriptionRequest = z.input<typeof createAlertSubscriptionRequest>;

/** A webhook with its signing secret, shown this once: when it is added or its secret is replaced. */
export const webhookWithSecret = alertSubscription.options[1]
  .extend({ secret: z.string().describe('HMAC-SHA256 key of X-Sada-Signature; shown only now') })
  .meta({ id: 'WebhookWithSecret' });
export type WebhookWithSecret = z.output<typeof webhookWithSecret>;

/** A new webhook carries its signing secret, shown this once. */
export const createdAlertSubscription = z
  .discriminatedUnion('kind', [alertSubscription.options[0], webhookWithSecret])
  .meta({ id: 'CreatedAlertSubscription' });
export type CreatedAlertSubscription = z.output<typeof createdAlertSubscription>;

export const updateAlertSubscriptionRequest = z
  .strictObject({
    isEnabled: z.boolean().optional(),
    /** Webhooks only. */
    url: z.string().trim().min(1).max(2000).optional(),
  })
  .meta({ id: 'UpdateAlertSubscription' });
export type UpdateAlertSubscriptionRequest = z.input<typeof updateAlertSubscriptionRequest>;

export const webhookTestResult = z
  .object({
    isDelivered: z.boolean(),
    /** The receiver's HTTP status, when it answered. */
    httpStatus: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'WebhookTestResult' });
export type WebhookTestResult = z.output<typeof webhookTestResult>;

/** The JSON an outgoing webhook receives for a spike alert (signed: X-Sada-Signature: sha256=<hex>). */
export const spikeWebhookPayload = z
  .object({
    type: z.literal('analytics.spike'),
    id: z.string(),
    workspace: z.string(),
    field: z.enum(['category', 'product', 'channel']),
    value: z.string(),
    hour: z.string().describe('Start of the hour, ISO 8601 UTC'),
    count: z.number().int(),
    usual: z.number(),
    examples: z.array(
      z.object({ reference: z.string(), channel: z.string(), text: z.string(), url: z.string() }),
    ),
  })
  .meta({ id: 'SpikeWebhookPayload' });
export type SpikeWebhookPayload = z.output<typeof spikeWebhookPayload>;
