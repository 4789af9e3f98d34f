/**
 * Issue 11 §1 and §3: hours outside deployments, the monthly time sheet (submit → return with a comment → resubmit
 * → approve), the lock of an approved month (service and database), corrections by reversal, totals, the Hessen WIR
 * caps (block of paid hours, unpaid above the cap, 414 h for coordinating guides), allowances against the tax-free
 * limit and the AsylbLG export (parsed back).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { PROGRAMME_DEFAULTS } from '../../src/shared/programmes.js';
import { expectProblem, outboxFor, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
const coordinator = () => client(t.app, office.sessions.coordinator);
const guide = () => client(t.app, office.sessions.guide);
let categories: { id: string; key: string; label: string }[];
const cat = (key: string) => categories.find((c) => c.key === key)?.id as string;

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  const listed = await guide().get('/hour-categories');
  expect(listed.statusCode, listed.body).toBe(200);
  categories = listed.json().items;
  const ruleSet = await coordinator().post('/programme-rule-sets', {
    name: 'Hessen WIR',
    programme: 'hessenWir',
    validFrom: '2020-01-01',
    options: PROGRAMME_DEFAULTS.hessenWir,
  });
  expect(ruleSet.statusCode, ruleSet.body).toBe(201);
});
afterAll(() => t.close());

describe('categories', () => {
  it('every new office starts with the default categories; the coordinator adds, renames and archives', async () => {
    expect(categories.map((c) => c.key)).toEqual([
      'deployment',
      'plenum',
      'course',
      'supervision',
      'public_talk',
      'coordination',
      'other',
    ]);
    const added = await coordinator().post('/hour-categories', { label: 'Sprachcafé', kind: 'other' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().key).toBe('sprachcafe');
    const renamed = await coordinator().patch(`/hour-categories/${added.json().id}`, {
      label: 'Sprachcafé am Markt',
      archived: true,
    });
    expect(renamed.json()).toMatchObject({ label: 'Sprachcafé am Markt', archived: true });
    expect(
      (await guide().get('/hour-categories')).json().items.some((c: { id: string }) => c.id === added.json().id),
    ).toBe(false);
    expectProblem(await guide().post('/hour-categories', { label: 'X', kind: 'other' }), 403, 'forbidden');
    const archivedUse = await guide().post('/hour-entries', { categoryId: added.json().id, date: today, minutes: 60 });
    expectProblem(archivedUse, 400, 'validation_failed');
  });
});

describe('the monthly time sheet', () => {
  it('guide logs, submits; coordinator returns with a comment (mailed), guide fixes and resubmits; approval locks', async () => {
    // A deployment with one activity this month.
    const request = await coordinator().post('/requests', {
      ...requestBody(office, { startsOn: addDays(today, -7), endsOn: addDays(today, 60) }),
      partnerId: office.partnerId,
    });
    const offer = await coordinator().post(`/requests/${request.json().id}/offers`, {
      guideIds: [office.guideId],
      overrideReason: 'Test: direkt anfragen',
    });
    const accepted = await guide().post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const assignmentId = accepted.json().assignmentId as string;
    const partner = client(t.app, office.sessions.partner);
    await coordinator().patch(`/assignments/${assignmentId}/agreement`, { startsOn: addDays(today, -7) });
    await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    await partner.post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    const activity = await guide().post(`/assignments/${assignmentId}/activities`, {
      date: today,
      startTime: '09:00',
      endTime: '10:30',
      type: 'accompaniment',
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const month = today.slice(0, 7);

    const plenum = await guide().post('/hour-entries', { categoryId: cat('plenum'), date: today, minutes: 120 });
    expect(plenum.statusCode, plenum.body).toBe(201);
    const sup = await guide().post('/hour-entries', {
      categoryId: cat('supervision'),
      date: today,
      minutes: 45,
      note: 'Kollegiale Beratung',
    });
    expect(sup.statusCode).toBe(201);
    const sheet = (await guide().get(`/me/time-sheets/${month}`)).json();
    expect(sheet.state).toBe('open');
    expect(sheet.totalMinutes).toBe(90 + 120 + 45);
    expect(sheet.totals.map((x: { key: string; minutes: number }) => [x.key, x.minutes])).toEqual([
      ['deployment', 90],
      ['plenum', 120],
      ['supervision', 45],
    ]);
    expect(sheet.abilities.submit).toBe(true);

    const submitted = await guide().post(`/me/time-sheets/${month}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('submitted');
    // Submitted: the guide can no longer change the month, the coordinator can.
    expectProblem(await guide().patch(`/hour-entries/${plenum.json().id}`, { minutes: 90 }), 409, 'time_sheet_locked');
    expectProblem(
      await guide().post('/hour-entries', { categoryId: cat('plenum'), date: today, minutes: 30 }),
      409,
      'time_sheet_locked',
    );
    expectProblem(await guide().post(`/me/time-sheets/${month}/submit`, {}), 409, 'time_sheet_not_submittable');

    const queue = (await coordinator().get('/time-sheets')).json();
    const item = queue.items.find((i: { guideId: string }) => i.guideId === office.guideId);
    expect(item).toMatchObject({ month, totalMinutes: 255, state: 'submitted' });
    // Hessen WIR, 5 €/h: the month would pay 4.25 h × 5 € (all categories count).
    expect(item.allowanceCents).toBe(2125);

    const returned = await coordinator().post(`/time-sheets/${item.id}/return`, {
      comment: 'Bitte die Supervision auf 60 Minuten korrigieren.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const mine = (await guide().get(`/me/time-sheets/${month}`)).json();
    expect(mine).toMatchObject({
      state: 'returned',
      returnComment: 'Bitte die Supervision auf 60 Minuten korrigieren.',
    });
    const mails = await outboxFor(t.app, office.sessions.coordinator, office.emails.guide);
    expect(mails.some((m) => /Stundenzettel/.test(m.subject) && /60 Minuten/.test(m.text))).toBe(true);

    const fixed = await guide().patch(`/hour-entries/${sup.json().id}`, { minutes: 60 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await guide().post(`/me/time-sheets/${month}/submit`, {})).statusCode).toBe(200);
    const approved = await coordinator().post(`/time-sheets/${item.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', approvedMinutes: 270 });
    expect(approved.json().activities.every((a: { approved: boolean }) => a.approved)).toBe(true);
    expectProblem(await coordinator().post(`/time-sheets/${item.id}/approve`, {}), 409, 'time_sheet_not_submitted');

    // Locked: nobody updates or deletes, not even the coordinator …
    expectProblem(
      await coordinator().patch(`/hour-entries/${plenum.json().id}`, { minutes: 60 }),
      409,
      'time_sheet_locked',
    );
    expectProblem(await coordinator().delete(`/hour-entries/${plenum.json().id}`), 409, 'time_sheet_locked');
    expectProblem(
      await guide().patch(`/assignments/${assignmentId}/activities/${activity.json().id}`, { note: 'später' }),
      409,
      'activity_locked',
    );
    // … and the database refuses it as well, for entries, the sheet and new activities of the month.
    const db = t.ctx.database.db;
    const scope = { officeId: office.officeId };
    await expect(
      inScope(db, scope, (tx) => tx.execute(sql`update hour_entries set minutes = 1 where id = ${plenum.json().id}`)),
    ).rejects.toThrow();
    await expect(
      inScope(db, scope, (tx) => tx.execute(sql`delete from hour_entries where id = ${plenum.json().id}`)),
    ).rejects.toThrow();
    await expect(
      inScope(db, scope, (tx) =>
        tx.execute(sql`insert into hour_entries (office_id, guide_id, category_id, date, minutes)
          values (${office.officeId}, ${office.guideId}, ${cat('plenum')}, ${today}, 30)`),
      ),
    ).rejects.toThrow();
    await expect(
      inScope(db, scope, (tx) => tx.execute(sql`update time_sheets set status = 'returned' where id = ${item.id}`)),
    ).rejects.toThrow();
    await expect(
      inScope(db, scope, (tx) =>
        tx.execute(sql`insert into activities (office_id, assignment_id, guide_id, date, start_time, end_time, minutes, type)
          values (${office.officeId}, ${assignmentId}, ${office.guideId}, ${today}, '20:00', '21:00', 60, 'phone')`),
      ),
    ).rejects.toThrow();

    // A correction is a reversal plus a new entry, audited.
    const corrected = await coordinator().post(`/hour-entries/${plenum.json().id}/correct`, {
      minutes: 90,
      reason: 'Plenum endete früher',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const entries = corrected.json().entries as {
      id: string;
      minutes: number;
      reversesEntryId: string | null;
      replacesEntryId: string | null;
      reversed: boolean;
    }[];
    expect(entries.find((e) => e.id === plenum.json().id)?.reversed).toBe(true);
    expect(entries.find((e) => e.reversesEntryId === plenum.json().id)?.minutes).toBe(-120);
    expect(entries.find((e) => e.replacesEntryId === plenum.json().id)?.minutes).toBe(90);
    expect(corrected.json().totalMinutes).toBe(240);
    // The approved figure stays what was approved.
    expect(corrected.json().approvedMinutes).toBe(270);
    expectProblem(
      await coordinator().post(`/hour-entries/${plenum.json().id}/correct`, { minutes: 60, reason: 'nochmal' }),
      409,
      'hour_entry_not_correctable',
    );
    expectProblem(
      await guide().post(`/hour-entries/${sup.json().id}/correct`, { minutes: 60, reason: 'x' }),
      403,
      'forbidden',
    );
    const audit = await coordinator().get(`/audit-events?entityType=guide&entityId=${office.guideId}&limit=50`);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'hour_entry.logged',
        'time_sheet.submitted',
        'time_sheet.returned',
        'time_sheet.approved',
        'hour_entry.reversed',
      ]),
    );

    // Totals: per guide, month, category and deployment.
    const totals = (await coordinator().get(`/hour-totals?year=${today.slice(0, 4)}&guideId=${office.guideId}`)).json();
    expect(totals.totalMinutes).toBe(240);
    expect(totals.byDeployment).toEqual([expect.objectContaining({ key: assignmentId, minutes: 90 })]);
    expect(totals.byCategory.find((r: { key: string }) => r.key === 'plenum').minutes).toBe(90);
    expect(totals.byMonth).toEqual([{ key: month, label: month, minutes: 240 }]);
    expect(totals.byGuide).toHaveLength(1);
    const own = (await guide().get(`/hour-totals?year=${today.slice(0, 4)}&guideId=${other.guideId}`)).json();
    expect(own.byGuide.map((r: { key: string }) => r.key)).toEqual([office.guideId]);
  });

  it('a month that has not begun cannot be submitted; other offices see nothing', async () => {
    const next = addDays(today, 40).slice(0, 7);
    expectProblem(await guide().post(`/me/time-sheets/${next}/submit`, {}), 409, 'time_sheet_not_submittable');
    const otherCoordinator = client(t.app, other.sessions.coordinator);
    expectProblem(await otherCoordinator.get(`/guides/${office.guideId}/time-sheets/${today.slice(0, 7)}`), 404);
    expect((await otherCoordinator.get('/time-sheets?status=approved')).json().total).toBe(0);
  });
});

describe('caps and allowances (Hessen WIR)', () => {
  let capped: { guideId: string; session: Session };
  const cappedApi = () => client(t.app, capped.session);

  beforeAll(async () => {
    capped = await createGuideWithAccount(t, office, { firstName: 'Nadia', lastName: 'Kappe' });
  });

  it('blocks paid hours at 276 h a year; hours above can be logged as unpaid; 414 h for coordinating guides', async () => {
    // 11 × 24 h + 12 h = 276 h in March 2025.
    for (let day = 1; day <= 11; day++) {
      const res = await cappedApi().post('/hour-entries', {
        categoryId: cat('coordination'),
        date: `2025-03-${String(day).padStart(2, '0')}`,
        minutes: 1440,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(
      (await cappedApi().post('/hour-entries', { categoryId: cat('plenum'), date: '2025-03-12', minutes: 720 }))
        .statusCode,
    ).toBe(201);
    const sheet = (await cappedApi().get('/me/time-sheets/2025-03')).json();
    expect(sheet.cap).toMatchObject({ state: 'reached', capHours: 276, remainingMinutes: 0 });
    const blocked = expectProblem(
      await cappedApi().post('/hour-entries', { categoryId: cat('plenum'), date: '2025-03-13', minutes: 60 }),
      409,
      'hours_cap_reached',
    );
    expect(blocked.errors?.[0]).toMatchObject({ path: 'minutes', code: 'capReached' });
    const unpaid = await cappedApi().post('/hour-entries', {
      categoryId: cat('plenum'),
      date: '2025-03-13',
      minutes: 60,
      unpaid: true,
    });
    expect(unpaid.statusCode, unpaid.body).toBe(201);
    expect(unpaid.json().unpaid).toBe(true);

    const profile = await coordinator().call('PUT', `/guides/${capped.guideId}/hour-profile`, {
      coordinating: true,
      benefits: 'asylblg',
    });
    expect(profile.statusCode, profile.body).toBe(200);
    expect(
      (await cappedApi().post('/hour-entries', { categoryId: cat('plenum'), date: '2025-03-13', minutes: 120 }))
        .statusCode,
    ).toBe(201);
    expect((await cappedApi().get('/me/time-sheets/2025-03')).json().cap).toMatchObject({
      state: 'ok',
      capHours: 414,
    });
    expectProblem(
      await cappedApi().call('PUT', `/guides/${capped.guideId}/hour-profile`, {
        coordinating: false,
        benefits: 'none',
      }),
      403,
    );
  });

  it('allowances of approved months count against the Ehrenamtspauschale; the AsylbLG export shows what is above 250 €', async () => {
    expect((await cappedApi().post('/me/time-sheets/2025-03/submit', {})).statusCode).toBe(200);
    const queue = (await coordinator().get('/time-sheets')).json();
    const item = queue.items.find((i: { guideId: string; month: string }) => i.guideId === capped.guideId);
    // 278 paid hours × 5 € = 1,390 €: above the 960 € tax-free allowance, so the queue warns before approval.
    expect(item.allowanceCents).toBe(139_000);
    expect(item.taxFree).toBe('exceeds');
    expect((await coordinator().post(`/time-sheets/${item.id}/approve`, {})).statusCode).toBe(200);

    const overview = (await coordinator().get('/hour-allowances?year=2025')).json();
    expect(overview.ruleSet).toMatchObject({ name: 'Hessen WIR', programme: 'hessenWir' });
    const row = overview.items.find((i: { guideId: string }) => i.guideId === capped.guideId);
    expect(row).toMatchObject({
      coordinating: true,
      benefits: 'asylblg',
      allowanceCents: 139_000,
      approvedMinutes: 278 * 60,
      taxFree: { state: 'exceeds', limitCents: 96_000, remainingCents: 0 },
      monthsAboveBenefitsFree: ['2025-03'],
    });
    expectProblem(await guide().get('/hour-allowances?year=2025'), 403);
    // A trainer's allowances count against the Übungsleiterpauschale (3,300 €): 1,390 € stay within it.
    const ul = await coordinator().call('PUT', `/guides/${capped.guideId}/hour-profile`, {
      coordinating: true,
      benefits: 'asylblg',
      taxFreeKind: 'uebungsleiterpauschale',
    });
    expect(ul.json()).toEqual({ coordinating: true, benefits: 'asylblg', taxFreeKind: 'uebungsleiterpauschale' });
    const again = (await coordinator().get('/hour-allowances?year=2025')).json();
    expect(again.items.find((i: { guideId: string }) => i.guideId === capped.guideId).taxFree).toEqual({
      state: 'ok',
      limitCents: 330_000,
      remainingCents: 191_000,
    });

    const file = await coordinator().get(`/guides/${capped.guideId}/allowances.xlsx?year=2025`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    const rows = await xlsxRows(file.rawPayload);
    // A year is a name, not an amount: never "2.025".
    expect(rows[0][0]).toBe('Aufwandsentschädigungen 2025 (freigegebene Monate)');
    const march = rows.find((r) => r[0] === '2025-03');
    expect(march?.slice(0, 4)).toEqual(['2025-03', '278', '1390', '1140']);
    expect(rows.flat().join(' ')).toMatch(/AsylbLG/);

    // Formblatt 2b: every paid guide's hours per month and allowance of the year, with a total row.
    const form = await coordinator().get('/hour-allowances/form-2b.xlsx?year=2025');
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-disposition']).toContain('Formblatt-2b-2025.xlsx');
    const sheet = await xlsxRows(form.rawPayload);
    expect(sheet[0][0]).toBe('Stunden- und Auszahlungsnachweis 2025 (nach Formblatt 2b)');
    // The rule set's start as a German reader writes it.
    expect(sheet[2][1]).toMatch(/\(\d{2}\.\d{2}\.\d{4}\)$/);
    const header = sheet.find((r) => r[0] === 'Lotse/Lotsin') as string[];
    expect(header.slice(1, 4)).toEqual(['Januar', 'Februar', 'März']);
    const guideRow = sheet.find((r) => r[0] === row.guideName) as string[];
    // January and February empty, 278 paid hours in March; the year's hours, 1,390 € and an empty signature cell.
    expect(guideRow.slice(1, 4)).toEqual(['0', '0', '278']);
    expect(guideRow.slice(13, 15)).toEqual(['278', '1390']);
    const totals = sheet.find((r) => r[0] === 'Summe') as string[];
    expect(Number(totals[13])).toBeGreaterThanOrEqual(278);
    expectProblem(await guide().get('/hour-allowances/form-2b.xlsx?year=2025'), 403);
  });

  it('a team budget blocks paid hours once the team has used it, though no guide reached their own cap', async () => {
    const b = () => client(t.app, other.sessions.coordinator);
    const ruleSet = await b().post('/programme-rule-sets', {
      name: 'Hessen WIR Team',
      programme: 'hessenWir',
      validFrom: '2020-01-01',
      options: { ...PROGRAMME_DEFAULTS.hessenWir, teamBudgetHours: 3 },
    });
    expect(ruleSet.statusCode, ruleSet.body).toBe(201);
    const second = await createGuideWithAccount(t, other);
    const plenum = (await b().get('/hour-categories')).json().items.find((c: { key: string }) => c.key === 'plenum').id;
    const log = (guideId: string, minutes: number, unpaid = false) =>
      b().post('/hour-entries', { guideId, categoryId: plenum, date: '2025-05-06', minutes, unpaid });
    expect((await log(other.guideId, 120)).statusCode).toBe(201);
    expect((await log(second.guideId, 60)).statusCode).toBe(201);
    const blocked = expectProblem(await log(second.guideId, 15), 409, 'hours_cap_reached');
    expect(blocked.errors?.[0]).toMatchObject({ path: 'minutes', code: 'teamBudgetReached' });
    expect((await log(second.guideId, 15, true)).statusCode).toBe(201);
  });

  it('hours cannot be logged for a day after today', async () => {
    const res = expectProblem(
      await guide().post('/hour-entries', { categoryId: cat('plenum'), date: addDays(today, 2), minutes: 60 }),
      400,
      'validation_failed',
    );
    expect(res.errors?.[0]).toMatchObject({ path: 'date', code: 'hoursInFuture' });
  });

  it('a guide with hours on record cannot be deleted (409 guideHasHours): they are evidence', async () => {
    const res = expectProblem(await coordinator().delete(`/guides/${capped.guideId}`), 409, 'conflict');
    expect(res.errors?.[0]).toMatchObject({ path: 'id', code: 'guideHasHours' });
  });
});
