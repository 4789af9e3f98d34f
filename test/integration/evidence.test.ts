/**
 * Issue 6, sections 3 and 5: evidence that cannot silently change, and the smaller correctness fixes. Each
 * `regression:` test failed on the code before the fix.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { expectProblem, tag, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, type TestOffice } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf.js';
import { requestBody, thisEvening, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp({ now: thisEvening() });
  office = await createOffice(t);
  // The office's guide takes many deployments here.
  await client(t.app, office.sessions.coordinator).patch(`/guides/${office.guideId}`, { maxActiveAssignments: 20 });
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);
const guide = () => client(t.app, office.sessions.guide);
const partner = () => client(t.app, office.sessions.partner);

/** A deployment of the office's guide for a request filed by the partner (weekly, started a week ago). */
async function deployment(over: Record<string, unknown> = {}, partnerId = office.partnerId) {
  const created = await coordinator().post('/requests', {
    ...requestBody(office, { startsOn: addDays(today, -7), ...over }),
    partnerId,
  });
  expect(created.statusCode, created.body).toBe(201);
  const requestId = created.json().id as string;
  const sent = await coordinator().post(`/requests/${requestId}/offers`, {
    guideIds: [office.guideId],
    overrideReason: 'Test: direkt anfragen',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepted = await guide().post(`/offers/${sent.json().items[0].id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { requestId, assignmentId: accepted.json().assignmentId as string };
}

const rowsOf = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? r) as T[];

describe('agreements are versioned evidence', () => {
  it('regression: rewriting a confirmed agreement makes a new version that needs new confirmations; the confirmed one stays', async () => {
    const { assignmentId } = await deployment();
    const confirmed = await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    expect(confirmed.json().agreement.guideConfirmedAt).toBeTruthy();
    // Before: rewriting the step titles kept both confirmations.
    const changed = await coordinator().patch(`/assignments/${assignmentId}/agreement`, {
      steps: [{ title: 'Ganz andere Schritte', status: 'open' }],
      changeNote: 'Schritte neu gefasst',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const agreement = changed.json().agreement;
    expect(agreement).toMatchObject({
      version: 2,
      guideConfirmedAt: null,
      partnerConfirmedAt: null,
      changeNote: 'Schritte neu gefasst',
    });
    const versions = (await coordinator().get(`/assignments/${assignmentId}/agreement/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].steps[0].title).toBe('Erstes Treffen vereinbaren');
    expect(versions[1].guideConfirmedAt).toBe(confirmed.json().agreement.guideConfirmedAt);
    expect(versions[1].supersededAt).toBeTruthy();
    // Confirming what one read: the old version number is refused.
    expectProblem(
      await partner().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 }),
      409,
      'agreement_version_changed',
    );
    // The confirm button is back for the guide (a new version to confirm).
    expect((await guide().get(`/assignments/${assignmentId}`)).json().abilities.confirm).toBe(true);
  });

  it('regression: changing only the contact channels or the review date also needs new confirmations', async () => {
    const { assignmentId } = await deployment();
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    await partner().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    const changed = await coordinator().patch(`/assignments/${assignmentId}/agreement`, {
      contactChannels: 'Nur Telefon',
    });
    expect(changed.json().agreement).toMatchObject({ version: 2, guideConfirmedAt: null, partnerConfirmedAt: null });
    // The deployment stays active while the new version waits.
    expect(changed.json().status).toBe('active');
  });

  it('an unconfirmed draft is edited in place; the period and review date can be changed', async () => {
    const { assignmentId } = await deployment();
    const res = await coordinator().patch(`/assignments/${assignmentId}/agreement`, {
      endsOn: addDays(today, 30),
      reviewOn: addDays(today, 10),
    });
    expect(res.json().agreement).toMatchObject({
      version: 1,
      endsOn: addDays(today, 30),
      reviewOn: addDays(today, 10),
    });
    expectProblem(
      await coordinator().patch(`/assignments/${assignmentId}/agreement`, { reviewOn: addDays(today, 40) }),
      400,
      'validation_failed',
    );
  });

  it('regression: the database refuses to change a confirmed version, whatever the application does', async () => {
    const { assignmentId } = await deployment();
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    await expect(
      inScope(t.ctx.database.db, { officeId: office.officeId }, (tx) =>
        tx.execute(sql`update agreements set goal = 'heimlich geändert' where assignment_id = ${assignmentId}`),
      ),
    ).rejects.toThrow();
    const read = (await coordinator().get(`/assignments/${assignmentId}`)).json();
    expect(read.agreement.goal).not.toBe('heimlich geändert');
  });

  it('an extension is a new version with the reason recorded; the PDF names the version and who confirmed when', async () => {
    const { assignmentId } = await deployment();
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    const current = (await coordinator().get(`/assignments/${assignmentId}`)).json().agreement;
    const extended = await coordinator().post(`/assignments/${assignmentId}/agreement/extend`, {
      endsOn: addDays(current.endsOn, 30),
      reason: 'Weitere Termine nötig',
    });
    expect(extended.json().agreement).toMatchObject({ version: 2, endsOn: addDays(current.endsOn, 30) });
    expect(extended.json().agreement.extensions[0]).toMatchObject({ reason: 'Weitere Termine nötig' });
    const pdf = await coordinator().get(`/assignments/${assignmentId}/agreement.pdf?version=1`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toMatch(/Fassung 1/);
    expect(text).toContain('Testa');
    expect(text).toMatch(/ersetzt/i);
  });

  it('regression: the insurance paragraph follows the partner type (no statutory cover promised for an MSO)', async () => {
    const mso = await inScope(t.ctx.database.db, 'system', async (tx) => {
      const r = await tx.execute(
        sql`insert into partners (office_id, name, type) values (${office.officeId}, ${`MSO ${tag()}`}, 'migrant_organisation') returning id`,
      );
      return rowsOf<{ id: string }>(r)[0].id;
    });
    const { assignmentId } = await deployment({}, mso);
    const agreement = (await coordinator().get(`/assignments/${assignmentId}`)).json().agreement;
    expect(agreement.insurance).toContain('Migrantenselbstorganisation');
    expect(agreement.insurance).toContain('kein gesetzlicher');
    const municipal = (await coordinator().get(`/assignments/${(await deployment()).assignmentId}`)).json().agreement;
    expect(municipal.insurance).not.toContain('Migrantenselbstorganisation');
  });

  it('regression: a one-off request gets an agreement for its one date', async () => {
    const { assignmentId } = await deployment({ frequency: 'once', startsOn: addDays(today, 5), endsOn: null });
    const agreement = (await coordinator().get(`/assignments/${assignmentId}`)).json().agreement;
    expect(agreement).toMatchObject({
      startsOn: addDays(today, 5),
      endsOn: addDays(today, 5),
      reviewOn: addDays(today, 5),
    });
  });
});

