// The public live response time (issue 7): what a company shows customers about how fast it answers.
import { CHANNELS } from '@sada/core';
import { z } from 'zod';

/** One channel's median time to a person's first reply, and whether the desk is open now. */
export const channelResponseTime = z
  .object({
    channel: z.enum(CHANNELS),
    /** null when no case of the channel was answered in the last 24 hours. */
    medianSeconds: z.number().int().nullable(),
    sampleSize: z.number().int(),
    /** The last hour, or the last 24 hours when the hour had too few answers. */
    window: z.enum(['1h', '24h']),
    open: z.boolean(),
    /** When closed: the next opening. */
    opensAt: z.date().optional(),
  })
  .meta({ id: 'ChannelResponseTime' });

/** `GET /w/:workspace/response-time.json`. */
export const liveResponseTime = z
  .object({ channels: z.array(channelResponseTime), updatedAt: z.date() })
  .meta({ id: 'LiveResponseTime' });
export type LiveResponseTime = z.infer<typeof liveResponseTime>;

/** The badge's options: language (default the workspace's), colours, and one channel (default the busiest). */
export const responseTimeBadgeQuery = z.strictObject({
  lang: z.enum(['ar', 'en']).optional(),
  theme: z.enum(['light', 'dark']).default('light'),
  channel: z.enum(CHANNELS).optional(),
});
