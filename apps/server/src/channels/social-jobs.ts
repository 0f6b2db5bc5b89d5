import { z } from 'zod';
import type { JobDefinition } from '../jobs/job-runner.ts';
import type { SocialChannels } from './social-channels.service.ts';

/** Every minute, reads the new mentions of X accounts that have no webhook access. */
export function mentionsPollJob(social: SocialChannels): JobDefinition<Record<string, never>> {
  return {
    name: 'social.poll-mentions',
    payload: z.strictObject({}),
    schedule: '* * * * *',
    async handle() {
      return (await social.pollMentions()) > 0 ? 'done' : 'skipped';
    },
  };
}
