import { CASE_KINDS, CHANNELS, PRIORITIES, SLA_STATUSES, SLA_TARGETS } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

/** One clock of a case: when it is due, how it stands, and by how much (business seconds). */
export const caseSlaClock = z
  .object({
    target: z.enum(SLA_TARGETS),
    dueAt: z.date().nullable().describe('null while paused (the case waits on the customer)'),
    status: z.enum(SLA_STATUSES),
    startedAt: z.date(),
    completedAt: z.date().nullable(),
    secondsLeft: z
      .number()
      .int()
      .nullable()
      .describe('Business seconds left (running, paused) or to spare (met)'),
    secondsOver: z.number().int().nullable().describe('Business seconds past the target (breached)'),
    escalationLevel: z.number().int().describe('0 none, 1 the assignee was warned, 2 escalated at breach'),
  })
  .meta({ id: 'CaseSlaClock' });

const targetMinutes = z
  .number()
  .int()
  .min(1, localizedMessage('A target is at least 1 minute.', 'الهدف دقيقة واحدة على الأقل.'))
  .max(
    525_600,
    localizedMessage('A target is at most a year (525600 minutes).', 'الهدف سنة على الأكثر (525600 دقيقة).'),
  )
  .nullable();

const tag = z.string().trim().min(1).max(50);

export const slaConditions = z
  .strictObject({
    priorities: z.array(z.enum(PRIORITIES)).max(4).default([]),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
    kinds: z.array(z.enum(CASE_KINDS)).max(CASE_KINDS.length).default([]),
    teamIds: z.array(uuid).max(100).default([]),
    customerTags: z.array(tag).max(50).default([]).describe('Any of these tags (a tier such as vip)'),
  })
  .meta({ id: 'SlaConditions' });

export const slaEscalation = z
  .strictObject({
    warnAtPercent: z
      .number()
      .int()
      .min(1, localizedMessage('Warn at 1 to 99 percent.', 'التنبيه عند نسبة من 1 إلى 99 بالمئة.'))
      .max(99, localizedMessage('Warn at 1 to 99 percent.', 'التنبيه عند نسبة من 1 إلى 99 بالمئة.'))
      .nullable()
      .default(75),
    notifySupervisors: z.boolean().default(true),
    raisePriority: z.boolean().default(false),
    returnToQueue: z.boolean().default(false),
  })
  .meta({ id: 'SlaEscalation' });

/** Business minutes per target; null: no such target. */
export const slaTargets = z
  .strictObject({
    firstResponse: targetMinutes.default(null),
    nextResponse: targetMinutes.default(null),
    update: targetMinutes.default(null),
    resolution: targetMinutes.default(null),
  })
  .meta({ id: 'SlaTargets' });

export const slaPolicy = z
  .object({
    id: uuid,
    name: z.string(),
    position: z.number().int(),
    conditions: slaConditions,
    targets: slaTargets,
    calendarId: uuid.nullable().describe("null: the case team's calendar, else the workspace's"),
    escalation: slaEscalation,
    isEnabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SlaPolicy' });

export const slaPolicyList = z.object({ items: z.array(slaPolicy).describe('In the order they are tried') });

const hasTarget = (targets: z.output<typeof slaTargets>) =>
  Object.values(targets).some((value) => value !== null);
const noTarget = localizedMessage(
  'Set at least one target (first response, next response, update or resolution).',
  'حدّد هدفًا واحدًا على الأقل (الرد الأول أو الرد التالي أو التحديث أو الحل).',
);

export const createSlaPolicyRequest = z.strictObject({
  name: nonEmptyText(100),
  conditions: slaConditions.default({
    priorities: [],
    channels: [],
    kinds: [],
    teamIds: [],
    customerTags: [],
  }),
  targets: slaTargets.refine(hasTarget, { message: noTarget }),
  calendarId: uuid.nullable().default(null),
  escalation: slaEscalation.default({
    warnAtPercent: 75,
    notifySupervisors: true,
    raisePriority: false,
    returnToQueue: false,
  }),
  isEnabled: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).optional().describe('Where it is tried; last when absent'),
});
export type CreateSlaPolicyRequest = z.output<typeof createSlaPolicyRequest>;

export const updateSlaPolicyRequest = z.strictObject({
  name: nonEmptyText(100).optional(),
  conditions: slaConditions.optional(),
  targets: slaTargets.refine(hasTarget, { message: noTarget }).optional(),
  calendarId: uuid.nullable().optional(),
  escalation: slaEscalation.optional(),
  isEnabled: z.boolean().optional(),
});
export type UpdateSlaPolicyRequest = z.output<typeof updateSlaPolicyRequest>;

export const slaPolicyOrderRequest = z.strictObject({
  ids: z
    .array(uuid)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: localizedMessage(
        'Each policy appears once in the order.',
        'تظهر كل سياسة مرة واحدة في الترتيب.',
      ),
    })
    .describe("Every policy's id, in the order they are tried"),
});
