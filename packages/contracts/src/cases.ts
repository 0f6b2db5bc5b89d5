import {
  CASE_EVENT_TYPES,
  CASE_KINDS,
  CASE_STATUSES,
  CHANNELS,
  LANGUAGES,
  MESSAGE_DIRECTIONS,
  MESSAGE_VISIBILITIES,
  PRIORITIES,
  SENTIMENTS,
} from '@sada/core';
import { z } from 'zod';
import { delivery } from './channels.ts';

/** Why an agent hid a public comment; a legitimate complaint is never hidden or deleted. */
export const MODERATION_REASONS = ['abuse', 'spam', 'personal_data', 'other'] as const;

import { isoDate, listParam, localizedMessage, nonEmptyText, uuid } from './common.ts';
import { identityInput } from './customers.ts';
import { caseSurvey } from './follow-up.ts';
import { caseSlaClock } from './sla.ts';
import { caseTriage } from './triage.ts';

const tag = z.string().trim().min(1).max(50);
const shortText = z.string().trim().max(200);
const customFields = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
);

export const attachment = z
  .strictObject({
    name: nonEmptyText(255),
    contentType: z
      .string()
      .regex(
        /^[\w.+-]+\/[\w.+-]+$/,
        localizedMessage('Use a MIME type such as image/png.', 'استخدم نوع MIME مثل image/png.'),
      ),
    size: z
      .number()
      .int()
      .min(0)
      .max(100 * 1024 * 1024),
    url: z.url().max(2000).optional(),
  })
  .meta({ id: 'Attachment' });

/** A file Sada stores (from a customer, or uploaded by an agent): downloaded from `url` when signed in. */
export const storedAttachment = z
  .object({
    id: uuid,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    url: z.string(),
  })
  .meta({ id: 'StoredAttachment' });

export const caseSummary = z
  .object({
    id: uuid,
    referenceNumber: z.string(),
    subject: z.string(),
    status: z.enum(CASE_STATUSES),
    channel: z.enum(CHANNELS),
    kind: z.enum(CASE_KINDS),
    category: z.string().nullable(),
    product: z.string().nullable(),
    orderReference: z.string().nullable(),
    region: z.string().nullable(),
    priority: z.enum(PRIORITIES),
    sentiment: z.enum(SENTIMENTS).nullable(),
    language: z.enum(LANGUAGES).nullable(),
    teamId: uuid.nullable(),
    assigneeId: uuid.nullable(),
    customerId: uuid.nullable(),
    customerName: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CaseSummary' });

export const message = z
  .object({
    id: uuid,
    direction: z.enum(MESSAGE_DIRECTIONS),
    visibility: z.enum(MESSAGE_VISIBILITIES),
    channel: z.enum(CHANNELS),
    body: z.string(),
    authorUserId: uuid.nullable(),
    authorCustomerId: uuid.nullable(),
    /** Links the agent gave (url) and files Sada stores (id and url). */
    attachments: z.array(attachment.extend({ id: uuid.optional(), url: z.string().optional() })),
    /** Outbound messages sent through a channel (e-mail today): where the sending stands. */
    delivery: delivery.nullable(),
    /** Written by Sada itself (an acknowledgement), not by a person. */
    isAutomatic: z.boolean(),
    /** A public comment hidden on its platform by an agent, and why. */
    moderation: z
      .object({
        isHidden: z.boolean(),
        reason: z.enum(MODERATION_REASONS),
        note: z.string().nullable(),
        at: z.date(),
      })
      .nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Message' });

export const caseEvent = z
  .object({
    id: z.number().int(),
    type: z.enum(CASE_EVENT_TYPES),
    actorUserId: uuid.nullable(),
    actorLabel: z.string(),
    changes: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
  })
  .meta({ id: 'CaseEvent' });

export const caseDetail = caseSummary
  .extend({
    description: z.string(),
    customFields: z.record(z.string(), z.unknown()),
    resolvedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    /** When a person first replied to the customer (acknowledgements do not count); null until then. */
    firstResponseAt: z.date().nullable(),
    messages: z.array(message),
    timeline: z.array(caseEvent),
    /** null until triage has read the case (a moment after it arrives). */
    triage: caseTriage.nullable(),
    /** Social cases: whether the conversation is public (comments, mentions) or private (messages). */
    conversationScope: z.enum(['public', 'private']).nullable(),
    /** Move to private: when the invitation went out, and when the customer took it (wrote privately). */
    privateMove: z.object({ at: z.date(), acceptedAt: z.date().nullable() }).nullable(),
    /**
     * Social private conversations: whether a free-form reply can still go out. `open` within the
     * platform's window, `extended` within a longer one (Messenger's human-agent tag), `closed` after
     * both (then `canSendTemplate` says whether an approved template may go instead); null elsewhere.
     */
    replyWindow: z
      .object({
        state: z.enum(['open', 'extended', 'closed']),
        closesAt: z.date().nullable(),
        canSendTemplate: z.boolean(),
      })
      .nullable(),
    /** The case's SLA clocks, once a policy applies (empty otherwise). */
    sla: z.array(caseSlaClock),
    /** The case's latest satisfaction survey; null before the case was first resolved. */
    survey: caseSurvey.nullable().optional(),
  })
  .meta({ id: 'Case' });

/** A WhatsApp message template approved in Meta's WhatsApp Manager, with its body parameters in order. */
export const sendTemplateRequest = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, {
    message: localizedMessage(
      'A template name is lower-case letters, digits and underscores, as in WhatsApp Manager (e.g. case_update).',
      'اسم القالب حروف لاتينية صغيرة وأرقام وشرطات سفلية كما في WhatsApp Manager (مثل case_update).',
    ),
  }),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, {
    message: localizedMessage(
      "The language is the template's language code, such as ar, en or en_US.",
      'اللغة هي رمز لغة القالب، مثل ar أو en أو en_US.',
    ),
  }),
  parameters: z.array(nonEmptyText(1024)).max(20).default([]),
});
export type SendTemplateRequest = z.infer<typeof sendTemplateRequest>;

