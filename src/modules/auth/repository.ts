import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { authTokens, offices, sessions, users } from '../../db/schema/index.js';

type RawSession = {
  lastSeenAt: string;
  expiresAt: string;
  csrfToken: string;
  userId: string;
  role: string;
  officeId: string | null;
  partnerId: string | null;
  guideId: string | null;
  displayName: string;
  email: string;
  locale: string;
  disabledAt: string | null;
  officeName: string | null;
  officeDeactivatedAt: string | null;
};
/** A session with what a request needs of its user and office. */
export type SessionRecord = Omit<RawSession, 'lastSeenAt' | 'expiresAt' | 'disabledAt' | 'officeDeactivatedAt'> & {
  lastSeenAt: Date;
  expiresAt: Date;
  disabledAt: Date | null;
  officeDeactivatedAt: Date | null;
};

/** Sign-in runs before an office is known, so these queries run in the system scope. */
export const authRepository = {
  findUserByEmail: async (tx: Tx, email: string) =>
    (await tx.select().from(users).where(eq(users.email, email)).limit(1))[0],

  findUserById: async (tx: Tx, id: string) => (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0],

  /** One statement, no transaction: see `lotsennetz_session` in db/security.ts. */
  async findSession(db: Db, sessionId: string): Promise<SessionRecord | undefined> {
    const result = await db.execute(sql`select lotsennetz_session(${sessionId}) as s`);
    const row = ((result as { rows?: { s: RawSession | null }[] }).rows ?? [])[0]?.s;
    if (!row) return undefined;
    const at = (v: string | null) => (v === null ? null : new Date(v));
    return {
      ...row,
      lastSeenAt: new Date(row.lastSeenAt),
      expiresAt: new Date(row.expiresAt),
      disabledAt: at(row.disabledAt),
      officeDeactivatedAt: at(row.officeDeactivatedAt),
    };
  },

  insertSession: (tx: Tx, row: typeof sessions.$inferInsert) => tx.insert(sessions).values(row),
  touchSession: (tx: Tx, id: string, at: Date) =>
    tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)),
  deleteSession: (tx: Tx, id: string) => tx.delete(sessions).where(eq(sessions.id, id)),
  deleteUserSessions: (tx: Tx, userId: string) => tx.delete(sessions).where(eq(sessions.userId, userId)),
  deleteExpiredSessions: (tx: Tx, now: Date) => tx.delete(sessions).where(lt(sessions.expiresAt, now)),

  insertToken: (tx: Tx, row: typeof authTokens.$inferInsert) => tx.insert(authTokens).values(row),
  /** Marks a token used and returns it, only if it is still valid: a token works exactly once. */
  consumeToken: async (tx: Tx, tokenHash: string, now: Date) =>
    (
      await tx
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.id, tokenHash), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
        .returning()
    )[0],
  findValidToken: async (tx: Tx, tokenHash: string, now: Date) =>
    (
      await tx
        .select({ token: authTokens, user: users })
        .from(authTokens)
        .innerJoin(users, eq(users.id, authTokens.userId))
        .where(and(eq(authTokens.id, tokenHash), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
        .limit(1)
    )[0],
  invalidateTokens: (tx: Tx, userId: string, kind: string) =>
    tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, kind), or(isNull(authTokens.usedAt)))),

  /** Every outstanding invitation and reset link of the user stops working (marked used). */
  invalidateAllTokens: (tx: Tx, userId: string, at: Date) =>
    tx
      .update(authTokens)
      .set({ usedAt: at })
      .where(and(eq(authTokens.userId, userId), isNull(authTokens.usedAt))),

  setPassword: (tx: Tx, userId: string, passwordHash: string) =>
    tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId)),
  setLastLogin: (tx: Tx, userId: string, at: Date) =>
    tx.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId)),
  setLocale: (tx: Tx, userId: string, locale: string) => tx.update(users).set({ locale }).where(eq(users.id, userId)),
  officeDeactivated: async (tx: Tx, officeId: string) =>
    Boolean((await tx.select({ at: offices.deactivatedAt }).from(offices).where(eq(offices.id, officeId)))[0]?.at),
  officeName: async (tx: Tx, officeId: string) =>
    (await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, officeId)))[0]?.name ?? '',
};
