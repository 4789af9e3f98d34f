import { sql } from 'drizzle-orm';
/**
 * Issue 11 §4: recognition. The hours statement (Engagementnachweis) parsed back in German and Arabic, with the
 * hours and without the accompanied people; the Ehrenamtskarte eligibility list against hand-counted hours; the
 * confirmation with the card's issue and expiry; milestones; a guide fetches only their own statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays, addMonths } from '../../src/domain/dates.js';
import { DEFAULT_HOUR_CATEGORIES } from '../../src/domain/hours/kinds.js';
import { addToMonth } from '../../src/domain/recognition/card.js';
import { recognitionRepository } from '../../src/modules/recognition/repository.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { pdfText } from '../helpers/pdf.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
const coordinator = () => client(t.app, office.sessions.coordinator);
const thisMonth = today.slice(0, 7);
/** The k-th complete month before this one. */
const monthsBack = (k: number) => addToMonth(thisMonth, -k);

let g1: string; // 1300 min a month (260 h a year) for 24 months: qualifies under both rules
let g2: { guideId: string; session: Session }; // 1000 min (200 h a year): Niedersachsen soon (80 %), Hessen not
let g3: string; // 800 min (160 h a year): neither
let g4: string; // 1250 min (exactly 250 h a year): Niedersachsen yes, Hessen soon
let guideNames: Record<string, string>;

async function logMonthly(guideId: string, minutesPerMonth: number, months: number) {
  for (let k = 1; k <= months; k++)
    await t.database.exec(
      `insert into hour_entries (office_id, guide_id, category_id, date, minutes)
       select office_id, '${guideId}', id, '${monthsBack(k)}-10', ${minutesPerMonth}
       from hour_categories where office_id = '${office.officeId}' and key = 'plenum'`,
    );
}

