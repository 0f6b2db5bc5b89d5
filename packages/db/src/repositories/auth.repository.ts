import { and, count, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import {
  apiToken,
  appUser,
  idempotencyKey,
  loginAttempt,
  publicAttempt,
  userSession,
  workspace,
} from '../schema.ts';

export type ApiTokenRow = typeof apiToken.$inferSelect;

export async function insertSession(
  executor: Executor,
  values: typeof userSession.$inferInsert,
): Promise<void> {
  await executor.insert(userSession).values(values);
}

/** The session's user and workspace, when the session exists, has not expired, and the user is active. */
export async function findLiveSession(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({ session: userSession, user: appUser, workspace })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .innerJoin(workspace, eq(workspace.id, userSession.workspaceId))
    .where(
      and(eq(userSession.tokenHash, tokenHash), gt(userSession.expiresAt, now), eq(appUser.isActive, true)),
    );
  return row;
}

export async function deleteSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(executor: Executor, userId: string): Promise<void> {
  await executor.delete(userSession).where(eq(userSession.userId, userId));
}

export async function insertApiToken(
  executor: Executor,
  values: typeof apiToken.$inferInsert,
): Promise<ApiTokenRow> {
  const [row] = await executor.insert(apiToken).values(values).returning();
  return row!;
}

export async function listApiTokens(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<ApiTokenRow[]> {
  return executor
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.workspaceId, workspaceId), eq(apiToken.userId, userId)))
    .orderBy(apiToken.createdAt);
}

export async function revokeApiToken(
  executor: Executor,
  workspaceId: string,
  userId: string,
  id: string,
  now: Date,
) {
  const [row] = await executor
    .update(apiToken)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiToken.workspaceId, workspaceId),
        eq(apiToken.userId, userId),
        eq(apiToken.id, id),
        isNull(apiToken.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** The token's owner and workspace, when the token is not revoked and the user is active. */
export async function findLiveApiToken(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({ token: apiToken, user: appUser, workspace })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .innerJoin(workspace, eq(workspace.id, apiToken.workspaceId))
    .where(and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), eq(appUser.isActive, true)));
  return row;
}

export async function touchApiToken(executor: Executor, id: string, now: Date): Promise<void> {
  await executor.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, id));
}

/** Records an attempt (as failed until proven otherwise) and returns its id. */
export async function recordLoginAttempt(
  executor: Executor,
  values: typeof loginAttempt.$inferInsert,
): Promise<number> {
  const [row] = await executor.insert(loginAttempt).values(values).returning({ id: loginAttempt.id });
  return row!.id;
}

export async function markLoginAttemptSucceeded(executor: Executor, id: number): Promise<void> {
  await executor.update(loginAttempt).set({ isSuccess: true }).where(eq(loginAttempt.id, id));
}

export async function countFailedLogins(
  executor: Executor,
  by: { account: string } | { ip: string },
  since: Date,
) {
  const where =
    'account' in by
      ? and(
          eq(loginAttempt.account, by.account),
          eq(loginAttempt.isSuccess, false),
          gt(loginAttempt.attemptedAt, since),
        )
      : and(
          eq(loginAttempt.ip, by.ip),
          eq(loginAttempt.isSuccess, false),
          gt(loginAttempt.attemptedAt, since),
        );
  const [row] = await executor.select({ total: count() }).from(loginAttempt).where(where);
  return row?.total ?? 0;
}

/** Deletes what has outlived its use: expired sessions, old login and public attempts, idempotency keys. */
export async function purgeExpired(
  executor: Executor,
  now: Date,
  retention: { loginAttemptsMs: number; idempotencyMs: number },
) {
  const sessions = await executor
    .delete(userSession)
    .where(lt(userSession.expiresAt, now))
    .returning({ id: userSession.tokenHash });
  const attempts = await executor
    .delete(loginAttempt)
    .where(lt(loginAttempt.attemptedAt, new Date(now.getTime() - retention.loginAttemptsMs)))
    .returning({ id: loginAttempt.id });
  const publicAttempts = await executor
    .delete(publicAttempt)
    .where(lt(publicAttempt.attemptedAt, new Date(now.getTime() - retention.loginAttemptsMs)))
    .returning({ id: publicAttempt.id });
  const keys = await executor
    .delete(idempotencyKey)
    .where(lt(idempotencyKey.createdAt, new Date(now.getTime() - retention.idempotencyMs)))
    .returning({ key: idempotencyKey.key });
  return {
    sessions: sessions.length,
    loginAttempts: attempts.length + publicAttempts.length,
    idempotencyKeys: keys.length,
  };
}
