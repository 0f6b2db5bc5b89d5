import { type Database, foldCaseRollup } from '@sada/db';
import { z } from 'zod';
import type { JobDefinition } from '../jobs/job-runner.ts';

/**
 * Every minute, folds the hourly case counts' changes into case_rollup (migration 0019). Readers add
 * the changes not folded yet, so a late fold only makes them read a few more rows.
 */
export function caseRollupFoldJob(database: Database): JobDefinition<Record<string, never>> {
  return {
    name: 'analytics.rollup',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      return (await foldCaseRollup(database.orm)) > 0 ? 'done' : 'skipped';
    },
  };
}