beforeAll(async () => {
  // Midday UTC: the same day in every test office (factories.ts), so "this month" is the office's month too.
  t = await createTestApp({ now: () => new Date(`${today}T12:00:00Z`) });
  office = await createOffice(t);
  other = await createOffice(t);
  for (const c of DEFAULT_HOUR_CATEGORIES)
    await t.database.exec(
      `insert into hour_categories (office_id, key, label, kind) values ('${office.officeId}', '${c.key}', '${c.label}', '${c.kind}')
       on conflict (office_id, key) do nothing`,
    );
  g1 = office.guideId;
  g2 = await createGuideWithAccount(t, office, { firstName: 'Berta', lastName: 'Zwei' });
  g3 = (await createGuideWithAccount(t, office, { firstName: 'Carl', lastName: 'Drei' })).guideId;
  g4 = (await createGuideWithAccount(t, office, { firstName: 'Dana', lastName: 'Vier' })).guideId;
  await logMonthly(g1, 1300, 24);
  await logMonthly(g2.guideId, 1000, 24);
  await logMonthly(g3, 800, 24);
  await logMonthly(g4, 1250, 24);
  // A reversal in g1's current month cancels a wrong entry of the same month: it must sum to nothing.
  await t.database.exec(
    `with wrong as (
       insert into hour_entries (office_id, guide_id, category_id, date, minutes)
       select office_id, '${g1}', id, '${today}', 120 from hour_categories where office_id = '${office.officeId}' and key = 'supervision'
       returning id, office_id, guide_id, category_id)
     insert into hour_entries (office_id, guide_id, category_id, date, minutes, reverses_entry_id)
     select office_id, guide_id, category_id, '${today}', -120, id from wrong`,
  );
  // A deployment of g1 today: 90 minutes in "Behörden & Ämter", for a person the statement must not name.
  const request = await coordinator().post(
    '/requests',
    requestBody(office, {
      partnerId: office.partnerId,
      title: 'Begleitung Zuckerbäckerweg',
      description: 'Frau Xenia Quastmann braucht Hilfe beim Antrag.',
      person: { initials: 'X. Q.', ageGroup: 'adult', languages: ['ar'], household: 'individual', consentGiven: true },
    }),
  );
  expect(request.statusCode, request.body).toBe(201);
  const offered = await coordinator().post(`/requests/${request.json().id}/offers`, {
    guideIds: [g1],
    overrideReason: 'Testaufbau',
  });
  expect(offered.statusCode, offered.body).toBe(201);
  const guideApi = client(t.app, office.sessions.guide);
  const accepted = await guideApi.post(`/offers/${offered.json().items[0].id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  const activity = await guideApi.post(`/assignments/${accepted.json().assignmentId}/activities`, {
    date: today,
    startTime: '09:00',
    endTime: '10:30',
    type: 'accompaniment',
    km: 4,
    note: 'Notiz über Frau Quastmann',
  });
  expect(activity.statusCode, activity.body).toBe(201);
  const names = (await coordinator().get('/guides?limit=50')).json().items as {
    id: string;
    firstName: string;
    lastName: string;
  }[];
  guideNames = Object.fromEntries(names.map((g) => [g.id, `${g.firstName} ${g.lastName}`]));
});
afterAll(() => t.close());

describe('hours statement', () => {
  const lastMonthEnd = addDays(`${thisMonth}-01`, -1);
  it('sums hours by category over a hand-counted period (3 months × 1300 min = 65 h)', async () => {
    const from = `${monthsBack(3)}-01`;
    const res = await coordinator().get(`/guides/${g1}/hours-summary?from=${from}&to=${lastMonthEnd}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      from,
      to: lastMonthEnd,
      totalMinutes: 3900,
      byCategory: [{ key: 'plenum', label: 'Plenum', minutes: 3900 }],
      byField: [],
    });
  });

  it('counts deployments by field of action, and a reversal sums away', async () => {
    const res = await coordinator().get(`/guides/${g1}/hours-summary?from=${monthsBack(1)}-01&to=${today}`);
    expect(res.json().totalMinutes).toBe(1300 + 90);
    expect(res.json().byField).toEqual([
      { key: 'authorities', label: 'Behörden & Ämter', minutes: 90, deployments: 1 },
    ]);
    expect(
      res
        .json()
        .byCategory.map((c: { key: string }) => c.key)
        .sort(),
    ).toEqual(['deployment', 'plenum']);
  });

  it('is a PDF with the hours, the field and the office, and nothing about the people accompanied (German)', async () => {
    const res = await coordinator().get(`/guides/${g1}/statement.pdf?from=${monthsBack(1)}-01&to=${today}&language=de`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Engagementnachweis');
    expect(text).toContain(guideNames[g1]);
    expect(text).toContain('23,2 Stunden'); // 1390 min
    expect(text).toContain('21,7'); // Plenum 1300 min
    expect(text).toContain('1,5'); // the deployment, 90 min
    expect(text).toContain('Behörden & Ämter');
    expect(text).toContain('Für die Koordinierungsstelle');
    for (const secret of ['Quastmann', 'Xenia', 'X. Q.', 'Zuckerbäckerweg', 'Antrag'])
      expect(text, secret).not.toContain(secret);
  });

  it('reads in Arabic, with the same hours', async () => {
    const res = await coordinator().get(`/guides/${g1}/statement.pdf?from=${monthsBack(1)}-01&to=${today}&language=ar`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('23.2');
    expect(text).toContain('Behörden & Ämter');
    expect(text).not.toContain('Engagementnachweis ·'); // German running texts are not used
    expect(text).not.toContain('Quastmann');
  });

  it("names the field of action in the office's Arabic translation, German where it has none (issue 14 §1)", async () => {
    const translated = await coordinator().patch('/fields/authorities', { translations: { ar: 'الدوائر الرسمية' } });
    expect(translated.statusCode, translated.body).toBe(200);
    try {
      const pdf = async (language: string) =>
        pdfText(
          (
            await coordinator().get(
              `/guides/${g1}/statement.pdf?from=${monthsBack(1)}-01&to=${today}&language=${language}`,
            )
          ).rawPayload,
        );
      const ar = await pdf('ar');
      expect(ar).toContain('الدوائر الرسمية');
      expect(ar).not.toContain('Behörden & Ämter');
      expect(await pdf('fa')).toContain('Behörden & Ämter');
      expect(await pdf('de')).toContain('Behörden & Ämter');
    } finally {
      await coordinator().patch('/fields/authorities', { translations: {} });
    }
  });

  it('a guide downloads their own statement, and only their own', async () => {
    const own = await client(t.app, office.sessions.guide).get(
      `/me/statement.pdf?from=${monthsBack(3)}-01&to=${lastMonthEnd}`,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers['content-disposition']).toContain('Engagementnachweis');
    expect(await pdfText(own.rawPayload)).toContain('65 Stunden');
    const mine = await client(t.app, g2.session).get(`/me/hours-summary?from=${monthsBack(3)}-01&to=${lastMonthEnd}`);
    expect(mine.json().totalMinutes).toBe(3000);
    // Another guide's statement is the coordinators' route: a guide gets 403 there, whichever id they send.
    expectProblem(await client(t.app, g2.session).get(`/guides/${g1}/statement.pdf`), 403);
    expectProblem(await client(t.app, g2.session).get(`/guides/${g1}/hours-summary`), 403);
    // The coordinator's own-statement route does not exist for them.
    expectProblem(await coordinator().get('/me/statement.pdf'), 403);
  });

  it("records every statement download in the guide's access log, the guide's own included", async () => {
    const reads = (await coordinator().get(`/guides/${office.guideId}/reads`)).json().items as {
      action: string;
      actorName: string | null;
    }[];
    const downloads = reads.filter((r) => r.action === 'recognition.statement_downloaded');
    // The guide downloaded their own statement in the test before.
    expect(downloads.length).toBeGreaterThanOrEqual(1);
    const before = downloads.length;
    expect((await coordinator().get(`/guides/${office.guideId}/statement.pdf?language=de`)).statusCode).toBe(200);
    const after = (await coordinator().get(`/guides/${office.guideId}/reads`)).json().items as { action: string }[];
    expect(after.filter((r) => r.action === 'recognition.statement_downloaded')).toHaveLength(before + 1);
  });

  it('defaults to this year up to today, and refuses a period that ends before it starts', async () => {
    const res = await client(t.app, office.sessions.guide).get('/me/hours-summary');
    expect(res.json()).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today });
    const bad = await coordinator().get(`/guides/${g1}/hours-summary?from=${today}&to=${addDays(today, -1)}`);
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'querystring.to',
      code: 'periodOrder',
    });
  });

  it("another office's coordinator gets 404 for the guide", async () => {
    expectProblem(await client(t.app, other.sessions.coordinator).get(`/guides/${g1}/statement.pdf`), 404);
  });
});

