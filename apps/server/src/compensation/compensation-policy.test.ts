import { DEFAULT_COMPENSATION_POLICY } from '@sada/contracts';
import { describe, expect, it } from 'vitest';
import { limitOf, monthBoundsIn, needsApproval } from './compensation-policy.ts';

describe('compensation limits', () => {
  const policy = { ...DEFAULT_COMPENSATION_POLICY, teamBudgets: { team: { SAR: 300 } } };
  const ask = (role: 'agent' | 'supervisor' | 'admin', amount: number, teamSpent = 0, currency = 'SAR') =>
    needsApproval({ policy, role, currency, amount, teamId: 'team', teamSpent });

  it('lets a role give up to its limit, admins without one, and nothing in a currency it has no limit for', () => {
    expect([ask('agent', 100), ask('agent', 100.01), ask('supervisor', 250)]).toEqual([false, true, false]);
    expect(limitOf(policy, 'admin', 'SAR')).toBeNull();
    expect(ask('agent', 1, 0, 'USD')).toBe(true);
  });

  it('sends anything past the team’s monthly budget to approval, even an admin’s', () => {
    expect([ask('agent', 50, 250), ask('agent', 51, 250), ask('admin', 51, 250)]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe('the calendar month in the workspace time zone', () => {
  it('starts at local midnight of the 1st', () => {
    expect(monthBoundsIn('Asia/Riyadh', new Date('2026-03-31T22:30:00Z'))).toEqual({
      from: new Date('2026-03-31T21:00:00Z'),
      to: new Date('2026-04-30T21:00:00Z'),
    });
    expect(monthBoundsIn('UTC', new Date('2026-12-31T23:59:59Z'))).toEqual({
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
  });
});
