import { z } from 'zod';
import { isoDate, localizedMessage, uuid } from './common.ts';

export const PLAN_STEP_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type PlanStepStatus = (typeof PLAN_STEP_STATUSES)[number];

/** Who carries a step: a person or a team of the workspace (with its name as the console shows it). */
export const planStepOwner = z
  .object({
    userId: uuid.nullable(),
    teamId: uuid.nullable(),
    name: z.string(),
  })
  .meta({ id: 'PlanStepOwner' });

/** One step of a case's resolution plan. */
export const planStep = z
  .object({
    id: uuid,
    position: z.number().int(),
    title: z.string(),
    owner: planStepOwner.nullable(),
    dueAt: z.date().nullable(),
    status: z.enum(PLAN_STEP_STATUSES),
    isCustomerVisible: z.boolean(),
    customerNote: z.string().nullable().describe('What the customer is told when the step is done'),
    completedAt: z.date().nullable(),
    isOverdue: z.boolean().describe('Due time passed and the step is neither done nor cancelled'),
    offerId: uuid.nullable().describe('The solution offer the step came from, if any'),
  })
  .meta({ id: 'PlanStep' });
export type PlanStep = z.infer<typeof planStep>;

/** A case's resolution plan: its steps in order, how far along, and the periodic customer update. */
export const casePlan = z
  .object({
    steps: z.array(planStep),
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().describe('Steps not cancelled'),
    }),
    updateEveryDays: z.number().int().nullable().describe('The customer hears of progress every N days'),
    lastUpdateSentAt: z
      .date()
      .nullable()
      .describe('The last periodic update (or when the setting was made: the count starts there)'),
  })
  .meta({ id: 'CasePlan' });
export type CasePlan = z.infer<typeof casePlan>;

const stepTitle = z
  .string()
  .trim()
  .min(1, localizedMessage('Give the step a title.', 'اكتب عنوانًا للخطوة.'))
  .max(200, localizedMessage('A step title is at most 200 characters.', 'عنوان الخطوة 200 حرف على الأكثر.'));

const customerNote = z
  .string()
  .trim()
  .max(
    1000,
    localizedMessage(
      'The note to the customer is at most 1000 characters.',
      'الملاحظة للعميل 1000 حرف على الأكثر.',
    ),
  )
  .nullable();

const dueAt = isoDate
  .nullable()
  .describe('Must be in the future when set')
  .meta({ examples: ['2026-12-01T09:00:00Z'] });

/** The owner of a step: a user, or a team, or nobody (null). */
const ownerFields = {
  ownerUserId: uuid.nullable().optional(),
  ownerTeamId: uuid.nullable().optional(),
};

const oneOwner = (value: {
  ownerUserId?: string | null | undefined;
  ownerTeamId?: string | null | undefined;
}) => !(value.ownerUserId && value.ownerTeamId);
const oneOwnerMessage = {
  message: localizedMessage(
    'A step is owned by a person or by a team, not both.',
    'تتولى الخطوةَ إما شخصٌ وإما فريق، لا كلاهما.',
  ),
  path: ['ownerTeamId'],
};

export const createPlanStepRequest = z
  .strictObject({
    title: stepTitle,
    ...ownerFields,
    dueAt: dueAt.optional(),
    isCustomerVisible: z.boolean().default(false),
    customerNote: customerNote.optional(),
  })
  .refine(oneOwner, oneOwnerMessage);
export type CreatePlanStepRequest = z.infer<typeof createPlanStepRequest>;

export const updatePlanStepRequest = z
  .strictObject({
    title: stepTitle.optional(),
    ...ownerFields,
    dueAt: dueAt.optional(),
    status: z.enum(PLAN_STEP_STATUSES).optional(),
    isCustomerVisible: z.boolean().optional(),
    customerNote: customerNote.optional(),
    position: z
      .number()
      .int()
      .min(0, localizedMessage('A position is 0 or more.', 'الموضع صفر أو أكثر.'))
      .optional()
      .describe('Moves the step to this place in the plan (0 first)'),
  })
  .refine(oneOwner, oneOwnerMessage);
export type UpdatePlanStepRequest = z.infer<typeof updatePlanStepRequest>;

export const updatePlanRequest = z.strictObject({
  updateEveryDays: z
    .number()
    .int()
    .min(1, localizedMessage('Update the customer every 1 to 90 days.', 'حدّث العميل كل 1 إلى 90 يومًا.'))
    .max(90, localizedMessage('Update the customer every 1 to 90 days.', 'حدّث العميل كل 1 إلى 90 يومًا.'))
    .nullable()
    .describe('null: no periodic update'),
});
export type UpdatePlanRequest = z.infer<typeof updatePlanRequest>;

/** A step as the customer sees it on the status page. */
export const publicPlanStep = z.object({
  title: z.string(),
  status: z.enum(['pending', 'in_progress', 'done']),
  dueAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  note: z.string().nullable(),
});
export type PublicPlanStep = z.infer<typeof publicPlanStep>;
