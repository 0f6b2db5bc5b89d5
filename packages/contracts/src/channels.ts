// The owned channels: public complaint form, case status page, live-chat widget and e-mail.
// Console (admin) shapes first, then what the public endpoints under /api/public/:workspace take and answer.
import { CASE_STATUSES, CHANNELS, UI_LANGUAGES } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';
import { publicPlanStep } from './plans.ts';

export const localizedText = (max: number) =>
  z.strictObject({ ar: z.string().trim().max(max), en: z.string().trim().max(max) });

/** The standard fields of the complaint form an admin may show, hide or require. */
export const FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'orderReference',
  'product',
  'category',
  'region',
  'attachments',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export const FIELD_RULES = ['hidden', 'optional', 'required'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** Limits of a customer's files (form, status page, chat). Type is judged by content, not by name. */
export const PUBLIC_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export const PUBLIC_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const PUBLIC_ATTACHMENT_MAX_COUNT = 5;

const origin = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/[^/\s]+$/,
    localizedMessage(
      'Write an origin such as https://shop.example.com (no path).',
      'اكتب أصلًا مثل https://shop.example.com (دون مسار).',
    ),
  );

export const complaintFormSettings = z.strictObject({
  isEnabled: z.boolean(),
  title: localizedText(200),
  intro: localizedText(2000),
  fields: z.strictObject(
    Object.fromEntries(FORM_FIELDS.map((field) => [field, z.enum(FIELD_RULES)])) as Record<
      FormField,
      z.ZodEnum<{ hidden: 'hidden'; optional: 'optional'; required: 'required' }>
    >,
  ),
  /** Products the customer picks from; empty: a free-text product field when shown. */
  products: z
    .array(
      z.strictObject({ id: z.string().trim().min(1).max(80), ar: nonEmptyText(200), en: nonEmptyText(200) }),
    )
    .max(200),
  /** Triage category ids offered on the form; empty: every category of the workspace. */
  categories: z.array(z.string().trim().min(1).max(80)).max(100),
  /** Keys of the workspace's custom fields the form asks for. */
  customFields: z.array(z.string().trim().min(1).max(64)).max(30),
  /** Sites allowed to embed the form and the chat widget; empty: any site. */
  embedOrigins: z.array(origin).max(50),
});
export type ComplaintFormSettings = z.infer<typeof complaintFormSettings>;

/** A captcha checked through a siteverify endpoint (Turnstile, hCaptcha and reCAPTCHA all speak it). */
export const captchaSettings = z.strictObject({
  provider: z.enum(['turnstile', 'hcaptcha', 'recaptcha']),
  siteKey: nonEmptyText(200),
  /** Overrides the provider's siteverify URL (tests, self-hosted). */
  verifyUrl: z.url().max(500).nullable(),
  hasSecret: z.boolean(),
});

export const emailSettings = z.strictObject({
  /** Mail to any address of this domain becomes a case of the workspace (also WORKSPACE@server host). */
  inboundDomain: z.string().trim().toLowerCase().max(253).nullable(),
  /** Replies and acknowledgements are sent from this address; null: WORKSPACE@server host. */
  fromAddress: z.email().max(254).nullable(),
  fromName: localizedText(200),
});

