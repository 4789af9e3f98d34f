import type { z } from 'zod';
import { inScope } from '../../db/scope.js';
import type { Actor, AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import type { ProgrammeFunder, programmeFunderInviteInput } from '../../shared/land.js';
import { recordAudit } from '../audit/recorder.js';
import { authRepository } from '../auth/repository.js';
import { userRepository } from '../users/repository.js';
import type { UserService } from '../users/service.js';
import { landPolicy as policy } from './policy.js';
import { landRepository as repo } from './repository.js';

type FunderRow = NonNullable<Awaited<ReturnType<typeof repo.findFunder>>>;
const present = (u: FunderRow): ProgrammeFunder => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  locale: u.locale as Locale,
  status: u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited',
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
});

/**
 * A programme's funder accounts (issue 13 §3), administered by the platform admin. An account is invited with the
 * same mechanism as an office's coordinator (UserService.createInvitedUser: a passwordless row and a one-time link
 * whose hash alone is stored), bound to the programme and to no office.
 */
export class ProgrammeFunderService {
  constructor(
    private readonly ctx: AppContext,
    private readonly users: UserService,
  ) {}

  list(actor: Actor, programmeId: string) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      if (!(await repo.findProgramme(tx, programmeId))) throw notFound();
      const rows = await repo.funders(tx, programmeId);
      return { items: rows.map(present), total: rows.length };
    });
  }

  async invite(actor: Actor, programmeId: string, input: z.output<typeof programmeFunderInviteInput>) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    const { user, mailId } = await inScope(this.ctx.database.db, 'system', async (tx) => {
      if (!(await repo.findProgramme(tx, programmeId))) throw notFound();
      return this.users.createInvitedUser(tx, actor, {
        email: input.email,
        displayName: input.displayName,
        role: 'funder',
        officeId: null,
        programmeId,
        locale: input.locale ?? 'de',
      });
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return present(user);
  }

  /**
   * Ends the account's sessions at once and voids its outstanding invitation or reset link; it can no longer sign
   * in. Deactivating an account that is already deactivated changes nothing and records nothing.
   */
  deactivate(actor: Actor, programmeId: string, userId: string) {
    if (!policy.manageProgrammes(actor)) throw forbidden();
    return inScope(this.ctx.database.db, 'system', async (tx) => {
      const user = await repo.findFunder(tx, programmeId, userId);
      if (!user) throw notFound();
      if (user.disabledAt) return present(user);
      const now = this.ctx.now();
      const updated = await userRepository.setDisabled(tx, userId, now);
      await authRepository.deleteUserSessions(tx, userId);
      await authRepository.invalidateAllTokens(tx, userId, now);
      await recordAudit(tx, actor, {
        action: 'funding_programme.funder_deactivated',
        entityType: 'user',
        entityId: userId,
        officeId: null,
        changes: { programmeId },
      });
      return present(updated);
    });
  }
}
