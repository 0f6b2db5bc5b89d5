import { describe, expect, it } from 'vitest';
import { createSendPacer } from './send-pacing.ts';

describe('createSendPacer', () => {
  it('lets an account send its limit in a minute, then says how long to wait, per account', () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const pacer = createSendPacer(
      { now: () => new Date(now) },
      {
        facebook: 2,
        instagram: 2,
        whatsapp: 2,
        telegram: 2,
        x: 2,
      },
    );
    expect(pacer.take('a', 'x')).toBe(0);
    now += 10_000;
    expect(pacer.take('a', 'x')).toBe(0);
    expect(pacer.take('a', 'x')).toBe(50_000);
    expect(pacer.take('b', 'x')).toBe(0);
    now += 50_000;
    expect(pacer.take('a', 'x')).toBe(0);
  });
});