describe('abilities', () => {
  it('coordinators manage recognition, guides see their own statements, partners neither', async () => {
    const me = async (session: Session) => (await client(t.app, session).get('/me')).json().me.abilities;
    expect(await me(office.sessions.coordinator)).toMatchObject({
      'recognition.manage': true,
      'recognition.viewOwn': false,
    });
    expect(await me(office.sessions.guide)).toMatchObject({ 'recognition.manage': false, 'recognition.viewOwn': true });
    expect(await me(office.sessions.partner)).toMatchObject({
      'recognition.manage': false,
      'recognition.viewOwn': false,
    });
  });
});

describe('the one hour source', () => {
  it('counts only approved hours when asked (approved activities, months with an approved time sheet)', async () => {
    const totals = (approvedOnly: boolean) =>
      inScope(t.database.db, { officeId: office.officeId }, (tx) =>
        recognitionRepository.hourTotals(
          tx,
          { officeId: office.officeId, guideId: g1, from: `${monthsBack(2)}-01`, to: today, approvedOnly },
          'total',
        ),
      );
    expect((await totals(false))[0].minutes).toBe(1300 * 2 + 90);
    expect(await totals(true)).toEqual([]);
    // An approved sheet is locked (db/guards.ts), so it is tried inside a transaction that is rolled back.
    const rollBack = new Error('roll back');
    await expect(
      inScope(t.database.db, { officeId: office.officeId }, async (tx) => {
        await tx.execute(
          sql`insert into time_sheets (office_id, guide_id, month, status) values (${office.officeId}, ${g1}, ${monthsBack(1)}, 'approved')`,
        );
        const rows = await recognitionRepository.hourTotals(
          tx,
          { officeId: office.officeId, guideId: g1, from: `${monthsBack(2)}-01`, to: today, approvedOnly: true },
          'total',
        );
        expect(rows[0].minutes).toBe(1300);
        throw rollBack;
      }),
    ).rejects.toBe(rollBack);
    expect(await totals(true)).toEqual([]);
  });
});

