import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import type { pushSubscriptionInput } from '../../shared/push.js';
import { recordAudit } from '../audit/recorder.js';
import { endpointAllowed, endpointHash } from './endpoint.js';
import { type PushSubscriptionRow, pushRepository } from './repository.js';

const decodedLength = (base64url: string) => Buffer.from(base64url, 'base64url').length;

const view = (row: PushSubscriptionRow) => ({
  id: row.id,
  endpointHash: row.endpointHash,
  deviceLabel: row.deviceLabel,
  createdAt: row.createdAt.toISOString(),
  lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
  lastFailureAt: row.lastFailureAt?.toISOString() ?? null,
});

/**
 * A signed-in user's push subscriptions ("push on this device"), whatever the role. Only the owner lists or deletes
 * them; the endpoint and keys never leave the server again, nor reach a log or the audit trail.
 */
export class PushService {
  constructor(private readonly ctx: AppContext) {}

  get enabled() {
    return Boolean(this.ctx.config.vapid);
  }

  /** Platform admins have no office: their rows have none either, so they are read in the system scope. */
  private run<T>(actor: Actor, work: Parameters<typeof inScope<T>>[2]) {
    if (actor.accountless) throw forbidden();
    return inScope(this.ctx.database.db, actor.officeId ? { officeId: actor.officeId } : 'system', work);
  }

  async list(actor: Actor) {
    const rows = await this.run(actor, (tx) => pushRepository.listOwn(tx, actor.userId));
    return {
      enabled: this.enabled,
      publicKey: this.ctx.config.vapid?.publicKey ?? null,
      items: rows.map(view),
      total: rows.length,
    };
  }

  /**
   * Subscribing the same device again is idempotent. A device that another account had subscribed (a shared phone)
   * now belongs to this account only, so nobody else's notifications reach it.
   */
  async subscribe(actor: Actor, input: z.output<typeof pushSubscriptionInput>) {
    if (actor.accountless) throw forbidden();
    if (!this.enabled) throw new AppError(409, 'push_not_configured');
    if (!endpointAllowed(input.endpoint, this.ctx.config.env)) throw field('endpoint', 'pushEndpointNotAllowed');
    if (decodedLength(input.keys.p256dh) !== 65 || !Buffer.from(input.keys.p256dh, 'base64url')[0])
      throw field('keys.p256dh', 'pushKeyInvalid');
    if (decodedLength(input.keys.auth) !== 16) throw field('keys.auth', 'pushKeyInvalid');
    const hash = endpointHash(input.endpoint);
    const row = await inScope(this.ctx.database.db, 'system', async (tx) => {
      const replaced = await pushRepository.deleteByEndpointHash(tx, hash);
      const created = await pushRepository.insert(tx, {
        officeId: actor.officeId,
        userId: actor.userId,
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        endpointHash: hash,
        deviceLabel: input.deviceLabel || null,
      });
      if (!replaced.some((r) => r.userId === actor.userId))
        await recordAudit(tx, actor, {
          action: 'push_subscription.added',
          entityType: 'user',
          entityId: actor.userId,
          changes: { deviceLabel: created.deviceLabel },
        });
      return created;
    });
    return view(row);
  }

  unsubscribe(actor: Actor, id: string) {
    return this.run(actor, async (tx) => {
      const row = await pushRepository.findOwn(tx, actor.userId, id);
      if (!row) throw notFound();
      await pushRepository.deleteOwn(tx, actor.userId, id);
      await recordAudit(tx, actor, {
        action: 'push_subscription.removed',
        entityType: 'user',
        entityId: actor.userId,
        changes: { deviceLabel: row.deviceLabel },
      });
    });
  }
}

const field = (path: string, code: 'pushEndpointNotAllowed' | 'pushKeyInvalid') =>
  new AppError(400, 'validation_failed', [{ path, code }]);
