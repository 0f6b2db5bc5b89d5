import { CASE_STATUSES } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, uuid } from './common.ts';

const tag = z.string().trim().min(1).max(50);

export const bulkCaseAction = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('assign'),
      teamId: uuid.nullable().optional(),
      assigneeId: uuid.nullable().optional(),
    })
    .refine((action) => action.teamId !== undefined || action.assigneeId !== undefined, {
      message: localizedMessage(
        'Give teamId, assigneeId or both (null clears).',
        'أرسل teamId أو assigneeId أو كليهما (القيمة null تلغي الإسناد).',
      ),
    }),
  z
    .strictObject({
      type: z.literal('tag'),
      add: z.array(tag).max(50).default([]),
      remove: z.array(tag).max(50).default([]),
    })
    .refine((action) => action.add.length + action.remove.length > 0, {
      message: localizedMessage('Give tags to add or to remove.', 'أرسل وسومًا للإضافة أو للإزالة.'),
    }),
  z.strictObject({ type: z.literal('status'), to: z.enum(CASE_STATUSES) }),
]);
export type BulkCaseAction = z.output<typeof bulkCaseAction>;

/** One action on up to 200 cases; each case changes (or fails) on its own. */
export const bulkCaseRequest = z.strictObject({
  references: z
    .array(z.string().trim().min(1).max(40))
    .min(1)
    .max(200)
    .refine((references) => new Set(references.map((ref) => ref.toUpperCase())).size === references.length, {
      message: localizedMessage('Each reference number may appear only once.', 'يجب ألا يتكرر أي رقم مرجعي.'),
    }),
  action: bulkCaseAction,
});

export const bulkCaseResult = z.discriminatedUnion('ok', [
  z.object({ referenceNumber: z.string(), ok: z.literal(true) }),
  z.object({
    referenceNumber: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export const bulkCaseResponse = z.object({
  results: z.array(bulkCaseResult).describe('One per reference, in the order given'),
});
