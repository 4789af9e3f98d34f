import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inOrder } from '../../db/inOrder.js';
import { outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { outboxListQuery } from '../../shared/audit.js';

export const outboxPolicy = {
  read: (actor: Actor) => (actor.role === 'coordinator' && actor.officeId !== null) || actor.role === 'platform_admin',
};

export class OutboxService {
  constructor(private readonly ctx: AppContext) {}

  /** Coordinators read their office's mail; platform admins read all of it (the system scope). */
  list(actor: Actor, q: z.output<typeof outboxListQuery>) {
    if (!outboxPolicy.read(actor)) throw forbidden();
    const scope = actor.officeId ? { officeId: actor.officeId } : ('system' as const);
    return inScope(this.ctx.database.db, scope, async (tx) => {
      const conditions: SQL[] = [];
      if (actor.officeId) conditions.push(eq(outbox.officeId, actor.officeId));
      if (q.to) conditions.push(eq(outbox.to, q.to.toLowerCase()));
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [{ total }]] = await inOrder(
        () =>
          tx
            .select()
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
