/**
 * Issue 6, section 1: secret links (password reset, invitation, offer answer) are for their recipient only. Not in
 * the outbox (for nobody, and the platform admin reads no office mail at all), not in the database in clear, not in
 * backups, not in the request log; and failed queries are logged without their parameter values.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/cli/backup.js';
import { loadConfig } from '../../src/config.js';
import { outbox } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { createMailer, Mailer } from '../../src/modules/mail/mailer.js';
import { SecretBox } from '../../src/modules/mail/secrets.js';
import { accountMail, secret } from '../../src/modules/mail/templates.js';
import { buildApp } from '../../src/server/app.js';
import { translate } from '../../src/shared/i18n/index.js';
import { linkToken, outboxFor, tag } from '../helpers/api.js';
import { client, createTestApp, type Session, TEST_APP_SECRET, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, type TestOffice } from '../helpers/factories.js';
import { lastMailTo, parseMail } from '../helpers/mail.js';
import { requestBody } from '../helpers/requests.js';

const PLACEHOLDER = translate('de', 'mail.secretPlaceholder');
let t: TestApp;
let o: TestOffice;
let admin: Session & { email: string };
/** Every secret token this file saw in a received mail: none of them may turn up anywhere else. */
const tokens: string[] = [];

let ipCounter = 1;
const freshIp = () => `10.6.0.${ipCounter++}`;
const requestReset = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress: freshIp() });

