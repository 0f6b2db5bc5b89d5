import { AppError, type Clock } from '@sada/core';
import { countPublicAttempts, type Database, recordPublicAttempt } from '@sada/db';

/** How many requests one address may make to one public endpoint of one workspace, per window. */
export const PUBLIC_LIMITS = {
  complaint: { max: 10, windowMs: 3_600_000 },
  status: { max: 10, windowMs: 15 * 60_000 },
  chat: { max: 20, windowMs: 3_600_000 },
  message: { max: 60, windowMs: 3_600_000 },
} as const;
export type PublicBucket = keyof typeof PUBLIC_LIMITS;

/**
 * Counts one request from `ip` and refuses it when the address has used up its window. Counted in the
 * database, so every server process sees the same count.
 */
export async function takePublicAttempt(
  deps: { database: Database; clock: Clock },
  bucket: PublicBucket,
  workspaceId: string,
  ip: string,
): Promise<void> {
  const limit = PUBLIC_LIMITS[bucket];
  const now = deps.clock.now();
  const key = `${bucket}:${workspaceId}`;
  const used = await countPublicAttempts(
    deps.database.orm,
    key,
    ip,
    new Date(now.getTime() - limit.windowMs),
  );
  if (used >= limit.max) {
    const minutes = Math.round(limit.windowMs / 60_000);
    throw new AppError('rate_limited', {
      en: `Too many attempts from your network. Please wait ${minutes} minutes and try again.`,
      ar: `محاولات كثيرة من شبكتك. انتظر ${minutes} دقيقة ثم حاول مرة أخرى.`,
    });
  }
  await recordPublicAttempt(deps.database.orm, key, ip, now);
}
