/**
 * Sign-in and sessions: server-side logout, idle and absolute timeouts, disabled accounts, fixation, cookie
 * attributes, CSRF on cookie-authenticated writes, and the failed-login throttle.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { expectProblem, linkToken, mutableClock, tag } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';

const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 1;
const clock = mutableClock();
let t: TestApp;
let o: TestOffice;

/** Login from a given client address, so throttling in one test does not spill into another. */
const loginFrom = (app: FastifyInstance, ip: string, email: string, password: string, cookie?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers: cookie ? { cookie } : {},
  });
const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'ln_session');
const me = (session: Pick<Session, 'cookie'>) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
let ipCounter = 10;
const freshIp = () => `10.0.0.${ipCounter++}`;

beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    env: { SESSION_IDLE_MINUTES: String(IDLE_MINUTES), SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS) },
  });
  o = await createOffice(t);
});
afterAll(() => t.close());

describe('logout ends the session on the server', () => {
  it('answers 204, clears the cookie, and the old cookie no longer works', async () => {
    const session = await login(t.app, o.emails.guide, TEST_PASSWORD);
    expect((await me(session)).statusCode).toBe(200);
    const res = await client(t.app, session).post('/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = sessionCookie(res);
    expect(cleared?.value).toBe('');
    expect(cleared?.maxAge === 0 || (cleared?.expires?.getTime() ?? Number.POSITIVE_INFINITY) < Date.now()).toBe(true);
    // A client that ignores the cleared cookie and replays the old value is refused: the session is gone.
    expectProblem(await me(session), 401, 'unauthenticated');
    expectProblem(await client(t.app, session).patch('/me', { locale: 'en' }), 401, 'unauthenticated');
  });

  it('ends only that session, not the other sessions of the same person', async () => {
    const first = await login(t.app, o.emails.guide, TEST_PASSWORD);
    const second = await login(t.app, o.emails.guide, TEST_PASSWORD);
    expect((await client(t.app, first).post('/auth/logout')).statusCode).toBe(204);
    expect((await me(second)).statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  it(`expires after ${IDLE_MINUTES} idle minutes, but activity keeps it alive`, async () => {
    clock.set(new Date());
    const session = await login(t.app, o.emails.partner, TEST_PASSWORD);
    clock.advanceMinutes(IDLE_MINUTES - 5);
    expect((await me(session)).statusCode).toBe(200);
    clock.advanceMinutes(IDLE_MINUTES - 5); // 50 minutes after login, but only 25 since the last request
    expect((await me(session)).statusCode).toBe(200);
    clock.advanceMinutes(IDLE_MINUTES + 1);
    expectProblem(await me(session), 401, 'unauthenticated');
    // Once expired it stays expired, even if the clock were to go back.
    clock.advanceMinutes(-(IDLE_MINUTES + 1));
    expectProblem(await me(session), 401, 'unauthenticated');
  });

  it(`expires ${ABSOLUTE_HOURS} hour after login however active it is`, async () => {
    clock.set(new Date());
    const session = await login(t.app, o.emails.partner, TEST_PASSWORD);
    for (let minutes = 20; minutes < ABSOLUTE_HOURS * 60; minutes += 20) {
      clock.advanceMinutes(20);
      expect((await me(session)).statusCode, `${minutes} minutes after login`).toBe(200);
    }
    clock.advanceMinutes(21); // 61 minutes after login, 21 since the last request
    expectProblem(await me(session), 401, 'unauthenticated');
    clock.set(new Date());
  });

  it('gives the cookie a lifetime no longer than the absolute timeout', async () => {
    const res = await loginFrom(t.app, freshIp(), o.emails.partner, TEST_PASSWORD);
    expect(sessionCookie(res)?.maxAge).toBe(ABSOLUTE_HOURS * 3600);
  });
});

describe('disabling an account', () => {
  it('ends all its sessions at once and refuses new logins until re-enabled', async () => {
    const email = `deaktiviert-${tag()}@test.example`;
    const coordinator = client(t.app, o.sessions.coordinator);
    const invited = await coordinator.post('/users', { email, displayName: 'Wird deaktiviert', role: 'coordinator' });
    expect(invited.statusCode, invited.body).toBe(201);
    const userId = invited.json().id;
    // The new account sets its password through the invitation link it received.
    const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
    const set = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auth/tokens/${token}/password`,
      payload: { password: TEST_PASSWORD },
    });
    expect(set.statusCode).toBe(204);
    const one = await login(t.app, email, TEST_PASSWORD);
    const two = await login(t.app, email, TEST_PASSWORD);

    const disabled = await coordinator.patch(`/users/${userId}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expectProblem(await me(one), 401, 'unauthenticated');
    expectProblem(await me(two), 401, 'unauthenticated');
    expectProblem(await loginFrom(t.app, freshIp(), email, TEST_PASSWORD), 403, 'account_disabled');

    const enabled = await coordinator.patch(`/users/${userId}`, { disabled: false });
    expect(enabled.json().status).toBe('active');
    expect((await loginFrom(t.app, freshIp(), email, TEST_PASSWORD)).statusCode).toBe(200);
    // Re-enabling does not bring the old sessions back.
    expectProblem(await me(one), 401, 'unauthenticated');
  });

  it('is not something a coordinator can do to their own account', async () => {
    const res = await client(t.app, o.sessions.coordinator).patch(`/users/${o.sessions.coordinator.userId}`, {
      disabled: true,
    });
    expectProblem(res, 403, 'forbidden');
    expect((await me(o.sessions.coordinator)).statusCode).toBe(200);
  });
});

describe('session fixation', () => {
  it('never accepts or promotes a cookie value that was planted before login', async () => {
    const planted = 'ln_session=attacker-chosen-value-0123456789abcdef';
    const res = await loginFrom(t.app, freshIp(), o.emails.guide, TEST_PASSWORD, planted);
    expect(res.statusCode).toBe(200);
    const issued = sessionCookie(res)?.value;
    expect(issued).toBeTruthy();
    expect(`ln_session=${issued}`).not.toBe(planted);
    expectProblem(await me({ cookie: planted }), 401, 'unauthenticated');
    expect((await me({ cookie: `ln_session=${issued}` })).json().me.email).toBe(o.emails.guide);
  });

  it("does not turn another user's valid session into the new login", async () => {
    const attacker = await login(t.app, o.emails.partner, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: o.emails.guide, password: TEST_PASSWORD },
      headers: { cookie: attacker.cookie, 'x-csrf-token': attacker.csrf },
      remoteAddress: freshIp(),
    });
    expect(res.statusCode).toBe(200);
    expect(`ln_session=${sessionCookie(res)?.value}`).not.toBe(attacker.cookie);
    expect((await me(attacker)).json().me.email).toBe(o.emails.partner);
  });

  it('issues a new cookie value and a new CSRF token at every login', async () => {
    const first = await login(t.app, o.emails.guide, TEST_PASSWORD);
    const second = await login(t.app, o.emails.guide, TEST_PASSWORD);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrf).not.toBe(first.csrf);
    expect(first.cookie.length).toBeGreaterThan('ln_session='.length + 40);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const res = await loginFrom(t.app, freshIp(), o.emails.guide, TEST_PASSWORD);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^ln_session=[^;]+;/);
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\/(;|$)/);
    expect(header).not.toMatch(/; Secure/i);
  });

  it('is Secure when PUBLIC_URL is https', async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: 'https://lotsen.example' } });
    try {
      const admin = await createPlatformAdmin(https);
      const res = await loginFrom(https.app, freshIp(), admin.email, TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/; Secure/i);
      expect(header).toMatch(/; HttpOnly/i);
      const session = { cookie: `ln_session=${sessionCookie(res)?.value}`, csrf: res.json().csrfToken };
      const logout = await client(https.app, { ...session, userId: '' }).post('/auth/logout');
      expect(String(logout.headers['set-cookie'])).toMatch(/; Secure/i);
    } finally {
      await https.close();
    }
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  const write = (headers: Record<string, string>) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' }, headers });

  it('refuses a write without the x-csrf-token header (403 csrf_failed)', async () => {
    expectProblem(await write({ cookie: o.sessions.guide.cookie }), 403, 'csrf_failed');
  });

  it('refuses a wrong token, and the token of another session', async () => {
    expectProblem(await write({ cookie: o.sessions.guide.cookie, 'x-csrf-token': 'wrong' }), 403, 'csrf_failed');
    expectProblem(
      await write({ cookie: o.sessions.guide.cookie, 'x-csrf-token': o.sessions.partner.csrf }),
      403,
      'csrf_failed',
    );
    expect((await me(o.sessions.guide)).json().me.locale).toBe('de');
  });

  it('checks every write method, and lets reads through without a token', async () => {
    const cookie = o.sessions.coordinator.cookie;
    for (const [method, url, payload] of [
      ['POST', '/api/v1/guides', { firstName: 'Ohne', lastName: 'Token' }],
      ['PATCH', `/api/v1/guides/${o.guideId}`, { phone: '+49 1' }],
      ['DELETE', `/api/v1/guides/${o.guideId}`, undefined],
      ['POST', '/api/v1/auth/logout', {}],
    ] as const) {
      const res = await t.app.inject({ method, url, payload, headers: { cookie } });
      expectProblem(res, 403, 'csrf_failed');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/guides', headers: { cookie } })).statusCode).toBe(200);
    expect((await client(t.app, o.sessions.coordinator).get(`/guides/${o.guideId}`)).statusCode).toBe(200);
  });

  it('accepts the write with the right token', async () => {
    const res = await write({ cookie: o.sessions.guide.cookie, 'x-csrf-token': o.sessions.guide.csrf });
    expect(res.statusCode).toBe(200);
    expect(res.json().me.locale).toBe('en');
    await client(t.app, o.sessions.guide).patch('/me', { locale: 'de' });
  });
});

