import { z } from 'zod';

/** Server-to-console events of the `/api/live` WebSocket; the console and the server share this map. */
export const liveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), workspaceId: z.string() }),
  z.object({ type: z.literal('case.created'), caseId: z.string(), referenceNumber: z.string() }),
  z.object({ type: z.literal('case.updated'), caseId: z.string(), referenceNumber: z.string() }),
  z.object({
    type: z.literal('message.created'),
    caseId: z.string(),
    referenceNumber: z.string(),
    messageId: z.string(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEvent>;
