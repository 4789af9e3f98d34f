/**
 * Issue 9, retention schedule: the daily job on an injected clock (not yet due, due, held, a second run that finds
 * nothing), the due list a coordinator acts on, legal holds, bad input and roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/dates.js';
import { applyRetention } from '../../src/jobs/retention.js';
import { createServices } from '../../src/server/services.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, type TestOffice } from '../helpers/factories.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
const ids = { left: '', withdrawn: '', active: '', request: '' };
const leftOn = addDays(today, -80);
const endedOn = addDays(today, -170);
/** Noon UTC of a day: the same calendar day in Berlin. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

const coordinator = () => client(t.app, office.sessions.coordinator);
// Only this file's office: on PostgreSQL the database is shared with other test files running beside this one.
const run = (day: string) => applyRetention(createServices(t.ctx), at(day), { officeIds: [office.officeId] });
const guideRow = async (id: string) =>
  (
    await t.database.query<{ background_checked_at: string | null; anonymised_at: Date | null; last_name: string }>(
      'select background_checked_at, anonymised_at, last_name from guides where id = $1',
      [id],
    )
  ).rows[0];
const auditCount = async (action: string) =>
  (
    await t.database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where office_id = $1 and action = $2',
      [office.officeId, action],
    )
  ).rows[0].n;

async function guide(lastName: string) {
  const res = await coordinator().post('/guides', {
    firstName: 'Frist',
    lastName,
    languages: [{ code: 'ar', level: 'native' }],
    status: 'active',
    certifiedAt: '2025-01-01',
    backgroundCheck: { checkedAt: addDays(today, -200), issuedAt: addDays(today, -210), relevantConviction: false },
    ...ON_RECORD,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  ids.left = await guide('Ausgeschieden');
  ids.withdrawn = await guide('Widerrufen');
  ids.active = await guide('Aktiv');
  // The clocks start in the past: the guide left, the other withdrew consent, the request was cancelled.
  await t.database.query(`update guides set status = 'left', status_changed_at = $2 where id = $1`, [
    ids.left,
    at(leftOn),
  ]);
  await t.database.query('update guides set consent_withdrawn_at = $2 where id = $1', [ids.withdrawn, leftOn]);
  const request = await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
  ids.request = request.json().id;
  await t.database.query(`update requests set status = 'cancelled', status_changed_at = $2 where id = $1`, [
    ids.request,
    at(endedOn),
  ]);
});
afterAll(() => t.close());

describe('the due list', () => {
  it('shows what falls due in the next 30 days, per record, with the day the clock started', async () => {
    const res = await coordinator().get('/retention/due');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.schedule).toMatchObject({ backgroundCheckMonths: 3, personDataMonths: 6, guideDataYears: 3 });
    const keys = body.items.map((i: { rule: string; entityId: string }) => `${i.rule}:${i.entityId}`).sort();
    expect(keys).toEqual(
      [`background_check:${ids.left}`, `background_check:${ids.withdrawn}`, `person_data:${ids.request}`].sort(),
    );
    const left = body.items.find((i: { entityId: string }) => i.entityId === ids.left);
    expect(left).toMatchObject({
      since: leftOn,
      dueOn: addMonths(leftOn, 3),
      label: 'Frist Ausgeschieden',
      hold: null,
    });
    // Further ahead, the guides' personal data shows up too.
    const later = (await coordinator().get('/retention/due?days=365')).json();
    expect(later.items.length).toBe(3);
    const years = (await coordinator().get(`/retention/due?days=${365}`)).json();
    expect(years.items.some((i: { rule: string }) => i.rule === 'guide_personal_data')).toBe(false);
  });

  it('refuses bad input and other roles', async () => {
    for (const q of ['days=0', 'days=366', 'days=abc', 'other=1'])
      expectProblem(await coordinator().get(`/retention/due?${q}`), 400, 'validation_failed');
    expectProblem(await client(t.app, office.sessions.guide).get('/retention/due'), 403, 'forbidden');
    expectProblem(await client(t.app, office.sessions.partner).get('/retention/due'), 403, 'forbidden');
  });
});

describe('legal holds', () => {
  let holdId: string;
  it('a coordinator keeps a record with a reason; it is audited and shown in the due list', async () => {
    const res = await coordinator().post('/retention/holds', {
      entityType: 'guide',
      entityId: ids.withdrawn,
      rule: 'background_check',
      reason: 'Laufendes Verfahren beim Jugendamt',
    });
    expect(res.statusCode, res.body).toBe(201);
    holdId = res.json().id;
    const item = (await coordinator().get('/retention/due'))
      .json()
      .items.find(
        (i: { entityId: string; rule: string }) => i.entityId === ids.withdrawn && i.rule === 'background_check',
      );
    expect(item.hold).toMatchObject({
      id: holdId,
      reason: 'Laufendes Verfahren beim Jugendamt',
      byName: 'Koordination Test',
    });
    expect(await auditCount('retention.hold_set')).toBe(1);
  });

  it('refuses a second hold, a rule that does not fit the record, unknown records, empty reasons, other roles', async () => {
    const body = { entityType: 'guide', entityId: ids.withdrawn, rule: 'background_check', reason: 'Noch einmal' };
    expect(expectProblem(await coordinator().post('/retention/holds', body), 409).errors?.[0].code).toBe('holdExists');
    expect(
      expectProblem(await coordinator().post('/retention/holds', { ...body, rule: 'person_data' }), 400).errors?.[0]
        .code,
    ).toBe('ruleNotForRecord');
    expect(
      expectProblem(await coordinator().post('/retention/holds', { ...body, entityId: crypto.randomUUID() }), 400)
        .errors?.[0].code,
    ).toBe('recordUnknown');
    expectProblem(await coordinator().post('/retention/holds', { ...body, reason: '  ' }), 400, 'validation_failed');
    expectProblem(await coordinator().post('/retention/holds', { ...body, rule: 'forever' }), 400, 'validation_failed');
    expectProblem(await client(t.app, office.sessions.guide).post('/retention/holds', body), 403, 'forbidden');
    expectProblem(await coordinator().post(`/retention/holds/${crypto.randomUUID()}/release`), 404, 'not_found');
  });

  it('the job: not yet due, due, held, and a second run that changes nothing', async () => {
    expect(await run(today)).toEqual({
      backgroundChecksDeleted: 0,
      guidesAnonymised: 0,
      personsAnonymised: 0,
      auditEntriesDeleted: 0,
      skippedOnHold: 0,
    });
    expect((await guideRow(ids.left)).background_checked_at).not.toBeNull();
    // The day before the background check falls due, still nothing.
    expect((await run(addDays(addMonths(leftOn, 3), -1))).backgroundChecksDeleted).toBe(0);

    const due = addDays(today, 100);
    expect(await run(due)).toMatchObject({ backgroundChecksDeleted: 1, personsAnonymised: 1, skippedOnHold: 1 });
    expect((await guideRow(ids.left)).background_checked_at).toBeNull();
    expect((await guideRow(ids.withdrawn)).background_checked_at).not.toBeNull();
    expect((await guideRow(ids.active)).background_checked_at).not.toBeNull();
    const request = (await coordinator().get(`/requests/${ids.request}`)).json();
    expect(request.person.initials).toBe('—');
    expect(request.description).toBe('[anonymisiert]');

    // Idempotent: a second run on the same day finds nothing new.
    expect(await run(due)).toMatchObject({ backgroundChecksDeleted: 0, personsAnonymised: 0, skippedOnHold: 1 });
    expect(await auditCount('guide.background_check_deleted')).toBe(1);
    expect(await auditCount('request.person_anonymised')).toBe(1);
    const { rows } = await t.database.query<{ actor_name: string; via: string; changes: unknown }>(
      `select actor_name, via, changes from audit_events where action = 'guide.background_check_deleted' and entity_id = $1`,
      [ids.left],
    );
    expect(rows).toEqual([
      { actor_name: 'System', via: 'system', changes: { rule: 'background_check', trigger: 'retention' } },
    ]);

    // Released, the hold no longer protects the record.
    expect((await coordinator().post(`/retention/holds/${holdId}/release`)).statusCode).toBe(204);
    expect(await auditCount('retention.hold_released')).toBe(1);
    expect(await run(due)).toMatchObject({ backgroundChecksDeleted: 1, skippedOnHold: 0 });
    expect((await guideRow(ids.withdrawn)).background_checked_at).toBeNull();
  });

  it('anonymises guides when their personal data falls due, keeping the active one', async () => {
    const day = addDays(addMonths(leftOn, 36), -1);
    expect((await run(day)).guidesAnonymised).toBe(0);
    expect(await run(addMonths(leftOn, 36))).toMatchObject({ guidesAnonymised: 2 });
    expect((await guideRow(ids.left)).anonymised_at).not.toBeNull();
    expect((await guideRow(ids.left)).last_name).toMatch(/^\[anonymisiert\]/);
    expect((await guideRow(ids.active)).anonymised_at).toBeNull();
    expect((await run(addMonths(leftOn, 36))).guidesAnonymised).toBe(0);
    expect((await coordinator().get('/retention/due?days=365')).json().items).toEqual([]);
  });

  it('deletes audit entries older than the audit-log period, and records that it did', async () => {
    const day = addDays(addMonths(today, 36), 2);
    const result = await run(day);
    expect(result.auditEntriesDeleted).toBeGreaterThan(5);
    const { rows } = await t.database.query<{ action: string; at: Date }>(
      'select action, at from audit_events where office_id = $1',
      [office.officeId],
    );
    // Only what the job itself recorded on its (later) days is left.
    expect(rows.every((r) => new Date(r.at) >= at(addDays(today, 2)))).toBe(true);
    expect(rows.map((r) => r.action)).toContain('retention.audit_purged');
    expect((await run(addDays(addMonths(today, 36), 2))).auditEntriesDeleted).toBe(0);
  });
});

describe('the schedule is a setting per office', () => {
  it('is changed through the settings, within the legal bounds', async () => {
    const schedule = (await coordinator().get('/settings')).json().retention;
    const ok = await coordinator().patch('/settings', { retention: { ...schedule, personDataMonths: 12 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().retention.personDataMonths).toBe(12);
    // § 72a (5) SGB VIII: at most 3 months; § 147 AO: at least 10 years.
    for (const bad of [{ backgroundCheckMonths: 4 }, { financialEvidenceYears: 9 }, { fundingEvidenceYears: 4 }])
      expectProblem(
        await coordinator().patch('/settings', { retention: { ...schedule, ...bad } }),
        400,
        'validation_failed',
      );
  });
});
