/**
 * Issue 10 §5, moving in from Excel: real XLSX and CSV files built here with exceljs are previewed (one error per
 * row and field: unknown language, unknown district, bad date, bad e-mail, duplicates), refused as a whole when a row
 * has an error, imported, imported again without duplicates, the mapping remembered; the sample file parses back;
 * the import stays in the caller's office; a too large file gets a stable code.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { type Actor, SYSTEM_ACTOR } from '../../src/server/context.js';
import { AppError } from '../../src/server/errors.js';
import { createServices } from '../../src/server/services.js';
import { guideCreateInput } from '../../src/shared/guides.js';
import { expectProblem, tag, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
const T = tag();

const coordinator = (o: TestOffice = A) => client(t.app, o.sessions.coordinator);
type Cell = string | number | Date | null;

async function xlsx(rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tabelle1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** German Excel's CSV: semicolons, a BOM, CRLF. */
const csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8').toString('base64');

const guideHeader = ['Vorname', 'Nachname', 'E-Mail', 'Sprachen', 'Wohnbezirk', 'Zertifiziert am'];

const preview = (content: string, extra: Record<string, unknown> = {}, o = A, kind = 'guides') =>
  coordinator(o).post(`/imports/${kind}/preview`, { content, ...extra });
const commit = (content: string, extra: Record<string, unknown> = {}, o = A, kind = 'guides') =>
  coordinator(o).post(`/imports/${kind}/commit`, { content, ...extra });

