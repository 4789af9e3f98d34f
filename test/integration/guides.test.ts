/**
 * Guides (Lots:innen): CRUD, the list's filters, search, sorting and pagination, status transitions, the computed
 * background-check state, XLSX/CSV exports parsed back, and the audit trail (including that it is read-only).
 */

import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { addMonths } from '../../src/domain/dates.js';
import { hashPassword } from '../../src/modules/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import type { Guide } from '../../src/shared/guides.js';
import { expectProblem, parseCsv, tag, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, login, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { today } from '../helpers/requests.js';

let t: TestApp;
let o: TestOffice;
let api: ReturnType<typeof client>;
let d0: string;
let d1: string;

type AuditEvent = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { from: unknown; to: unknown }> | null;
};
const auditOf = async (entityId: string): Promise<AuditEvent[]> => {
  const res = await api.get(`/audit-events?entityId=${entityId}&limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

async function createGuide(body: Record<string, unknown>): Promise<Guide> {
  const res = await api.post('/guides', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  o = await createOffice(t);
  api = client(t.app, o.sessions.coordinator);
  [d0, d1] = o.districtIds;
});
afterAll(() => t.close());

describe('creating, reading, updating and deleting a guide', () => {
  const full = () => ({
    firstName: 'Leyla',
    lastName: `Crud ${tag()}`,
    email: 'Leyla.Crud@Test.Example',
    phone: '+49 511 123456',
    locale: 'ar',
    languages: [
      { code: 'ckb', level: 'native' },
      { code: 'ar', level: 'C1' },
      { code: 'de', level: 'B2' },
    ],
    countries: ['IQ', 'SY'],
    specializations: ['health', 'parents'],
    fields: ['health_care', 'authorities'],
    homeDistrictId: d0,
    serviceDistrictIds: [d0, d1],
    availability: [
      { weekday: 4, from: '16:00', to: '18:00' },
      { weekday: 1, from: '09:00', to: '11:30' },
    ],
    maxActiveAssignments: 3,
    gender: 'female',
    status: 'in_training',
    certifiedAt: null,
    backgroundCheck: { checkedAt: '2025-03-01', issuedAt: '2025-02-10', relevantConviction: false },
    consent: { version: '2025-01', language: 'ar', givenAt: '2025-03-01', withdrawnAt: null },
    confidentialityPledgeAt: '2025-03-01',
    confidentialityPledgeVersion: '2025-01',
    notes: 'Kann auch samstags',
  });
  let id: string;

  it('creates with every field, and reads the same values back', async () => {
    const input = full();
    const created = await createGuide(input);
    id = created.id;
    const read = await api.get(`/guides/${id}`);
    expect(read.statusCode).toBe(200);
    const guide = read.json();
    expect(guide).toMatchObject({
      ...input,
      email: 'leyla.crud@test.example',
      // Slots are stored in week order.
      availability: [input.availability[1], input.availability[0]],
      backgroundCheck: { ...input.backgroundCheck, state: expect.any(String), recheckDueOn: '2030-03-01' },
      hasAccount: false,
    });
    expect(guide.statusHistory.map((h: { status: string }) => h.status)).toEqual(['in_training']);
    expect(created).toMatchObject({ id, firstName: 'Leyla', status: 'in_training' });
    expect(guide.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('applies defaults for a minimal guide', async () => {
    const minimal = await createGuide({ firstName: 'Min', lastName: `Imal ${tag()}` });
    expect(minimal).toMatchObject({
      email: null,
      phone: null,
      locale: 'de',
      languages: [],
      countries: [],
      homeDistrictId: null,
      serviceDistrictIds: [],
      availability: [],
      maxActiveAssignments: 2,
      gender: null,
      status: 'interested',
      certifiedAt: null,
      backgroundCheck: null,
      backgroundCheckState: 'missing',
      consent: null,
      notes: null,
    });
    expect((await api.delete(`/guides/${minimal.id}`)).statusCode).toBe(204);
  });

  it('patches only the fields sent, and null clears an optional field', async () => {
    const before = (await api.get(`/guides/${id}`)).json();
    const res = await api.patch(`/guides/${id}`, { phone: '+49 30 999', email: null });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await api.get(`/guides/${id}`)).json();
    expect(after.phone).toBe('+49 30 999');
    expect(after.email).toBeNull();
    const untouched = (g: Record<string, unknown>) => {
      const { phone, email, updatedAt, statusHistory, ...rest } = g;
      return rest;
    };
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.updatedAt >= before.updatedAt).toBe(true);
  });

  it('deletes: 204, then 404 on read, patch and a second delete, and gone from the list', async () => {
    expect((await api.delete(`/guides/${id}`)).statusCode).toBe(204);
    expectProblem(await api.get(`/guides/${id}`), 404, 'not_found');
    expectProblem(await api.patch(`/guides/${id}`, { phone: '+49 1' }), 404, 'not_found');
    expectProblem(await api.delete(`/guides/${id}`), 404, 'not_found');
    const list = (await api.get('/guides?limit=200')).json();
    expect(list.items.map((g: Guide) => g.id)).not.toContain(id);
  });
});

describe('the guide list', () => {
  /** The office's guides for these tests, by letter; G0 is the factory's guide. */
  const g: Record<string, string> = {};
  const ids = async (query: string): Promise<string[]> => {
    const res = await api.get(`/guides${query}`);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    const body = res.json();
    expect(body.total, query).toBe(body.items.length);
    return body.items.map((x: Guide) => x.id);
  };
  const names = (...letters: string[]) => letters.map((l) => g[l]);

  beforeAll(async () => {
    g.G0 = o.guideId;
    g.G1 = (
      await createGuide({
        firstName: 'Amira',
        lastName: 'Al-Hassan',
        languages: [
          { code: 'ar', level: 'native' },
          { code: 'en', level: 'B2' },
        ],
        homeDistrictId: d0,
        serviceDistrictIds: [d0],
        status: 'active',
        certifiedAt: '2024-05-01',
        fields: ['health_care'],
        specializations: ['health'],
        maxActiveAssignments: 3,
      })
    ).id;
    g.G2 = (
      await createGuide({
        firstName: 'Bülent',
        lastName: 'Yıldız',
        languages: [
          { code: 'tr', level: 'native' },
          { code: 'kmr', level: 'B1' },
        ],
        homeDistrictId: d1,
        serviceDistrictIds: [d1],
        status: 'paused',
        certifiedAt: '2023-02-01',
        fields: ['authorities', 'housing'],
        specializations: ['sport'],
      })
    ).id;
    g.G3 = (
      await createGuide({
        firstName: 'Olena',
        lastName: 'Kovalenko',
        languages: [
          { code: 'uk', level: 'native' },
          { code: 'ru', level: 'C2' },
        ],
        serviceDistrictIds: [d1],
        status: 'in_training',
        maxActiveAssignments: 1,
      })
    ).id;
    g.G4 = (
      await createGuide({
        firstName: 'Farid',
        lastName: 'Ahmadi',
        languages: [
          { code: 'prs', level: 'native' },
          { code: 'fa', level: 'C2' },
        ],
        homeDistrictId: d1,
        status: 'active',
        certifiedAt: '2022-09-01',
        maxActiveAssignments: 0,
        fields: ['language_support'],
        specializations: ['parents'],
      })
    ).id;
    g.G5 = (await createGuide({ firstName: 'Zoe', lastName: 'Nowak', status: 'left' })).id;
  });

  it('finds by name: part of first or last name, any case, and "first last" or "last first"', async () => {
    expect(await ids('?q=amira')).toEqual(names('G1'));
    expect(await ids('?q=AL-HAS')).toEqual(names('G1'));
    expect(await ids(`?q=${encodeURIComponent('Amira Al')}`)).toEqual(names('G1'));
    expect(await ids(`?q=${encodeURIComponent('Yıldız Bülent')}`)).toEqual(names('G2'));
    expect(await ids('?q=kovalenko')).toEqual(names('G3'));
    expect(await ids('?q=niemand')).toEqual([]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    expect(await ids('?q=%25')).toEqual([]);
    expect(await ids('?q=_')).toEqual([]);
    expect(await ids('?q=%5C')).toEqual([]);
  });

  it('filters by language (ISO 639, Kurmanji and Dari included)', async () => {
    expect((await ids('?language=ar')).sort()).toEqual(names('G0', 'G1').sort());
    expect(await ids('?language=kmr')).toEqual(names('G2'));
    expect(await ids('?language=prs')).toEqual(names('G4'));
    expect(await ids('?language=sw')).toEqual([]);
  });

  it('filters by district: home district or one of the service districts', async () => {
    expect((await ids(`?districtId=${d0}`)).sort()).toEqual(names('G0', 'G1').sort());
    expect((await ids(`?districtId=${d1}`)).sort()).toEqual(names('G0', 'G2', 'G3', 'G4').sort());
  });

  it('filters by specialisation and by field of action', async () => {
    expect((await ids('?specialization=parents')).sort()).toEqual(names('G0', 'G4').sort());
    expect(await ids('?specialization=sport')).toEqual(names('G2'));
    expect((await ids('?field=authorities')).sort()).toEqual(names('G0', 'G2').sort());
    expect(await ids('?field=health_care')).toEqual(names('G1'));
  });

  it('filters by a list of statuses', async () => {
    expect((await ids('?status=paused,left')).sort()).toEqual(names('G2', 'G5').sort());
    expect((await ids('?status=active')).sort()).toEqual(names('G0', 'G1', 'G4').sort());
    expect(await ids('?status=in_training')).toEqual(names('G3'));
    expectProblem(await api.get('/guides?status=active,retired'), 400, 'validation_failed');
  });

  it('filters by free capacity: active and able to take a deployment', async () => {
    expect((await ids('?hasCapacity=true')).sort()).toEqual(names('G0', 'G1').sort());
    expect((await ids('?hasCapacity=false')).sort()).toEqual(names('G2', 'G3', 'G4', 'G5').sort());
  });

  it('combines filters', async () => {
    expect((await ids(`?language=ar&hasCapacity=true&districtId=${d0}`)).sort()).toEqual(names('G0', 'G1').sort());
    expect(await ids(`?language=ar&districtId=${d1}&field=health_care`)).toEqual([]);
    expect(await ids(`?status=active,paused&specialization=sport`)).toEqual(names('G2'));
  });

  it('sorts by last name by default, and by other columns in either direction', async () => {
    expect(await ids('')).toEqual(names('G4', 'G1', 'G3', 'G0', 'G5', 'G2'));
    expect(await ids('?sort=lastName&order=desc')).toEqual(names('G2', 'G5', 'G0', 'G3', 'G1', 'G4'));
    expect(await ids('?sort=firstName&order=desc')).toEqual(names('G5', 'G0', 'G3', 'G4', 'G2', 'G1'));
    expect(await ids('?sort=createdAt')).toEqual(names('G0', 'G1', 'G2', 'G3', 'G4', 'G5'));
    expectProblem(await api.get('/guides?sort=notes'), 400, 'validation_failed');
  });

  it('paginates with limit/offset, with the total of all matches on every page', async () => {
    const pages = [];
    for (const offset of [0, 2, 4, 6]) {
      const res = await api.get(`/guides?limit=2&offset=${offset}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['items', 'total']);
      expect(body.total).toBe(6);
      pages.push(body.items.map((x: Guide) => x.id));
    }
    expect(pages).toEqual([names('G4', 'G1'), names('G3', 'G0'), names('G5', 'G2'), []]);
    const filtered = (await api.get('/guides?status=active&limit=1&offset=1')).json();
    expect(filtered.total).toBe(3);
    expect(filtered.items).toHaveLength(1);
  });

  it('sends what the list shows: no notes, availability or consent details; whether the guide has an account', async () => {
    await api.patch(`/guides/${g.G1}`, { notes: 'Nur für die Koordination', availability: [] });
    const body = (await api.get('/guides?q=Al-Hassan')).json();
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'abilities',
        'activeAssignments',
        'backgroundCheckState',
        'email',
        'fields',
        'firstName',
        'hasAccount',
        'homeDistrictId',
        'id',
        'languages',
        'lastName',
        'maxActiveAssignments',
        'phone',
        'serviceDistrictIds',
        'specializations',
        'status',
      ].sort(),
    );
    expect(body.items[0]).toMatchObject({ id: g.G1, hasAccount: false, specializations: ['health'] });
    // The factory's guide G0 has an account (the test office's guide login); the list says so.
    const withAccount = (await api.get('/guides?limit=100'))
      .json()
      .items.filter((x: { hasAccount: boolean }) => x.hasAccount);
    expect(withAccount.map((x: Guide) => x.id)).toEqual([g.G0]);
  });

  it('rejects out-of-range paging and unknown parameters (400)', async () => {
    for (const query of ['?limit=0', '?limit=201', '?offset=-1', '?limit=abc', '?unknown=1', `?districtId=nope`]) {
      expectProblem(await api.get(`/guides${query}`), 400, 'validation_failed');
    }
  });

  describe('exports', () => {
    const HEADER = [
      'Nachname',
      'Vorname',
      'Status',
      'E-Mail-Adresse',
      'Telefon',
      'Sprachen',
      'Herkunftsländer',
      'Wohnbezirk',
      'Einsatzbezirke',
      'Spezialisierungsmodule',
      'Handlungsfelder',
      'Max. gleichzeitige Einsätze',
      'Zertifiziert am',
      'Führungszeugnis',
    ];

    it('exports the filtered list as a real XLSX workbook', async () => {
      const res = await api.get('/guides/export.xlsx?language=ar');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
      const rows = await xlsxRows(res.rawPayload);
      expect(rows[0]).toEqual(HEADER);
      expect(rows.slice(1).map((r) => r[1])).toEqual(['Amira', 'Testa']);
      // Names instead of codes, the office's names of fields and specialisations, typed date cells.
      expect(rows[1]).toEqual([
        'Al-Hassan',
        'Amira',
        'Aktiv',
        '',
        '',
        'Arabisch (Muttersprache), Englisch (B2)',
        '',
        'Nordviertel',
        'Nordviertel',
        'Gesundheitslotse',
        'Gesundheit & Pflege',
        '3',
        '2024-05-01',
        'Fehlt',
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const certified = workbook.worksheets[0].getRow(2).getCell(13);
      expect(certified.value).toBeInstanceOf(Date);
      expect(certified.numFmt).toBe('dd.mm.yyyy');
    });

    it('exports the same rows as CSV: BOM, semicolons, CRLF', async () => {
      const res = await api.get('/guides/export.csv?language=ar');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      expect(res.body.startsWith('\uFEFFNachname;Vorname;Status;')).toBe(true);
      expect(res.body.endsWith('\r\n')).toBe(true);
      const csv = parseCsv(res.body);
      const xlsx = await xlsxRows((await api.get('/guides/export.xlsx?language=ar')).rawPayload);
      // The same cells; dates are typed in the workbook and written as the reader's date in the CSV.
      const asGermanDate = (cell: string) => cell.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1');
      expect(csv).toEqual(xlsx.map((row) => row.map(asGermanDate)));
    });

    it('exports every guide of the office without a filter, and applies the other filters too', async () => {
      const all = parseCsv((await api.get('/guides/export.csv')).body);
      expect(all).toHaveLength(1 + 6);
      const paused = parseCsv((await api.get('/guides/export.csv?status=paused,left&q=y')).body);
      expect(paused.slice(1).map((r) => r[0])).toEqual(['Yıldız']);
      expect(paused[1][5]).toBe('Türkisch (Muttersprache), Kurdisch (Kurmandschi) (B1)');
      expect(paused[1][7]).toBe('Südviertel');
    });

    it('quotes separators and neutralises spreadsheet formulas (CSV injection)', async () => {
      const evil = await createGuide({
        firstName: 'Semi;Colon "Quote"',
        lastName: '=HYPERLINK("http://evil.example")',
      });
      const res = await api.get(`/guides/export.csv?q=${encodeURIComponent('Semi;Colon')}`);
      const rows = parseCsv(res.body);
      expect(rows).toHaveLength(2);
      expect(rows[1][0]).toBe(`'=HYPERLINK("http://evil.example")`);
      expect(rows[1][1]).toBe('Semi;Colon "Quote"');
      expect(res.body).toContain('"Semi;Colon ""Quote"""');
      // In the workbook the text is a plain string cell, never a formula.
      const xlsx = await xlsxRows(
        (await api.get(`/guides/export.xlsx?q=${encodeURIComponent('Semi;Colon')}`)).rawPayload,
      );
      expect(xlsx[1][0]).toMatch(/^'?=HYPERLINK\("http:\/\/evil\.example"\)$/);
      expect((await api.delete(`/guides/${evil.id}`)).statusCode).toBe(204);
    });

    it('records each export in the audit log with the number of rows and the guides it names (read log)', async () => {
      const listed = (await api.get('/guides?status=active&limit=100')).json().items.map((g: { id: string }) => g.id);
      await api.get('/guides/export.csv?status=active');
      const events = (await api.get('/audit-events?action=guide.exported&limit=1')).json().items;
      expect(events[0]).toMatchObject({ action: 'guide.exported', actorId: o.sessions.coordinator.userId });
      expect(events[0].changes.count).toBe(3);
      expect([...events[0].changes.guideIds].sort()).toEqual([...listed].sort());
    });

    it("regression: exports phone numbers without a leading apostrophe, and dates in the reader's format", async () => {
      const phoned = await createGuide({
        firstName: 'Telefon',
        lastName: `Nummer ${tag()}`,
        phone: '+49 511 555 1234',
        certifiedAt: '2024-05-01',
        status: 'active',
      });
      const csv = parseCsv((await api.get(`/guides/export.csv?q=${encodeURIComponent(phoned.lastName)}`)).body);
      expect(csv[1][4]).toBe('+49 511 555 1234');
      expect(csv[1][12]).toBe('01.05.2024');
      expect(csv[1][2]).toBe('Aktiv');
      expect((await api.delete(`/guides/${phoned.id}`)).statusCode).toBe(204);
    });
  });
});

describe('free capacity counts running deployments', () => {
  it('drops a guide from hasCapacity=true once their deployments fill it, and brings them back after closing', async () => {
    const lastName = `Kapazität ${tag()}`;
    const email = `kapazitaet-${tag()}@test.example`;
    const guide = await createGuide({
      firstName: 'Voll',
      lastName,
      email,
      status: 'active',
      certifiedAt: '2025-01-01',
      ...ON_RECORD,
      languages: [{ code: 'ar', level: 'native' }],
      homeDistrictId: d0,
      serviceDistrictIds: [d0],
      fields: ['authorities'],
      maxActiveAssignments: 1,
    });
    const withCapacity = async () =>
      (await api.get(`/guides?hasCapacity=true&q=${encodeURIComponent(lastName)}`)).json().total;
    expect(await withCapacity()).toBe(1);

    // The guide takes one deployment: request → offer → the guide accepts in the app.
    const services = createServices(t.ctx);
    await inScope(t.ctx.database.db, 'system', async (tx) =>
      services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
        email,
        displayName: 'Voll',
        role: 'guide',
        officeId: o.officeId,
        guideId: guide.id,
        passwordHash: await hashPassword(TEST_PASSWORD),
      }),
    );
    const guideSession = await login(t.app, email, TEST_PASSWORD);
    const request = await api.post('/requests', {
      partnerId: o.partnerId,
      field: 'authorities',
      type: 'accompaniment',
      title: 'Begleitung zur Krankenkasse',
      description: 'Antrag auf Versichertenkarte gemeinsam ausfüllen.',
      districtId: d0,
      startsOn: today,
      frequency: 'once',
      expectedHours: 2,
      languages: ['ar'],
      minorsInvolved: false,
      person: { initials: 'S. A.', ageGroup: 'adult', languages: ['ar'], household: 'individual', consentGiven: true },
    });
    expect(request.statusCode, request.body).toBe(201);
    const offer = await api.post(`/requests/${request.json().id}/offers`, {
      guideIds: [guide.id],
      overrideReason: 'Kapazitätstest',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const accepted = await client(t.app, guideSession).post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await withCapacity()).toBe(0);
    expect((await api.get(`/guides?hasCapacity=false&q=${encodeURIComponent(lastName)}`)).json().total).toBe(1);

    const closed = await api.post(`/assignments/${accepted.json().assignmentId}/close`, {
      outcome: 'goal_reached',
      acknowledgeUnconfirmed: true,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await withCapacity()).toBe(1);
  });
});

describe('the capacity a guide chooses themself', () => {
  it('regression: a guide cannot raise their own maxActiveAssignments above the ceiling the office set', async () => {
    const guide = await createGuideWithAccount(t, o, { maxActiveAssignments: 2 });
    const own = client(t.app, guide.session);
    expect((await own.get(`/guides/${guide.guideId}`)).json()).toMatchObject({
      maxActiveAssignments: 2,
      capacityCeiling: 2,
    });
    const body = expectProblem(
      await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 20 }),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([
      { path: 'maxActiveAssignments', code: 'capacityAboveCeiling', message: expect.any(String) },
    ]);
    expect(body.errors?.[0].message).toContain('2');
    expect((await api.get(`/guides/${guide.guideId}`)).json().maxActiveAssignments).toBe(2);

    // Lower, and back up to the ceiling: allowed; the ceiling itself does not move.
    for (const value of [0, 1, 2]) {
      const res = await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: value });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ maxActiveAssignments: value, capacityCeiling: 2 });
    }
    expectProblem(await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 3 }), 400, 'validation_failed');

    // The coordinator sets the capacity, and with it the ceiling.
    const raised = await api.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 4 });
    expect(raised.json()).toMatchObject({ maxActiveAssignments: 4, capacityCeiling: 4 });
    expect((await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 3 })).statusCode).toBe(200);
    expect((await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 4 })).statusCode).toBe(200);
    expectProblem(await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 5 }), 400, 'validation_failed');
  });

  it('answers the ceiling error in the guide’s language', async () => {
    const guide = await createGuideWithAccount(t, o, { maxActiveAssignments: 1 });
    const own = client(t.app, guide.session);
    const texts: Record<string, string> = {};
    for (const locale of ['de', 'en', 'ar'] as const) {
      await own.patch('/me', { locale });
      const body = expectProblem(await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 2 }), 400);
      texts[locale] = body.errors?.[0].message ?? '';
    }
    expect(new Set(Object.values(texts)).size).toBe(3);
    expect(texts.ar).toMatch(/[\u0600-\u06FF]/);
  });

  it('keeps a ceiling of the current value for guides from before the ceiling existed (capacity_ceiling null)', async () => {
    const guide = await createGuideWithAccount(t, o, { maxActiveAssignments: 3 });
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(sql`update guides set capacity_ceiling = null where id = ${guide.guideId}`),
    );
    const own = client(t.app, guide.session);
    expect((await own.get(`/guides/${guide.guideId}`)).json().capacityCeiling).toBe(3);
    expectProblem(await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 4 }), 400, 'validation_failed');
    expect((await own.patch(`/guides/${guide.guideId}`, { maxActiveAssignments: 3 })).statusCode).toBe(200);
  });
});

