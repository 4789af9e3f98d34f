import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { Locale, Role } from '../../shared/enums.js';
import type { userInviteInput } from '../../shared/offices.js';
import { recordAudit } from '../audit/recorder.js';
import { authRepository } from '../auth/repository.js';
import type { AuthService } from '../auth/service.js';
import { guideRepository } from '../guides/repository.js';
import { userPolicy } from './policy.js';
import { userRepository as repo } from './repository.js';

type UserRow = Awaited<ReturnType<typeof repo.findById>>;

/**
 * Inviting an address that already has an account elsewhere (another office, or a platform admin) must not reveal
 * that it exists. The inviting office gets an invitation that can never be accepted: a passwordless row whose stored
 * e-mail is this prefix plus the address (so sign-in, reset and the unique index never see it, and no second account
 * can ever be used), shown with the plain address. Everything the office can observe — the answer, the accounts
 * list, the guide's and the partner contact's account status, the audit entry, the outbox entry — is the same as for
 * a new address. Only the owner of the address learns, by mail, that no second account was created.
 */
const ELSEWHERE_PREFIX = /^invitation-elsewhere:[0-9a-f-]{36}:/;
const elsewhereEmail = (officeId: string, email: string) => `invitation-elsewhere:${officeId}:${email}`;
/** The address as the office entered it. */
export const shownEmail = (stored: string) => stored.replace(ELSEWHERE_PREFIX, '');

export function presentUser(user: NonNullable<UserRow>, actor: Actor) {
  return {
    id: user.id,
    email: shownEmail(user.email),
    displayName: user.displayName,
    role: user.role,
    // The language mails to this account are written in.
    locale: user.locale as Locale,
    status: (user.disabledAt ? 'disabled' : user.passwordHash ? 'active' : 'invited') as
      | 'disabled'
      | 'active'
      | 'invited',
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    abilities: { disable: userPolicy.disable(actor, user) },
  };
}

export type NewUser = {
  email: string;
  displayName: string;
  role: Role;
  officeId?: string | null;
  partnerId?: string | null;
  guideId?: string | null;
  /** A funder's programme (role funder only). */
  programmeId?: string | null;
  locale?: Locale;
  passwordHash?: string | null;
};

export class UserService {
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
  ) {}

  /** Creates an account without a password and mails a one-time link to set one. Runs in the caller's transaction. */
  async createInvitedUser(tx: Tx, actor: Actor, input: NewUser) {
    const officeId = input.officeId !== undefined ? input.officeId : actor.officeId;
    const row = (email: string) => ({
      email,
      displayName: input.displayName,
      role: input.role,
      officeId,
      partnerId: input.partnerId ?? null,
      guideId: input.guideId ?? null,
      programmeId: input.programmeId ?? null,
      locale: input.locale ?? 'de',
      passwordHash: input.passwordHash ?? null,
    });
    const emailTaken = () => new AppError(409, 'email_taken', [{ path: 'email', code: 'email_taken' }]);
    let user: NonNullable<UserRow>;
    let elsewhere = false;
    try {
      // A savepoint, so that a duplicate e-mail answers 409 instead of aborting the whole transaction.
      user = await tx.transaction((inner) => repo.insert(inner, row(input.email)));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // An office's coordinator invites into their own office's scope, where row-level security shows only that
      // office's accounts: a taken address they cannot see belongs to someone elsewhere (see ELSEWHERE_PREFIX).
      // The platform, the CLI and the seed see everything: for them a taken address stays a plain 409.
      const inviterOffice = actor.officeId;
      if (!inviterOffice || officeId !== inviterOffice || input.passwordHash) throw emailTaken();
      if (await repo.findByEmail(tx, input.email)) throw emailTaken();
      try {
        user = await tx.transaction((inner) => repo.insert(inner, row(elsewhereEmail(inviterOffice, input.email))));
      } catch (again) {
        // Already invited once by this office: the same answer as for any address this office has.
        if (isUniqueViolation(again)) throw emailTaken();
        throw again;
      }
      elsewhere = true;
    }
    await recordAudit(tx, actor, {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      officeId: user.officeId,
      changes: { role: user.role },
    });
    const mailId = input.passwordHash
      ? null
      : elsewhere
        ? await this.auth.issueInvitationNotice(tx, user, input.email)
        : await this.auth.issueAccountLink(tx, user, 'invite');
    return { user, mailId };
  }

  list(actor: Actor) {
    if (!userPolicy.manage(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const rows = await repo.listByOffice(tx, officeId);
      return { items: rows.map((u) => presentUser(u, actor)), total: rows.length };
    });
  }

  /** Invites a coordinator, or a guide (linked to their profile so they see their own work). */
  async invite(actor: Actor, input: z.output<typeof userInviteInput>) {
    if (!userPolicy.manage(actor)) throw forbidden();
    const officeId = officeOf(actor);
    const { user, mailId } = await inScope(this.ctx.database.db, { officeId }, async (tx) => {
      let locale: Locale = 'de';
      if (input.role === 'guide') {
        if (!input.guideId) throw invalidField('guideId', 'required');
        const guide = await guideRepository.findById(tx, input.guideId);
        if (!guide) throw invalidField('guideId', 'invalid_uuid');
        locale = guide.locale as Locale;
      }
      // Only guide accounts link to a guide profile.
      const guideId = input.role === 'guide' ? (input.guideId ?? null) : null;
      return this.createInvitedUser(tx, actor, { ...input, guideId, locale });
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, [mailId]);
    return presentUser(user, actor);
  }

  /**
   * Disabling ends every session of the account at once. Both disabling and enabling void its outstanding invitation
   * and reset links: a link mailed before the account was disabled (maybe to a mailbox someone else now reads) must
   * not work again once it is re-enabled. A re-enabled person without a password asks for a new reset link.
   */
  setDisabled(actor: Actor, id: string, disabled: boolean) {
    if (!userPolicy.manage(actor)) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, async (tx) => {
      const user = await repo.findById(tx, id);
      if (!user) throw notFound();
      if (!userPolicy.disable(actor, user)) throw forbidden();
      const now = this.ctx.now();
      const updated = await repo.setDisabled(tx, id, disabled ? now : null);
      if (disabled) await authRepository.deleteUserSessions(tx, id);
      await authRepository.invalidateAllTokens(tx, id, now);
      await recordAudit(tx, actor, {
        action: disabled ? 'user.disabled' : 'user.enabled',
        entityType: 'user',
        entityId: id,
      });
      return presentUser(updated, actor);
    });
  }
}