const guidesNamed = async (o: TestOffice, q: string) => {
  const res = await coordinator(o).get(`/guides?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; firstName: string; lastName: string; email: string | null }[];
};

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t);
  B = await createOffice(t);
  // A district only B has: A's import must not find it.
  const res = await coordinator(B).post('/districts', { name: `Nur-B-Bezirk ${T}`, lat: 52.2, lon: 9.2 });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe('preview', () => {
  it('finds one error per row and field: unknown language, district, bad date, bad e-mail, duplicate', async () => {
    const content = await xlsx([
      guideHeader,
      [
        'Leyla',
        `Gut ${T}`,
        `leyla-${T}@test.example`,
        'Arabisch (Muttersprache), Englisch B2',
        'Nordviertel',
        '01.02.2024',
      ],
      ['Omid', `Sprache ${T}`, null, 'Klingonisch', 'Nordviertel', null],
      ['Jana', `Bezirk ${T}`, null, 'de', `Nur-B-Bezirk ${T}`, null],
      ['Rami', `Datum ${T}`, null, 'fa', 'Südviertel', '31.02.2024'],
      ['Mira', `Mail ${T}`, 'keine-adresse', 'ar', null, null],
      ['Leyla', `Doppelt ${T}`, `LEYLA-${T}@test.example`, 'ar', null, null],
      [null, `Ohne Vorname ${T}`, null, null, null, null],
    ]);
    const res = await preview(content);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual(guideHeader);
    expect(body.mappingSource).toBe('suggested');
    expect(body.mapping).toMatchObject({
      firstName: 'Vorname',
      lastName: 'Nachname',
      email: 'E-Mail',
      languages: 'Sprachen',
      homeDistrict: 'Wohnbezirk',
      certifiedAt: 'Zertifiziert am',
      phone: null,
    });
    const errors = body.errors.map(
      (e: { row: number; field: string; code: string }) => `${e.row} ${e.field} ${e.code}`,
    );
    expect(errors).toEqual([
      '3 languages importLanguageUnknown',
      '4 homeDistrict districtUnknown',
      '5 certifiedAt importDate',
      '6 email invalid_email',
      '7 email importDuplicateRow',
      '8 firstName required',
    ]);
    // Every line is worded for people, in the caller's language, and names the column as the file has it.
    for (const e of body.errors) expect(e.message).not.toMatch(/^(validation|errors)\./);
    expect(body.errors[0]).toMatchObject({ column: 'Sprachen', message: expect.stringContaining('Sprache') });
    expect(body.errors[4].message).toContain('2');
    expect(body.counts).toEqual({ rows: 7, create: 1, update: 0, unchanged: 0, invalid: 6 });
    expect(body.rows[0]).toMatchObject({ row: 2, action: 'create', label: `Leyla Gut ${T}`, errors: [] });
  });

  it('reads dates in German, ISO and Excel form (typed date cells and serial numbers)', async () => {
    const content = await xlsx([
      guideHeader,
      ['Eins', `Datum ${T}`, `d1-${T}@test.example`, null, null, '5.3.2024'],
      ['Zwei', `Datum ${T}`, `d2-${T}@test.example`, null, null, '2024-03-05'],
      ['Drei', `Datum ${T}`, `d3-${T}@test.example`, null, null, new Date(Date.UTC(2024, 2, 5))],
      ['Vier', `Datum ${T}`, `d4-${T}@test.example`, null, null, 45356],
      ['Fünf', `Datum ${T}`, `d5-${T}@test.example`, null, null, '1800-01-01'],
    ]);
    const body = (await preview(content)).json();
    expect(body.errors.map((e: { row: number; code: string }) => `${e.row} ${e.code}`)).toEqual([
      '6 date_out_of_range',
    ]);
    expect(body.counts.create).toBe(4);
  });
});

describe('commit', () => {
  const rows = [
    ['Nadia', `Import ${T}`, `nadia-${T}@test.example`, 'ar, Deutsch (C1)', 'Nordviertel', '15.03.2025'],
    ['Yusuf', `Import ${T}`, '', 'Türkisch', 'südviertel', ''],
  ];

  it('is refused as a whole, with every row error, when a row has one; nothing is written', async () => {
    const bad = csv([guideHeader, ...rows, ['Falsch', `Import ${T}`, '', 'Klingonisch', '', '']]);
    const res = await commit(bad);
    const problem = expectProblem(res, 422, 'import_has_errors');
    expect(problem.errors).toEqual([
      { path: 'rows.4.languages', code: 'importLanguageUnknown', message: expect.any(String) },
    ]);
    expect(await guidesNamed(A, `Import ${T}`)).toEqual([]);
  });

  it('creates the guides of a CSV file through the guides rules, with languages and districts resolved', async () => {
    const res = await commit(csv([guideHeader, ...rows]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'guides', created: 2, updated: 0, unchanged: 0 });
    const created = await guidesNamed(A, `Import ${T}`);
    expect(created.map((g) => g.firstName).sort()).toEqual(['Nadia', 'Yusuf']);
    const nadia = (await coordinator().get(`/guides/${created.find((g) => g.firstName === 'Nadia')?.id}`)).json();
    expect(nadia).toMatchObject({
      email: `nadia-${T}@test.example`,
      languages: [
        { code: 'ar', level: 'B1' },
        { code: 'de', level: 'C1' },
      ],
      homeDistrictId: A.districtIds[0],
      certifiedAt: '2025-03-15',
      status: 'interested',
    });
    const audit = (await coordinator().get('/audit-events?action=import.committed')).json();
    expect(audit.items[0]).toMatchObject({ entityType: 'guide', changes: { created: 2, updated: 0, rows: 2 } });
  });

  it('creates no duplicates when run again: unchanged rows are skipped, changed ones update the record', async () => {
    const again = await commit(csv([guideHeader, ...rows]));
    expect(again.json()).toEqual({ kind: 'guides', created: 0, updated: 0, unchanged: 2 });
    const changed = csv([guideHeader, [...rows[0].slice(0, 3), 'ar', 'Südviertel', '15.03.2025'], rows[1]]);
    const p = (await preview(changed)).json();
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['update', 'unchanged']);
    expect((await commit(changed)).json()).toEqual({ kind: 'guides', created: 0, updated: 1, unchanged: 1 });
    const guides = await guidesNamed(A, `Import ${T}`);
    expect(guides).toHaveLength(2);
    const nadia = (await coordinator().get(`/guides/${guides.find((g) => g.firstName === 'Nadia')?.id}`)).json();
    expect(nadia.homeDistrictId).toBe(A.districtIds[1]);
    // Empty cells change nothing: the languages were replaced, the certificate date kept.
    expect(nadia.certifiedAt).toBe('2025-03-15');
  });

  it('matches by a key column of the file when chosen, and remembers the mapping per office and kind', async () => {
    const header = ['Nr.', 'Rufname', 'Familienname', 'Kontakt'];
    const mapping = { externalKey: 'Nr.', firstName: 'Rufname', lastName: 'Familienname', email: 'Kontakt' };
    const file = await xlsx([
      header,
      ['L-1', 'Sami', `Schlüssel ${T}`, `sami-${T}@test.example`],
      ['L-2', 'Dana', `Schlüssel ${T}`, null],
    ]);
    const first = await commit(file, { mapping, matchBy: 'externalKey' });
    expect(first.json()).toEqual({ kind: 'guides', created: 2, updated: 0, unchanged: 0 });
    // Next time: no mapping sent, the remembered one is suggested, with its match key.
    const renamed = await xlsx([header, ['L-1', 'Sami', `Schlüssel ${T}`, `sami-neu-${T}@test.example`]]);
    const p = (await preview(renamed)).json();
    expect(p.mappingSource).toBe('remembered');
    expect(p.matchBy).toBe('externalKey');
    expect(p.mapping).toMatchObject(mapping);
    expect(p.rows[0].action).toBe('update');
    expect((await commit(renamed)).json()).toEqual({ kind: 'guides', created: 0, updated: 1, unchanged: 0 });
    const guides = await guidesNamed(A, `Schlüssel ${T}`);
    expect(guides.map((g) => g.email).sort()).toEqual([null, `sami-neu-${T}@test.example`]);
    // The other kind and the other office have no remembered mapping.
    expect((await preview(renamed, {}, A, 'partners')).json().mappingSource).toBe('suggested');
    expect((await preview(renamed, {}, B)).json().mappingSource).toBe('suggested');
  });

  it('writes more rows than one multi-row insert holds, each key to its own guide, each guide audited once', async () => {
    const header = ['Nr.', 'Vorname', 'Nachname', 'Sprachen'];
    const mapping = { externalKey: 'Nr.', firstName: 'Vorname', lastName: 'Nachname', languages: 'Sprachen' };
    // 1,201 rows: three chunks of the guide insert, the last one a single row.
    const rows = Array.from({ length: 1201 }, (_, i) => [`M-${i}`, `Viele${i}`, `Menge ${T}`, i % 2 ? 'ar' : 'fa']);
    const first = await commit(csv([header, ...rows]), { mapping, matchBy: 'externalKey' });
    expect(first.json()).toEqual({ kind: 'guides', created: 1201, updated: 0, unchanged: 0 });
    // Each key points at the guide of its row: row i changed in the file updates exactly the guide "Viele{i}".
    rows[700][3] = 'tr';
    const again = await preview(csv([header, ...rows]), { mapping, matchBy: 'externalKey' });
    const actions = again.json().rows.map((r: { action: string }) => r.action);
    expect(actions.filter((a: string) => a === 'update')).toHaveLength(1);
    expect(actions[700]).toBe('update');
    expect((await commit(csv([header, ...rows]), { mapping, matchBy: 'externalKey' })).json()).toMatchObject({
      updated: 1,
      unchanged: 1200,
    });
    const [changed] = await guidesNamed(A, `Viele700 Menge ${T}`);
    expect(changed).toBeDefined();
    const detail = (await coordinator().get(`/guides/${changed.id}`)).json();
    expect(detail.languages.map((l: { code: string }) => l.code)).toEqual(['tr']);
    const audit = await coordinator().get(`/audit-events?entityType=guide&entityId=${changed.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const actions2 = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions2.filter((a: string) => a !== 'guide.viewed').sort()).toEqual(['guide.created', 'guide.updated']);
  });

  it('imports partners by name or e-mail, partner types by their label', async () => {
    const header = ['Einrichtung', 'Art', 'PLZ', 'Stadtbezirk', 'E-Mail'];
    const file = csv([
      header,
      [`Familienzentrum ${T}`, 'Beratungsstelle', '30159', 'Nordviertel', ''],
      [`Sportverein ${T}`, 'Sonstige', '3015', '', ''],
      [`Moschee ${T}`, 'Gotteshaus', '', '', ''],
    ]);
    const p = (await preview(file, {}, A, 'partners')).json();
    expect(p.errors.map((e: { row: number; field: string; code: string }) => `${e.row} ${e.field} ${e.code}`)).toEqual([
      '3 postalCode postalCode',
      '4 type importPartnerTypeUnknown',
    ]);
    const good = csv([header, [`Familienzentrum ${T}`, 'Beratungsstelle', '30159', 'Nordviertel', '']]);
    expect((await commit(good, {}, A, 'partners')).json()).toMatchObject({ created: 1 });
    expect((await commit(good, {}, A, 'partners')).json()).toMatchObject({ created: 0, unchanged: 1 });
    const list = (await coordinator().get(`/partners?q=${encodeURIComponent(`Familienzentrum ${T}`)}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ type: 'counselling_service', districtId: A.districtIds[0] });
  });
});

describe('GuideService.createManyIn (the import writes guides in bulk)', () => {
  it("refuses the whole batch with each input's errors by index, and writes nothing", async () => {
    const me = (await coordinator().get('/me')).json().me as { id: string; displayName: string };
    const actor: Actor = { ...SYSTEM_ACTOR, role: 'coordinator', officeId: A.officeId, userId: me.id };
    const base = { firstName: 'Bulk', homeDistrictId: A.districtIds[0] };
    const inputs = [
      { ...base, lastName: `Gut ${T}` },
      // B's district is unknown in A; active needs a certificate; a pledge date needs its version.
      { ...base, lastName: `Bezirk ${T}`, homeDistrictId: B.districtIds[0] },
      { ...base, lastName: `Aktiv ${T}`, status: 'active' },
      { ...base, lastName: `Zusage ${T}`, confidentialityPledgeAt: '2025-01-01' },
    ].map((input) => guideCreateInput.parse(input));
    const services = createServices(t.ctx);
    const error = await inScope(t.database.db, { officeId: A.officeId }, (tx) =>
      services.guides.createManyIn(tx, actor, A.officeId, inputs),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([
      { path: '1.homeDistrictId', code: 'districtUnknown' },
      { path: '2.record', code: 'certificate_required' },
      { path: '3.confidentialityPledgeVersion', code: 'required' },
    ]);
    expect(await guidesNamed(A, `Gut ${T}`)).toEqual([]);
    // Valid inputs: ids in input order, each guide with its first status.
    const ids = await inScope(t.database.db, { officeId: A.officeId }, (tx) =>
      services.guides.createManyIn(tx, actor, A.officeId, [inputs[0]]),
    );
    const [created] = await guidesNamed(A, `Gut ${T}`);
    expect(ids).toEqual([created.id]);
  });
});

describe('sample file', () => {
  it('has the header row, an example row and a sheet explaining the columns, and imports as it is', async () => {
    const res = await coordinator().get('/imports/guides/sample.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toEqual([
      'Vorname',
      'Nachname',
      'E-Mail',
      'Telefon',
      'Sprachen',
      'Wohnbezirk',
      'Einsatzbezirke',
      'Zertifiziert am',
      'Notizen',
      'Nummer',
    ]);
    expect(rows[1].slice(0, 2)).toEqual(['Amira', 'Beispiel']);
    expect(rows[2]).toEqual(['Spalte', 'Pflichtfeld', 'Erläuterung']);
    expect(rows.slice(3).map((r) => r[0])).toContain('Sprachen');
    const p = (await preview(res.rawPayload.toString('base64'))).json();
    expect(p.errors).toEqual([]);
    expect(p.counts.create).toBe(1);
    expect(Object.values(p.mapping).every(Boolean)).toBe(true);
  });

  it('speaks the reader’s language', async () => {
    const en = await coordinator().patch('/me', { locale: 'en' });
    expect(en.statusCode, en.body).toBe(200);
    const rows = await xlsxRows((await coordinator().get('/imports/partners/sample.xlsx')).rawPayload);
    await coordinator().patch('/me', { locale: 'de' });
    expect(rows[0][0]).toBe('Name of the organisation');
    expect(rows[2]).toEqual(['Column', 'Required', 'Explanation']);
  });
});

describe('limits and isolation', () => {
  it('refuses a file over 2 MB with file_too_large, and a file that is neither XLSX nor CSV', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 'a').toString('base64');
    const problem = expectProblem(await preview(big), 413, 'file_too_large');
    expect(problem.errors?.[0]).toMatchObject({ path: 'content', code: 'fileTooLarge' });
    for (const garbage of ['PK\u0003\u0004kaputt', '\u0001\u0002binär'])
      expect(
        expectProblem(await preview(Buffer.from(garbage).toString('base64')), 400, 'validation_failed').errors,
      ).toEqual([{ path: 'content', code: 'fileUnreadable', message: expect.any(String) }]);
  });

  it('refuses more than 5,000 rows', async () => {
    const lines = [['Vorname', 'Nachname'], ...Array.from({ length: 5001 }, (_, i) => ['X', `Y${i}`])];
    expectProblem(await preview(csv(lines)), 413, 'file_too_large');
  });

  it("writes only into the caller's office and finds only its districts", async () => {
    const file = csv([guideHeader, ['Bea', `Büro ${T}`, `bea-${T}@test.example`, 'de', `Nur-B-Bezirk ${T}`, '']]);
    expect((await preview(file, {}, A)).json().errors[0]).toMatchObject({
      field: 'homeDistrict',
      code: 'districtUnknown',
    });
    expect((await commit(file, {}, B)).json()).toMatchObject({ created: 1 });
    expect(await guidesNamed(A, `Büro ${T}`)).toEqual([]);
    expect(await guidesNamed(B, `Büro ${T}`)).toHaveLength(1);
  });

  it('is for coordinators only', async () => {
    const file = csv([guideHeader]);
    for (const role of ['guide', 'partner'] as const) {
      const api = client(t.app, A.sessions[role]);
      expectProblem(await api.post('/imports/guides/preview', { content: file }), 403, 'forbidden');
      expectProblem(await api.post('/imports/guides/commit', { content: file }), 403, 'forbidden');
      expectProblem(await api.get('/imports/guides/sample.xlsx'), 403, 'forbidden');
    }
  });
});
