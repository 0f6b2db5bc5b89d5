import type { LiveEvent } from '@sada/contracts';
import { type Database, LIVE_CHANNEL, type LiveNotice } from '@sada/db';

type Subscriber = { send(event: LiveEvent): void };

/**
 * Fans out changes to the consoles connected to this process. Every process LISTENs on one
 * PostgreSQL channel, so a change made through any process reaches agents connected to any other.
 */
export function createLiveHub(database: Database) {
  const rooms = new Map<string, Set<Subscriber>>();
  let stopListening: (() => Promise<void>) | undefined;

  function deliver(payload: string) {
    let notice: LiveNotice;
    try {
      notice = JSON.parse(payload) as LiveNotice;
    } catch {
      return;
    }
    const room = rooms.get(notice.workspaceId);
    if (!room) return;
    const event: LiveEvent =
      notice.type === 'message.created'
        ? {
            type: notice.type,
            caseId: notice.caseId,
            referenceNumber: notice.referenceNumber,
            messageId: notice.messageId ?? '',
          }
        : { type: notice.type, caseId: notice.caseId, referenceNumber: notice.referenceNumber };
    for (const subscriber of room) subscriber.send(event);
  }

  return {
    async start() {
      stopListening = await database.listen(LIVE_CHANNEL, deliver);
    },
    async stop() {
      await stopListening?.();
      rooms.clear();
    },
    join(workspaceId: string, subscriber: Subscriber): () => void {
      const room = rooms.get(workspaceId) ?? new Set();
      room.add(subscriber);
      rooms.set(workspaceId, room);
      return () => {
        room.delete(subscriber);
        if (room.size === 0) rooms.delete(workspaceId);
      };
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
