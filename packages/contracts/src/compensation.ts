// Compensation policy, approvals and the ledger (issue 8).
//
// Routes (apps/server/src/compensation/compensation.routes.ts):
//   GET  /api/compensation/policy              supervisor, admin           -> compensationPolicy
//   PUT  /api/compensation/policy              admin  updateCompensationPolicyRequest -> compensationPolicy
//   POST /api/cases/:ref/compensations         agent+ createCompensationRequest -> compensationRow (201)
//        (given at once within the requester's limit and the team's budget, else pending_approval)
//   GET  /api/compensations/pending            supervisor, admin           -> pendingCompensationList
//   POST /api/compensations/:id/approve        supervisor, admin  approveCompensationRequest -> compensationRow
//   POST /api/compensations/:id/reject         supervisor, admin  rejectCompensationRequest -> compensationRow
//        (nobody decides their own request: 403)
//   GET  /api/compensations?from&to&status&teamId&customerId   supervisor, admin, analyst -> compensationList
//   GET  /api/compensations/totals?from&to&by  supervisor, admin, analyst  -> compensationTotals
//   GET  /api/customers/:id/compensation       agent+                      -> customerCompensation
import { z } from 'zod';
import { isoDate, localizedMessage, nonEmptyText, uuid } from './common.ts';

export const COMPENSATION_TYPES = [
  'refund',
  'replacement',
  'discount',
  'voucher',
  'repair',
  'apology',
  'service_credit',
  'explanation',
] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];

/** Types that carry an amount in a currency (and so count against limits and budgets). */
export const MONETARY_COMPENSATION_TYPES = ['refund', 'discount', 'voucher', 'service_credit'] as const;

export function isMonetaryCompensationType(type: CompensationType): boolean {
  return (MONETARY_COMPENSATION_TYPES as readonly string[]).includes(type);
}

export const COMPENSATION_STATUSES = [
  'pending_approval',
  'approved',
  'rejected',
  'given',
  'cancelled',
] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** Roles with a limit; admins have none. */
export const COMPENSATION_LIMITED_ROLES = ['agent', 'supervisor'] as const;

export const currencyCode = z
  .string()
  .regex(
    /^[A-Z]{3}$/,
    localizedMessage('A currency is an ISO 4217 code such as SAR.', 'العملة رمز ISO 4217 مثل SAR.'),
  );

const money = z
  .number()
  .min(0, localizedMessage('An amount cannot be negative.', 'لا يكون المبلغ سالبًا.'))
  .max(1_000_000_000, localizedMessage('That amount is too large.', 'هذا المبلغ كبير جدًا.'));

const amountsByCurrency = z.record(currencyCode, money);

/** The workspace's compensation policy; a currency missing from a role's limits: nothing without approval. */
export const compensationPolicy = z
  .object({
    types: z.array(z.enum(COMPENSATION_TYPES)).describe('The enabled types'),
    currencies: z.array(currencyCode),
    limits: z.object({
      agent: amountsByCurrency.describe('Per currency, given without approval by an agent'),
      supervisor: amountsByCurrency.describe('Per currency, given without approval by a supervisor'),
    }),
    teamBudgets: z
      .record(uuid, amountsByCurrency)
      .describe('Per team and currency, per calendar month in the workspace time zone'),
  })
  .meta({ id: 'CompensationPolicy' });
export type CompensationPolicy = z.output<typeof compensationPolicy>;

export const DEFAULT_COMPENSATION_POLICY: CompensationPolicy = {
  types: [...COMPENSATION_TYPES],
  currencies: ['SAR'],
  limits: { agent: { SAR: 100 }, supervisor: { SAR: 1000 } },
  teamBudgets: {},
};

/** Reads a stored policy ({} or partial) as a whole one, defaults filled in. */
export function readCompensationPolicy(stored: unknown): CompensationPolicy {
  const parsed = compensationPolicy.partial().safeParse(stored ?? {});
  const value = parsed.success ? parsed.data : {};
  return {
    types: value.types ?? DEFAULT_COMPENSATION_POLICY.types,
    currencies: value.currencies ?? DEFAULT_COMPENSATION_POLICY.currencies,
    limits: value.limits ?? DEFAULT_COMPENSATION_POLICY.limits,
    teamBudgets: value.teamBudgets ?? DEFAULT_COMPENSATION_POLICY.teamBudgets,
  };
}

export const updateCompensationPolicyRequest = z
  .strictObject({
    types: z
      .array(z.enum(COMPENSATION_TYPES))
      .min(1, localizedMessage('Enable at least one compensation type.', 'فعّل نوع تعويض واحدًا على الأقل.'))
      .max(COMPENSATION_TYPES.length),
    currencies: z
      .array(currencyCode)
      .min(1, localizedMessage('Add at least one currency.', 'أضف عملة واحدة على الأقل.'))
      .max(20),
    limits: z.strictObject({ agent: amountsByCurrency, supervisor: amountsByCurrency }),
    teamBudgets: z.record(uuid, amountsByCurrency).default({}),
  })
  .superRefine((policy, context) => {
    const enabled = new Set(policy.currencies);
    const check = (amounts: Record<string, number>, path: (string | number)[]) => {
      for (const currency of Object.keys(amounts)) {
        if (enabled.has(currency)) continue;
        context.addIssue({
          code: 'custom',
          path: [...path, currency],
          message: localizedMessage(
            `${currency} is not one of the policy's currencies; add it first.`,
            `${currency} ليست من عملات السياسة؛ أضفها أولًا.`,
          ),
        });
      }
    };
    check(policy.limits.agent, ['limits', 'agent']);
    check(policy.limits.supervisor, ['limits', 'supervisor']);
    for (const [teamId, amounts] of Object.entries(policy.teamBudgets))
      check(amounts, ['teamBudgets', teamId]);
  });
