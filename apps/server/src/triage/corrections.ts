// A person changing a field triage fills in: the field is theirs from then on, and a changed kind or
// category is kept as a lesson for the workspace's model.
import { TRIAGE_FIELDS, type TriageField } from '@sada/core';
import { type CaseRow, type Executor, insertTriageCorrection, timeOrderedId } from '@sada/db';
import type { StoredTriage } from './case-triage.ts';

/**
 * Called inside the transaction that changes a case: returns the case's new locked fields (to be
 * written with the change) and records kind/category corrections of what triage had said.
 */
export async function recordPersonChanges(
  tx: Executor,
  options: {
    current: CaseRow;
    changedFields: readonly string[];
    values: Record<string, unknown>;
    userId: string | null;
    now: Date;
  },
): Promise<{ triageLocked: string[] } | undefined> {
  const { current, now } = options;
  const touched = options.changedFields.filter((field): field is TriageField =>
    TRIAGE_FIELDS.includes(field as TriageField),
  );
  if (touched.length === 0) return undefined;
  const triage = current.triage as StoredTriage | null;
  if (triage) {
    const predicted = { kind: triage.kind.label, category: triage.category.id };
    for (const field of ['kind', 'category'] as const) {
      const corrected = options.values[field];
      if (!touched.includes(field) || typeof corrected !== 'string' || corrected === predicted[field])
        continue;
      await insertTriageCorrection(tx, {
        id: timeOrderedId(now),
        workspaceId: current.workspaceId,
        caseId: current.id,
        messageId: triage.basis.messageId,
        text: triage.basis.text,
        field,
        predicted: predicted[field],
        corrected,
        userId: options.userId,
        createdAt: now,
      });
    }
  }
  return { triageLocked: [...new Set([...current.triageLocked, ...touched])] };
}
