import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError } from '@sada/core';
import {
  countFailedLogins,
  deleteSession,
  findLiveApiToken,
  findLiveSession,
  findUserByEmail,
  findWorkspaceBySlug,
  insertApiToken,
  insertSession,
  listApiTokens,
  listTeamIdsOfUser,
  markLoginAttemptSucceeded,
  recordLoginAttempt,
  revokeApiToken,
  touchApiToken,
  updateUser,
} from '@sada/db';
import type { ServiceContext } from '../services.ts';
import { type Actor, actorFor, asUiLanguage } from './actor.ts';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password.ts';

const LOGIN_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;
const TOKEN_PREFIX = 'sada_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isSameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A token's actor as the cache keeps it: with the token's id and when its use was last recorded. */
export type TokenActor = { actor: Actor; tokenId: string; lastUsedAt: Date | null };

export function createAuthService({ database, clock, config, caches }: ServiceContext) {
  const db = database.orm;

  // The attempt is written before it is counted, so guesses sent at the same moment all see each other.
  async function assertNotThrottled(account: string, ip: string) {
    const since = new Date(clock.now().getTime() - LOGIN_WINDOW_MS);
    const [byAccount, byIp] = await Promise.all([
      countFailedLogins(db, { account }, since),
      countFailedLogins(db, { ip }, since),
    ]);
    if (byAccount > MAX_FAILURES_PER_ACCOUNT || byIp > MAX_FAILURES_PER_IP) {
      throw new AppError('rate_limited', {
        en: 'Too many failed sign-in attempts. Wait 15 minutes, or ask an admin to reset your password.',
        ar: 'محاولات دخول فاشلة كثيرة. انتظر 15 دقيقة، أو اطلب من المدير إعادة تعيين كلمة المرور.',
      });
    }
  }

  async function describe(actor: Actor) {
    const teamIds = await listTeamIdsOfUser(db, actor.userId);
    return {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      language: actor.language,
      teamIds,
      workspace: actor.workspace,
    };
  }

  return {
    /** Checks the password and opens a session; wrong e-mail, password or workspace look the same. */
    async login(options: { email: string; password: string; workspace: string; ip: string }) {
      const email = options.email.trim().toLowerCase();
      const slug = options.workspace.trim().toLowerCase();
      const account = `${slug}:${email}`;
      const attemptId = await recordLoginAttempt(db, {
        account,
        ip: options.ip,
        isSuccess: false,
        attemptedAt: clock.now(),
      });
      await assertNotThrottled(account, options.ip);
      const workspace = await findWorkspaceBySlug(db, slug);
      const user = workspace ? await findUserByEmail(db, workspace.id, email) : undefined;
      const isValid = await verifyPassword(options.password, user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
      const isSuccess = Boolean(workspace && user && user.isActive && isValid);
      if (isSuccess) await markLoginAttemptSucceeded(db, attemptId);
      if (!isSuccess || !workspace || !user) {
        throw new AppError('unauthorized', {
          en: 'The e-mail, password or workspace is not right.',
          ar: 'البريد الإلكتروني أو كلمة المرور أو مساحة العمل غير صحيحة.',
        });
      }
      const token = newSecret();
      const csrfToken = newSecret();
      const now = clock.now();
      await insertSession(db, {
        tokenHash: hashSecret(token),
        userId: user.id,
        workspaceId: workspace.id,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + config.sessionTtlMs),
      });
      return { token, csrfToken, actor: actorFor(user, workspace, 'session') };
    },

    async logout(actor: Actor) {
      if (actor.sessionTokenHash) await deleteSession(db, actor.sessionTokenHash);
    },

    async actorFromSession(token: string): Promise<Actor | undefined> {
      const tokenHash = hashSecret(token);
      const found = await findLiveSession(db, tokenHash, clock.now());
      if (!found) return undefined;
      return {
        ...actorFor(found.user, found.workspace, 'session'),
        csrfToken: found.session.csrfToken,
        sessionTokenHash: tokenHash,
      };
    },

    async actorFromApiToken(token: string): Promise<Actor | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const tokenHash = hashSecret(token);
      const found = await caches.tokenActors.get(tokenHash, async () => {
        const row = await findLiveApiToken(db, tokenHash);
        return (
          row && {
            actor: actorFor(row.user, row.workspace, 'token'),
            tokenId: row.token.id,
            lastUsedAt: row.token.lastUsedAt,
          }
        );
      });
      if (!found) return undefined;
      // Recording use at most once a minute keeps a busy integration from writing on every call.
      const now = clock.now();
      if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
        found.lastUsedAt = now;
        await touchApiToken(db, found.tokenId, now);
      }
      return found.actor;
    },

    describe,

    /** The signed-in user changes their own name or language (`null`: the workspace's default). */
    async updateMe(options: {
      actor: Actor;
      name?: string | undefined;
      language?: 'ar' | 'en' | null | undefined;
    }) {
      const { actor, name, language } = options;
      const values = {
        ...(name !== undefined && { name }),
        ...(language !== undefined && { language }),
      };
      const row =
        Object.keys(values).length > 0
          ? await updateUser(db, actor.workspace.id, actor.userId, values)
          : undefined;
      caches.tokenActors.forgetWhere((cached) => cached.actor.userId === actor.userId);
      return describe({
        ...actor,
        name: row?.name ?? actor.name,
        language: row ? asUiLanguage(row.language ?? actor.workspace.defaultLanguage) : actor.language,
      });
    },

    /** Creates a token for the actor; the secret is returned this once and only its hash is kept. */
    async createApiToken(options: { actor: Actor; name: string }) {
      const secret = `${TOKEN_PREFIX}${newSecret()}`;
      const token = await insertApiToken(db, {
        id: randomUUID(),
        workspaceId: options.actor.workspace.id,
        userId: options.actor.userId,
        name: options.name,
        tokenHash: hashSecret(secret),
        tokenHint: `${secret.slice(0, 9)}…`,
        createdAt: clock.now(),
      });
      return { token, secret };
    },

    async listApiTokens(actor: Actor) {
      return listApiTokens(db, actor.workspace.id, actor.userId);
    },

    async revokeApiToken(options: { actor: Actor; id: string }) {
      const revoked = await revokeApiToken(
        db,
        options.actor.workspace.id,
        options.actor.userId,
        options.id,
        clock.now(),
      );
      if (!revoked)
        throw new AppError('not_found', {
          en: 'No active API token of yours has this id.',
          ar: 'لا يوجد لديك مفتاح واجهة برمجية نشط بهذا المعرّف.',
        });
      caches.tokenActors.forget(revoked.tokenHash);
      return revoked;
    },
  };
}
