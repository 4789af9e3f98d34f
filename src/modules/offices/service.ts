import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import type { coordinatorInviteInput, officeCreateInput, officePatchInput } from '../../shared/offices.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import type { AuthService } from '../auth/service.js';
import type { UserService } from '../users/service.js';
import { officePolicy } from './policy.js';
import { officeRepository as repo } from './repository.js';

type OfficeRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type Counts = { guideCount: number; userCount: number; coordinatorCount: number };
const present = (o: OfficeRow, counts: Counts, actor: Actor) => ({
  id: o.id,
  name: o.name,
  city: o.city,
  guideCount: Number(counts.guideCount),
  userCount: Number(counts.userCount),
  coordinatorCount: Number(counts.coordinatorCount),
  deactivatedAt: o.deactivatedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
  abilities: {
    update: officePolicy.manage(actor) || (officePolicy.updateOwn(actor) && actor.officeId === o.id),
    manageCoordinators: officePolicy.manage(actor),
    deactivate: officePolicy.manage(actor) && !o.deactivatedAt,
    reactivate: officePolicy.manage(actor) && Boolean(o.deactivatedAt),
  },
});

type UserRow = Awaited<ReturnType<typeof repo.coordinators>>[number];
const presentCoordinator = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  status: (u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited') as 'active',
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

export class OfficeService {
  constructor(
    private readonly ctx: AppContext,
    private readonly users: UserService,
    private readonly auth: AuthService,
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
    const n = input.coordinatorEmail ? 1 : 0;
    return present(office, { guideCount: 0, userCount: n, coordinatorCount: n }, actor);
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

  /** The admin's view of an office's coordinators: who, and whether they have signed in. */
  coordinators(actor: Actor, officeId: string) {
    if (!officePolicy.manage(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      if (!(await repo.findById(tx, officeId))) throw notFound();
      const rows = await repo.coordinators(tx, officeId);
      return { items: rows.map(presentCoordinator), total: rows.length };
    });
  }

  /** A second (or further) coordinator for an office, invited by mail. */
  async inviteCoordinator(actor: Actor, officeId: string, input: z.output<typeof coordinatorInviteInput>) {
    if (!officePolicy.manage(actor)) throw forbidden();
    const { user, mailId } = await inScope(this.ctx.database.db, 'system', async (tx) => {
      if (!(await repo.findById(tx, officeId))) throw notFound();
      return this.users.createInvitedUser(tx, actor, { ...input, role: 'coordinator', officeId });
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return presentCoordinator(user);
  }

  /** A new invitation link for a coordinator who has not set a password yet; the old link stops working. */
  async resendInvitation(actor: Actor, officeId: string, userId: string) {
    if (!officePolicy.manage(actor)) throw forbidden();
    const { user, mailId } = await inScope(this.ctx.database.db, 'system', async (tx) => {
      const user = (await repo.coordinators(tx, officeId)).find((u) => u.id === userId);
      if (!user) throw notFound();
      if (user.passwordHash || user.disabledAt) throw new AppError(409, 'invitation_not_open');
      const mailId = await this.auth.issueAccountLink(tx, user, 'invite');
      await recordAudit(tx, actor, {
        action: 'user.invitation_resent',
        entityType: 'user',
        entityId: user.id,
        officeId,
      });
      return { user, mailId };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return presentCoordinator(user);
  }

  /**
   * Deactivating keeps every record (evidence, statistics) and signs the office's accounts out at once; they cannot
   * sign in until the office is reactivated.
   */
  setDeactivated(actor: Actor, id: string, deactivate: boolean) {
    if (!officePolicy.manage(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const before = await repo.findById(tx, id);
      if (!before) throw notFound();
      const after = await repo.setDeactivated(tx, id, deactivate ? (before.deactivatedAt ?? this.ctx.now()) : null);
      if (deactivate) await repo.endSessions(tx, id);
      await recordAudit(tx, actor, {
        action: deactivate ? 'office.deactivated' : 'office.reactivated',
        entityType: 'office',
        entityId: id,
        officeId: id,
      });
      return present(after, await repo.counts(tx, id), actor);
    });
  }
}
