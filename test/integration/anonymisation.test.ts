/**
 * Issue 9, erasure by anonymisation: after a guide (or a partner contact, or an accompanied person) is anonymised,
 * no text, varchar, text[] or json(b) column of any table in the database holds their name or address (the
 * catalogue is walked, so a table added later is searched too), nor does the server's log or the guide export —
 * while their deployments, hours and expenses still count.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { hashPassword } from '../../src/modules/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import { expectProblem, tag, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { requestBody, thisEvening, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
const logs: string[] = [];
beforeAll(async () => {
  t = await createTestApp({
    now: thisEvening(),
    logger: {
      stream: new Writable({
        write(chunk, _enc, done) {
          logs.push(String(chunk));
          done();
        },
      }),
      level: 'debug',
    },
  });
  office = await createOffice(t);
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);
const partner = () => client(t.app, office.sessions.partner);

/** Every place in the database a string occurs: schema.table.column, from the catalogue, case-insensitively. */
async function findEverywhere(needle: string): Promise<string[]> {
  const columns = await t.database.rows<{ table_schema: string; table_name: string; column_name: string }>(`
    select c.table_schema, c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
     where c.table_schema not in ('pg_catalog', 'information_schema') and tb.table_type = 'BASE TABLE'
       and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
            or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))`);
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const c of columns) {
    const { rows } = await t.database.query<{ n: number }>(
      `select count(*)::int as n from "${c.table_schema}"."${c.table_name}" where "${c.column_name}"::text ilike $1`,
      [`%${needle}%`],
    );
    if (rows[0].n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe('anonymising a guide', () => {
  const id = tag();
  const first = `Zephyrine${id}`;
  const last = `Quillfeather${id}`;
  const fullName = `${first} ${last}`;
  const email = `zq-${id}@test.example`;
  const phone = `+49 170 ${id.replace(/\D/g, '').padEnd(7, '7').slice(0, 7)}`;
  let guideId: string;
  let guideSession: Session;
  let assignmentId: string;
  let totalsBefore: { minutes: number; deployments: number; activities: number; expensesCents: number };

  beforeAll(async () => {
    const created = await coordinator().post('/guides', {
      firstName: first,
      lastName: last,
      email,
      phone,
      languages: [{ code: 'ar', level: 'native' }],
      countries: ['SY'],
      homeDistrictId: office.districtIds[0],
      serviceDistrictIds: [office.districtIds[0]],
      status: 'active',
      certifiedAt: '2025-01-01',
      backgroundCheck: { checkedAt: addDays(today, -30), issuedAt: addDays(today, -40), relevantConviction: false },
      ...ON_RECORD,
      fields: ['authorities'],
      notes: `${fullName} spricht auch Kurdisch`,
      maxActiveAssignments: 3,
    });
    expect(created.statusCode, created.body).toBe(201);
    guideId = created.json().id;
    const services = createServices(t.ctx);
    const passwordHash = await hashPassword(TEST_PASSWORD);
    await inScope(t.ctx.database.db, 'system', (tx) =>
      services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
        email,
        displayName: fullName,
        role: 'guide',
        officeId: office.officeId,
        guideId,
        passwordHash,
      }),
    );
    guideSession = await login(t.app, email, TEST_PASSWORD);
    const guide = client(t.app, guideSession);

    // A deployment with everything that can carry the name: request text, offer message, timeline, agreement,
    // activities (one approved, so locked), feedback, mails, audit entries.
    const request = await coordinator().post('/requests', {
      ...requestBody(office, { startsOn: addDays(today, -7), endsOn: addDays(today, 60) }),
      partnerId: office.partnerId,
      notes: `Wunsch der Familie: ${fullName}`,
    });
    expect(request.statusCode, request.body).toBe(201);
    const requestId = request.json().id;
    const offer = await coordinator().post(`/requests/${requestId}/offers`, {
      guideIds: [guideId],
      message: `Hallo ${first}, passt das für dich?`,
      overrideReason: 'Test: direkt anfragen',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const accepted = await guide.post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    assignmentId = accepted.json().assignmentId;
    await coordinator().patch(`/assignments/${assignmentId}/agreement`, {
      startsOn: addDays(today, -7),
      goal: `${first} begleitet die Familie zum Amt`,
    });
    expect((await guide.post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(200);
    expect((await partner().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(
      200,
    );
    const logged = await guide.post(`/assignments/${assignmentId}/activities`, {
      date: addDays(today, -2),
      startTime: '10:00',
      endTime: '12:00',
      type: 'accompaniment',
      km: 12,
      expensesCents: 450,
      note: `${first} hat den Termin wahrgenommen`,
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const approved = await coordinator().post(`/assignments/${assignmentId}/activities/approve`, {
      activityIds: [logged.json().id],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    await coordinator().post(`/requests/${requestId}/messages`, { message: `Rückfrage an ${fullName}` });
    await coordinator().get(`/guides/${guideId}`);
    const closed = await coordinator().post(`/assignments/${assignmentId}/close`, {
      outcome: 'goal_reached',
      guideFeedback: `${fullName} war zuverlässig`,
      partnerFeedback: `Danke, ${first}!`,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    // A second, pending offer: it is withdrawn by the anonymisation.
    const other = await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
    await coordinator().post(`/requests/${other.json().id}/offers`, {
      guideIds: [guideId],
      message: `${first}, hast du noch Zeit?`,
      overrideReason: 'Test: direkt anfragen',
    });
    const totals = (await coordinator().get(`/activity-totals?guideId=${guideId}`)).json().items;
    totalsBefore = totals[0];
  });

  it('the search finds the name before (the probe works)', async () => {
    expect((await findEverywhere(last)).length).toBeGreaterThan(5);
    expect(await findEverywhere(email)).toContain('public.outbox.to_address');
    expect(totalsBefore).toMatchObject({ minutes: 120, deployments: 1, activities: 1, expensesCents: 450 });
  });

  it('leaves no trace of name, address or phone in any column of any table, the log or the export', async () => {
    const res = await coordinator().post(`/guides/${guideId}/anonymise`);
    expect(res.statusCode, res.body).toBe(200);
    for (const needle of [fullName, first, last, email, phone])
      expect(await findEverywhere(needle), `"${needle}" is still stored`).toEqual([]);
    const log = logs.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const needle of [first, last, email]) expect(log).not.toContain(needle);
    const xlsx = await coordinator().get('/guides/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const cells = (await xlsxRows(xlsx.rawPayload)).flat().join('\n');
    expect(cells).toContain('[anonymisiert]');
    for (const needle of [first, last, email]) expect(cells).not.toContain(needle);
  });

  it('keeps the deployment, hours and expenses as anonymous evidence that still counts', async () => {
    const totals = (await coordinator().get(`/activity-totals?guideId=${guideId}`)).json().items;
    expect(totals[0]).toMatchObject({
      minutes: totalsBefore.minutes,
      deployments: 1,
      activities: 1,
      expensesCents: 450,
    });
    const detail = (await coordinator().get(`/guides/${guideId}`)).json();
    expect(detail).toMatchObject({ firstName: '', email: null, phone: null, status: 'left', hasAccount: false });
    expect(detail.anonymisedAt).toBeTruthy();
    expect(detail.backgroundCheck).toBeFalsy();
    expect(detail.abilities.anonymise).toBe(false);
    expect((await coordinator().get(`/assignments/${assignmentId}`)).statusCode).toBe(200);
    // The guide's account is gone: the old session no longer works.
    expect((await client(t.app, guideSession).get('/me')).statusCode).toBe(401);
    // Hard delete stays refused: the deployments are evidence.
    expectProblem(await coordinator().delete(`/guides/${guideId}`), 409, 'conflict');
  });

  it('is idempotent and audited without personal values', async () => {
    const again = await coordinator().post(`/guides/${guideId}/anonymise`);
    expect(again.statusCode).toBe(200);
    const { rows } = await t.database.query<{ changes: unknown }>(
      `select changes from audit_events where action = 'guide.anonymised' and entity_id = $1`,
      [guideId],
    );
    expect(rows).toEqual([{ changes: { trigger: 'request' } }]);
  });
});

describe('anonymising a partner contact and an accompanied person', () => {
  it('a partner contact: no trace of name or address anywhere', async () => {
    const id = tag();
    const name = `Ottilie Brennwasser${id}`;
    const email = `ob-${id}@test.example`;
    const added = await coordinator().post(`/partners/${office.partnerId}/contacts`, { name, email, invite: true });
    expect(added.statusCode, added.body).toBe(201);
    const contact = added.json().contacts.find((c: { email: string }) => c.email === email);
    expect((await findEverywhere(email)).length).toBeGreaterThan(0);
    const res = await coordinator().post(`/partners/${office.partnerId}/contacts/${contact.id}/anonymise`);
    expect(res.statusCode, res.body).toBe(200);
    for (const needle of [name, `Brennwasser${id}`, email]) expect(await findEverywhere(needle)).toEqual([]);
    expect(logs.join('')).not.toContain(email);
  });

  it('an accompanied person: only once the request has ended; the request still counts', async () => {
    const marker = `Hadizatou${tag()}`;
    const created = await coordinator().post('/requests', {
      ...requestBody(office, { description: `Frau ${marker} braucht Begleitung zum Amt.` }),
      partnerId: office.partnerId,
      meetingPoint: `Bei ${marker} zu Hause`,
      notes: `${marker} spricht wenig Deutsch`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const requestId = created.json().id;
    await coordinator().post(`/requests/${requestId}/messages`, { message: `Wie erreichen wir ${marker}?` });
    const before = (await coordinator().get('/requests')).json().total;
    expect(
      expectProblem(await coordinator().post(`/requests/${requestId}/anonymise-person`), 409).errors?.[0].code,
    ).toBe('requestNotEnded');
    const ended = await coordinator().post(`/requests/${requestId}/status`, { status: 'no_match', reason: 'Niemand' });
    expect(ended.statusCode, ended.body).toBe(200);
    const res = await coordinator().post(`/requests/${requestId}/anonymise-person`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await findEverywhere(marker)).toEqual([]);
    const request = (await coordinator().get(`/requests/${requestId}`)).json();
    expect(request.person).toMatchObject({ initials: '—', ageGroup: 'adult', household: 'family', householdSize: 4 });
    expect((await coordinator().get('/requests')).json().total).toBe(before);
  });
});

describe('who may anonymise', () => {
  it('guides and partner contacts may not (403); unknown records are 404; a running deployment is 409', async () => {
    const guide = client(t.app, office.sessions.guide);
    expectProblem(await guide.post(`/guides/${office.guideId}/anonymise`), 403, 'forbidden');
    expectProblem(await partner().post(`/guides/${office.guideId}/anonymise`), 403, 'forbidden');
    expectProblem(await coordinator().post(`/guides/${crypto.randomUUID()}/anonymise`), 404, 'not_found');
    expectProblem(await coordinator().post(`/requests/${crypto.randomUUID()}/anonymise-person`), 404, 'not_found');
    expectProblem(
      await coordinator().post(`/partners/${office.partnerId}/contacts/${crypto.randomUUID()}/anonymise`),
      404,
      'not_found',
    );
    expectProblem(await coordinator().post('/guides/not-a-uuid/anonymise'), 400);
    // The office's own guide with a running deployment.
    const request = await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
    const offer = await coordinator().post(`/requests/${request.json().id}/offers`, {
      guideIds: [office.guideId],
      overrideReason: 'Test: direkt anfragen',
    });
    await guide.post(`/offers/${offer.json().items[0].id}/accept`, {});
    const refused = expectProblem(await coordinator().post(`/guides/${office.guideId}/anonymise`), 409, 'conflict');
    expect(refused.errors?.[0].code).toBe('guideHasRunningDeployments');
  });
});
