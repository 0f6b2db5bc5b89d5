import { randomUUID } from 'node:crypto';
import type { LiveEvent, PresenceViewer } from '@sada/contracts';
import type { Clock } from '@sada/core';
import { announce, type Database, LIVE_CHANNEL, type LiveNotice } from '@sada/db';
import { createPresenceBoard, type PresenceChange } from './presence.ts';

type Subscriber = { userId: string; send(event: LiveEvent): void };

/** One console connected to this process, as the live route sees it. */
export type LiveMember = {
  /** Says which case this console shows now (null: none) and whether its user is typing. */
  setPresence(referenceNumber: string | null, state: PresenceViewer['state']): void;
  /** Who has which case open in the workspace right now. */
  presenceSnapshot(): LiveEvent[];
  leave(): void;
};

export type LiveHubOptions = {
  clock: Clock;
  /** How long a presence lasts after its console's last word. */
  presenceTtlMs?: number;
  /** How often expired presence is looked for. */
  sweepIntervalMs?: number;
};

const PRESENCE_TTL_MS = 30_000;
const SWEEP_INTERVAL_MS = 1_000;
// A console repeating the same presence is passed on at most this often: a repeat only renews the
// entry, which may then expire up to this much before 30 s after the console's very last word.
const PRESENCE_REFRESH_MS = 5_000;
const CONSOLES_REFRESH_MS = 15_000;
const CONSOLES_TTL_MS = 40_000;

const presenceEvent = (change: PresenceChange): LiveEvent => ({
  type: 'presence',
  referenceNumber: change.referenceNumber,
  viewers: change.viewers,
});

/**
 * Fans out changes to the consoles connected to this process. Every process LISTENs on one
 * PostgreSQL channel, so a change made through any process reaches agents connected to any other.
 * Presence travels the same way: each process publishes its consoles' presence and merges everyone's.
 */
