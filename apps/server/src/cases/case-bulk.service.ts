import type { BulkCaseAction } from '@sada/contracts';
import { AppError, type ErrorCode, type LocalizedText } from '@sada/core';
import type { Actor } from '../auth/actor.ts';
import type { Services } from '../services.ts';

export type BulkResult =
  | { referenceNumber: string; ok: true }
  | { referenceNumber: string; ok: false; error: { code: ErrorCode; text: LocalizedText } };

const UNEXPECTED: LocalizedText = {
  en: 'Something went wrong on our side with this case; it has been logged.',
  ar: 'حدث خطأ من جهتنا مع هذه الحالة وتم تسجيله.',
};

/**
 * Applies one action to many cases, one after another, each in its own transaction through the
 * same service call as a single change (so each gets its timeline event and live event). A case
 * that fails (not found, refused transition…) is reported and the others go on.
 */
export async function applyBulkAction(options: {
  cases: Services['cases'];
  actor: Actor;
  references: string[];
  action: BulkCaseAction;
  onUnexpected: (error: unknown, referenceNumber: string) => void;
}): Promise<BulkResult[]> {
  const { cases, actor, action } = options;
  const applyTo = (referenceNumber: string): Promise<unknown> => {
    switch (action.type) {
      case 'assign':
        return cases.assign({ actor, referenceNumber, teamId: action.teamId, assigneeId: action.assigneeId });
      case 'tag':
        return cases.update({ actor, referenceNumber, changes: {}, tagChanges: action });
      case 'status':
        return cases.transition({ actor, referenceNumber, to: action.to });
    }
  };
  const results: BulkResult[] = [];
  for (const referenceNumber of options.references) {
    try {
      await applyTo(referenceNumber);
      results.push({ referenceNumber, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) options.onUnexpected(error, referenceNumber);
      results.push({
        referenceNumber,
        ok: false,
        error:
          error instanceof AppError
            ? { code: error.code, text: error.text }
            : { code: 'internal', text: UNEXPECTED },
      });
    }
  }
  return results;
}
