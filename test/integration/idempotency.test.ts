/**
 * Issue 14 §2: an entry a phone sends again from its offline queue (after a lost answer) is created once. The client
 * sends `Idempotency-Key` (a UUID made when the entry was typed); the server remembers it per office and user with
 * the first answer, and answers a repeat with it. Same key, other body: 422 `idempotency_key_reused`.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { applyRetention } from '../../src/jobs/retention.js';
import { createServices } from '../../src/server/services.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
const guide = () => client(t.app, office.sessions.guide);
const month = today.slice(0, 7);
let plenum: string;
let otherPlenum: string;

const plenumOf = async (o: TestOffice) =>
  (await client(t.app, o.sessions.guide).get('/hour-categories'))
    .json()
    .items.find((c: { key: string }) => c.key === 'plenum').id as string;
const entriesOf = async (session: TestOffice['sessions']['guide']) =>
  (await client(t.app, session).get(`/me/time-sheets/${month}`)).json().entries as { id: string; note: string }[];
const keyRows = (officeId: string) =>
  inScope(t.ctx.database.db, 'system', async (tx) =>
    Number(
      (
        (await tx.execute(
          sql`select count(*)::int as n from idempotency_keys where office_id = ${officeId}`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0].n,
    ),
  );

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  plenum = await plenumOf(office);
  otherPlenum = await plenumOf(other);
});
afterAll(() => t.close());

describe('Idempotency-Key on logging hours', () => {
  it('the same key twice creates one entry and answers the same both times', async () => {
    const key = randomUUID();
    const body = { categoryId: plenum, date: today, minutes: 60, note: 'Plenum, einmal gesendet' };
    const first = await guide().post('/hour-entries', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same entry sent again, its fields in another order (as a queue might serialise it).
    const again = await guide().post(
      '/hour-entries',
      { note: body.note, minutes: 60, date: today, categoryId: plenum },
      {
        'idempotency-key': key.toUpperCase(),
      },
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const entries = (await entriesOf(office.sessions.guide)).filter((e) => e.note === body.note);
    expect(entries.map((e) => e.id)).toEqual([first.json().id]);
  });

  it('the same key with another body is refused with a stable code, and creates nothing', async () => {
    const key = randomUUID();
    const first = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 30, note: 'A' },
      {
        'idempotency-key': key,
      },
    );
    expect(first.statusCode, first.body).toBe(201);
    const changed = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 45, note: 'A' },
      {
        'idempotency-key': key,
      },
    );
    const problem = expectProblem(changed, 422, 'idempotency_key_reused');
    expect(problem.title).toMatch(/anderer Eintrag/);
    expect((await entriesOf(office.sessions.guide)).filter((e) => e.note === 'A')).toHaveLength(1);
    // The same key on another route is another request too.
    expectProblem(
      await guide().post(
        '/hour-entries/00000000-0000-4000-8000-000000000000/correct',
        { minutes: 30, reason: 'x' },
        {
          'idempotency-key': key,
        },
      ),
      403,
      'forbidden',
    );
  });

  it("another user's or another office's key neither collides nor reveals its answer", async () => {
    const key = randomUUID();
    const mine = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 60, note: 'mein' },
      {
        'idempotency-key': key,
      },
    );
    expect(mine.statusCode).toBe(201);
    // A second guide of the same office, the same key and even the same body: an entry of their own.
    const colleague = await createGuideWithAccount(t, office);
    const theirs = await client(t.app, colleague.session).post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 60, note: 'mein' },
      { 'idempotency-key': key },
    );
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(theirs.json().guideId).toBe(colleague.guideId);
    // Another office's guide with the same key.
    const foreign = await client(t.app, other.sessions.guide).post(
      '/hour-entries',
      { categoryId: otherPlenum, date: today, minutes: 15, note: 'anderes Büro' },
      { 'idempotency-key': key },
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    expect(foreign.json().id).not.toBe(mine.json().id);
    expect(JSON.stringify(foreign.json())).not.toContain(mine.json().id);
    // Each office's rows stay behind its wall (RLS): the office scope sees only its own.
    const seen = await inScope(
      t.ctx.database.db,
      { officeId: other.officeId },
      async (tx) =>
        (
          (await tx.execute(sql`select office_id from idempotency_keys`)) as unknown as {
            rows: { office_id: string }[];
          }
        ).rows,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.office_id === other.officeId)).toBe(true);
  });

  it('without a key nothing changes: two posts are two entries; a malformed key is a 400', async () => {
    const body = { categoryId: plenum, date: today, minutes: 20, note: 'ohne Schlüssel' };
    const rowsBefore = await keyRows(office.officeId);
    expect((await guide().post('/hour-entries', body)).statusCode).toBe(201);
    expect((await guide().post('/hour-entries', body)).statusCode).toBe(201);
    expect((await entriesOf(office.sessions.guide)).filter((e) => e.note === body.note)).toHaveLength(2);
    expect(await keyRows(office.officeId)).toBe(rowsBefore);
    expectProblem(
      await guide().post('/hour-entries', body, { 'idempotency-key': 'nicht-eine-uuid' }),
      400,
      'idempotency_key_invalid',
    );
  });

  it('a refused request does not use up its key: the corrected entry goes through with it', async () => {
    const key = randomUUID();
    const tooShort = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 1, note: 'B' },
      {
        'idempotency-key': key,
      },
    );
    expectProblem(tooShort, 400, 'validation_failed');
    const fixed = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 10, note: 'B' },
      {
        'idempotency-key': key,
      },
    );
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it('keys expire after 7 days through the daily retention job', async () => {
    const key = randomUUID();
    const body = { categoryId: plenum, date: today, minutes: 25, note: 'verfällt' };
    expect((await guide().post('/hour-entries', body, { 'idempotency-key': key })).statusCode).toBe(201);
    const services = createServices(t.ctx);
    await applyRetention(services, new Date(Date.now() + 6 * 86_400_000), { officeIds: [] });
    expect((await guide().post('/hour-entries', body, { 'idempotency-key': key })).headers['idempotent-replayed']).toBe(
      'true',
    );
    expect(await keyRows(office.officeId)).toBeGreaterThan(0);
    await applyRetention(services, new Date(Date.now() + 8 * 86_400_000), { officeIds: [] });
    expect(await keyRows(office.officeId)).toBe(0);
  });
});

describe('Idempotency-Key on a deployment activity and after the month was submitted', () => {
  it('one activity for a repeated key; a queued entry for a submitted month is a translated conflict', async () => {
    const coordinator = client(t.app, office.sessions.coordinator);
    const request = await coordinator.post('/requests', {
      ...requestBody(office, { startsOn: addDays(today, -7), endsOn: addDays(today, 60) }),
      partnerId: office.partnerId,
    });
    const offer = await coordinator.post(`/requests/${request.json().id}/offers`, {
      guideIds: [office.guideId],
      overrideReason: 'Test: direkt anfragen',
    });
    const accepted = await guide().post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const assignmentId = accepted.json().assignmentId as string;
    await coordinator.patch(`/assignments/${assignmentId}/agreement`, { startsOn: addDays(today, -7) });
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    await client(t.app, office.sessions.partner).post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });

    const key = randomUUID();
    const body = { date: today, startTime: '09:00', endTime: '10:00', type: 'accompaniment' };
    const first = await guide().post(`/assignments/${assignmentId}/activities`, body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const again = await guide().post(`/assignments/${assignmentId}/activities`, body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const log = (await guide().get(`/assignments/${assignmentId}/activities`)).json().items as { id: string }[];
    expect(log.filter((a) => a.id === first.json().id)).toHaveLength(1);
    expect(log).toHaveLength(1);

    // The month is submitted meanwhile (from another device): the queued entry is refused with the reason.
    expect((await guide().post(`/me/time-sheets/${month}/submit`)).statusCode).toBe(200);
    const late = await guide().post(
      '/hour-entries',
      { categoryId: plenum, date: today, minutes: 30, note: 'offline erfasst' },
      { 'idempotency-key': randomUUID() },
    );
    // In the guide's language (German here), as the queue shows it.
    const problem = expectProblem(late, 409, 'time_sheet_locked');
    expect(problem.title).toMatch(/eingereicht/);
  });
});
