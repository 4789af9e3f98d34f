/**
 * Issue 13 §2, funder forms: the Niedersachsen Verwendungsnachweis (numerical part) parsed back with exceljs, and the
 * Sachbericht draft PDF parsed back with pdf.js, in German and Arabic, against the hand-counted report fixture
 * (test/helpers/reportFixture.ts; the figures are counted by hand in reports.test.ts).
 */

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryEntries, fundingPrograms, offices } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf.js';
import { type ReportFixture, seedReportFixture } from '../helpers/reportFixture.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let fx: ReportFixture;
const YEAR = '?from=2025-01-01&to=2025-12-31';
const coordinator = () => client(t.app, office.sessions.coordinator);

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  fx = await seedReportFixture(t.ctx.database, office);
  await seedReportFixture(t.ctx.database, other);
  await inScope(t.ctx.database.db, 'system', async (tx) => {
    const [programme] = await tx
      .insert(fundingPrograms)
      .values({ name: 'Lotsenprogramm Test', region: 'Niedersachsen' })
      .returning();
    await tx.update(offices).set({ programmeId: programme.id }).where(eq(offices.id, office.officeId));
    await tx.insert(directoryEntries).values({ officeId: office.officeId, provider: 'Verein Brücken e. V.' });
  });
});
afterAll(() => t.close());

/** Each sheet's rows as arrays of cell values (first column first), numbers typed as numbers. */
async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    workbook.getWorksheet(name)?.eachRow((row) => {
      out.push((row.values as unknown[]).slice(1));
    });
    return out;
  };
  return { names: workbook.worksheets.map((s) => s.name), rows };
}

