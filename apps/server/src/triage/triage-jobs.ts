import { type Database, listWorkspacesNeedingRetrain } from '@sada/db';
import { z } from 'zod';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { TriageService } from './triage.service.ts';
import type { TriageWorker } from './triage-worker.ts';

/**
 * Every minute, reads whatever waits for triage. A process's worker is woken at once by the change
 * notices; this catches what arrived while no worker was running (a restart, another process).
 */
export function triageSweepJob(worker: TriageWorker): JobDefinition<Record<string, never>> {
  return {
    name: 'triage.sweep',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}

/** Nightly, adapts the model of every workspace that has new corrections. */
export function triageRetrainJob(
  database: Database,
  triage: TriageService,
): JobDefinition<Record<string, never>> {
  return {
    name: 'triage.retrain',
    payload: z.strictObject({}),
    schedule: '30 1 * * *',
    async handle() {
      const workspaceIds = await listWorkspacesNeedingRetrain(database.orm);
      for (const workspaceId of workspaceIds) await triage.retrain(workspaceId);
      return workspaceIds.length > 0 ? 'done' : 'skipped';
    },
  };
}
