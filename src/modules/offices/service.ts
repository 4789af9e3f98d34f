import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { officeCreateInput, officePatchInput } from '../../shared/offices.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import type { UserService } from '../users/service.js';
import { officePolicy } from './policy.js';
import { officeRepository as repo } from './repository.js';

type OfficeRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
const present = (o: OfficeRow, counts: { guideCount: number; userCount: number }, actor: Actor) => ({
  id: o.id,
  name: o.name,
  city: o.city,
  ...counts,
  createdAt: o.createdAt.toISOString(),
  abilities: { update: officePolicy.manage(actor) || (officePolicy.updateOwn(actor) && actor.officeId === o.id) },
});

export class OfficeService {
  constructor(
    private readonly ctx: AppContext,
    private readonly users: UserService,
  ) {}

  list(actor: Actor) {
    if (!officePolicy.manage(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const rows = await repo.listWithCounts(tx);
      return { items: rows.map((r) => present(r.office, r, actor)), total: rows.length };
    });
  }

  /** Used by the API, the CLI and the seed. */
  async createInTx(tx: Tx, actor: Actor, input: z.output<typeof officeCreateInput>) {
    const office = await repo.insertWithDefaults(tx, { name: input.name, city: input.city });
    await recordAudit(tx, actor, {
      action: 'office.created',
      entityType: 'office',
      entityId: office.id,
      officeId: office.id,
      changes: diffFields(null, { name: input.name, city: input.city }),
    });
    let mailId: string | null = null;
    if (input.coordinatorEmail) {
      const invited = await this.users.createInvitedUser(tx, actor, {
        email: input.coordinatorEmail,
        displayName: input.coordinatorName ?? input.coordinatorEmail,
        role: 'coordinator',
        officeId: office.id,
      });
      mailId = invited.mailId;
    }
    return { office, mailId };
  }

  async create(actor: Actor, input: z.output<typeof officeCreateInput>) {
    if (!officePolicy.manage(actor)) throw forbidden();
    const { office, mailId } = await inScope(this.ctx.database.db, 'system', (tx) => this.createInTx(tx, actor, input));
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return present(office, { guideCount: 0, userCount: input.coordinatorEmail ? 1 : 0 }, actor);
  }

  get(actor: Actor, id: string) {
    const allowed = officePolicy.manage(actor) || actor.officeId === id;
    if (!allowed) throw notFound();
    return inScope(this.ctx.database.db, officePolicy.manage(actor) ? 'system' : { officeId: id }, async (tx) => {
      const office = await repo.findById(tx, id);
      if (!office) throw notFound();
      return present(office, await repo.counts(tx, id), actor);
    });
  }

  update(actor: Actor, id: string, input: z.output<typeof officePatchInput>) {
    const own = officePolicy.updateOwn(actor) && actor.officeId === id;
    if (!officePolicy.manage(actor) && !own) throw notFound();
    // Offices are writable in the system scope only (RLS WITH CHECK); the policy above is the gate.
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const before = await repo.findById(tx, id);
      if (!before) throw notFound();
      const after = await repo.update(tx, id, input);
      await recordAudit(tx, actor, {
        action: 'office.updated',
        entityType: 'office',
        entityId: id,
        officeId: id,
        changes: diffFields(before, input),
      });
      return present(after, await repo.counts(tx, id), actor);
    });
  }
}
