import { AppError } from './errors.ts';
import type { MessageDirection } from './vocabulary.ts';

export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

// new → open → pending (waiting on the customer) → resolved → closed; reopen from resolved or closed.
const nextStatuses: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'resolved'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

const statusNamesAr: Record<CaseStatus, string> = {
  new: 'جديدة',
  open: 'مفتوحة',
  pending: 'بانتظار العميل',
  resolved: 'محلولة',
  closed: 'مغلقة',
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return nextStatuses[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** Throws `invalid_transition` naming the statuses that are allowed next. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (canTransition(from, to)) return;
  const allowed = nextStatuses[from].join(', ');
  throw new AppError(
    'invalid_transition',
    from === to
      ? { en: `The case is already ${from}.`, ar: `الحالة ${statusNamesAr[from]} مسبقًا.` }
      : {
          en: `A case cannot move from ${from} to ${to}; from ${from} it can move to: ${allowed}.`,
          ar: `لا يمكن نقل الحالة من «${statusNamesAr[from]}» إلى «${statusNamesAr[to]}»؛ المسموح من «${statusNamesAr[from]}»: ${nextStatuses[from].map((status) => `«${statusNamesAr[status]}»`).join('، ')}.`,
        },
  );
}

export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'open';
}

/**
 * The status a case moves to by itself when a message is added: the customer answering a case
 * that waits on them (or was resolved) brings it back to the agents; the first public reply opens it.
 */
export function statusAfterMessage(
  status: CaseStatus,
  message: { direction: MessageDirection; isPublic: boolean },
): CaseStatus {
  if (message.direction === 'inbound' && (status === 'pending' || status === 'resolved')) return 'open';
  if (message.direction === 'outbound' && status === 'new') return 'open';
  return status;
}
