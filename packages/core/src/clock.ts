/** Time is injected, never read deep inside logic. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
