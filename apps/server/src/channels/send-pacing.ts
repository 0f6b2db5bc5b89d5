import type { SocialKind } from '@sada/channels';
import type { Clock } from '@sada/core';

/**
 * Sends one account may make a minute, under each platform's documented write limits (CHANNELS.md):
 * X allows 100 posts per 15 minutes per user, Telegram about one message a second per chat and 30 a
 * second per bot, Meta's Send API rate is per Page and generous. Counted per process.
 */
export const SENDS_PER_MINUTE: Record<SocialKind, number> = {
  facebook: 300,
  instagram: 100,
  whatsapp: 600,
  telegram: 60,
  x: 6,
};

const WINDOW_MS = 60_000;

/** A sliding one-minute window per account: `take` answers 0 and counts the send, or how long to wait. */
export function createSendPacer(clock: Clock, limits: Record<SocialKind, number> = SENDS_PER_MINUTE) {
  const sent = new Map<string, number[]>();
  return {
    take(accountId: string, kind: SocialKind): number {
      const now = clock.now().getTime();
      const recent = (sent.get(accountId) ?? []).filter((at) => at > now - WINDOW_MS);
      if (recent.length >= limits[kind]) {
        sent.set(accountId, recent);
        return recent[0]! + WINDOW_MS - now;
      }
      recent.push(now);
      sent.set(accountId, recent);
      return 0;
    },
  };
}
