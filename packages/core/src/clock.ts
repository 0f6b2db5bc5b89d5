/** Time is injected, never read deep inside logic. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: Date): Clock & { set(next: Date): void } {
  let current = instant;
  return {
    now: () => current,
    set: (next: Date) => {
      current = next;
    },
  };
}
