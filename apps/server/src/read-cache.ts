import type { Clock } from '@sada/core';

/**
 * What almost every request reads and almost never changes (who an API token is, a workspace's custom
 * fields), kept for a moment in this process. A change made here forgets its entries at once; a
 * change made by another process is seen when the entry expires, after at most `ttlMs`.
 */
export type ReadCache<Value> = {
  /** The value of `key`, loaded when missing or expired; callers asking at the same time share one load. */
  get(key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined>;
  forget(key: string): void;
  /** Forgets every entry whose value matches, e.g. every token of a user who was deactivated. */
  forgetWhere(isStale: (value: Value) => boolean): void;
};

type Entry<Value> = { loading: Promise<Value | undefined>; value?: Value; loadedAt: number };

export function createReadCache<Value>(options: {
  clock: Clock;
  ttlMs: number;
  maxEntries: number;
}): ReadCache<Value> {
  const entries = new Map<string, Entry<Value>>();
  const now = () => options.clock.now().getTime();

  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && now() - cached.loadedAt < options.ttlMs) return cached.loading;
      // The oldest entry makes room; Map keeps insertion order.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      const entry: Entry<Value> = { loading: load(), loadedAt: now() };
      entries.set(key, entry);
      // Nothing is kept of a failed or empty load: an unknown token is asked about again.
      entry.loading.then(
        (value) => {
          if (value === undefined && entries.get(key) === entry) entries.delete(key);
          else entry.value = value;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.loading;
    },
    forget(key) {
      entries.delete(key);
    },
    forgetWhere(isStale) {
      for (const [key, entry] of entries) {
        // An entry still loading may be stale too.
        if (entry.value === undefined || isStale(entry.value)) entries.delete(key);
      }
    },
  };
}
