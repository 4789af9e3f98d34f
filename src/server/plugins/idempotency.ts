import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { IDEMPOTENCY_KEY_TTL_DAYS, parseIdempotencyKey, requestFingerprint } from '../../domain/idempotency/key.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours an `Idempotency-Key` header (creates that a phone may send again from its offline queue). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim: { officeId: string; userId: string; key: string } | null;
  }
}

/**
 * `Idempotency-Key` on the routes that opt in (`config.idempotent`). The first request with a key claims it (a row
 * without an answer); its successful answer is stored with the row, a failed one releases the key, so a retry after
 * a validation error is checked again. A repeated key gets the stored answer (`idempotent-replayed: true`) and
 * creates nothing; the same key with another request is 422 `idempotency_key_reused`; a key whose first request
 * is still running is 409 `idempotency_key_in_progress` (the client tries again later). Keys are per office and
 * user: another user's key never collides with or reveals anything. No header: the route behaves as before.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config?.idempotent !== true) return;
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (key === null) return;
    if (key === 'invalid') throw new AppError(400, 'idempotency_key_invalid');
    const actor = request.actor;
    if (!actor?.officeId || actor.accountless) return;
    const officeId = actor.officeId;
    const userId = actor.userId;
    const requestHash = requestFingerprint(request.method, request.url, request.body);
    const existing = await inScope(db, { officeId }, async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ officeId, userId, key, requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length) return null;
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(
          and(eq(idempotencyKeys.officeId, officeId), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)),
        );
      return row ?? null;
    });
    if (!existing) {
      request.idempotencyClaim = { officeId, userId, key };
      return;
    }
    if (existing.requestHash !== requestHash) throw new AppError(422, 'idempotency_key_reused');
    if (existing.statusCode === null) throw new AppError(409, 'idempotency_key_in_progress');
    reply.header('idempotent-replayed', 'true');
    return reply.code(existing.statusCode).send(existing.response);
  });

  // Before compression (registered earlier), so the payload is still the serialized JSON.
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const where = keyOf(claim);
    const ok = reply.statusCode >= 200 && reply.statusCode < 300;
    const response = ok ? parsed(payload) : undefined;
    try {
      await inScope(db, { officeId: claim.officeId }, (tx) =>
        ok && response !== undefined
          ? tx.update(idempotencyKeys).set({ statusCode: reply.statusCode, response }).where(where)
          : tx.delete(idempotencyKeys).where(where),
      );
    } catch (error) {
      // The entry is saved; only the memory of the key failed. A repeat then answers 409 until the key expires.
      request.log.error({ err: error }, 'idempotency key not stored');
    }
    return payload;
  });
}

const keyOf = (claim: NonNullable<FastifyRequest['idempotencyClaim']>) =>
  and(
    eq(idempotencyKeys.officeId, claim.officeId),
    eq(idempotencyKeys.userId, claim.userId),
    eq(idempotencyKeys.key, claim.key),
  );

function parsed(payload: unknown): unknown {
  if (typeof payload !== 'string') return undefined;
  try {
    return payload ? JSON.parse(payload) : null;
  } catch {
    return undefined;
  }
}

/** Deletes keys older than the time-to-live, in every office; called by the daily retention job. */
export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_DAYS * 24 * 60 * 60 * 1000);
  const gone = await inScope(db, 'system', (tx) =>
    tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key }),
  );
  return gone.length;
}