/** Approves the guide's months 1 … n back (time sheets inserted as approved), except those in `except`. */
async function approveMonths(
  officeId: string,
  guideId: string,
  months: number,
  except: Record<string, 'submitted' | 'returned' | 'none'> = {},
) {
  for (let k = 1; k <= months; k++) {
    const month = monthsBack(k);
    const status = except[month] ?? 'approved';
    if (status === 'none') continue;
    await t.database.exec(
      `insert into time_sheets (office_id, guide_id, month, status) values ('${officeId}', '${guideId}', '${month}', '${status}')`,
    );
  }
}

describe('Ehrenamtskarte', () => {
  type Item = { guideId: string; status: string; reason: string | null; blocks: { minutes: number }[] };
  // The card counts approved hours only (domain/recognition/countedHours.ts): the office approved all 24 months.
  beforeAll(async () => {
    for (const guideId of [g1, g2.guideId, g3, g4]) await approveMonths(office.officeId, guideId, 24);
  });
  it('Niedersachsen: 260 h and exactly 250 h a year qualify, 200 h is soon (80 %), 160 h is not listed', async () => {
    const res = await coordinator().get('/recognition/card-eligibility?rule=niedersachsen');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      asOf: today,
      endMonth: monthsBack(1),
      thresholdMinutes: 15000,
      years: 2,
      validityYears: 3,
    });
    const byGuide = Object.fromEntries((body.items as Item[]).map((i) => [i.guideId, i]));
    expect(Object.keys(byGuide).sort()).toEqual([g1, g2.guideId, g4].sort());
    expect(byGuide[g1]).toMatchObject({ status: 'eligible', blocks: [{ minutes: 15600 }, { minutes: 15600 }] });
    expect(byGuide[g4]).toMatchObject({ status: 'eligible', blocks: [{ minutes: 15000 }, { minutes: 15000 }] });
    expect(byGuide[g2.guideId]).toMatchObject({ status: 'soon', reason: 'nearHours' });
    expect(body.items[body.items.length - 1].status).toBe('soon');
  });

  it('Hessen: 5 h a week = 260 h a year; 250 h is only soon, 200 h is not listed', async () => {
    const body = (await coordinator().get('/recognition/card-eligibility?rule=hessen')).json();
    expect(body.thresholdMinutes).toBe(15600);
    const byGuide = Object.fromEntries((body.items as Item[]).map((i) => [i.guideId, i.status]));
    expect(byGuide).toEqual({ [g1]: 'eligible', [g4]: 'soon' });
  });

  let confirmation: { id: string };
  it('a confirmation is created only for a guide who qualifies, and its PDF states the years', async () => {
    expectProblem(
      await coordinator().post('/recognition/card-confirmations', { guideId: g2.guideId, rule: 'niedersachsen' }),
      409,
      'recognition_not_eligible',
    );
    const res = await coordinator().post('/recognition/card-confirmations', { guideId: g1, rule: 'niedersachsen' });
    expect(res.statusCode, res.body).toBe(201);
    confirmation = res.json();
    expect(res.json()).toMatchObject({
      guideId: g1,
      rule: 'niedersachsen',
      confirmedOn: today,
      periodFrom: monthsBack(24),
      periodTo: monthsBack(1),
      confirmedMinutes: 31200,
      validityYears: 3,
      cardIssuedOn: null,
      cardState: 'pending',
    });
    const pdf = await coordinator().get(`/recognition/card-confirmations/${confirmation.id}/confirmation.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Ehrenamtskarte Niedersachsen');
    expect(text).toContain(guideNames[g1]);
    expect(text).toContain('520 Stunden');
    expect(text).toContain('260');
    const ar = await coordinator().get(
      `/recognition/card-confirmations/${confirmation.id}/confirmation.pdf?language=ar`,
    );
    expect(await pdfText(ar.rawPayload)).toContain('520');
    const audit = (await coordinator().get('/audit-events?limit=20')).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('recognition.card_confirmed');
  });

  it('records the card once; it is valid 3 years, until the day before', async () => {
    const early = await coordinator().post(`/recognition/card-confirmations/${confirmation.id}/card`, {
      issuedOn: addDays(today, -1),
    });
    expect(expectProblem(early, 400).errors?.[0]).toMatchObject({ path: 'issuedOn', code: 'cardBeforeConfirmation' });
    const res = await coordinator().post(`/recognition/card-confirmations/${confirmation.id}/card`, {
      issuedOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      cardIssuedOn: today,
      cardExpiresOn: addDays(addMonths(today, 36), -1),
      cardState: 'valid',
    });
    expectProblem(
      await coordinator().post(`/recognition/card-confirmations/${confirmation.id}/card`, { issuedOn: today }),
      409,
      'recognition_card_already_recorded',
    );
    const listed = (await coordinator().get('/recognition/card-eligibility')).json().items as {
      guideId: string;
      cardExpiresOn: string | null;
    }[];
    expect(listed.find((i) => i.guideId === g1)?.cardExpiresOn).toBe(addDays(addMonths(today, 36), -1));
  });

  it('the guide sees their own confirmation and card, another guide none', async () => {
    const own = (await client(t.app, office.sessions.guide).get('/me/card-confirmations')).json();
    expect(own.items).toEqual([
      expect.objectContaining({ id: confirmation.id, cardState: 'valid', cardIssuedOn: today }),
    ]);
    expect((await client(t.app, g2.session).get('/me/card-confirmations')).json().items).toEqual([]);
    expectProblem(await coordinator().get('/me/card-confirmations'), 403);
  });

  it('keeps the confirmation as evidence: the database refuses to change it or the recorded card', async () => {
    await expect(
      t.database.exec(`update card_confirmations set confirmed_minutes = 1 where id = '${confirmation.id}'`),
    ).rejects.toThrow(/evidence/);
    await expect(
      t.database.exec(`update card_confirmations set card_expires_on = '2099-01-01' where id = '${confirmation.id}'`),
    ).rejects.toThrow(/recorded/);
    const pdf = await coordinator().get(`/recognition/card-confirmations/${confirmation.id}/confirmation.pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain('260');
  });

  it('shows a card that runs out within 3 months first', async () => {
    await t.database.exec(
      `insert into card_confirmations (office_id, guide_id, rule_key, confirmed_on, period_from, period_to, confirmed_minutes, year_minutes, validity_years, card_issued_on, card_expires_on)
       values ('${office.officeId}', '${g4}', 'niedersachsen', '${addMonths(today, -35)}', '2020-01', '2021-12', 30000, '{15000,15000}', 3, '${addMonths(today, -35)}', '${addDays(today, 30)}')`,
    );
    const items = (await coordinator().get('/recognition/card-confirmations')).json().items as {
      guideId: string;
      cardState: string;
    }[];
    expect(items.map((i) => [i.guideId, i.cardState])).toEqual([
      [g4, 'expiringSoon'],
      [g1, 'valid'],
    ]);
  });

  it("refuses another office's guide as an unknown guide, and guides cannot see the lists", async () => {
    const res = await client(t.app, other.sessions.coordinator).post('/recognition/card-confirmations', {
      guideId: g1,
      rule: 'niedersachsen',
    });
    expect(expectProblem(res, 400).errors?.[0]).toMatchObject({ path: 'guideId' });
    expectProblem(await client(t.app, office.sessions.guide).get('/recognition/card-eligibility'), 403);
    expectProblem(await client(t.app, office.sessions.guide).get('/recognition/card-confirmations'), 403);
    expectProblem(
      await client(t.app, other.sessions.coordinator).get(
        `/recognition/card-confirmations/${confirmation.id}/confirmation.pdf`,
      ),
      404,
    );
  });
});

