import { z } from 'zod';

export const PRESENCE_STATES = ['viewing', 'typing'] as const;

export const presenceViewer = z.object({
  userId: z.string(),
  name: z.string(),
  state: z.enum(PRESENCE_STATES),
});
export type PresenceViewer = z.infer<typeof presenceViewer>;

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
  /** Sent only to the sockets of the user the notification is for. */
  z.object({ type: z.literal('notification.created'), notificationId: z.string() }),
  /** Who has a case open now (all of them, each once; `typing` wins over `viewing`). */
  z.object({
    type: z.literal('presence'),
    referenceNumber: z.string(),
    viewers: z.array(presenceViewer),
  }),
  /** A problem (corrective action) or its cases, actions or notes changed: its pages read it again. */
  z.object({ type: z.literal('problem.updated'), problemId: z.string() }),
  /** The customer of a live-chat case is typing (repeated while they type; false when they stop). */
  z.object({ type: z.literal('chat.typing'), referenceNumber: z.string(), isTyping: z.boolean() }),
]);
export type LiveEvent = z.infer<typeof liveEvent>;

/**
 * Console-to-server messages on the same socket. `presence`: the case this console shows (null: none)
 * and whether its agent is typing; repeat it at least every 20 seconds, as it expires after 30.
 */
export const liveCommand = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('presence'),
    referenceNumber: z.string().trim().min(1).max(40).nullable(),
    state: z.enum(PRESENCE_STATES).default('viewing'),
  }),
]);
export type LiveCommand = z.infer<typeof liveCommand>;
