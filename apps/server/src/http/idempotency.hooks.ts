import { createHash } from 'node:crypto';
import type { Clock } from '@sada/core';
import { AppError } from '@sada/core';
import { claimIdempotencyKey, completeIdempotencyKey, type Database, releaseIdempotencyKey } from '@sada/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type Claim = { workspaceId: string; userId: string; key: string };
const claims = new WeakMap<FastifyRequest, Claim>();

/**
 * `Idempotency-Key` on a POST: the first request runs and its successful answer is stored; a retry
 * with the same key gets that answer back and creates nothing. A failed request frees the key.
 */
export function registerIdempotencyHooks(
  app: FastifyInstance,
  { database, clock }: { database: Database; clock: Clock },
) {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.actor) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new AppError('bad_request', {
        en: 'The Idempotency-Key header must be 1 to 200 characters.',
        ar: 'يجب أن يكون طول ترويسة Idempotency-Key من 1 إلى 200 حرف.',
      });
    }
    const claim = { workspaceId: request.actor.workspace.id, userId: request.actor.userId, key };
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('base64url');
    const existing = await claimIdempotencyKey(database.orm, { ...claim, fingerprint, now: clock.now() });
    if (!existing) {
      claims.set(request, claim);
      return;
    }
    if (existing.fingerprint !== fingerprint) {
      throw new AppError('validation_failed', {
        en: 'This Idempotency-Key was already used for a different request; use a new key.',
        ar: 'استُخدم مفتاح Idempotency-Key هذا لطلب مختلف؛ استخدم مفتاحًا جديدًا.',
      });
    }
    if (existing.statusCode === null) {
      throw new AppError('conflict', {
        en: 'A request with this Idempotency-Key is still running; retry in a moment.',
        ar: 'طلب بمفتاح Idempotency-Key هذا ما زال قيد التنفيذ؛ أعد المحاولة بعد قليل.',
      });
    }
    // The stored answer is already JSON: sent as text it skips the response schema, which expects Dates.
    return reply
      .status(existing.statusCode)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(existing.responseBody));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await completeIdempotencyKey(database.orm, {
        ...claim,
        statusCode: reply.statusCode,
        body: JSON.parse(payload),
      });
    } else {
      await releaseIdempotencyKey(database.orm, claim);
    }
    return payload;
  });

  // A request that dies before answering must not keep its key forever.
  app.addHook('onRequestAbort', async (request) => {
    const claim = claims.get(request);
    if (claim) await releaseIdempotencyKey(database.orm, claim);
  });
}
