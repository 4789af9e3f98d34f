import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { inOrder } from '../../db/inOrder.js';
import { auditEvents, guideCorrections } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { auditListQuery } from '../../shared/audit.js';

export const auditPolicy = {
  /** Coordinators read their office's log; platform admins read platform-level events. Nobody edits it. */
  read: (actor: Actor) => (actor.role === 'coordinator' && actor.officeId !== null) || actor.role === 'platform_admin',
};

/** Puts a correction's old values back in place of the redaction marker of the fields it corrected. */
function withPrevious(changes: Record<string, unknown> | null, previous: Record<string, unknown> | undefined) {
  if (!changes || !previous) return changes;
  const out: Record<string, unknown> = { ...changes };
  for (const [key, from] of Object.entries(previous)) {
    const change = out[key];
    if (change && typeof change === 'object') out[key] = { ...change, from };
  }
  return out;
}

export class AuditService {
  constructor(private readonly ctx: AppContext) {}

  list(actor: Actor, q: z.output<typeof auditListQuery>) {
    if (!auditPolicy.read(actor)) throw forbidden();
    const scope = actor.officeId ? { officeId: actor.officeId } : ('system' as const);
    return inScope(this.ctx.database.db, scope, async (tx) => {
      const conditions: SQL[] = [
        actor.officeId ? eq(auditEvents.officeId, actor.officeId) : isNull(auditEvents.officeId),
      ];
      if (q.entityType) conditions.push(eq(auditEvents.entityType, q.entityType));
      if (q.entityId) conditions.push(eq(auditEvents.entityId, q.entityId));
      if (q.action) conditions.push(eq(auditEvents.action, q.action));
      const where = and(...conditions);
      const [rows, [{ total }]] = await inOrder(
        () =>
          tx
            .select()
            .from(auditEvents)
            .where(where)
            .orderBy(desc(auditEvents.at), desc(auditEvents.id))
            .limit(q.limit)
            .offset(q.offset),
        () => tx.select({ total: count() }).from(auditEvents).where(where),
      );
      // Art. 16: the old values of a corrected guide's personal data are shown here and nowhere else.
      const ids = rows.filter((r) => r.action === 'guide.updated').map((r) => r.id);
      const corrections = ids.length
        ? await tx
            .select({ eventId: guideCorrections.auditEventId, previous: guideCorrections.previous })
            .from(guideCorrections)
            .where(inArray(guideCorrections.auditEventId, ids))
        : [];
      const previousOf = new Map(corrections.map((c) => [c.eventId, c.previous]));
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actorUserId,
          actorName: r.actorName,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          changes: withPrevious(r.changes, previousOf.get(r.id)),
        })),
        total,
      };
    });
  }
}
