import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { runDailyReminders } from '../../src/jobs/reminders.js';
import { mailImmediateNotifications } from '../../src/modules/notifications/mailing.js';
import { client, createAppOn, type Session, TEST_APP_SECRET, type TestApp } from '../helpers/app.js';
import { createOffice, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { requestBody } from '../helpers/requests.js';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: sessions, the sign-in throttle, the
 * job queue and the offer race must hold across instances. Needs PostgreSQL (DATABASE_URL): two processes cannot
 * share an embedded PGlite database, so on PGlite this file is skipped.
 */
const baseUrl = inject('testDatabaseUrl');

describe.skipIf(!baseUrl)('two instances on one database (PostgreSQL only; PGlite belongs to one process)', () => {
  const dbName = `lotsennetz_two_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  let databaseUrl: string;
  let smtp: SMTPServer;
  const received: ParsedMail[] = [];
  const servers: { name: string; url: string; proc: ChildProcess; log: string[] }[] = [];
  let seedDb: Database;
  let seedApp: TestApp;
  let office: TestOffice;
  /** Mail sent by the servers (the seed app above delivers its own mail elsewhere). */
  let since: Date;

  const freePort = async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    return port;
  };

  const http = (base: string, session?: Session) => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text, json: () => JSON.parse(text), headers: res.headers };
    };
    return {
      get: (path: string) => call('GET', path),
      post: (path: string, body: unknown = {}) => call('POST', path, body),
    };
  };
  const seedClient = (session: Session) => client(seedApp.app, session);
  const urlA = () => servers[0].url;
  const urlB = () => servers[1].url;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const url = new URL(baseUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error) => callback(error),
        );
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const smtpPort = (smtp.server.address() as { port: number }).port;

    // Both start at the same moment on an empty database: the migrations run once, under the advisory lock.
    for (const name of ['A', 'B']) {
      const port = await freePort();
      const log: string[] = [];
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
        env: {
          ...process.env,
          NODE_ENV: 'development',
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: databaseUrl,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          APP_SECRET: TEST_APP_SECRET,
          SEED_DEMO: 'false',
          LOG_LEVEL: 'warn',
          DATA_DIR: `/tmp/lotsennetz-two-${dbName}-${name}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc.stdout?.on('data', (d) => log.push(String(d)));
      proc.stderr?.on('data', (d) => log.push(String(d)));
      servers.push({ name, url: `http://127.0.0.1:${port}`, proc, log });
    }
    for (const server of servers) {
      await vi.waitFor(
        async () => {
          if (server.proc.exitCode !== null) throw new Error(`instance ${server.name} exited: ${server.log.join('')}`);
          const res = await fetch(`${server.url}/api/v1/health/ready`);
          expect(res.status).toBe(200);
        },
        // Generous: two cold starts (tsx compiles on the fly) on a busy CI machine; usually about ten seconds.
        { timeout: 150_000, interval: 250 },
      );
    }

    // Fixtures straight into the shared database (sessions are rows: they work on both servers).
    seedDb = await openDatabase({ databaseUrl });
    seedApp = await createAppOn(seedDb);
    office = await createOffice(seedApp);
    since = new Date();
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
    await seedApp?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await admin?.query(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  const loginVia = async (base: string, email: string): Promise<Session> => {
    const res = await http(base).post('/auth/login', { email, password: TEST_PASSWORD });
    expect(res.status, res.body).toBe(200);
    const cookie = /ln_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeTruthy();
    return { cookie: cookie as string, csrf: res.json().csrfToken, userId: res.json().me.id };
  };

  it('migrated the database once, and both instances are ready', async () => {
    const applied = await seedDb.rows<{ name: string; n: number }>(
      'select name, count(*)::int as n from __lotsennetz_migrations group by name',
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.n === 1)).toBe(true);
    for (const base of [urlA(), urlB()]) expect((await fetch(`${base}/api/v1/health/live`)).status).toBe(200);
  });

  it('a session signed in on A works on B', async () => {
    const session = await loginVia(urlA(), office.emails.coordinator);
    const me = await http(urlB(), session).get('/me');
    expect(me.status, me.body).toBe(200);
    expect(me.json().me.email).toBe(office.emails.coordinator);
  });

  it('the sign-in throttle counts failures on both instances together', async () => {
    const email = office.emails.otherPartner;
    // Five failures per account and client address: three on A, two on B …
    for (const base of [urlA(), urlB(), urlA(), urlB(), urlA()]) {
      const res = await http(base).post('/auth/login', { email, password: 'falsches Passwort!' });
      expect(res.status, res.body).toBe(401);
    }
    // … and the sixth attempt is refused on either, though neither saw five alone.
    const res = await http(urlB()).post('/auth/login', { email, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
  });

  it('an offer accepted through A shows accepted on B at once; parallel accepts through A and B fill N=2 exactly', async () => {
    const coordinator = await loginVia(urlA(), office.emails.coordinator);
    const guides = [];
    for (let i = 0; i < 4; i++) guides.push(await createGuideWithAccount(seedApp, office, { maxActiveAssignments: 5 }));

    const offered = async (title: string, guidesNeeded: number, guideIds: string[]) => {
      const created = await http(urlA(), coordinator).post('/requests', {
        ...requestBody(office, { title, guidesNeeded }),
        partnerId: office.partnerId,
      });
      expect(created.status, created.body).toBe(201);
      const sent = await http(urlB(), coordinator).post(`/requests/${created.json().id}/offers`, {
        guideIds,
        message: '',
        overrideReason: 'Test über zwei Instanzen',
      });
      expect(sent.status, sent.body).toBe(201);
      return { requestId: created.json().id as string, offers: sent.json().items as { id: string; guideId: string }[] };
    };

    const one = await offered('Einzeln', 1, [guides[0].guideId]);
    const accepted = await http(urlA(), guides[0].session).post(`/offers/${one.offers[0].id}/accept`);
    expect(accepted.status, accepted.body).toBe(200);
    const onB = await http(urlB(), coordinator).get(`/offers/${one.offers[0].id}`);
    expect(onB.json().status).toBe('accepted');

    const two = await offered(
      'Zu zweit',
      2,
      guides.map((g) => g.guideId),
    );
    const results = await Promise.all(
      guides.map((g, i) => {
        const offer = two.offers.find((o) => o.guideId === g.guideId) as { id: string };
        return http(i % 2 ? urlB() : urlA(), g.session).post(`/offers/${offer.id}/accept`);
      }),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
    const deployments = await seedDb.rows<{ n: number }>(
      `select count(*)::int as n from assignments where request_id = '${two.requestId}'`,
    );
    expect(deployments[0].n).toBe(2);
  });

  it('every mail is delivered exactly once, whichever instance enqueued or sent it', async () => {
    const sentRows = await vi.waitFor(
      async () => {
        const rows = await seedDb.rows<{ id: string; to_address: string; subject: string; status: string }>(
          `select id, to_address, subject, status from outbox where created_at >= '${since.toISOString()}'`,
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
        return rows;
      },
      { timeout: 30_000, interval: 250 },
    );
    const key = (to: string, subject: string) => `${to.toLowerCase()}|${subject}`;
    const expected = sentRows.map((r) => key(r.to_address, r.subject)).sort();
    const got = received
      .map((m) => {
        const to = Array.isArray(m.to) ? m.to[0] : m.to;
        return key(to?.value[0]?.address ?? '', m.subject ?? '');
      })
      .sort();
    expect(got).toEqual(expected);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
  });

  it('a scheduled job runs once per slot although both instances run the schedule', async () => {
    const runs = await vi.waitFor(
      async () => {
        const rows = await seedDb.rows<{ slot: Date | null; instance: string }>(
          `select slot, instance from job_runs where job = 'offer-expiry' and finished_at is not null`,
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows;
      },
      { timeout: 45_000, interval: 500 },
    );
    expect(runs.every((r) => r.slot !== null)).toBe(true);
    const slots = runs.map((r) => new Date(r.slot as Date).toISOString());
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('every reminder once: the daily job and the notification mail run on two connections at once', async () => {
    // Two application contexts on their own pools, as two instances' job workers would be.
    const otherDb = await openDatabase({ databaseUrl });
    const other = await createAppOn(otherDb);
    try {
      const coordinator = seedClient(office.sessions.coordinator);
      const created = await coordinator.post('/requests', {
        ...requestBody(office, { title: 'Zweimal-Probe' }),
        partnerId: office.partnerId,
      });
      expect(created.statusCode, created.body).toBe(201);
      const sent = await coordinator.post(`/requests/${created.json().id}/offers`, {
        guideIds: [office.guideId],
        message: '',
        overrideReason: 'Test ohne Ranking',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const offerId = sent.json().items[0].id;
      // Sent three days ago: both the guide's (24 h) and the coordinators' (48 h) reminder are due.
      await seedDb.exec(`update offers set created_at = now() - interval '3 days' where id = '${offerId}'`);
      await Promise.all([
        runDailyReminders(seedApp.ctx),
        runDailyReminders(other.ctx),
        mailImmediateNotifications(seedApp.ctx),
        mailImmediateNotifications(other.ctx),
      ]);
      await Promise.all([mailImmediateNotifications(seedApp.ctx), mailImmediateNotifications(other.ctx)]);
      const notes = await seedDb.rows<{ user_id: string }>(
        `select user_id from notifications where kind = 'offer_unanswered' and link in
           ('/my/offers/${offerId}', '/requests/${created.json().id}')`,
      );
      expect(notes.map((n) => n.user_id).sort()).toEqual(
        [office.sessions.guide.userId, office.sessions.coordinator.userId].sort(),
      );
      const mails = await seedDb.rows<{ to: string; subject: string }>(
        `select to_address as "to", subject from outbox where office_id = '${office.officeId}' and body_text like '%Zweimal-Probe%'
           and subject not like 'Neues Einsatzangebot%' and subject not like 'Neue Anfrage%'`,
      );
      const reminders = mails.filter((m) => m.to === office.emails.guide && m.subject.startsWith('Erinnerung:'));
      const digests = mails.filter((m) => m.to === office.emails.coordinator && m.subject.includes('Aufmerksamkeit'));
      expect(reminders).toHaveLength(1);
      expect(digests).toHaveLength(1);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('SIGTERM: both instances finish and exit cleanly', async () => {
    const exits = servers.map((s) => once(s.proc, 'exit'));
    for (const server of servers) server.proc.kill('SIGTERM');
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes, servers.map((s) => s.log.join('')).join('\n')).toEqual([0, 0]);
  });
});