export function createLiveHub(database: Database, options: LiveHubOptions) {
  const { clock } = options;
  const rooms = new Map<string, Set<Subscriber>>();
  const board = createPresenceBoard(options.presenceTtlMs ?? PRESENCE_TTL_MS);
  const publishing = new Set<Promise<void>>();
  const noticeListeners = new Set<(notice: LiveNotice) => void>();
  const presenceListeners = new Set<(change: PresenceChange) => void>();
  const processId = randomUUID();
  const remoteConsoles = new Map<string, Map<string, { count: number; expiresAt: number }>>();
  let consolesTimer: NodeJS.Timeout | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let sweeper: NodeJS.Timeout | undefined;

  function broadcast(workspaceId: string, event: LiveEvent, onlyUserId?: string) {
    for (const subscriber of rooms.get(workspaceId) ?? []) {
      if (!onlyUserId || subscriber.userId === onlyUserId) subscriber.send(event);
    }
  }

  function broadcastPresence(changes: PresenceChange[]) {
    for (const change of changes) {
      broadcast(change.workspaceId, presenceEvent(change));
      for (const listener of presenceListeners) listener(change);
    }
  }

  // Each process tells the others how many consoles of a workspace it holds, on every change and
  // every CONSOLES_REFRESH_MS; a count not repeated within CONSOLES_TTL_MS is forgotten.
  function publishConsoles(workspaceId: string) {
    publish({ type: 'consoles', workspaceId, processId, count: rooms.get(workspaceId)?.size ?? 0 });
  }

  function eventOf(notice: LiveNotice): LiveEvent | undefined {
    switch (notice.type) {
      case 'case.created':
      case 'case.updated':
        return { type: notice.type, caseId: notice.caseId, referenceNumber: notice.referenceNumber };
      case 'message.created':
        return {
          type: notice.type,
          caseId: notice.caseId,
          referenceNumber: notice.referenceNumber,
          messageId: notice.messageId ?? '',
        };
      case 'notification.created':
        return { type: notice.type, notificationId: notice.notificationId };
      case 'problem.updated':
        return { type: notice.type, problemId: notice.problemId };
      case 'chat.typing':
        return { type: notice.type, referenceNumber: notice.referenceNumber, isTyping: notice.isTyping };
      case 'presence':
      case 'consoles':
        return undefined;
    }
  }

  function deliver(payload: string) {
    let notice: LiveNotice;
    try {
      notice = JSON.parse(payload) as LiveNotice;
    } catch {
      return;
    }
    if (notice.type === 'presence') {
      broadcastPresence(board.apply(notice, clock.now().getTime()));
      return;
    }
    if (notice.type === 'consoles') {
      const counts = remoteConsoles.get(notice.workspaceId) ?? new Map();
      counts.set(notice.processId, {
        count: notice.count,
        expiresAt: clock.now().getTime() + CONSOLES_TTL_MS,
      });
      remoteConsoles.set(notice.workspaceId, counts);
      return;
    }
    for (const listener of noticeListeners) listener(notice);
    const event = eventOf(notice);
    if (event) broadcast(notice.workspaceId, event, notice.userId);
  }

  // Presence is best-effort and outside any transaction: a notice lost while the database is away
  // is repaired by the console's next one, or expires.
  function publish(notice: LiveNotice) {
    const sending = announce(database.orm, notice).catch(() => {});
    publishing.add(sending);
    void sending.finally(() => publishing.delete(sending));
  }

  return {
    async start() {
      stopListening = await database.listen(LIVE_CHANNEL, deliver);
      sweeper = setInterval(
        () => broadcastPresence(board.sweep(clock.now().getTime())),
        options.sweepIntervalMs ?? SWEEP_INTERVAL_MS,
      );
      sweeper.unref();
      consolesTimer = setInterval(() => {
        for (const workspaceId of rooms.keys()) publishConsoles(workspaceId);
      }, CONSOLES_REFRESH_MS);
      consolesTimer.unref();
    },
    async stop() {
      clearInterval(sweeper);
      clearInterval(consolesTimer);
      // Consoles closed just before still tell the other processes they left.
      await Promise.allSettled([...publishing]);
      await stopListening?.();
      rooms.clear();
    },
    /** Calls `listener` whenever who views or types on a case changes; returns the unsubscribe. */
    onPresence(listener: (change: PresenceChange) => void): () => void {
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
    },
    /** Whether any process holds a console of the workspace open: an agent can answer a chat now. */
    hasConsoles(workspaceId: string): boolean {
      if ((rooms.get(workspaceId)?.size ?? 0) > 0) return true;
      const now = clock.now().getTime();
      for (const entry of remoteConsoles.get(workspaceId)?.values() ?? []) {
        if (entry.count > 0 && entry.expiresAt > now) return true;
      }
      return false;
    },
    /** Tells the consoles of the workspace that a chat's customer types (best-effort, at once). */
    publishChatTyping(
      workspaceId: string,
      chat: { caseId: string; referenceNumber: string },
      isTyping: boolean,
    ) {
      publish({ type: 'chat.typing', workspaceId, ...chat, isTyping });
    },
    /** Who views or types on the workspace's cases now, merged from every process. */
    viewersOf(workspaceId: string, referenceNumber: string): PresenceViewer[] {
      return (
        board.snapshot(workspaceId).find((change) => change.referenceNumber === referenceNumber)?.viewers ??
        []
      );
    },
    /** Calls `listener` with every change notice any process sends (not presence); returns the unsubscribe. */
    onNotice(listener: (notice: LiveNotice) => void): () => void {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    join(
      member: { workspaceId: string; userId: string; name: string },
      send: (event: LiveEvent) => void,
    ): LiveMember {
      const { workspaceId } = member;
      const subscriber: Subscriber = { userId: member.userId, send };
      const room = rooms.get(workspaceId) ?? new Set();
      room.add(subscriber);
      rooms.set(workspaceId, room);
      publishConsoles(workspaceId);
      const socketId = randomUUID();
      let published:
        | { referenceNumber: string | null; state: PresenceViewer['state']; at: number }
        | undefined;
      const setPresence = (referenceNumber: string | null, state: PresenceViewer['state']) => {
        const now = clock.now().getTime();
        const isRepeat =
          published?.referenceNumber === referenceNumber &&
          published.state === state &&
          now - published.at < PRESENCE_REFRESH_MS;
        if (isRepeat || (referenceNumber === null && !published?.referenceNumber)) return;
        published = { referenceNumber, state, at: now };
        publish({
          type: 'presence',
          workspaceId,
          socketId,
          userId: member.userId,
          name: member.name,
          referenceNumber,
          state,
        });
      };
      return {
        setPresence,
        presenceSnapshot: () => board.snapshot(workspaceId).map(presenceEvent),
        leave() {
          room.delete(subscriber);
          publishConsoles(workspaceId);
          if (room.size === 0) rooms.delete(workspaceId);
          if (published?.referenceNumber) setPresence(null, 'viewing');
        },
      };
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
