import { describe, expect, it } from 'vitest';
import { assertTimeZone, canonicalTimeZone } from './time-zone.ts';

describe('time zones', () => {
  it('accepts IANA names and spells them as Intl does', () => {
    expect(canonicalTimeZone('Asia/Riyadh')).toBe('Asia/Riyadh');
    expect(canonicalTimeZone('africa/cairo')).toBe('Africa/Cairo');
    expect(assertTimeZone('UTC')).toBe('UTC');
  });

  it('refuses an unknown zone, naming it', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(() => assertTimeZone('Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone');
  });
});