/** A log destination that keeps every JSON line. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

beforeAll(async () => {
  t = await createTestApp();
  o = await createOffice(t);
  admin = await createPlatformAdmin(t);
});
afterAll(() => t.close());

describe('the outbox shows no secret link', () => {
  it('regression: a coordinator cannot read a reset link in the outbox (account takeover)', async () => {
    expect((await requestReset(o.emails.guide)).statusCode).toBe(202);
    const received = await lastMailTo(t, o.emails.guide);
    const token = linkToken(received.text, 'reset-password');
    tokens.push(token);

    const res = await client(t.app, o.sessions.coordinator).get(`/outbox?to=${encodeURIComponent(o.emails.guide)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(token);
    const [mail] = res.json().items;
    expect(mail.subject).toBe(translate('de', 'mail.resetSubject'));
    expect(mail.text).not.toMatch(/reset-password\//);
    expect(mail.text).toContain(PLACEHOLDER);
    // What the coordinator sees is the recipient's mail with the link cut out, nothing else changed.
    expect(mail.text.replace(PLACEHOLDER, `http://localhost:3000/reset-password/${token}`)).toBe(received.text);
  });

  it('regression: an invitation link is not in the outbox (a coordinator could set the password and sign in as the invitee)', async () => {
    const email = `eingeladen-${tag()}@test.example`;
    const invited = await client(t.app, o.sessions.coordinator).post('/users', {
      email,
      displayName: 'Neue Koordination',
      role: 'coordinator',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
    tokens.push(token);
    const [mail] = await outboxFor(t.app, o.sessions.coordinator, email);
    expect(JSON.stringify(mail)).not.toContain(token);
    expect(mail.text).toContain(PLACEHOLDER);
    expect(mail.text).not.toMatch(/invitation\//);
  });

  it('regression: offer-answer links are not in the outbox (whoever reads it could accept or decline for the guide)', async () => {
    const request = await client(t.app, o.sessions.partner).post('/requests', requestBody(o));
    expect(request.statusCode, request.body).toBe(201);
    const sent = await client(t.app, o.sessions.coordinator).post(`/requests/${request.json().id}/offers`, {
      guideIds: [o.guideId],
      message: 'Passt das?',
      overrideReason: 'Test der Postausgangs-Schwärzung',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const received = await lastMailTo(t, o.emails.guide);
    const token = linkToken(received.text, 'offers/answer');
    tokens.push(token);
    const [mail] = await outboxFor(t.app, o.sessions.coordinator, o.emails.guide);
    expect(mail.subject).toBe(received.subject);
    expect(JSON.stringify(mail)).not.toContain(token);
    expect(mail.text).not.toMatch(/offers\/answer\//);
    // Two links, two placeholders; the link into the app (no token) stays readable.
    expect(mail.text.split(PLACEHOLDER)).toHaveLength(3);
    expect(mail.text).toMatch(/\/my\/offers\//);
  });

  it('regression: the platform admin cannot read office mail through the system scope', async () => {
    const api = client(t.app, admin);
    const forGuide = await api.get(`/outbox?to=${encodeURIComponent(o.emails.guide)}&limit=200`);
    expect(forGuide.statusCode).toBe(200);
    expect(forGuide.json()).toEqual({ items: [], total: 0 });
    const all = (await api.get('/outbox?limit=200')).json();
    const officeAddresses = [...Object.values(o.emails)];
    expect(all.items.filter((m: { to: string }) => officeAddresses.includes(m.to))).toEqual([]);
    // Platform-level mail (no office), such as a platform admin's own reset, is readable, with the link cut out.
    expect((await requestReset(admin.email)).statusCode).toBe(202);
    const token = linkToken((await lastMailTo(t, admin.email)).text, 'reset-password');
    tokens.push(token);
    const [own] = await outboxFor(t.app, admin, admin.email);
    expect(own.subject).toBe(translate('de', 'mail.resetSubject'));
    expect(own.text).toContain(PLACEHOLDER);
    expect(own.text).not.toContain(token);
  });
});

describe('the database and backups hold no secret link', () => {
  let storedToken: string;

  it('regression: the outbox table keeps the text with placeholders, and forgets the sealed secret once sent', async () => {
    const rows = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select().from(outbox).where(eq(outbox.to, o.emails.guide)),
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(row.secretPayload).toBeNull();
      for (const token of tokens) expect(row.text).not.toContain(token);
    }
  });

  it('regression: mail that waits in the outbox keeps its link sealed with APP_SECRET, which is not in the database', async () => {
    // Production without SMTP: no transport, the message stays "stored".
    const mailer = new Mailer({ from: 'test@lotsennetz.example', appSecret: TEST_APP_SECRET });
    storedToken = `gespeichert${tag()}${tag()}`;
    const to = `wartet-${tag()}@test.example`;
    const id = await inScope(t.ctx.database.db, 'system', (tx) =>
      mailer.enqueue(tx, {
        officeId: o.officeId,
        to,
        ...accountMail('reset', 'de', {
          name: 'Wartende',
          office: 'Test',
          hours: 2,
          link: secret(`http://localhost:3000/reset-password/${storedToken}`),
        }),
      }),
    );
    const [row] = await inScope(t.ctx.database.db, 'system', (tx) => tx.select().from(outbox).where(eq(outbox.id, id)));
    expect(row.status).toBe('stored');
    expect(row.text).toContain(PLACEHOLDER);
    expect(row.text).not.toContain(storedToken);
    expect(row.secretPayload).toMatch(/^v1\./);
    expect(row.secretPayload).not.toContain(storedToken);
    // Only the key opens it, and only for this message and recipient.
    const box = new SecretBox(TEST_APP_SECRET);
    expect(box.open(row.secretPayload as string, `outbox:${id}:${to}`)).toContain(storedToken);
    expect(() => box.open(row.secretPayload as string, `outbox:${id}:someone-else@test.example`)).toThrow();
    expect(() => new SecretBox('x'.repeat(40)).open(row.secretPayload as string, `outbox:${id}:${to}`)).toThrow();
    // And the coordinator's outbox shows it redacted like any other.
    const [listed] = await outboxFor(t.app, o.sessions.coordinator, to);
    expect(listed.status).toBe('stored');
    expect(listed.text).not.toContain(storedToken);
  });

  it('regression: a backup (npx lotsennetz backup) contains no secret link', async () => {
    const dump = JSON.stringify(await createBackup(t.database));
    expect(dump).toContain(PLACEHOLDER);
    for (const token of [...tokens, storedToken]) expect(dump).not.toContain(token);
  });
});

describe('the demo mailbox', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lotsennetz-mailbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers mail without SMTP outside production as .eml files (mode 0600) that a mail program opens', async () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir, APP_SECRET: TEST_APP_SECRET });
    const mailer = createMailer(config);
    const to = `demo-${tag()}@test.example`;
    const token = `demo${tag()}${tag()}`;
    const ids = [];
    for (const kind of ['invite', 'reset'] as const) {
      ids.push(
        await inScope(t.ctx.database.db, 'system', (tx) =>
          mailer.enqueue(tx, {
            officeId: o.officeId,
            to,
            ...accountMail(kind, 'de', { name: 'Demo', office: 'Demo', hours: 2, link: secret(`http://x/${token}`) }),
          }),
        ),
      );
    }
    await mailer.deliver(t.ctx.database.db, ids);
    const files = readdirSync(join(dir, 'demo-mailbox')).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{8}\.eml$/);
      expect(statSync(join(dir, 'demo-mailbox', file)).mode & 0o777).toBe(0o600);
    }
    // Names sort by time: the invitation came first.
    const first = await parseMail(readFileSync(join(dir, 'demo-mailbox', files[0])));
    expect(first.to).toBe(to);
    expect(first.subject).toBe(translate('de', 'mail.inviteSubject', { office: 'Demo' }));
    expect(first.text).toContain(`http://x/${token}`);
    const rows = await inScope(t.ctx.database.db, 'system', (tx) => tx.select().from(outbox).where(eq(outbox.to, to)));
    expect(rows.map((r) => [r.status, r.secretPayload])).toEqual([
      ['sent', null],
      ['sent', null],
    ]);
  });

  it('is off in production: without SMTP the mail stays in the outbox, its secret sealed', async () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, APP_SECRET: TEST_APP_SECRET });
    const mailer = createMailer(config);
    const to = `produktion-${tag()}@test.example`;
    const id = await inScope(t.ctx.database.db, 'system', (tx) =>
      mailer.enqueue(tx, {
        officeId: o.officeId,
        to,
        ...accountMail('reset', 'de', { name: 'P', office: 'P', hours: 2, link: secret('http://x/geheim') }),
      }),
    );
    await mailer.deliver(t.ctx.database.db, [id]);
    const [row] = await inScope(t.ctx.database.db, 'system', (tx) => tx.select().from(outbox).where(eq(outbox.id, id)));
    expect(row.status).toBe('stored');
    expect(row.secretPayload).toMatch(/^v1\./);
    expect(readdirSync(join(dir, 'demo-mailbox'))).toHaveLength(2);
  });
});

describe('the logs', () => {
  it('regression: tokens in URLs never reach the request log', async () => {
    const log = logCapture();
    const logged = await createTestApp({ logger: { stream: log.stream, level: 'info' } });
    try {
      const token = `Geheim${tag()}${tag()}`;
      const urls = [
        `/api/v1/auth/tokens/${token}`,
        `/api/v1/auth/tokens/${token}/password`,
        `/api/v1/offer-links/${token}`,
        `/invitation/${token}`,
        `/reset-password/${token}`,
        `/offers/answer/${token}?answer=accept`,
      ];
      for (const url of urls) {
        const method = url.includes('/password') || url.includes('offer-links') ? 'POST' : 'GET';
        await logged.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      }
      const text = log.text();
      expect(text).toContain('incoming request');
      expect(text).toContain('/api/v1/auth/tokens/[redacted]');
      expect(text).toContain('/offers/answer/[redacted]?answer=accept');
      expect(text).not.toContain(token);
    } finally {
      await logged.close();
    }
  });

  it('regression: a failed query is logged without its parameter values (personal data)', async () => {
    const log = logCapture();
    const app = await buildApp(t.ctx, { webRoot: '/nonexistent', logger: { stream: log.stream, level: 'info' } });
    const personal = `fatima.yilmaz-${tag()}@beispiel.example`;
    // Queries that fail in the database with a personal value among their parameters: one the error handler
    // answers as refused input (400, logged as a warning), one it does not know (500, logged as an error).
    app.get('/boom', { config: { public: true } }, () =>
      t.ctx.database.db.execute(sql`select ${personal}::uuid as id`),
    );
    app.get('/boom2', { config: { public: true } }, () =>
      t.ctx.database.db.execute(sql`select * from no_such_table where email = ${personal}`),
    );
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/boom' });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain(personal);
      const res2 = await app.inject({ method: 'GET', url: '/boom2' });
      expect(res2.statusCode).toBe(500);
      expect(res2.body).not.toContain(personal);
      const text = log.text();
      expect(text).toContain('unhandled error');
      expect(text).toContain('the database refused input');
      expect(text).toContain('select $1::uuid as id');
      expect(text).toContain('22P02'); // invalid_text_representation: the kind of failure stays visible
      expect(text).not.toContain(personal);
      expect(text).not.toContain('params:');
    } finally {
      await app.close();
    }
  });
});
