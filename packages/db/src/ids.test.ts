import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids.ts';

describe('timeOrderedId', () => {
  it('is a version 7 UUID whose first 48 bits are the time, so later ids sort after earlier ones', () => {
    const at = new Date('2026-03-01T09:00:00.123Z');
    const id = timeOrderedId(at);
    const later = timeOrderedId(new Date(at.getTime() + 1));

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(at.getTime());
    expect(later > id).toBe(true);
    expect(timeOrderedId(at)).not.toBe(id);
  });
});
