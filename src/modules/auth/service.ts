import type { Tx } from '../../db/client.js';
import type { users } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { THROTTLE_RULES } from '../../domain/loginThrottle.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { Locale, Role } from '../../shared/enums.js';
import { recordAudit } from '../audit/recorder.js';
import { accountMail, secret } from '../mail/templates.js';
import { authRepository as repo } from './repository.js';
import { Throttle, throttleKey } from './throttle.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './tokens.js';

export const INVITE_HOURS = 72;
export const RESET_HOURS = 2;

type UserRow = typeof users.$inferSelect;

export function actorFromUser(user: UserRow): Actor {
  return {
    userId: user.id,
    role: user.role as Role,
    officeId: user.officeId,
    partnerId: user.partnerId,
    guideId: user.guideId,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale as Locale,
  };
}

export type SessionInfo = { actor: Actor; officeName: string | null; csrfToken: string; sessionId: string };

export class AuthService {
  /** Per account and client address, and per address (see THROTTLE_RULES); shared by all instances via the database. */
  private readonly throttle: Throttle;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new Throttle(ctx.database.db, () => ctx.now());
  }

  private get db() {
    return this.ctx.database.db;
  }

  async login(email: string, password: string, clientIp: string) {
    const pairKey = throttleKey.pair(email, clientIp);
    const addressKey = throttleKey.address(clientIp);
    const wait = await this.throttle.retryAfter([
      { key: pairKey, rule: THROTTLE_RULES.pair },
      { key: addressKey, rule: THROTTLE_RULES.address },
    ]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });

    const user = await inScope(this.db, 'system', (tx) => repo.findUserByEmail(tx, email));
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.throttle.record([pairKey, addressKey]);
      throw new AppError(401, 'invalid_credentials');
    }
    if (user.disabledAt) throw new AppError(403, 'account_disabled');
    if (
      user.officeId &&
      (await inScope(this.db, 'system', (tx) => repo.officeDeactivated(tx, user.officeId as string)))
    )
      throw new AppError(403, 'office_deactivated');
    await this.throttle.clear([pairKey]);
    const now = this.ctx.now();

    const token = newToken();
    const csrfToken = newToken();
    // A fresh session id at every login: a session id planted before login is never promoted (fixation).
    const officeName = await inScope(this.db, 'system', async (tx) => {
      await repo.insertSession(tx, {
        id: hashToken(token),
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.ctx.config.sessionAbsoluteMs),
      });
      await repo.setLastLogin(tx, user.id, now);
      await repo.deleteExpiredSessions(tx, now);
      await recordAudit(tx, actorFromUser(user), { action: 'auth.login', entityType: 'user', entityId: user.id });
      return user.officeId ? repo.officeName(tx, user.officeId) : null;
    });
    return { token, csrfToken, actor: actorFromUser(user), officeName };
  }

  /** Resolves a cookie to its session, enforcing idle and absolute timeouts and disabled accounts. */
  async resolveSession(token: string): Promise<SessionInfo | null> {
    const sessionId = hashToken(token);
    const now = this.ctx.now();
    const found = await repo.findSession(this.db, sessionId);
    if (!found) return null;
    const idleExpired = now.getTime() - found.lastSeenAt.getTime() > this.ctx.config.sessionIdleMs;
    if (idleExpired || found.expiresAt <= now || found.disabledAt || found.officeDeactivatedAt) {
      await inScope(this.db, 'system', (tx) => repo.deleteSession(tx, sessionId));
      return null;
    }
    // Touch at most once a minute to keep reads cheap.
    if (now.getTime() - found.lastSeenAt.getTime() > 60_000) {
      await inScope(this.db, 'system', (tx) => repo.touchSession(tx, sessionId, now));
    }
    const actor: Actor = {
      userId: found.userId,
      role: found.role as Role,
      officeId: found.officeId,
      partnerId: found.partnerId,
      guideId: found.guideId,
      displayName: found.displayName,
      email: found.email,
      locale: found.locale as Locale,
    };
    return { actor, officeName: found.officeName, csrfToken: found.csrfToken, sessionId };
  }

  async logout(sessionId: string, actor: Actor) {
    await inScope(this.db, 'system', async (tx) => {
      await repo.deleteSession(tx, sessionId);
      await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    });
  }

  /** Creates a one-time link and mails it; called inside the transaction that created or found the user. */
  async issueAccountLink(tx: Tx, user: UserRow, kind: 'invite' | 'reset'): Promise<string> {
    const token = newToken();
    const hours = kind === 'invite' ? INVITE_HOURS : RESET_HOURS;
    await repo.invalidateTokens(tx, user.id, kind);
    await repo.insertToken(tx, {
      id: hashToken(token),
      userId: user.id,
      kind,
      expiresAt: new Date(this.ctx.now().getTime() + hours * 3_600_000),
    });
    const office = user.officeId ? await repo.officeName(tx, user.officeId) : 'Lotsennetz';
    const link = `${this.ctx.config.publicUrl}/${kind === 'invite' ? 'invitation' : 'reset-password'}/${token}`;
    const mail = accountMail(kind, user.locale as Locale, {
      name: user.displayName,
      office,
      link: secret(link),
      hours,
    });
    return this.ctx.mailer.enqueue(tx, { officeId: user.officeId, to: user.email, ...mail });
  }

  /**
   * Instead of an invitation, for an address that has an account elsewhere: the same subject and the same outbox text
   * as an invitation (the inviting office cannot tell them apart), but no link; the recipient reads that no second
   * account was created. See users/service.ts.
   */
  async issueInvitationNotice(tx: Tx, placeholder: UserRow, to: string): Promise<string> {
    const office = placeholder.officeId ? await repo.officeName(tx, placeholder.officeId) : 'Lotsennetz';
    const mail = accountMail('invite_existing', placeholder.locale as Locale, {
      name: placeholder.displayName,
      office,
      hours: INVITE_HOURS,
    });
    return this.ctx.mailer.enqueue(tx, { officeId: placeholder.officeId, to, ...mail });
  }

  /** Always answers the same way, so the endpoint does not reveal which addresses have accounts. */
  async requestPasswordReset(email: string, clientIp: string): Promise<void> {
    // Every request counts, known address or not: 5 per client address in 15 minutes.
    const key = throttleKey.reset(clientIp);
    const wait = await this.throttle.retryAfter([{ key, rule: THROTTLE_RULES.reset }]);
    if (wait > 0) throw new AppError(429, 'rate_limited', undefined, { 'retry-after': String(wait) });
    await this.throttle.record([key]);
    const mailIds = await inScope(this.db, 'system', async (tx) => {
      const user = await repo.findUserByEmail(tx, email);
      if (!user || user.disabledAt) return [];
      return [await this.issueAccountLink(tx, user, 'reset')];
    });
    await this.ctx.mailer.deliver(this.db, mailIds);
  }

  async describeToken(token: string) {
    const found = await inScope(this.db, 'system', (tx) => repo.findValidToken(tx, hashToken(token), this.ctx.now()));
    if (!found || found.user.disabledAt) throw new AppError(404, 'token_invalid');
    return {
      email: found.user.email,
      displayName: found.user.displayName,
      kind: found.token.kind as 'invite' | 'reset',
    };
  }

  /**
   * Sets the password from an invitation or reset link and ends every other session of that user. Whoever holds the
   * link proved they read the account's mail: failed sign-ins against the account (from any address) are forgotten.
   */
  async setPasswordWithToken(token: string, password: string) {
    const passwordHash = await hashPassword(password);
    const email = await inScope(this.db, 'system', async (tx) => {
      const used = await repo.consumeToken(tx, hashToken(token), this.ctx.now());
      if (!used) throw new AppError(404, 'token_invalid');
      const user = await repo.findUserById(tx, used.userId);
      if (!user || user.disabledAt) throw new AppError(404, 'token_invalid');
      await repo.setPassword(tx, user.id, passwordHash);
      await repo.deleteUserSessions(tx, user.id);
      await recordAudit(tx, actorFromUser(user), {
        action: used.kind === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset',
        entityType: 'user',
        entityId: user.id,
      });
      return user.email;
    });
    await this.throttle.clear([throttleKey.account(email)]);
  }

  async setLocale(actor: Actor, locale: Locale) {
    await inScope(this.db, 'system', (tx) => repo.setLocale(tx, actor.userId, locale));
  }
}
