import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.ts';

function manualClock(start = Date.parse('2026-03-01T09:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

function countingLoader<Value>(value: Value | undefined) {
  const loader = async () => {
    loader.calls += 1;
    return value;
  };
  loader.calls = 0;
  return loader;
}

describe('read cache', () => {
  it('loads once for callers asking at the same time, and again once the entry has expired', async () => {
    const clock = manualClock();
    const cache = createReadCache<string>({ clock, ttlMs: 1000, maxEntries: 10 });
    const load = countingLoader('actor');

    const answers = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    clock.advance(999);
    await cache.get('k', load);
    clock.advance(1);
    await cache.get('k', load);

    expect(answers).toEqual(['actor', 'actor', 'actor']);
    expect(load.calls).toBe(2);
  });

  it('keeps nothing of an empty or failed load', async () => {
    const cache = createReadCache<string>({ clock: manualClock(), ttlMs: 1000, maxEntries: 10 });
    const missing = countingLoader<string>(undefined);
    const failing = async () => {
      throw new Error('database down');
    };

    expect(await cache.get('unknown', missing)).toBeUndefined();
    expect(await cache.get('unknown', missing)).toBeUndefined();
    await expect(cache.get('k', failing)).rejects.toThrow('database down');

    expect(missing.calls).toBe(2);
    expect(await cache.get('k', async () => 'recovered')).toBe('recovered');
  });

  it('forgets an entry at once, even one still loading, so the next caller reads again', async () => {
    const cache = createReadCache<{ userId: string }>({ clock: manualClock(), ttlMs: 1000, maxEntries: 10 });
    await cache.get('a', async () => ({ userId: 'u1' }));
    await cache.get('b', async () => ({ userId: 'u2' }));
    let release: (value: { userId: string }) => void = () => {};
    const loading = cache.get('c', () => new Promise((resolve) => (release = resolve)));

    cache.forget('a');
    cache.forgetWhere((value) => value.userId === 'u2');
    release({ userId: 'u3' });
    await loading;

    const reload = countingLoader({ userId: 'fresh' });
    await Promise.all([cache.get('a', reload), cache.get('b', reload), cache.get('c', reload)]);
    expect(reload.calls).toBe(3);
  });

  it('holds at most maxEntries, dropping the oldest first', async () => {
    const cache = createReadCache<string>({ clock: manualClock(), ttlMs: 1000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    const load = countingLoader('again');

    await cache.get('c', load);
    await cache.get('b', load);
    await cache.get('a', load);

    expect(load.calls).toBe(1);
  });
});
