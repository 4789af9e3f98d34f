import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { serviceDirectory } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { serviceInput, servicePatchInput } from '../../shared/serviceDirectory.js';
import { diffFields, recordAudit } from '../audit/recorder.js';

export const serviceDirectoryPolicy = {
  read: (actor: Actor) => actor.officeId !== null && ['coordinator', 'partner_contact', 'guide'].includes(actor.role),
  manage: (actor: Actor) => actor.role === 'coordinator' && actor.officeId !== null,
};

type Row = typeof serviceDirectory.$inferSelect;
const present = (r: Row, actor: Actor) => ({
  id: r.id,
  name: r.name,
  topics: r.topics as 'court'[],
  phone: r.phone,
  email: r.email,
  url: r.url,
  address: r.address,
  languages: r.languages,
  notes: r.notes,
  abilities: { update: serviceDirectoryPolicy.manage(actor), delete: serviceDirectoryPolicy.manage(actor) },
});

/** The office's directory of Regeldienste and Beratungsstellen, maintained by coordinators. */
export class ServiceDirectoryService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, manage: boolean, work: Parameters<typeof inScope<T>>[2]) {
    if (!(manage ? serviceDirectoryPolicy.manage(actor) : serviceDirectoryPolicy.read(actor))) throw forbidden();
    return inScope(this.ctx.database.db, { officeId: actor.officeId as string }, work);
  }

  list(actor: Actor) {
    return this.scope(actor, false, async (tx) => {
      const rows = await tx
        .select()
        .from(serviceDirectory)
        .where(eq(serviceDirectory.officeId, actor.officeId as string))
        .orderBy(asc(serviceDirectory.name));
      return { items: rows.map((r) => present(r, actor)), total: rows.length };
    });
  }

  create(actor: Actor, input: z.output<typeof serviceInput>) {
    return this.scope(actor, true, async (tx) => {
      const [row] = await tx
        .insert(serviceDirectory)
        .values({ ...input, officeId: actor.officeId as string })
        .returning();
      await recordAudit(tx, actor, {
        action: 'service.created',
        entityType: 'service',
        entityId: row.id,
        changes: diffFields(null, { name: input.name }),
      });
      return present(row, actor);
    });
  }

  update(actor: Actor, id: string, input: z.output<typeof servicePatchInput>) {
    return this.scope(actor, true, async (tx) => {
      const [before] = await tx.select().from(serviceDirectory).where(eq(serviceDirectory.id, id));
      if (!before) throw notFound();
      const [row] = await tx.update(serviceDirectory).set(input).where(eq(serviceDirectory.id, id)).returning();
      await recordAudit(tx, actor, {
        action: 'service.updated',
        entityType: 'service',
        entityId: id,
        changes: diffFields(before, input),
      });
      return present(row, actor);
    });
  }

  delete(actor: Actor, id: string) {
    return this.scope(actor, true, async (tx) => {
      const deleted = await tx
        .delete(serviceDirectory)
        .where(eq(serviceDirectory.id, id))
        .returning({ id: serviceDirectory.id });
      if (deleted.length === 0) throw notFound();
      await recordAudit(tx, actor, { action: 'service.deleted', entityType: 'service', entityId: id });
    });
  }
}