describe('Verwendungsnachweis (Niedersachsen), numerical part', () => {
  it('has the cover, the per-UE courses that ended with their fundable amounts, and the expenditure lines', async () => {
    const res = await coordinator().get(`/reports/verwendungsnachweis.xlsx${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Verwendungsnachweis-.*\.xlsx"$/);
    const wb = await workbookOf(res.rawPayload);
    expect(wb.names).toEqual(['Deckblatt', 'Kurse', 'Zahlenmäßiger Nachweis']);

    const cover = new Map(wb.rows('Deckblatt').map((r) => [String(r[0]), r.slice(1)]));
    expect(cover.get('Koordinierungsstelle')?.[0]).toEqual(expect.stringContaining('Test'));
    expect(cover.get('Träger')).toEqual(['Verein Brücken e. V.']);
    expect(cover.get('Förderprogramm')).toEqual(['Lotsenprogramm Test (Niedersachsen)']);
    expect(cover.get('Zeitraum')).toEqual([new Date('2025-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z')]);

    // k1: 3 participants, 8 UE (4 by two teachers at 50 €, 4 at 25 €), 700 € materials capped at 600 €.
    expect(wb.rows('Kurse')).toEqual([
      ['Kurs', 'Förderregel', 'Teilnehmende', 'UE gehalten', 'UE gefördert', 'Lehre', 'Sachkosten', 'Förderfähig'],
      [fx.courses.k1.title, 'Niedersachsen', 3, 8, 8, 300, 600, 900],
      ['Summe', undefined, 3, 8, 8, 300, 600, 900],
    ]);

    const lines = new Map(
      wb
        .rows('Zahlenmäßiger Nachweis')
        .filter((r) => r.length >= 2)
        .map((r) => [String(r[0]), r[1]]),
    );
    expect(lines.get('Kurse: Lehre (förderfähig)')).toBe(300);
    expect(lines.get('Kurse: Sachkosten (förderfähig)')).toBe(600);
    expect(lines.get('Aufwandsentschädigungen (ausgezahlt)')).toBe(8);
    expect(lines.get('Erstattete Auslagen')).toBe(20.5);
    expect(lines.get('Ausgaben insgesamt')).toBe(928.5);
    expect(lines.get('Beendete Kurse (Förderregel je UE)')).toBe(1);
    expect(lines.get('Neu qualifizierte Lots:innen')).toBe(2);
    expect(lines.get('Aktive Lots:innen')).toBe(3);
    expect(lines.get('Laufende Einsätze')).toBe(3);
    expect(lines.get('Abgeschlossene Einsätze')).toBe(2);
    expect(lines.get('Unterstützte Menschen')).toBe(8);
    expect(lines.get('Stunden insgesamt')).toBe(6);
    expect(lines.get('Stunden in genehmigten Stundenzetteln')).toBe(3.5);
    expect(lines.get('Erstattete Anträge')).toBe(2);
  });

  it('leaves out Hessen courses and courses still running, and names no programme the office is not in', async () => {
    // 2024: k2 ran under Hessen WIR (per participant and UE): not in a Niedersachsen proof.
    const before = await workbookOf(
      (
        await client(t.app, other.sessions.coordinator).get(
          '/reports/verwendungsnachweis.xlsx?from=2024-01-01&to=2024-12-31',
        )
      ).rawPayload,
    );
    expect(before.rows('Kurse').slice(1)).toEqual([['Summe', undefined, 0, 0, 0, 0, 0, 0]]);
    const cover = new Map(before.rows('Deckblatt').map((r) => [String(r[0]), r.slice(1)]));
    expect(cover.get('Förderprogramm')).toEqual(['keinem Förderprogramm zugeordnet']);
    expect(cover.get('Träger')).toEqual(['–']);
    // Early March 2025: k1 is still running.
    const early = await workbookOf(
      (await coordinator().get('/reports/verwendungsnachweis.xlsx?from=2025-03-01&to=2025-03-10')).rawPayload,
    );
    expect(early.rows('Kurse').slice(1)).toEqual([['Summe', undefined, 0, 0, 0, 0, 0, 0]]);
  });

  it('is for the coordination only, and checks the period', async () => {
    expectProblem(await client(t.app, office.sessions.guide).get(`/reports/verwendungsnachweis.xlsx${YEAR}`), 403);
    expectProblem(await client(t.app, office.sessions.partner).get(`/reports/verwendungsnachweis.xlsx${YEAR}`), 403);
    expectProblem(
      await coordinator().get('/reports/verwendungsnachweis.xlsx?from=2025-02-01&to=2025-01-01'),
      400,
      'validation_failed',
    );
  });
});

describe('Sachbericht draft PDF', () => {
  it('prints the figures beside the period before, the charts with their tables, and the texts or placeholders (German)', async () => {
    const res = await coordinator().post('/reports/sachbericht.pdf', {
      from: '2025-01-01',
      to: '2025-12-31',
      goals: 'Wir begleiten Neuzugewanderte zu Behörden und Ärzten.',
      outlook: 'Im nächsten Jahr ein zweiter Basiskurs.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Sachbericht');
    expect(text).toContain('Verein Brücken e. V.');
    expect(text).toContain('Lotsenprogramm Test (Niedersachsen)');
    expect(text).toContain('Wir begleiten Neuzugewanderte zu Behörden und Ärzten.');
    expect(text).toContain('Im nächsten Jahr ein zweiter Basiskurs.');
    // Activities and outcomes were left empty: a visible placeholder each.
    expect(text.match(/\[von der Koordinierungsstelle zu ergänzen\]/g)).toHaveLength(2);
    // The key figures' table: this year and last year (hand-counted in reports.test.ts).
    expect(text).toContain('Aktive Lots:innen 3 1');
    expect(text).toContain('Eingegangene Anfragen 5 1');
    expect(text).toContain('Unterstützte Menschen insgesamt 8 1');
    expect(text).toContain('Erstattete Auslagen 20,50 € 0,00 €');
    expect(text).toContain('Förderfähiger Betrag (beendete Kurse) 900,00 € 0,00 €');
    // The course table.
    expect(text).toContain(`${fx.courses.k1.title} 3 8 3 900,00 €`);
    // The legend names both periods (the bars differ by form, not only by colour).
    expect(text).toContain('Zeitraum (01.01.2025 – 31.12.2025)');
    expect(text).toContain('Vorzeitraum (01.01.2024 – 31.12.2024)');
  });

  it('is written in the coordinator’s language, with Arabic texts and the Arabic placeholder', async () => {
    expect((await coordinator().patch('/me', { locale: 'ar' })).statusCode).toBe(200);
    try {
      const res = await coordinator().post('/reports/sachbericht.pdf', {
        from: '2025-01-01',
        to: '2025-12-31',
        activities: 'نرافق القادمين الجدد إلى الدوائر الحكومية',
      });
      expect(res.statusCode, res.body).toBe(200);
      const text = await pdfText(res.rawPayload);
      expect(text).toContain('التقرير الوصفي');
      expect(text).toContain('نرافق القادمين الجدد إلى الدوائر الحكومية');
      // pdf.js sets the brackets of an RTL line apart: "[ … ]".
      expect(text.match(/\[ ?يُستكمل من قبل مكتب التنسيق ?\]/g)).toHaveLength(3);
      expect(text).toContain('المرشدون النشطون 3 1');
      expect(text).toContain(fx.courses.k1.title);
    } finally {
      await coordinator().patch('/me', { locale: 'de' });
    }
  });

  it('refuses guides and partners, unknown fields, over-long texts and a period that ends before it starts', async () => {
    const body = { from: '2025-01-01', to: '2025-12-31' };
    expectProblem(await client(t.app, office.sessions.guide).post('/reports/sachbericht.pdf', body), 403);
    expectProblem(await client(t.app, office.sessions.partner).post('/reports/sachbericht.pdf', body), 403);
    expectProblem(
      await coordinator().post('/reports/sachbericht.pdf', { ...body, extra: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await coordinator().post('/reports/sachbericht.pdf', { ...body, goals: 'x'.repeat(6001) }),
      400,
      'validation_failed',
    );
    expectProblem(await coordinator().post('/reports/sachbericht.pdf', { ...body, goals: 'a\u0000b' }), 400);
    expectProblem(
      await coordinator().post('/reports/sachbericht.pdf', { from: '2025-02-01', to: '2025-01-01' }),
      400,
      'validation_failed',
    );
  });
});
