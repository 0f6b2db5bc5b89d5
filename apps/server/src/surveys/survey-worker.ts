import { z } from 'zod';
import { createDrainLoop } from '../jobs/drain-loop.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { SurveyService } from './survey.service.ts';

/** Sends due surveys and expires unanswered ones, a batch at a time, until none waits. */
export function createSurveyWorker(deps: { surveys: SurveyService; onError: (error: unknown) => void }) {
  return createDrainLoop(() => deps.surveys.processDue(), deps.onError);
}

export type SurveyWorker = ReturnType<typeof createSurveyWorker>;

/** Every minute: surveys fall due and expire as time passes, so the schedule is what finds them. */
export function surveyJob(worker: SurveyWorker): JobDefinition<Record<string, never>> {
  return {
    name: 'survey.follow_up',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      await worker.drain();
      return 'done';
    },
  };
}
