import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  assertTransition,
  CASE_STATUSES,
  canTransition,
  isReopen,
  statusAfterMessage,
} from './case-status.ts';
import { AppError } from './errors.ts';

describe('case status lifecycle', () => {
  it('follows new → open → pending → resolved → closed', () => {
    expect(canTransition('new', 'open')).toBe(true);
    expect(canTransition('open', 'pending')).toBe(true);
    expect(canTransition('pending', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
  });

  it('reopens a resolved or closed case', () => {
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('closed', 'open')).toBe(true);
    expect(isReopen('closed', 'open')).toBe(true);
    expect(isReopen('pending', 'open')).toBe(false);
  });

  it('refuses skipping resolution, going back to new, and closing twice', () => {
    for (const [from, to] of [
      ['new', 'closed'],
      ['open', 'closed'],
      ['open', 'new'],
      ['closed', 'resolved'],
      ['closed', 'closed'],
      ['pending', 'new'],
    ] as const) {
      expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
    }
  });

  it('never lets a case reach new again', () => {
    for (const from of CASE_STATUSES) expect(allowedTransitions(from)).not.toContain('new');
  });

  it('explains a refused transition with the statuses allowed next', () => {
    try {
      assertTransition('open', 'closed');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_transition');
      expect((error as AppError).message).toContain('pending, resolved');
      expect((error as AppError).text.ar).toBe(
        'لا يمكن نقل الحالة من «مفتوحة» إلى «مغلقة»؛ المسموح من «مفتوحة»: «بانتظار العميل»، «محلولة».',
      );
    }
  });

  it('brings a case waiting on the customer back to the agents when the customer writes', () => {
    expect(statusAfterMessage('pending', { direction: 'inbound', isPublic: true })).toBe('open');
    expect(statusAfterMessage('resolved', { direction: 'inbound', isPublic: false })).toBe('open');
    expect(statusAfterMessage('closed', { direction: 'inbound', isPublic: true })).toBe('closed');
  });

  it('opens a new case on the first reply but not on an internal note', () => {
    expect(statusAfterMessage('new', { direction: 'outbound', isPublic: true })).toBe('open');
    expect(statusAfterMessage('new', { direction: 'note', isPublic: false })).toBe('new');
    expect(statusAfterMessage('pending', { direction: 'outbound', isPublic: true })).toBe('pending');
  });
});