export const hideMessageRequest = z.strictObject({
  isHidden: z.boolean().default(true),
  reason: z.enum(MODERATION_REASONS),
  note: z.string().trim().max(500).optional(),
});

export const moveToPrivateRequest = z.strictObject({
  /** The public reply inviting the customer to continue privately; default: the workspace's text in the case's language. */
  body: z.string().trim().min(1).max(2000).optional(),
});

export const createCaseRequest = z.strictObject({
  subject: nonEmptyText(300),
  description: z.string().max(50_000).default(''),
  channel: z.enum(CHANNELS).default('phone'),
  kind: z
    .enum(CASE_KINDS)
    .optional()
    .describe('complaint when absent; triage may change what was not given (see CaseTriage)'),
  category: shortText.optional(),
  product: shortText.optional(),
  orderReference: shortText.optional(),
  region: shortText.optional(),
  priority: z
    .enum(PRIORITIES)
    .optional()
    .describe('P3 when absent; triage may change what was not given (see CaseTriage)'),
  sentiment: z.enum(SENTIMENTS).optional(),
  language: z.enum(LANGUAGES).optional(),
  teamId: uuid.optional(),
  assigneeId: uuid.optional(),
  tags: z.array(tag).max(50).default([]),
  customFields: customFields.default({}),
  customer: z
    .strictObject({
      id: uuid.optional(),
      name: nonEmptyText(200).optional(),
      email: z.email().max(320).optional(),
      phone: z.string().trim().max(40).optional(),
      identity: identityInput.optional(),
    })
    .optional()
    .describe('An existing customer by id, or found or created by identity (then e-mail, then phone).'),
});

export const updateCaseRequest = z.strictObject({
  subject: nonEmptyText(300).optional(),
  description: z.string().max(50_000).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  category: shortText.nullable().optional(),
  product: shortText.nullable().optional(),
  orderReference: shortText.nullable().optional(),
  region: shortText.nullable().optional(),
  priority: z.enum(PRIORITIES).optional(),
  sentiment: z.enum(SENTIMENTS).nullable().optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  customFields: customFields.optional(),
  customerId: uuid.optional(),
});

export const transitionRequest = z.strictObject({
  to: z.enum(CASE_STATUSES),
  reason: z.string().trim().max(1000).optional(),
});

export const assignRequest = z
  .strictObject({ teamId: uuid.nullable().optional(), assigneeId: uuid.nullable().optional() })
  .refine((body) => body.teamId !== undefined || body.assigneeId !== undefined, {
    message: localizedMessage(
      'Give teamId, assigneeId or both (null clears).',
      'أرسل teamId أو assigneeId أو كليهما (القيمة null تلغي الإسناد).',
    ),
  });