describe('status transitions', () => {
  it('follow interested → in training → active ⇄ paused → left → interested', async () => {
    const guide = await createGuide({ firstName: 'Status', lastName: `Weg ${tag()}` });
    const step = async (body: Record<string, unknown>) => {
      const res = await api.patch(`/guides/${guide.id}`, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(200);
      return res.json();
    };
    await step({ status: 'in_training' });
    await step({ status: 'active', certifiedAt: '2025-09-01' });
    await step({ status: 'paused' });
    await step({ status: 'active' });
    await step({ status: 'left' });
    const back = await step({ status: 'interested' });
    expect(back.status).toBe('interested');
    const history = (await api.get(`/guides/${guide.id}`))
      .json()
      .statusHistory.map((h: { status: string }) => h.status);
    expect(history).toEqual(['interested', 'in_training', 'active', 'paused', 'active', 'left', 'interested']);
  });

  it('refuses a transition the life cycle does not have (409 invalid_status_transition), changing nothing', async () => {
    const guide = await createGuide({ firstName: 'Status', lastName: `Sprung ${tag()}`, certifiedAt: '2025-01-01' });
    expectProblem(await api.patch(`/guides/${guide.id}`, { status: 'active' }), 409, 'invalid_status_transition');
    expectProblem(await api.patch(`/guides/${guide.id}`, { status: 'paused' }), 409, 'invalid_status_transition');
    const left = await createGuide({ firstName: 'Status', lastName: `Gegangen ${tag()}`, status: 'left' });
    expectProblem(
      await api.patch(`/guides/${left.id}`, { status: 'active', certifiedAt: '2025-01-01' }),
      409,
      'invalid_status_transition',
    );
    const after = (await api.get(`/guides/${left.id}`)).json();
    expect(after.status).toBe('left');
    expect(after.certifiedAt).toBeNull();
  });

  it('needs a certificate for active: on create (400) and on change (409 certificate_required)', async () => {
    expectProblem(
      await api.post('/guides', { firstName: 'Ohne', lastName: 'Zertifikat', status: 'active' }),
      400,
      'certificate_required',
    );
    const trainee = await createGuide({ firstName: 'Ohne', lastName: `Zertifikat ${tag()}`, status: 'in_training' });
    expectProblem(await api.patch(`/guides/${trainee.id}`, { status: 'active' }), 409, 'certificate_required');
    const active = await createGuide({
      firstName: 'Mit',
      lastName: `Zertifikat ${tag()}`,
      status: 'active',
      certifiedAt: '2025-01-01',
    });
    expectProblem(await api.patch(`/guides/${active.id}`, { certifiedAt: null }), 409, 'certificate_required');
    expect((await api.get(`/guides/${active.id}`)).json().certifiedAt).toBe('2025-01-01');
  });
});

describe('the background check (erweitertes Führungszeugnis)', () => {
  const withCheck = (checkedAt: string, extra: Record<string, unknown> = {}) =>
    createGuide({
      firstName: 'Zeugnis',
      lastName: `Prüfung ${tag()}`,
      backgroundCheck: { checkedAt, relevantConviction: false, ...extra },
    });

  it('is "missing" without a check', async () => {
    const guide = await createGuide({ firstName: 'Ohne', lastName: `Zeugnis ${tag()}` });
    expect(guide.backgroundCheck).toBeNull();
    expect(guide.backgroundCheckState).toBe('missing');
  });

  it('is "valid" for a recent check, with the re-check due five years after it was seen', async () => {
    const checkedAt = addMonths(today, -12);
    const guide = await withCheck(checkedAt);
    expect(guide.backgroundCheckState).toBe('valid');
    expect(guide.backgroundCheck).toMatchObject({ checkedAt, state: 'valid', recheckDueOn: addMonths(checkedAt, 60) });
  });

  it('is "due" within three months of the re-check, and "expired" after it', async () => {
    expect((await withCheck(addMonths(today, -58))).backgroundCheckState).toBe('due');
    expect((await withCheck(addMonths(today, -61))).backgroundCheckState).toBe('expired');
  });

  it('stores only that it was seen, its dates and yes/no for a relevant conviction', async () => {
    const guide = await withCheck(addMonths(today, -1), { issuedAt: addMonths(today, -2), relevantConviction: true });
    expect(Object.keys(guide.backgroundCheck ?? {}).sort()).toEqual([
      'checkedAt',
      'issuedAt',
      'recheckDueOn',
      'relevantConviction',
      'state',
    ]);
    expect(guide.backgroundCheck?.relevantConviction).toBe(true);
    const res = await api.post('/guides', {
      firstName: 'Mit',
      lastName: 'Kopie',
      backgroundCheck: { checkedAt: today, relevantConviction: false, scan: 'data:application/pdf;base64,AAAA' },
    });
    expectProblem(res, 400, 'validation_failed');
  });

  it('refuses a certificate older than three months when shown, or issued after it was seen', async () => {
    const tooOld = await api.post('/guides', {
      firstName: 'Altes',
      lastName: 'Zeugnis',
      backgroundCheck: { checkedAt: today, issuedAt: addMonths(today, -4), relevantConviction: false },
    });
    expect(expectProblem(tooOld, 400, 'validation_failed').errors).toEqual([
      { path: 'backgroundCheck.issuedAt', code: 'certificateTooOld', message: expect.any(String) },
    ]);
    const later = await api.post('/guides', {
      firstName: 'Spätes',
      lastName: 'Zeugnis',
      backgroundCheck: { checkedAt: addMonths(today, -1), issuedAt: today, relevantConviction: false },
    });
    expect(expectProblem(later, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'backgroundCheck.issuedAt',
      code: 'issuedAfterChecked',
    });
  });

  it('shows the computed state in the list and the export', async () => {
    const expired = await withCheck(addMonths(today, -70));
    const list = (await api.get(`/guides?q=${encodeURIComponent(expired.lastName)}`)).json();
    expect(list.items[0].backgroundCheckState).toBe('expired');
    const csv = parseCsv((await api.get(`/guides/export.csv?q=${encodeURIComponent(expired.lastName)}`)).body);
    expect(csv[1][13]).toBe('Abgelaufen');
  });
});

describe('the audit trail of a guide', () => {
  const secretNote = `Vertraulich: Arztbegleitung ${tag()}`;
  let guide: Guide;

  beforeAll(async () => {
    guide = await createGuide({ firstName: 'Audit', lastName: `Spur ${tag()}`, phone: '+49 1', notes: secretNote });
  });

  it('records the create with the fields set, naming personal fields but not copying their values', async () => {
    const [created] = (await auditOf(guide.id)).filter((e) => e.action === 'guide.created');
    expect(created).toMatchObject({
      entityType: 'guide',
      entityId: guide.id,
      actorId: o.sessions.coordinator.userId,
      actorName: 'Koordination Test',
    });
    expect(created.changes?.firstName).toBeDefined();
    expect(created.changes?.phone).toBeDefined();
    expect(created.changes?.notes).toBeDefined();
    expect(created.changes?.status).toEqual({ from: null, to: guide.status });
    expect(JSON.stringify(created.changes)).not.toContain('+49 1');
    expect(JSON.stringify(created)).not.toContain('Arztbegleitung');
  });

  it('records an update with exactly the changed fields; personal values are not copied', async () => {
    const newNote = `Neue Notiz: Schwangerschaft ${tag()}`;
    const res = await api.patch(`/guides/${guide.id}`, { phone: '+49 2', notes: newNote, firstName: 'Audit' });
    expect(res.statusCode).toBe(200);
    const [updated] = (await auditOf(guide.id)).filter((e) => e.action === 'guide.updated');
    expect(Object.keys(updated.changes ?? {}).sort()).toEqual(['notes', 'phone']);
    expect(updated.changes?.phone).toBeDefined();
    expect(JSON.stringify(updated.changes)).not.toContain('+49 2');
    const statusChange = await api.patch(`/guides/${guide.id}`, { maxActiveAssignments: 4 });
    expect(statusChange.statusCode).toBe(200);
    const [latest] = (await auditOf(guide.id)).filter((e) => e.action === 'guide.updated');
    expect(latest.changes?.maxActiveAssignments).toMatchObject({ to: 4 });
    const everything = JSON.stringify(await auditOf(guide.id));
    expect(everything).not.toContain('Schwangerschaft');
    expect(everything).not.toContain('Arztbegleitung');
  });

  it('records every read of the profile as guide.viewed, by whom', async () => {
    const count = async () => (await auditOf(guide.id)).filter((e) => e.action === 'guide.viewed').length;
    const before = await count();
    expect((await api.get(`/guides/${guide.id}`)).statusCode).toBe(200);
    expect((await api.get(`/guides/${guide.id}`)).statusCode).toBe(200);
    expect(await count()).toBe(before + 2);
    const own = await client(t.app, o.sessions.guide).get(`/guides/${o.guideId}`);
    expect(own.statusCode).toBe(200);
    const [viewedByGuide] = (await auditOf(o.guideId)).filter((e) => e.action === 'guide.viewed');
    expect(viewedByGuide.actorId).toBe(o.sessions.guide.userId);
  });

  it('records nothing for a rejected write (same transaction)', async () => {
    const before = (await auditOf(guide.id)).length;
    expectProblem(
      await api.patch(`/guides/${guide.id}`, { homeDistrictId: '00000000-0000-4000-8000-000000000000' }),
      400,
    );
    expectProblem(await api.patch(`/guides/${guide.id}`, { status: 'paused' }), 409);
    expect((await auditOf(guide.id)).length).toBe(before);
  });

  it("records the delete, and the deleted guide's personal data does not live on in the log", async () => {
    const before = await api.get(`/guides/${guide.id}`);
    const { lastName, email } = before.json();
    expect((await api.delete(`/guides/${guide.id}`)).statusCode).toBe(204);
    const events = await auditOf(guide.id);
    expect(events[0].action).toBe('guide.deleted');
    const everything = JSON.stringify(events);
    expect(everything).not.toContain(lastName);
    if (email) expect(everything).not.toContain(email);
  });
});

describe('the audit log cannot be changed', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = (await api.get('/audit-events?limit=1')).json().items[0].id;
  });

  it('has no API route that writes it (404 for POST, PUT, PATCH, DELETE)', async () => {
    for (const [method, url] of [
      ['POST', '/audit-events'],
      ['PUT', `/audit-events/${eventId}`],
      ['PATCH', `/audit-events/${eventId}`],
      ['DELETE', `/audit-events/${eventId}`],
      ['DELETE', '/audit-events'],
    ] as const) {
      const res = await api.call(method, url, method === 'DELETE' ? undefined : { action: 'verändert' });
      expectProblem(res, 404, 'not_found');
    }
    const doc = (await api.get('/openapi.json')).json();
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.includes('audit'));
    for (const [path, item] of auditPaths) expect(Object.keys(item as object), path).toEqual(['get']);
  });

  it('is append-only for the application database role: UPDATE and DELETE are refused', async () => {
    const refused = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        const e = error as Error & { cause?: Error };
        return `${e.message} ${e.cause?.message ?? ''}`;
      }
      return 'no error';
    };
    const scopes = [{ officeId: o.officeId }, 'system'] as const;
    for (const scope of scopes) {
      expect(
        await refused(
          inScope(t.database.db, scope, (tx) =>
            tx.update(auditEvents).set({ action: 'verändert' }).where(eq(auditEvents.id, eventId)),
          ),
        ),
      ).toMatch(/permission denied/);
      expect(
        await refused(inScope(t.database.db, scope, (tx) => tx.delete(auditEvents).where(eq(auditEvents.id, eventId)))),
      ).toMatch(/permission denied/);
      expect(await refused(inScope(t.database.db, scope, (tx) => tx.execute(sql`truncate audit_events`)))).toMatch(
        /permission denied|must be owner/,
      );
    }
    const [still] = await inScope(t.database.db, 'system', (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.id, eventId)),
    );
    expect(still.action).not.toBe('verändert');
  });
});