export type UpdateCompensationPolicyRequest = z.output<typeof updateCompensationPolicyRequest>;

const amountRequired = localizedMessage(
  'Refunds, discounts, vouchers and service credit need an amount above 0 and a currency.',
  'الاسترداد والخصم والقسيمة ورصيد الخدمة تحتاج مبلغًا أكبر من 0 وعملة.',
);
const noAmount = localizedMessage(
  'Only refunds, discounts, vouchers and service credit carry an amount.',
  'المبلغ للاسترداد والخصم والقسيمة ورصيد الخدمة فقط.',
);

/** Checks that a monetary type has amount > 0 and a currency and that the others have neither. */
export function checkCompensationAmount(
  value: { type: CompensationType; amount?: number | null; currency?: string | null },
  context: z.RefinementCtx,
): void {
  const hasAmount = value.amount !== undefined && value.amount !== null;
  const hasCurrency = value.currency !== undefined && value.currency !== null;
  if (isMonetaryCompensationType(value.type)) {
    if (!hasAmount || (value.amount ?? 0) <= 0)
      context.addIssue({ code: 'custom', path: ['amount'], message: amountRequired });
    if (!hasCurrency) context.addIssue({ code: 'custom', path: ['currency'], message: amountRequired });
  } else if ((hasAmount && value.amount !== 0) || hasCurrency) {
    context.addIssue({ code: 'custom', path: ['amount'], message: noAmount });
  }
}

/** Compensation given directly (by phone, goodwill), outside an offer. */
export const createCompensationRequest = z
  .strictObject({
    type: z.enum(COMPENSATION_TYPES),
    amount: money.nullable().optional(),
    currency: currencyCode.nullable().optional(),
    reason: nonEmptyText(500),
  })
  .superRefine(checkCompensationAmount);
export type CreateCompensationRequest = z.output<typeof createCompensationRequest>;

export const approveCompensationRequest = z.strictObject({
  reason: z.string().trim().max(500).optional(),
});

export const rejectCompensationRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, localizedMessage('Say why it is rejected.', 'اذكر سبب الرفض.'))
    .max(500, localizedMessage('A reason is at most 500 characters.', 'السبب 500 حرف على الأكثر.')),
});

const personRef = z.object({ id: uuid, name: z.string() });

/** A compensation: a request waiting for approval, or a line of the ledger. */
export const compensationRow = z
  .object({
    id: uuid,
    case: z.object({ id: uuid, referenceNumber: z.string(), subject: z.string(), status: z.string() }),
    customer: personRef.nullable(),
    team: personRef.nullable(),
    offerId: uuid.nullable().describe('Set when it is an option of a solution offer'),
    optionId: z.string().nullable(),
    type: z.enum(COMPENSATION_TYPES),
    amount: z.number().nullable().describe('null for types without an amount'),
    currency: z.string().nullable(),
    reason: z.string(),
    category: z.string().nullable(),
    product: z.string().nullable(),
    status: z.enum(COMPENSATION_STATUSES),
    requestedBy: personRef,
    requestedAt: z.date(),
    decidedBy: personRef.nullable(),
    decidedAt: z.date().nullable(),
    decisionReason: z.string().nullable(),
    givenAt: z.date().nullable(),
  })
  .meta({ id: 'Compensation' });
export type CompensationRow = z.output<typeof compensationRow>;

export const compensationCurrencyTotal = z.object({
  currency: z.string(),
  count: z.number().int(),
  total: z.number(),
});

/** A pending request with what the approver needs: the case and the customer's history. */
export const pendingCompensation = compensationRow
  .extend({
    customerHistory: z.object({
      caseCount: z.number().int(),
      givenTotals: z.array(compensationCurrencyTotal).describe('Compensation given before, per currency'),
    }),
  })
  .meta({ id: 'PendingCompensation' });

export const pendingCompensationList = z.object({ items: z.array(pendingCompensation) });

export const compensationListQuery = z.strictObject({
  from: isoDate.optional().describe('requested_at from (inclusive)'),
  to: isoDate.optional().describe('requested_at before (exclusive)'),
  status: z.enum(COMPENSATION_STATUSES).optional(),
  teamId: uuid.optional(),
  customerId: uuid.optional(),
});

export const compensationList = z.object({
  items: z.array(compensationRow).describe('Newest first, up to 500'),
});

export const COMPENSATION_TOTALS_BY = ['category', 'product', 'team', 'month'] as const;

export const compensationTotalsQuery = z.strictObject({
  from: isoDate.optional().describe('given_at from (inclusive)'),
  to: isoDate.optional().describe('given_at before (exclusive)'),
  by: z.enum(COMPENSATION_TOTALS_BY).default('category'),
});

/** Given compensation summed per key and currency (month: YYYY-MM in the workspace time zone). */
export const compensationTotals = z
  .object({
    by: z.enum(COMPENSATION_TOTALS_BY),
    rows: z.array(
      z.object({
        key: z.string().nullable().describe('null: none (no category, product or team)'),
        label: z.string(),
        currency: z.string(),
        count: z.number().int(),
        total: z.number(),
      }),
    ),
  })
  .meta({ id: 'CompensationTotals' });

/** A customer's compensation over time, for the customer panel. */
export const customerCompensation = z
  .object({
    totals: z.array(compensationCurrencyTotal).describe('Given, per currency'),
    items: z.array(compensationRow),
  })
  .meta({ id: 'CustomerCompensation' });