export const addMessageRequest = z
  .strictObject({
    type: z
      .enum(['reply', 'note', 'inbound'])
      .describe('reply: to the customer; note: internal; inbound: log what the customer said'),
    visibility: z.enum(MESSAGE_VISIBILITIES).default('public'),
    body: nonEmptyText(50_000),
    attachments: z.array(attachment).max(20).default([]),
    mentions: z
      .array(uuid)
      .max(20)
      .default([])
      .describe('Users to notify (@mentions); only in internal notes'),
  })
  .refine((body) => body.type === 'note' || body.mentions.length === 0, {
    path: ['mentions'],
    message: localizedMessage(
      'Only internal notes can mention colleagues; send mentions with type "note".',
      'الإشارة إلى الزملاء متاحة في الملاحظات الداخلية فقط؛ أرسل mentions مع النوع "note".',
    ),
  });

export const CASE_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'priority',
  '-priority',
] as const;

const NOT_SET = 'Any of these values; none: cases without one';

const weekday = z.string().regex(/^[0-6]$/, {
  message: localizedMessage(
    "A weekday is a number from 0 (Sunday) to 6 (Saturday), in the workspace's time zone.",
    'اليوم رقم من 0 (الأحد) إلى 6 (السبت)، بتوقيت مساحة العمل.',
  ),
});
const hour = z.string().regex(/^(?:[01]?\d|2[0-3])$/, {
  message: localizedMessage(
    "An hour is a number from 0 to 23, in the workspace's time zone.",
    'الساعة رقم من 0 إلى 23، بتوقيت مساحة العمل.',
  ),
});

export const caseListQuery = z.strictObject({
  status: listParam(z.enum(CASE_STATUSES)),
  team: listParam(z.union([uuid, z.literal('none')])).describe('Team ids; none: cases without a team'),
  assignee: listParam(z.union([uuid, z.literal('none'), z.literal('me')])).describe(
    'User ids; none: unassigned; me: the one asking',
  ),
  priority: listParam(z.enum(PRIORITIES)),
  channel: listParam(z.enum(CHANNELS)),
  kind: listParam(z.enum(CASE_KINDS)),
  category: listParam(z.string().max(200)).describe(NOT_SET),
  product: listParam(z.string().max(200)).describe(NOT_SET),
  region: listParam(z.string().max(200)).describe(NOT_SET),
  sentiment: listParam(z.union([z.enum(SENTIMENTS), z.literal('none')])).describe(NOT_SET),
  tag: listParam(z.string().max(50)),
  customer: uuid.optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  weekday: listParam(weekday).describe(
    "Created on one of these days of the week in the workspace's time zone: 0 (Sunday) to 6 (Saturday)",
  ),
  hour: listParam(hour).describe("Created within one of these hours (0 to 23) of the workspace's time zone"),
  q: z.string().trim().max(200).optional(),
  slaDueWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_080)
    .optional()
    .describe('Minutes: only cases with a running SLA clock due within them, or already breached'),
  sort: z.enum(CASE_SORTS).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});

/** The filters of the case list without paging: what a saved view stores and what its counter counts. */
export const caseFilters = caseListQuery.omit({ cursor: true, limit: true });
export type CaseFilters = z.output<typeof caseFilters>;

/**
 * The same filters once parsed, as the API sends them back: lists are plain arrays. (The query form
 * accepts `a,b` through a one-way preprocessing step that responses cannot be encoded through.)
 */
export const caseFilterValues = z
  .strictObject(
    Object.fromEntries(
      Object.entries(caseFilters.shape).map(([key, field]) => [
        key,
        field instanceof z.ZodPipe ? field.out : field,
      ]),
    ),
  )
  .meta({ id: 'CaseFilters' }) as unknown as z.ZodType<CaseFilters>;

/** A row of the case list: the case and its nearest SLA due time (the inbox shows the time left). */
export const caseListItem = caseSummary
  .extend({
    slaDueAt: z.date().nullable().describe('The earliest due time of its running SLA clocks'),
    slaStatus: z.enum(['running', 'paused', 'met', 'breached']).nullable(),
  })
  .meta({ id: 'CaseListItem' });

export const casePage = z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable() });