describe('activity entries', () => {
  let assignmentId: string;
  const entry = (over: Record<string, unknown> = {}) => ({
    date: addDays(today, -1),
    startTime: '10:00',
    endTime: '11:30',
    type: 'accompaniment',
    ...over,
  });
  beforeAll(async () => {
    ({ assignmentId } = await deployment());
    // The agreement started ten days ago (an unconfirmed draft can be changed in place).
    const moved = await coordinator().patch(`/assignments/${assignmentId}/agreement`, {
      startsOn: addDays(today, -10),
      reviewOn: addDays(today, 20),
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });
  const log = (over: Record<string, unknown> = {}) =>
    guide().post(`/assignments/${assignmentId}/activities`, entry(over));

  it('regression: refuses duplicates and overlapping entries of the same guide', async () => {
    const first = await log();
    expect(first.statusCode, first.body).toBe(201);
    expect(expectProblem(await log(), 409, 'conflict').errors?.[0].code).toBe('activityDuplicate');
    expect(expectProblem(await log({ startTime: '11:00', endTime: '12:00' }), 409, 'conflict').errors?.[0].code).toBe(
      'activityOverlap',
    );
  });

  it('regression: refuses more than the daily maximum, and dates in the future', async () => {
    await coordinator().patch('/settings', { activities: { dailyMaxMinutes: 180, preparationDaysBefore: 14 } });
    const long = await log({ date: addDays(today, -2), startTime: '08:00', endTime: '11:30' });
    expect(expectProblem(long, 400, 'validation_failed').errors?.[0].code).toBe('dailyMaxExceeded');
    await coordinator().patch('/settings', { activities: { dailyMaxMinutes: 600, preparationDaysBefore: 14 } });
    expect(expectProblem(await log({ date: addDays(today, 1) }), 400, 'validation_failed').errors?.[0].code).toBe(
      'inFuture',
    );
  });

  it('regression: preparation may be logged up to the set days before the agreement starts', async () => {
    const agreement = (await coordinator().get(`/assignments/${assignmentId}`)).json().agreement;
    const before = addDays(agreement.startsOn, -3);
    expect((await log({ date: before, type: 'preparation' })).statusCode).toBe(201);
    const phone = await log({ date: before, type: 'phone', startTime: '16:00', endTime: '16:30' });
    expect(expectProblem(phone, 400).errors?.[0].code).toBe('outsideAgreement');
  });

  it('regression: entries can be corrected (audited) and deleted until approved, and are locked afterwards', async () => {
    const res = await log({ date: addDays(today, -3), startTime: '14:00', endTime: '15:00' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.abilities).toMatchObject({ update: true, delete: true });
    const corrected = await guide().patch(`/assignments/${assignmentId}/activities/${created.id}`, {
      endTime: '15:30',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().minutes).toBe(90);
    const audit = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(
        sql`select changes from audit_events where action = 'activity.corrected' and office_id = ${office.officeId}`,
      ),
    );
    expect(JSON.stringify(rowsOf(audit))).toContain('15:30');

    const approved = await coordinator().post(`/assignments/${assignmentId}/activities/approve`, {
      activityIds: [created.id],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expectProblem(
      await guide().patch(`/assignments/${assignmentId}/activities/${created.id}`, { endTime: '16:00' }),
      409,
      'activity_locked',
    );
    expectProblem(
      await guide().delete(`/assignments/${assignmentId}/activities/${created.id}`),
      409,
      'activity_locked',
    );
    await expect(
      inScope(t.ctx.database.db, { officeId: office.officeId }, (tx) =>
        tx.execute(sql`update activities set minutes = 999 where id = ${created.id}`),
      ),
    ).rejects.toThrow();

    const other = (await log({ date: addDays(today, -4), startTime: '14:00', endTime: '15:00' })).json();
    expect((await guide().delete(`/assignments/${assignmentId}/activities/${other.id}`)).statusCode).toBe(204);
    expectProblem(await partner().post(`/assignments/${assignmentId}/activities/approve`, {}), 403, 'forbidden');
  });
});

describe('smaller correctness fixes', () => {
  it('regression: "today" for activities is the office\'s date — at 23:30 UTC Berlin already has the next day', async () => {
    const night = await createTestApp({ now: () => new Date(`${today}T23:30:00Z`) });
    try {
      const o = await createOffice(night);
      // This office is in Berlin (test offices otherwise live where it is midday, factories.ts).
      const zoned = await client(night.app, o.sessions.coordinator).patch('/settings', { timeZone: 'Europe/Berlin' });
      expect(zoned.statusCode, zoned.body).toBe(200);
      const created = await client(night.app, o.sessions.coordinator).post('/requests', {
        ...requestBody(o, { startsOn: addDays(today, -3) }),
        partnerId: o.partnerId,
      });
      const sent = await client(night.app, o.sessions.coordinator).post(`/requests/${created.json().id}/offers`, {
        guideIds: [o.guideId],
      });
      const accepted = await client(night.app, o.sessions.guide).post(`/offers/${sent.json().items[0].id}/accept`, {});
      const berlinToday = addDays(today, 1);
      const res = await client(night.app, o.sessions.guide).post(
        `/assignments/${accepted.json().assignmentId}/activities`,
        {
          date: berlinToday,
          startTime: '00:00',
          endTime: '00:20',
          type: 'phone',
        },
      );
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await night.close();
    }
  });

  it('regression: dashboard timestamps are ISO 8601', async () => {
    await deployment();
    await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
    const dashboard = (await coordinator().get('/dashboard')).json();
    expect(dashboard.openRequests.length).toBeGreaterThan(0);
    for (const r of dashboard.openRequests)
      expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it('regression: closed and cancelled requests report update: false', async () => {
    const created = await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
    const cancelled = await coordinator().post(`/requests/${created.json().id}/status`, {
      status: 'cancelled',
      reason: 'Hat sich erledigt',
    });
    expect(cancelled.json().abilities.update).toBe(false);
    expectProblem(await coordinator().patch(`/requests/${created.json().id}`, { title: 'Neu' }), 403, 'forbidden');
  });

  it('regression: the background-check reminder covers every field that involves minors', async () => {
    const res = await coordinator().post('/guides', {
      firstName: 'Sport',
      lastName: `Kinder ${tag()}`,
      status: 'active',
      certifiedAt: '2025-01-01',
      ...ON_RECORD,
      fields: ['leisure'],
    });
    const dashboard = (await coordinator().get('/dashboard')).json();
    expect(dashboard.backgroundChecksDue.map((g: { id: string }) => g.id)).toContain(res.json().id);
  });

  it('partners do not see which guides were asked or why one declined', async () => {
    const { requestId } = await deployment();
    const timeline = (await partner().get(`/requests/${requestId}`)).json().timeline as { kind: string }[];
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.filter((e) => e.kind.startsWith('offer_'))).toEqual([]);
  });

  it('closing warns when the partner never confirmed, and records the acknowledgement', async () => {
    const { assignmentId, requestId } = await deployment();
    expectProblem(
      await coordinator().post(`/assignments/${assignmentId}/close`, { outcome: 'goal_reached' }),
      409,
      'agreement_unconfirmed',
    );
    const closed = await coordinator().post(`/assignments/${assignmentId}/close`, {
      outcome: 'goal_reached',
      acknowledgeUnconfirmed: true,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await coordinator().get(`/requests/${requestId}`)).json().status).toBe('closed');
  });
});

describe('daily use: after matching and around the office', () => {
  it("regression: after matching, the partner sees the guide's first name and the contact channel the guide shares", async () => {
    await guide().patch(`/guides/${office.guideId}`, { shareContact: 'phone', phone: '+49 511 555 0101' });
    const { assignmentId } = await deployment();
    const seen = (await partner().get(`/assignments/${assignmentId}`)).json();
    expect(seen.guideName).toBe('Testa');
    expect(seen.guideContact).toEqual({ firstName: 'Testa', channel: 'phone', value: '+49 511 555 0101' });
    // Also where the guide confirmed: the partner reads the first name only.
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    const confirmed = (await partner().get(`/assignments/${assignmentId}`)).json().agreement;
    expect(confirmed.guideConfirmedBy).toBe('Testa');
    expect(confirmed.changeNote).toBe('Entwurf bei Annahme des Angebots');
    expect(
      (await partner().get(`/assignments/${assignmentId}/agreement/versions`)).json().items[0].guideConfirmedBy,
    ).toBe('Testa');
    await guide().patch(`/guides/${office.guideId}`, { shareContact: 'none' });
    expect((await partner().get(`/assignments/${assignmentId}`)).json().guideContact).toBeNull();
    // The office still sees the full name.
    expect((await coordinator().get(`/assignments/${assignmentId}`)).json().guideName).toMatch(/^Testa Lotsin/);
  });

  it('regression: a family is never saved as "Familie (1 Person)"', async () => {
    const res = await coordinator().post('/requests', {
      ...requestBody(office, {
        person: {
          initials: 'F. A.',
          ageGroup: 'adult',
          languages: ['ar'],
          household: 'family',
          householdSize: 1,
          consentGiven: true,
        },
      }),
      partnerId: office.partnerId,
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'person.householdSize',
      code: 'familySize',
    });
  });

  it('hours per guide by period, with an XLSX export', async () => {
    const totals = await coordinator().get(`/activity-totals?from=${addDays(today, -30)}&to=${today}`);
    expect(totals.statusCode, totals.body).toBe(200);
    const mine = (await guide().get('/activity-totals')).json().items;
    expect(mine.every((r: { guideId: string }) => r.guideId === office.guideId)).toBe(true);
    const xlsx = await coordinator().get(`/activity-totals.xlsx?from=${addDays(today, -30)}&to=${today}`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await xlsxRows(xlsx.rawPayload);
    expect(rows[0]).toEqual(['Nachname', 'Vorname', 'Einsätze', 'Einträge', 'Stunden', 'Kilometer', 'Auslagen (€)']);
    expectProblem(
      await coordinator().get(`/activity-totals?from=${today}&to=${addDays(today, -1)}`),
      400,
      'validation_failed',
    );
  });
});
