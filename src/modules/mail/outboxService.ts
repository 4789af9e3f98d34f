import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inOrder } from '../../db/inOrder.js';
import { outbox } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, forbidden, notFound } from '../../server/errors.js';
import type { outboxListQuery } from '../../shared/audit.js';
import { recordAudit } from '../audit/recorder.js';

/**
 * Coordinators read their own office's mail; the platform admin reads platform-level mail only (office_id null, e.g.
 * invitations of other platform admins), never an office's mail through the system scope. Everyone reads it with
 * secrets replaced by placeholders: a link is for its recipient only.
 */
export const outboxPolicy = {
  read: (actor: Actor) => (actor.role === 'coordinator' && actor.officeId !== null) || actor.role === 'platform_admin',
  /** Sending failed mail again is office work: the coordinator of the office whose mail it is. */
  resend: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};

type OutboxRow = typeof outbox.$inferSelect;

const present = (
  m: Pick<OutboxRow, 'id' | 'to' | 'subject' | 'text' | 'status' | 'error' | 'attempts' | 'createdAt' | 'sentAt'>,
) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  status: m.status as 'queued' | 'sent' | 'failed' | 'stored',
  error: m.error,
  attempts: m.attempts,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

const listed = {
  id: outbox.id,
  to: outbox.to,
  subject: outbox.subject,
  // Stored with a placeholder for every secret; the sealed secrets (secretPayload) are never selected.
  text: outbox.text,
  status: outbox.status,
  error: outbox.error,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
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
            .select(listed)
            .from(outbox)
            .where(where)
            .orderBy(desc(outbox.createdAt), desc(outbox.id))
            .limit(q.limit)
            .offset(q.offset),
        () => tx.select({ total: count() }).from(outbox).where(where),
      );
      return { items: rows.map(present), total };
    });
  }

  /**
   * Sends a message again whose delivery failed for good: back to `queued` with a fresh count of attempts, then to
   * the queue. Its sealed secrets were kept on failure, so the recipient gets the real link. Only failed mail: a sent
   * one would arrive twice, a queued one is still being tried.
   */
  async resend(actor: Actor, id: string) {
    if (!outboxPolicy.resend(actor)) throw forbidden();
    const officeId = actor.officeId as string;
    const message = await inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const [row] = await tx
        .select(listed)
        .from(outbox)
        .where(and(eq(outbox.id, id), eq(outbox.officeId, officeId)))
        .for('update');
      if (!row) throw notFound();
      if (row.status !== 'failed') throw conflict();
      const [updated] = await tx
        .update(outbox)
        .set({ status: 'queued', error: null, attempts: 0 })
        .where(eq(outbox.id, id))
        .returning(listed);
      await recordAudit(tx, actor, { action: 'mail.resent', entityType: 'outbox', entityId: id });
      return updated;
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [id]);
    const [current] = await inScope(this.ctx.database.db, { officeId }, (tx) =>
      tx.select(listed).from(outbox).where(eq(outbox.id, id)),
    );
    return present(current ?? message);
  }
}