describe('failed logins', () => {
  it('answer 401 invalid_credentials with the same body for an unknown e-mail and a wrong password', async () => {
    const ip = freshIp();
    const unknown = await loginFrom(t.app, ip, `niemand-${tag()}@test.example`, TEST_PASSWORD);
    const wrong = await loginFrom(t.app, ip, o.emails.guide, 'not the right password');
    expectProblem(unknown, 401, 'invalid_credentials');
    expectProblem(wrong, 401, 'invalid_credentials');
    expect(unknown.body).toBe(wrong.body);
    expect(sessionCookie(unknown)).toBeUndefined();
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('are throttled: after 5 failures the 6th attempt gets 429 with retry-after, even with the right password', async () => {
    const ip = freshIp();
    const email = o.emails.otherPartner; // used by no other test here: it stays locked for 15 minutes
    for (let i = 1; i <= 5; i++) {
      expectProblem(await loginFrom(t.app, ip, email, `falsch-${i}`), 401, 'invalid_credentials');
    }
    const sixth = await loginFrom(t.app, ip, email, 'falsch-6');
    expectProblem(sixth, 429, 'rate_limited');
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const correct = await loginFrom(t.app, ip, email, TEST_PASSWORD);
    expectProblem(correct, 429, 'rate_limited');
    expect(sessionCookie(correct)).toBeUndefined();
  });

  // Not per account alone (anyone could lock anyone out): see throttle.test.ts for the pair rule and its reasons.

  it('are throttled per client address across accounts (no spraying)', async () => {
    const ip = freshIp();
    // 30 failures from one address (a shared office network stays usable below that).
    for (let i = 0; i < 30; i++) await loginFrom(t.app, ip, `spray-${i}-${tag()}@test.example`, 'falsch');
    expectProblem(await loginFrom(t.app, ip, o.emails.guide, TEST_PASSWORD), 429, 'rate_limited');
    // Someone else, from another address, is not affected.
    expect((await loginFrom(t.app, freshIp(), o.emails.guide, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the one-statement session lookup (lotsennetz_session)', () => {
  it('resolves a session without leaving the system scope set on the connection', async () => {
    const session = await login(t.app, o.emails.guide, TEST_PASSWORD);
    expect((await me(session)).statusCode).toBe(200);
    // Same statement shape as the repository, then read the scope on the same connection in the same transaction.
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select lotsennetz_session('no-such-session')`);
      return (await tx.execute(sql`select current_setting('app.scope', true) as scope`)) as unknown as {
        rows: { scope: string | null }[];
      };
    });
    expect(rows.rows[0].scope ?? '').not.toBe('system');
  });

  it('cannot be called by the application role, so office-scoped SQL cannot read other sessions', async () => {
    const attempt = inScope(t.database.db, { officeId: o.officeId }, (tx) =>
      tx.execute(sql`select lotsennetz_session('x')`),
    );
    const error = await attempt.then(
      () => null,
      (e: Error & { cause?: Error }) => e,
    );
    // Drizzle wraps the driver's error ("Failed query: …"); PostgreSQL's own message is its cause.
    expect(String(error?.cause?.message ?? error?.message)).toMatch(/permission denied/);
  });
});
