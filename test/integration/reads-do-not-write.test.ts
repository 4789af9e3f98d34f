import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/server/services.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';
import { requestBody } from '../helpers/requests.js';

/**
 * GET requests never write: an overdue offer reads as expired everywhere, but only the scheduled expiry job changes
 * its row (and moves the request back to review). The one deliberate exception: a read of a person's record (guide
 * profile, Art. 15 file, PDFs and exports naming them) appends a single audit row, the read log (DS-GVO). Compared on every table the request-to-deployment cycle writes, for the
 * office under test only (on PostgreSQL other test files share the database).
 */
let t: TestApp;
let office: TestOffice;
let requestId: string;
let offerId: string;
let linkToken: string;

const TABLES = [
  'offers',
  'requests',
  'request_events',
  'audit_events',
  'assignments',
  'outbox',
  'guides',
  'guide_pauses',
  'push_subscriptions',
  'notifications',
];

async function snapshot(tables = TABLES) {
  const out: Record<string, unknown[]> = {};
  for (const table of tables)
    out[table] = await t.database.rows(`select * from ${table} where office_id = '${office.officeId}' order by id`);
  return JSON.stringify(out);
}

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  const coordinator = client(t.app, office.sessions.coordinator);
  const created = await coordinator.post('/requests', { ...requestBody(office), partnerId: office.partnerId });
  expect(created.statusCode, created.body).toBe(201);
  requestId = created.json().id;
  const sent = await coordinator.post(`/requests/${requestId}/offers`, {
    guideIds: [office.guideId],
    message: '',
    overrideReason: 'Test ohne Ranking',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  offerId = sent.json().items[0].id;
  const mail = await lastMailTo(t, office.emails.guide);
  linkToken = mail.text.match(/\/offers\/answer\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
  expect(linkToken).not.toBe('');
  // The deadline passed a minute ago; nothing has swept it yet.
  await t.database.exec(`update offers set expires_at = now() - interval '1 minute' where id = '${offerId}'`);
});
afterAll(() => t.close());

describe('reads of offers and requests', () => {
  it('change no row, even for an overdue offer; only the expiry job does', async () => {
    const before = await snapshot();
    const coordinator = client(t.app, office.sessions.coordinator);
    const guide = client(t.app, office.sessions.guide);
    const partner = client(t.app, office.sessions.partner);
    const reads: [ReturnType<typeof client>, string][] = [
      [coordinator, '/requests'],
      [coordinator, `/requests/${requestId}`],
      [coordinator, `/requests/${requestId}/offers`],
      [coordinator, `/requests/${requestId}/candidates`],
      [coordinator, `/offers/${offerId}`],
      [coordinator, `/guides/${office.guideId}/offers`],
      [coordinator, '/dashboard'],
      [coordinator, '/assignments'],
      [guide, '/me/offers'],
      [guide, `/offers/${offerId}`],
      [partner, '/requests'],
      [partner, `/requests/${requestId}`],
      // A guide's pauses and the caller's push devices (issue 14).
      [guide, `/guides/${office.guideId}/pauses`],
      [coordinator, `/guides/${office.guideId}/pauses`],
      [guide, '/me/push-subscriptions'],
      [client(t.app), `/offer-links/${linkToken}`],
    ];
    for (const [api, url] of reads) {
      const res = await api.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    // Reads show the offer as expired already …
    expect((await coordinator.get(`/offers/${offerId}`)).json().status).toBe('expired');
    expect((await client(t.app).get(`/offer-links/${linkToken}`)).json().status).toBe('expired');
    // … but its row, the request and their history are as they were.
    expect(await snapshot()).toBe(before);

    // The job writes it: the same snapshot now differs, so the comparison above could have failed.
    await createServices(t.ctx).offers.expireAllOverdue();
    const rows = await t.database.rows<{ status: string }>(`select status from offers where id = '${offerId}'`);
    expect(rows[0].status).toBe('expired');
    expect(await snapshot()).not.toBe(before);
    expect((await coordinator.get(`/requests/${requestId}`)).json().status).toBe('in_review');
  });
});

describe("reads of a person's record", () => {
  it('append exactly one audit row each (the read log) and change nothing else', async () => {
    const others = [...TABLES.filter((x) => x !== 'audit_events'), 'guide_corrections', 'agreements', 'activities'];
    const before = await snapshot(others);
    const coordinator = client(t.app, office.sessions.coordinator);
    const guide = client(t.app, office.sessions.guide);
    const auditRows = async () =>
      t.database.rows<{ action: string }>(
        `select action from audit_events where office_id = '${office.officeId}' order by at, id`,
      );
    const start = (await auditRows()).length;
    const reads: [ReturnType<typeof client>, string, string][] = [
      [coordinator, `/guides/${office.guideId}`, 'guide.viewed'],
      [coordinator, '/guides/export.xlsx', 'guide.exported'],
      [coordinator, '/guides/export.csv', 'guide.exported'],
      [coordinator, `/privacy/guides/${office.guideId}/export.json`, 'privacy.data_exported'],
      [coordinator, `/privacy/requests/${requestId}/export.pdf`, 'privacy.data_exported'],
      [guide, '/me/data-export.json', 'privacy.data_exported'],
      [guide, `/guides/${office.guideId}`, 'guide.viewed'],
    ];
    for (const [i, [api, url, action]] of reads.entries()) {
      const res = await api.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      const rows = await auditRows();
      expect(rows.length, url).toBe(start + i + 1);
      expect(rows.at(-1)?.action, url).toBe(action);
    }
    // The report of those reads is not itself a read of the record: it writes nothing.
    const count = (await auditRows()).length;
    expect((await coordinator.get(`/guides/${office.guideId}/reads`)).statusCode).toBe(200);
    expect((await auditRows()).length).toBe(count);
    expect(await snapshot(others)).toBe(before);
  });
});
