import type { Clock } from '@sada/core';
import { createDrainLoop } from './drain-loop.ts';

/** A retry due within this long wakes the loop itself; later ones wait for a kick or a sweep. */
const WAKE_WITHIN_MS = 60_000;

/**
 * Sends what a table holds (the outbox, alert deliveries), a batch at a time: `lease` takes the due
 * rows and hides them for a while, `deliver` sends one and records its outcome outside any
 * transaction. When nothing is due it wakes itself for the next retry due within the minute.
 */
export function createLeaseLoop<Row>(options: {
  clock: Clock;
  lease(now: Date): Promise<Row[]>;
  deliver(row: Row): Promise<void>;
  nextDue(): Promise<Date | null>;
  onError(error: unknown): void;
}) {
  const { clock } = options;
  let timer: NodeJS.Timeout | undefined;

  async function step(): Promise<number> {
    const leased = await options.lease(clock.now());
    for (const row of leased) await options.deliver(row);
    if (leased.length === 0) await scheduleNext();
    return leased.length;
  }

  // The next retry is due at a known time: wake then, not only at the next sweep.
  async function scheduleNext() {
    const due = await options.nextDue();
    clearTimeout(timer);
    if (!due) return;
    const wait = Math.max(0, due.getTime() - clock.now().getTime());
    if (wait > WAKE_WITHIN_MS) return;
    timer = setTimeout(() => loop.kick(), wait + 10);
    timer.unref();
  }

  const loop = createDrainLoop(step, options.onError);
  return {
    kick: loop.kick,
    /** Works until nothing is due (tests and the sweeps). */
    drain: loop.drain,
    async stop() {
      clearTimeout(timer);
      await loop.stop();
    },
  };
}
