import type { Clock } from '@sada/core';
import type { Database } from '@sada/db';
import { z } from 'zod';
import { createDrainLoop } from '../jobs/drain-loop.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import { escalateDueClocks } from './sla-escalation.ts';

/** Escalates clocks past their warning or due time, a batch at a time, until none waits. */
export function createSlaWorker(deps: {
  database: Database;
  clock: Clock;
  onError: (error: unknown) => void;
}) {
  return createDrainLoop(() => escalateDueClocks(deps.database, deps.clock), deps.onError);
}

export type SlaWorker = ReturnType<typeof createSlaWorker>;

/**
 * Every minute, the escalation ladder: clocks reach their warning and due times as time passes, not
 * when something happens, so the schedule is what finds them (kicks at start only speed things up).
 */
export function slaEscalationJob(worker: SlaWorker): JobDefinition<Record<string, never>> {
  return {
    name: 'sla.escalate',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}