describe('milestones', () => {
  it('lists 100 h and 500 h on the day they were reached, and anniversaries from the certification', async () => {
    // g1: 1300 min a month from 24 months back: 100 h (6000 min) on the 5th entry, 500 h (30000 min) on the 24th.
    await t.database.exec(`update guides set certified_at = '${addMonths(today, -60)}' where id = '${g3}'`);
    const from = `${monthsBack(24)}-01`;
    const res = await coordinator().get(`/recognition/milestones?from=${from}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { guideId: string; kind: string; value: number; date: string }[];
    const ofG1 = items.filter((i) => i.guideId === g1 && i.kind === 'hours');
    expect(ofG1).toEqual([
      expect.objectContaining({ value: 100, date: `${monthsBack(20)}-10` }),
      expect.objectContaining({ value: 500, date: `${monthsBack(1)}-10` }),
    ]);
    expect(items).toContainEqual(
      expect.objectContaining({ guideId: g3, kind: 'years', value: 5, date: addMonths(today, -0) }),
    );
    // g2: 1000 min a month, 24 months = 400 h: 100 h only; certified on 2025-01-01 (the factory's date).
    expect(items.filter((i) => i.guideId === g2.guideId && i.kind === 'hours').map((i) => i.value)).toEqual([100]);
    expect(items.filter((i) => i.guideId === g2.guideId && i.kind === 'years')).toEqual(
      '2026-01-01' >= from && '2026-01-01' <= today ? [expect.objectContaining({ value: 1, date: '2026-01-01' })] : [],
    );
  });
});

describe('Ehrenamtskarte: which hours count', () => {
  type Item = { guideId: string; status: string; blocks: { minutes: number }[] };
  let third: TestOffice;
  const guides: Record<string, string> = {};
  beforeAll(async () => {
    third = await createOffice(t);
    for (const c of DEFAULT_HOUR_CATEGORIES)
      await t.database.exec(
        `insert into hour_categories (office_id, key, label, kind) values ('${third.officeId}', '${c.key}', '${c.label}', '${c.kind}')
         on conflict (office_id, key) do nothing`,
      );
    const log = async (guideId: string, key: string, minutes: number, unpaid = false) => {
      for (let k = 1; k <= 24; k++)
        await t.database.exec(
          `insert into hour_entries (office_id, guide_id, category_id, date, minutes, unpaid)
           select office_id, '${guideId}', id, '${monthsBack(k)}-10', ${minutes}, ${unpaid}
           from hour_categories where office_id = '${third.officeId}' and key = '${key}'`,
        );
    };
    // 1300 min a month for 24 months (260 h a year): eligible once everything is approved.
    for (const [name, status] of [
      ['returned', 'returned'],
      ['submitted', 'submitted'],
      ['draft', 'none'],
    ] as const) {
      const g = await createGuideWithAccount(t, third, { firstName: name, lastName: 'Monat' });
      guides[name] = g.guideId;
      await log(g.guideId, 'plenum', 1300);
      await approveMonths(third.officeId, g.guideId, 24, { [monthsBack(2)]: status });
    }
    // Every category of engagement, unpaid hours (above a cap) included: 400 + 300 + 200 + 200 + 200 = 1300.
    const mixed = await createGuideWithAccount(t, third, { firstName: 'Alle', lastName: 'Kategorien' });
    guides.mixed = mixed.guideId;
    await log(mixed.guideId, 'coordination', 400);
    await log(mixed.guideId, 'course', 300);
    await log(mixed.guideId, 'supervision', 200);
    await log(mixed.guideId, 'public_talk', 200);
    await log(mixed.guideId, 'other', 200, true);
    await approveMonths(third.officeId, mixed.guideId, 24);
  });

  it('a returned, a submitted or a draft month does not count: 11 of 12 months (14,300 min) are only “soon”', async () => {
    const res = await client(t.app, third.sessions.coordinator).get('/recognition/card-eligibility?rule=niedersachsen');
    expect(res.statusCode, res.body).toBe(200);
    const byGuide = Object.fromEntries((res.json().items as Item[]).map((i) => [i.guideId, i]));
    for (const name of ['returned', 'submitted', 'draft'])
      expect(byGuide[guides[name]], name).toMatchObject({
        status: 'soon',
        blocks: [{ minutes: 1300 * 11 }, { minutes: 1300 * 12 }],
      });
    expectProblem(
      await client(t.app, third.sessions.coordinator).post('/recognition/card-confirmations', {
        guideId: guides.draft,
        rule: 'niedersachsen',
      }),
      409,
      'recognition_not_eligible',
    );
  });

  it('every category of engagement counts, unpaid hours too: 260 h a year qualify', async () => {
    const res = await client(t.app, third.sessions.coordinator).get('/recognition/card-eligibility?rule=niedersachsen');
    const item = (res.json().items as Item[]).find((i) => i.guideId === guides.mixed);
    expect(item).toMatchObject({ status: 'eligible', blocks: [{ minutes: 15600 }, { minutes: 15600 }] });
    const confirmed = await client(t.app, third.sessions.coordinator).post('/recognition/card-confirmations', {
      guideId: guides.mixed,
      rule: 'niedersachsen',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().confirmedMinutes).toBe(31200);
  });
});