export const chatSettings = z.strictObject({
  isEnabled: z.boolean(),
  greeting: localizedText(500),
  /** #rrggbb */
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const acknowledgementSettings = z.strictObject({
  isEnabled: z.boolean(),
  subject: localizedText(300),
  /** Variables: {{customer.name}}, {{customer.first_name}}, {{case.reference}}, {{case.subject}}, {{case.expected_response}}, {{case.status_url}}, {{workspace.name}}. */
  body: localizedText(5000),
});

const outOfHoursMessage = z.strictObject({ subject: localizedText(300), body: localizedText(5000) });

/**
 * The acknowledgement sent instead when a case arrives while the desk is closed (the workspace's or
 * the team's business calendar). Variables: those of the acknowledgement, and {{hours}} (the opening
 * hours in a line), {{opens_at}} (when it opens next).
 */
export const outOfHoursSettings = outOfHoursMessage.extend({
  /** A channel's own wording; a channel not listed gets the text above. */
  byChannel: z.partialRecord(z.enum(CHANNELS), outOfHoursMessage).default({}),
});

export const channelSettings = z
  .strictObject({
    form: complaintFormSettings,
    captcha: captchaSettings.nullable(),
    email: emailSettings,
    chat: chatSettings,
    acknowledgement: acknowledgementSettings,
    outOfHours: outOfHoursSettings,
    /** Sent when a case reaches a team (teams may switch it off). Variables: {{case.reference}}, {{team.name}}, {{case.expected_response}}, {{customer.first_name}}, {{workspace.name}}. */
    routingNotice: acknowledgementSettings,
    /** What the customer is told to expect until SLA policies say more. */
    expectedResponseHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
  })
  .meta({ id: 'ChannelSettings' });
export type ChannelSettings = z.infer<typeof channelSettings>;

export const updateChannelSettingsRequest = z.strictObject({
  form: complaintFormSettings.partial().optional(),
  captcha: z
    .strictObject({
      provider: captchaSettings.shape.provider,
      siteKey: captchaSettings.shape.siteKey,
      verifyUrl: captchaSettings.shape.verifyUrl.optional(),
      /** Write-only; omit to keep the stored one. */
      secret: z.string().min(1).max(500).optional(),
    })
    .nullable()
    .optional(),
  email: emailSettings.partial().optional(),
  chat: chatSettings.partial().optional(),
  acknowledgement: acknowledgementSettings.partial().optional(),
  outOfHours: outOfHoursSettings.partial().optional(),
  routingNotice: acknowledgementSettings.partial().optional(),
  expectedResponseHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});

/**
 * A channel failure as people read it: a stable code (window_closed, too_long, auth, permission,
 * rate_limited, unreachable, invalid_request, rejected_recipient, platform_error …) and the same
 * sentence in English and Arabic, the platform's own words quoted verbatim inside both.
 */
export const channelFailure = z
  .object({ code: z.string(), en: z.string(), ar: z.string() })
  .meta({ id: 'ChannelFailure' });

export const CHANNEL_ERROR_SOURCES = ['webhook', 'send', 'poll', 'test', 'mailbox'] as const;

/** One entry of a social account's or a mailbox's error log. */
export const channelErrorEntry = z
  .object({
    id: uuid,
    occurredAt: z.date(),
    source: z.enum(CHANNEL_ERROR_SOURCES),
    /** How often it happened within a minute of `occurredAt` (badly signed webhooks are counted, not listed). */
    occurrences: z.number().int(),
    error: channelFailure,
    /** What it was about, e.g. `referenceNumber` and `messageId` of a failed send. */
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ChannelErrorEntry' });

/** An error log, newest first (the last 50 are kept). */
export const channelErrorLog = z.object({ items: z.array(channelErrorEntry) });

/** An IMAP mailbox Sada reads new mail from. The password is write-only. */
export const mailbox = z
  .object({
    id: uuid,
    host: z.string(),
    port: z.number().int(),
    isSecure: z.boolean(),
    username: z.string(),
    folder: z.string(),
    isEnabled: z.boolean(),
    lastPolledAt: z.date().nullable(),
    lastError: channelFailure.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Mailbox' });

export const createMailboxRequest = z.strictObject({
  host: nonEmptyText(253),
  port: z.number().int().min(1).max(65535).default(993),
  isSecure: z.boolean().default(true),
  username: nonEmptyText(254),
  password: z.string().min(1).max(500),
  folder: nonEmptyText(200).default('INBOX'),
  isEnabled: z.boolean().default(true),
});
export const updateMailboxRequest = createMailboxRequest.partial();

/** Where an outbound message stands on its way to the customer. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export const delivery = z
  .object({
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastError: channelFailure.nullable(),
    nextAttemptAt: z.date().nullable(),
    sentAt: z.date().nullable(),
  })
  .meta({ id: 'Delivery' });

// ---- public endpoints (no sign-in) ----

export const publicLanguage = z.enum(UI_LANGUAGES);

/** What the complaint form shows: the workspace's choices, in both languages. */
export const publicFormConfig = z.object({
  workspace: z.object({ slug: z.string(), name: z.string(), defaultLanguage: publicLanguage }),
  title: localizedText(200),
  intro: localizedText(2000),
  fields: complaintFormSettings.shape.fields,
  products: complaintFormSettings.shape.products,
  categories: z.array(z.object({ id: z.string(), ar: z.string(), en: z.string() })),
  customFields: z.array(
    z.object({
      key: z.string(),
      labelAr: z.string(),
      labelEn: z.string(),
      type: z.string(),
      isRequired: z.boolean(),
      options: z.array(z.string()),
    }),
  ),
  captcha: z.object({ provider: z.string(), siteKey: z.string() }).nullable(),
  attachments: z.object({ types: z.array(z.string()), maxBytes: z.number(), maxCount: z.number() }),
  expectedResponseHours: z.number(),
});
export type PublicFormConfig = z.infer<typeof publicFormConfig>;

/** The complaint form's fields (JSON, or multipart with files under `attachments`). */
export const publicComplaintRequest = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(
      /^\+?[0-9 ()-]{6,20}$/,
      localizedMessage(
        'Write a phone number with digits only, e.g. +966 5x xxx xxxx.',
        'اكتب رقم هاتف بالأرقام فقط، مثل ‎+966 5x xxx xxxx.',
      ),
    )
    .optional(),
  subject: z.string().trim().max(300).optional(),
  description: nonEmptyText(20_000),
  orderReference: z.string().trim().max(100).optional(),
  product: z.string().trim().max(200).optional(),
  category: z.string().trim().max(80).optional(),
  region: z.string().trim().max(100).optional(),
  customFields: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
    .optional(),
  language: publicLanguage.optional(),
  /** Honeypot: people leave it empty; a bot that fills it is refused. */
  website: z.string().max(500).optional(),
  captchaToken: z.string().max(4000).optional(),
  /** The form's one-time id: a resubmitted form returns the first answer and opens nothing new. */
  submissionId: z.string().trim().min(8).max(100).optional(),
});
export type PublicComplaintRequest = z.infer<typeof publicComplaintRequest>;

export const publicComplaintResponse = z.object({
  reference: z.string(),
  statusUrl: z.string(),
  expectedResponseBy: z.date(),
});

export const statusLookupRequest = z.strictObject({
  reference: nonEmptyText(40),
  /** The e-mail address or phone number given with the complaint. */
  contact: nonEmptyText(254),
});

export const publicAttachment = z.object({
  id: uuid,
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
});

/** What the customer sees of a case: never internal notes, never agents' names unless they replied. */
export const publicCaseView = z.object({
  reference: z.string(),
  subject: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.date(),
  /** When the customer can expect an answer (null once answered and waiting for them, or closed). */
  expectedResponseBy: z.date().nullable(),
  updates: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      kind: z.enum(['message', 'status']),
      from: z.enum(['customer', 'team']),
      body: z.string().nullable(),
      status: z.enum(CASE_STATUSES).nullable(),
      attachments: z.array(publicAttachment),
    }),
  ),
  /** The customer-visible steps of the resolution plan, in order. */
  plan: z.array(publicPlanStep).optional(),
  /** The satisfaction survey's page while it waits for the customer's answer, else null. */
  surveyUrl: z.string().nullable().optional(),
});
export type PublicCaseView = z.infer<typeof publicCaseView>;

export const statusLookupResponse = z.object({
  token: z.string(),
  statusUrl: z.string(),
  case: publicCaseView,
});

export const publicMessageRequest = z.strictObject({
  body: z.string().trim().max(20_000).default(''),
  /** Makes a retried send store the message once. */
  clientMessageId: z.string().trim().min(8).max(100).optional(),
});

export const chatConfig = z.object({
  isEnabled: z.boolean(),
  workspaceName: z.string(),
  defaultLanguage: publicLanguage,
  greeting: localizedText(500),
  accentColor: z.string(),
  isAgentAvailable: z.boolean(),
  expectedResponseHours: z.number(),
  attachments: publicFormConfig.shape.attachments,
});

export const startChatRequest = z.strictObject({
  name: nonEmptyText(200),
  email: z.email().max(254),
  topic: z.string().trim().max(300).default(''),
  message: z.string().trim().max(20_000).optional(),
  language: publicLanguage.optional(),
  website: z.string().max(500).optional(),
});

export const chatMessage = z.object({
  id: uuid,
  from: z.enum(['customer', 'agent']),
  authorName: z.string().nullable(),
  body: z.string(),
  attachments: z.array(publicAttachment),
  createdAt: z.date(),
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const chatSession = z.object({
  token: z.string(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  isAgentAvailable: z.boolean(),
  /** No agent online: the conversation goes on by e-mail, answered by then. */
  expectedResponseBy: z.date().nullable(),
  messages: z.array(chatMessage),
});

/** Server-to-widget events on GET /api/public/:workspace/chats/current/socket?token=… */
export const chatEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: chatMessage }),
  z.object({ type: z.literal('typing'), isTyping: z.boolean(), name: z.string().nullable() }),
  z.object({ type: z.literal('availability'), isAgentAvailable: z.boolean() }),
  z.object({ type: z.literal('status'), status: z.enum(CASE_STATUSES) }),
]);
export type ChatEvent = z.infer<typeof chatEvent>;

/** Widget-to-server: the customer is typing (repeat every few seconds while typing). */
export const chatCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('typing'), isTyping: z.boolean() }),
]);
