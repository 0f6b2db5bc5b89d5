import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { idempotencyKey } from '../schema.ts';

type KeyId = { workspaceId: string; userId: string; key: string };
export type IdempotencyRecord = typeof idempotencyKey.$inferSelect;

/**
 * Claims a key for one request. Returns undefined when this request now owns the key, or the
 * existing record (finished with its stored answer, or still in flight) when another request has it.
 */
export async function claimIdempotencyKey(
  executor: Executor,
  id: KeyId & { fingerprint: string; now: Date },
): Promise<IdempotencyRecord | undefined> {
  const inserted = await executor
    .insert(idempotencyKey)
    .values({
      workspaceId: id.workspaceId,
      userId: id.userId,
      key: id.key,
      fingerprint: id.fingerprint,
      createdAt: id.now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKey.key });
  if (inserted.length > 0) return undefined;
  const [existing] = await executor.select().from(idempotencyKey).where(keyIs(id));
  return existing;
}

export async function completeIdempotencyKey(
  executor: Executor,
  id: KeyId & { statusCode: number; body: unknown },
) {
  await executor
    .update(idempotencyKey)
    .set({ statusCode: id.statusCode, responseBody: sql`${JSON.stringify(id.body ?? null)}::jsonb` })
    .where(keyIs(id));
}

/** Frees a key whose request failed, so that a retry can run it again. */
export async function releaseIdempotencyKey(executor: Executor, id: KeyId): Promise<void> {
  await executor.delete(idempotencyKey).where(keyIs(id));
}

function keyIs(id: KeyId) {
  return and(
    eq(idempotencyKey.workspaceId, id.workspaceId),
    eq(idempotencyKey.userId, id.userId),
    eq(idempotencyKey.key, id.key),
  );
}
