import { z } from 'zod';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { ResponseTime } from './response-time.service.ts';

/** Every 5 minutes, recomputes the live response time of every workspace and channel in one pass. */
export function responseTimeRefreshJob(responseTime: ResponseTime): JobDefinition<Record<string, never>> {
  return {
    name: 'response-time.refresh',
    payload: z.strictObject({}),
    schedule: '*/5 * * * *',
    async handle() {
      return (await responseTime.refreshAll()) > 0 ? 'done' : 'skipped';
    },
  };
}
