import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inOrder } from '../../db/inOrder.js';
import { outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { outboxListQuery } from '../../shared/audit.js';

/**
 * Coordinators read their own office's mail; the platform admin reads platform-level mail only (office_id null, e.g.
 * invitations of other platform admins), never an office's mail through the system scope. Everyone reads it with
 * secrets replaced by placeholders: a link is for its recipient only.
 */
export const outboxPolicy = {
  read: (actor: Actor) => (actor.role === 'coordinator' && actor.officeId !== null) || actor.role === 'platform_admin',
};

export class OutboxService {
  constructor(private readonly ctx: AppContext) {}

  list(actor: Actor, q: z.output<typeof outboxListQuery>) {
    if (!outboxPolicy.read(actor)) throw forbidden();
    const officeId = actor.role === 'coordinator' ? actor.officeId : null;
    const scope = officeId ? { officeId } : ('system' as const);
    return inScope(this.ctx.database.db, scope, async (tx) => {
      // The office condition is explicit in both cases: the system scope would otherwise show every office's mail.
      const conditions: SQL[] = [officeId ? eq(outbox.officeId, officeId) : isNull(outbox.officeId)];
      if (q.to) conditions.push(eq(outbox.to, q.to.toLowerCase()));
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [{ total }]] = await inOrder(
        () =>
          tx
            .select({
              id: outbox.id,
              to: outbox.to,
              subject: outbox.subject,
              // Stored with a placeholder for every secret; the sealed secrets (secretPayload) are never selected.
              text: outbox.text,
              status: outbox.status,
              createdAt: outbox.createdAt,
              sentAt: outbox.sentAt,
            })
            .from(outbox)
            .where(where)
            .orderBy(desc(outbox.createdAt), desc(outbox.id))
            .limit(q.limit)
            .offset(q.offset),
        () => tx.select({ total: count() }).from(outbox).where(where),
      );
      return {
        items: rows.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          status: m.status as 'queued' | 'sent' | 'failed' | 'stored',
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
        total,
      };
    });
  }
}
