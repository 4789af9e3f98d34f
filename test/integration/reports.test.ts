/**
 * Issue 13 §1–§2: the office's figures against a hand-counted fixture (test/helpers/reportFixture.ts), the previous
 * period beside them, no other office's rows in them, and the XLSX export parsed back. Runs on PGlite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountRow, OfficeReport } from '../../src/shared/reports.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { type ReportFixture, seedReportFixture } from '../helpers/reportFixture.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let fx: ReportFixture;
let report: OfficeReport;
const coordinator = () => client(t.app, office.sessions.coordinator);
/** A breakdown as key → count, so the comparison does not depend on the order of equal counts. */
const map = (rows: CountRow[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  fx = await seedReportFixture(t.ctx.database, office);
  // The other office has a year just like it: none of it may appear in the first office's figures.
  await seedReportFixture(t.ctx.database, other);
  const res = await coordinator().get('/reports/office?from=2025-01-01&to=2025-12-31');
  expect(res.statusCode, res.body).toBe(200);
  report = res.json();
});
afterAll(() => t.close());

describe('office figures', () => {
  it('names the office, the period and the previous year for comparison', () => {
    expect(report.office).toEqual({ id: office.officeId, name: expect.any(String) });
    expect(report.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(report.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('counts guides: newly qualified per course, active, and the breakdowns of the active ones', () => {
    const g = report.current.guides;
    expect(g.newlyQualified).toEqual([{ key: fx.courses.k1.id, label: fx.courses.k1.title, count: 2 }]);
    expect(g.newlyQualifiedTotal).toBe(2);
    // g1 (activity, hours), g2 (activity, hours), g3 (activity; its reversed hours do not count). Not g4 (2024), not
    // the office's factory guide (no activity at all).
    expect(g.active).toBe(3);
    expect(map(g.byGender)).toEqual({ female: 2, male: 1 });
    expect(map(g.byAgeGroup)).toEqual({ '25_39': 1, '65_plus': 1, not_stated: 1 });
    expect(map(g.byMigrationBackground)).toEqual({ yes: 1, no: 1, not_stated: 1 });
    expect(map(g.byCountry)).toEqual({ SY: 1, AF: 1, IR: 1, not_stated: 1 });
    expect(map(g.byLanguage)).toEqual({ de: 3, ar: 1, fa: 1 });
    expect(g.byLanguage[0]).toEqual({ key: 'de', label: null, count: 3 });

    const p = report.previous.guides;
    expect(p.newlyQualified).toEqual([{ key: fx.courses.k2.id, label: fx.courses.k2.title, count: 1 }]);
    expect(p.active).toBe(1);
    expect(map(p.byGender)).toEqual({ female: 1 });
    expect(map(p.byCountry)).toEqual({ TR: 1 });
  });

  it('counts requests by field, type, partner and district, the time to match, no match and referrals', () => {
    const r = report.current.requests;
    expect(r.filed).toBe(5);
    expect(map(r.byField)).toEqual({ authorities: 4, health: 1 });
    expect(map(r.byType)).toEqual({ accompaniment: 3, language_mediation: 1, orientation: 1 });
    expect(map(r.byPartner)).toEqual({ [office.partnerId]: 3, [office.otherPartnerId]: 2 });
    expect(r.byPartner.every((row) => row.label?.includes('Test'))).toBe(true);
    expect(map(r.byDistrict)).toEqual({ [fx.districts.d1]: 3, [fx.districts.d2]: 2 });
    expect(r.byDistrict.find((row) => row.key === fx.districts.d1)?.label).toBe('Nordviertel');
    // First matches in 2025 after 3, 10 and 1 days: median 3; p90 = 3 + 0.8 × (10 − 3) = 8.6 (linear interpolation).
    expect(r.matched).toBe(3);
    expect(r.daysToMatchMedian).toBe(3);
    expect(r.daysToMatchP90).toBe(8.6);
    expect(r.withoutMatch).toEqual(
      expect.arrayContaining([
        { key: 'no_match', label: 'Keine Sprache verfügbar', count: 1 },
        { key: 'cancelled', label: 'Termin entfallen', count: 1 },
      ]),
    );
    expect(r.withoutMatch).toHaveLength(2);
    expect(r.referralsByService).toEqual([{ key: fx.service.id, label: fx.service.name, count: 1 }]);

    const p = report.previous.requests;
    expect(p.filed).toBe(1);
    expect([p.matched, p.daysToMatchMedian, p.daysToMatchP90]).toEqual([1, 4, 4]);
    expect(p.withoutMatch).toEqual([]);
  });

  it('counts deployments running and closed, outcomes, people supported, household sizes and languages', () => {
    const d = report.current.deployments;
    expect([d.active, d.closed]).toEqual([3, 2]);
    expect(map(d.outcomes)).toEqual({ goal_reached: 1, referred: 1 });
    expect(d.supported).toEqual({ individuals: 1, families: 2, people: 8 });
    expect(d.householdSizes).toEqual([
      { key: '1', label: null, count: 1 },
      { key: '3', label: null, count: 1 },
      { key: '4', label: null, count: 1 },
    ]);
    expect(map(d.languages)).toEqual({ ar: 2, fa: 1, de: 1 });

    const p = report.previous.deployments;
    expect([p.active, p.closed]).toEqual([1, 1]);
    expect(map(p.outcomes)).toEqual({ ended_early: 1 });
    expect(p.supported).toEqual({ individuals: 1, families: 0, people: 1 });
  });

  it('sums hours per category and in total, reimbursed costs, payouts and approved time sheets', () => {
    const h = report.current.hours;
    expect(h.byCategory).toEqual([
      { key: 'deployments', label: null, count: 180 },
      { key: fx.category.key, label: 'Plenum (Fixture)', count: 180 },
    ]);
    expect(h.totalMinutes).toBe(360);
    expect([h.reimbursedCents, h.reimbursedClaims, h.paidOutCents]).toEqual([2050, 2, 800]);
    expect(h.approvedSheetMinutes).toBe(210);
    expect(report.previous.hours.byCategory).toEqual([{ key: 'deployments', label: null, count: 120 }]);
    expect(report.previous.hours.reimbursedCents).toBe(0);
  });

  it('reports courses with sessions in the period: participants, UE held, attendance rate and completions', () => {
    const c = report.current.courses;
    // 5 present marks of 2 sessions × 3 participants (the withdrawn enrolment is no participant).
    expect(c.items).toEqual([
      {
        courseId: fx.courses.k1.id,
        title: fx.courses.k1.title,
        participants: 3,
        unitsHeld: 8,
        attendanceRate: 0.833,
        completions: 3,
        ended: true,
        // Niedersachsen: 4 UE by two teachers at 50 € + 4 UE at 25 € = 300 €, materials 700 € capped at 600 €.
        funding: {
          ruleSetName: 'Niedersachsen',
          kind: 'per_unit',
          fundable: true,
          notes: ['materialsCapped'],
          unitsFunded: 8,
          teachingCents: 30000,
          materialsCents: 60000,
          totalCents: 90000,
        },
        fundingProblem: null,
      },
    ]);
    expect([c.participants, c.unitsHeld, c.completions, c.fundableCents]).toEqual([3, 8, 3, 90000]);
    expect(report.previous.courses.items).toEqual([
      {
        courseId: fx.courses.k2.id,
        title: fx.courses.k2.title,
        participants: 1,
        unitsHeld: 2,
        attendanceRate: 0,
        completions: 1,
        ended: true,
        // Hessen WIR funds courses of 20 to 36 UE only: 2 UE are not fundable.
        funding: {
          ruleSetName: 'Hessen WIR',
          kind: 'per_participant_unit',
          fundable: false,
          notes: ['tooFewUnits'],
          unitsFunded: 0,
          teachingCents: 0,
          materialsCents: 0,
          totalCents: 0,
        },
        fundingProblem: null,
      },
    ]);
    expect(report.previous.courses.fundableCents).toBe(0);
  });

  it('compares a custom period with as many days before it, and shows the other office only its own figures', async () => {
    const res = await coordinator().get('/reports/office?from=2025-03-01&to=2025-03-31');
    const march = res.json() as OfficeReport;
    expect(march.previousPeriod).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(march.current.requests.filed).toBe(1);
    expect(march.previous.requests.filed).toBe(1);
    expect(march.current.guides.active).toBe(2);
    expect(march.current.courses.fundableCents).toBe(90000);

    // A course still running at the period's end: its amount so far is shown, but counts only when it ends.
    const early = (await coordinator().get('/reports/office?from=2025-03-01&to=2025-03-10')).json() as OfficeReport;
    expect(early.current.courses.items.map((c) => [c.ended, c.unitsHeld, c.funding?.totalCents])).toEqual([
      [false, 4, 4 * 5000 + 60000],
    ]);
    expect(early.current.courses.fundableCents).toBe(0);

    const theirs = (
      await client(t.app, other.sessions.coordinator).get('/reports/office?from=2025-01-01&to=2025-12-31')
    ).json();
    expect(theirs.office.id).toBe(other.officeId);
    expect(map(theirs.current.requests.byPartner)).toEqual({ [other.partnerId]: 3, [other.otherPartnerId]: 2 });
  });

  it('refuses guides and partners, a period that ends before it starts, and more than five years', async () => {
    expectProblem(await client(t.app, office.sessions.guide).get('/reports/office?from=2025-01-01&to=2025-12-31'), 403);
    expectProblem(
      await client(t.app, office.sessions.partner).get('/reports/office.xlsx?from=2025-01-01&to=2025-12-31'),
      403,
    );
    expectProblem(await coordinator().get('/reports/office?from=2025-02-01&to=2025-01-01'), 400, 'validation_failed');
    expectProblem(await coordinator().get('/reports/office?from=2015-01-01&to=2025-12-31'), 400, 'validation_failed');
    expectProblem(await coordinator().get('/reports/office?from=2025-01-01'), 400, 'validation_failed');
  });
});

describe('XLSX export', () => {
  it('has a cover sheet with office and periods, the key figures and one sheet per figure, values typed', async () => {
    const res = await coordinator().get('/reports/office.xlsx?from=2025-01-01&to=2025-12-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Deckblatt', 'Kennzahlen']);
    expect(names).toEqual(expect.arrayContaining(['Lotsinnen nach Geschlecht', 'Stunden nach Kategorie', 'Kurse']));
    expect(names).toHaveLength(2 + 16 + 1);

    const cover = workbook.getWorksheet('Deckblatt');
    const coverRows = new Map<string, ExcelJS.Row>();
    cover?.eachRow((row) => coverRows.set(String(row.getCell(1).value), row));
    expect(coverRows.get('Koordinierungsstelle')?.getCell(2).value).toBe(report.office.name);
    expect(coverRows.get('Zeitraum')?.getCell(2).value).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(coverRows.get('Zeitraum')?.getCell(3).value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(coverRows.get('Vergleichszeitraum')?.getCell(2).value).toEqual(new Date('2024-01-01T00:00:00Z'));

    // Sheet names are cut to Excel's limit: found by their start.
    const sheet = (name: string) => {
      const rows: Record<string, [unknown, unknown]> = {};
      workbook.worksheets
        .find((s) => s.name.startsWith(name))
        ?.eachRow((row, n) => {
          if (n > 1) rows[String(row.getCell(1).value)] = [row.getCell(2).value, row.getCell(3).value];
        });
      return rows;
    };
    const kpis = sheet('Kennzahlen');
    expect(kpis['Aktive Lots:innen']).toEqual([3, 1]);
    expect(kpis['Tage bis zur Vermittlung (Median)']).toEqual([3, 4]);
    expect(kpis['Tage bis zur Vermittlung (90. Perzentil)']).toEqual([8.6, 4]);
    expect(kpis['Stunden insgesamt']).toEqual([6, 2]);
    expect(kpis['Erstattete Auslagen']).toEqual([20.5, 0]);
    expect(kpis['Unterstützte Menschen insgesamt']).toEqual([8, 1]);
    expect(sheet('Lotsinnen nach Geschlecht')).toEqual({ weiblich: [2, 1], männlich: [1, 0] });
    expect(sheet('Lotsinnen nach Herkunftsland')).toEqual({
      Syrien: [1, 0],
      Afghanistan: [1, 0],
      Iran: [1, 0],
      'Keine Angabe': [1, 0],
      Türkei: [0, 1],
    });
    expect(sheet('Anfragen ohne Vermittlung')).toEqual({
      'Keine Vermittlung möglich: Keine Sprache verfügbar': [1, 0],
      'Storniert: Termin entfallen': [1, 0],
    });
    expect(sheet('Stunden nach Kategorie')).toEqual({
      'Einsätze (Tätigkeitsnachweis)': [3, 2],
      'Plenum (Fixture)': [3, 0],
    });
    const courseRows: unknown[][] = [];
    workbook.getWorksheet('Kurse')?.eachRow((row, n) => {
      if (n > 1) courseRows.push((row.values as unknown[]).slice(1));
    });
    expect(courseRows).toEqual([[fx.courses.k1.title, 3, 8, 0.833, 3, 'Niedersachsen', 900]]);
  });
});

describe('guide fields for the statistics (consented birth year and Zuwanderungsgeschichte)', () => {
  it('are saved only with a consent date, cleared with null, in the Art. 15 file, and their values kept out of the audit', async () => {
    const id = office.guideId;
    const refused = await coordinator().patch(`/guides/${id}`, {
      statistics: { birthYear: 1988, migrationBackground: 'yes' },
    });
    expect(expectProblem(refused, 400, 'validation_failed').errors?.map((e) => e.path)).toEqual([
      'statistics.consentGivenAt',
    ]);
    expectProblem(
      await coordinator().patch(`/guides/${id}`, {
        statistics: { birthYear: 1988, migrationBackground: 'maybe', consentGivenAt: '2025-01-05' },
      }),
      400,
      'validation_failed',
    );
    const saved = await coordinator().patch(`/guides/${id}`, {
      statistics: { birthYear: 1988, migrationBackground: 'yes', consentGivenAt: '2025-01-05' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().statistics).toEqual({
      birthYear: 1988,
      migrationBackground: 'yes',
      consentGivenAt: '2025-01-05',
    });

    const file = (await coordinator().get(`/privacy/guides/${id}/export.json`)).json();
    expect(file.record).toMatchObject({
      birth_year: 1988,
      migration_background: 'yes',
      statistics_consent_at: '2025-01-05',
    });

    const audit = (await coordinator().get(`/audit-events?entityId=${id}&action=guide.updated`)).json().items;
    const change = audit.find(
      (e: { changes: Record<string, unknown> | null }) => e.changes && 'birthYear' in e.changes,
    );
    expect(change).toBeDefined();
    expect(JSON.stringify(change.changes)).not.toContain('1988');

    const cleared = await coordinator().patch(`/guides/${id}`, { statistics: null });
    expect(cleared.json().statistics).toBeNull();
    // A guide cannot set them on their own profile: they are the office's record of a consent.
    expect((await client(t.app, office.sessions.guide).patch(`/guides/${id}`, { statistics: null })).statusCode).toBe(
      403,
    );
  });
});
