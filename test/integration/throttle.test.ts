/**
 * Issue 6, sections 1.2 and 1.3: the sign-in and reset throttle. It counts per account and client address (so a
 * stranger cannot lock the owner out), lives in the database (shared by every server instance, keys hashed), is lifted
 * by a password reset or an accepted invitation, and trusts X-Forwarded-For only from proxies named in TRUST_PROXY.
 */
import { randomBytes } from 'node:crypto';
import { inArray, like, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttleEvents } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { throttleKey } from '../../src/modules/auth/throttle.js';
import { buildApp } from '../../src/server/app.js';
import { expectProblem, linkToken, mutableClock, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';

const clock = mutableClock();
let t: TestApp;
let o: TestOffice;

/** Addresses of this file only (100.64.0.0/10), random per run: on PostgreSQL all test files share the table. */
const run = randomBytes(1)[0] % 64;
let counter = randomBytes(1)[0] * 250;
const freshIp = () => `100.${64 + run}.${Math.floor(counter / 250) % 256}.${(counter++ % 250) + 1}`;

const loginFrom = (app: FastifyInstance, ip: string, email: string, password: string, headers = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip, headers });
const resetFrom = (app: FastifyInstance, ip: string, email: string, headers = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress: ip, headers });
const setPassword = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/auth/tokens/${token}/password`, payload: { password } });

async function failFiveTimes(app: FastifyInstance, ip: string, email: string) {
  for (let i = 1; i <= 5; i++)
    expectProblem(await loginFrom(app, ip, email, `falsch-${i}`), 401, 'invalid_credentials');
}

/** A fresh coordinator account of the office, signed in once to prove the password works. */
async function newAccount(): Promise<string> {
  const email = `konto-${tag()}@test.example`;
  const invited = await client(t.app, o.sessions.coordinator).post('/users', {
    email,
    displayName: 'Konto',
    role: 'coordinator',
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
  expect((await setPassword(token, TEST_PASSWORD)).statusCode).toBe(204);
  return email;
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  o = await createOffice(t);
});
afterAll(() => t.close());

describe('failed sign-ins', () => {
  it('regression: five wrong passwords from a stranger do not lock the owner out (anyone could lock any account)', async () => {
    const email = await newAccount();
    const stranger = freshIp();
    await failFiveTimes(t.app, stranger, email);
    // The stranger is stopped, even with the right password …
    const blocked = await loginFrom(t.app, stranger, email, TEST_PASSWORD);
    expectProblem(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // … the owner, from their own address, signs in.
    expect((await loginFrom(t.app, freshIp(), email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('still stops password spraying from one address across accounts (30 failures)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await loginFrom(t.app, ip, `spray-${i}-${tag()}@test.example`, 'falsch');
    expectProblem(await loginFrom(t.app, ip, o.emails.guide, TEST_PASSWORD), 429, 'rate_limited');
  });

  it('regression: a successful password reset lifts the lock for that account', async () => {
    const email = await newAccount();
    const ip = freshIp();
    await failFiveTimes(t.app, ip, email);
    expectProblem(await loginFrom(t.app, ip, email, TEST_PASSWORD), 429, 'rate_limited');
    expect((await resetFrom(t.app, freshIp(), email)).statusCode).toBe(202);
    const token = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    const newPassword = `ein neues Passwort ${tag()}`;
    expect((await setPassword(token, newPassword)).statusCode).toBe(204);
    expect((await loginFrom(t.app, ip, email, newPassword)).statusCode).toBe(200);
  });

  it('regression: accepting an invitation lifts the lock for that account', async () => {
    const email = `eingeladen-${tag()}@test.example`;
    const invited = await client(t.app, o.sessions.coordinator).post('/users', {
      email,
      displayName: 'Eingeladen',
      role: 'coordinator',
    });
    expect(invited.statusCode).toBe(201);
    const ip = freshIp();
    await failFiveTimes(t.app, ip, email);
    const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
    expect((await setPassword(token, TEST_PASSWORD)).statusCode).toBe(204);
    expect((await loginFrom(t.app, ip, email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lets the lock pass after 15 minutes', async () => {
    const email = await newAccount();
    const ip = freshIp();
    clock.set(new Date());
    try {
      await failFiveTimes(t.app, ip, email);
      clock.advanceMinutes(14);
      expectProblem(await loginFrom(t.app, ip, email, 'falsch'), 429, 'rate_limited');
      clock.advanceMinutes(1.1);
      expectProblem(await loginFrom(t.app, ip, email, 'falsch'), 401, 'invalid_credentials');
    } finally {
      clock.set(new Date());
    }
  });

  it('regression: the throttle is shared by every server instance (kept in the database, not in memory)', async () => {
    const second = await buildApp(t.ctx, { webRoot: '/nonexistent' });
    await second.ready();
    try {
      const email = await newAccount();
      const ip = freshIp();
      await failFiveTimes(t.app, ip, email);
      expectProblem(await loginFrom(second, ip, email, TEST_PASSWORD), 429, 'rate_limited');
    } finally {
      await second.close();
    }
  });

  it('regression: failures are stored with hashed keys only (no e-mail or client address in the clear)', async () => {
    const email = await newAccount();
    const ip = freshIp();
    await loginFrom(t.app, ip, email, 'falsch');
    const rows = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx
        .select()
        .from(throttleEvents)
        .where(inArray(throttleEvents.keyHash, [throttleKey.pair(email, ip), throttleKey.address(ip)])),
    );
    expect(rows).toHaveLength(2);
    const all = await inScope(t.ctx.database.db, 'system', (tx) => tx.select().from(throttleEvents));
    for (const row of all) {
      // Every kind of throttle key (sign-in, reset, public forms, directory) is a kind and hashes only.
      expect(row.keyHash).toMatch(/^[a-z-]+:[0-9a-f]{64}(:[0-9a-f]{64})?$/);
      expect(row.keyHash).not.toContain(email);
      expect(row.keyHash).not.toContain(ip);
    }
  });

  it('deletes events older than the window when new ones are recorded', async () => {
    const old = `address:${'0'.repeat(60)}${tag().slice(0, 4)}`;
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.insert(throttleEvents).values({ keyHash: old, at: new Date(Date.now() - 2 * 3_600_000) }),
    );
    await loginFrom(t.app, freshIp(), `niemand-${tag()}@test.example`, 'falsch');
    const left = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(throttleEvents).where(like(throttleEvents.keyHash, old)),
    );
    expect(left[0].n).toBe(0);
  });
});

describe('password-reset requests', () => {
  it('stay rate limited per client address (5 in 15 minutes), whether or not the address has an account', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await resetFrom(t.app, ip, `x-${tag()}@test.example`)).statusCode).toBe(202);
    const sixth = await resetFrom(t.app, ip, o.emails.partner);
    expectProblem(sixth, 429, 'rate_limited');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await resetFrom(t.app, freshIp(), o.emails.partner)).statusCode).toBe(202);
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  let production: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    // Production as it was started before: there, trustProxy was `true`.
    production = await createTestApp({ env: { NODE_ENV: 'production' } });
    proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await production?.close();
    await proxied?.close();
  });
  const rotating = () => ({ 'x-forwarded-for': freshIp() });

  it('regression: without TRUST_PROXY a rotating X-Forwarded-For does not walk around the reset limit', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      expect((await resetFrom(production.app, ip, 'a@test.example', rotating())).statusCode).toBe(202);
    expectProblem(await resetFrom(production.app, ip, 'a@test.example', rotating()), 429, 'rate_limited');
  });

  it('regression: without TRUST_PROXY a rotating X-Forwarded-For does not walk around the sign-in limit', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++)
      await loginFrom(production.app, ip, `spray-${i}-${tag()}@test.example`, 'falsch', rotating());
    expectProblem(
      await loginFrom(production.app, ip, `spray-${tag()}@test.example`, 'falsch', rotating()),
      429,
      'rate_limited',
    );
  });

  it('honours X-Forwarded-For from a proxy in the TRUST_PROXY list, and only from there', async () => {
    // From the trusted proxy (127.0.0.1), every forwarded client has its own budget.
    for (let i = 0; i < 7; i++)
      expect((await resetFrom(proxied.app, '127.0.0.1', 'b@test.example', rotating())).statusCode).toBe(202);
    // A client connecting directly cannot choose its address by sending the header.
    const direct = freshIp();
    for (let i = 0; i < 5; i++) await resetFrom(proxied.app, direct, 'b@test.example', rotating());
    expectProblem(await resetFrom(proxied.app, direct, 'b@test.example', rotating()), 429, 'rate_limited');
  });
});
