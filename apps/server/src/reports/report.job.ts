import { z } from 'zod';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { ReportService } from './report.service.ts';

/**
 * Hourly, five past: every workspace's last complete week and month, made and mailed once. Each
 * workspace's period ends at its own midnight, so the hour after it the report is there; a run that
 * finds it made and mailed does nothing.
 */
export function reportScheduleJob(reports: ReportService): JobDefinition<Record<string, never>> {
  return {
    name: 'reports.schedule',
    payload: z.strictObject({}),
    schedule: '5 * * * *',
    async handle() {
      const { made, mailed } = await reports.runSchedule();
      return made + mailed > 0 ? 'done' : 'skipped';
    },
  };
}
