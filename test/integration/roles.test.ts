/**
 * The role matrix inside one office: guides and partner contacts against coordinator-only routes, a guide's
 * rights on their own profile, a partner contact's view of their own organisation, the platform admin, and the
 * abilities the API hands to the UI.
 */

import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicants } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { SELF_EDITABLE_GUIDE_FIELDS } from '../../src/shared/guides.js';
import { expectProblem, loadOpenApi, requestSchemaOf, tag } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import {
  createFunder,
  createOffice,
  createPlatformAdmin,
  createTrainer,
  type TestOffice,
} from '../helpers/factories.js';
import { PDF_BASE64 } from '../helpers/receipts.js';

let t: TestApp;
let o: TestOffice;
let admin: Session;
let otherGuideId: string;
/** An applicant of the office (recruitment): coordinators only. */
let applicantId: string;
/** A room of the office with a booking (issue 12 §2): coordinators only. */
let roomId: string;
let roomBookingId: string;

const today = new Date().toISOString().slice(0, 10);
/** An id no record has: role gates answer before any lookup. */
const NOBODY = '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b';

beforeAll(async () => {
  t = await createTestApp();
  o = await createOffice(t);
  admin = await createPlatformAdmin(t);
  const api = client(t.app, o.sessions.coordinator);
  const other = await api.post('/guides', { firstName: 'Zweite', lastName: `Lotsin ${tag()}`, phone: '+49 511 1' });
  expect(other.statusCode, other.body).toBe(201);
  otherGuideId = other.json().id;
  const notes = await api.patch(`/guides/${o.guideId}`, { notes: 'Nur für die Koordination' });
  expect(notes.statusCode, notes.body).toBe(200);
  const partnerNotes = await api.patch(`/partners/${o.partnerId}`, { notes: 'Interne Partnernotiz' });
  expect(partnerNotes.statusCode, partnerNotes.body).toBe(200);
  const [applicant] = await inScope(t.ctx.database.db, 'system', (tx) =>
    tx
      .insert(applicants)
      .values({
        officeId: o.officeId,
        firstName: 'Rollen',
        lastName: 'Interessent',
        email: `rolle-${tag()}@test.example`,
      })
      .returning(),
  );
  applicantId = applicant.id;
  const room = await api.post('/rooms', { name: `Rollenraum ${tag()}`, capacity: 6 });
  expect(room.statusCode, room.body).toBe(201);
  roomId = room.json().id;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const booking = await api.post('/room-bookings', {
    roomId,
    startsAt: `${day}T10:00:00Z`,
    endsAt: `${day}T11:00:00Z`,
    title: 'Rollenprobe',
  });
  expect(booking.statusCode, booking.body).toBe(201);
  roomBookingId = booking.json().id;
});
afterAll(() => t.close());

type Probe = {
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  body?: () => unknown;
  guide: number;
  partner: number;
};

/** Coordinator-only operations; a record the caller may not see at all answers 404, a visible one 403. */
const COORDINATOR_ONLY: Probe[] = [
  {
    label: 'create an event',
    method: 'POST',
    url: () => '/events',
    body: () => ({
      type: 'plenum',
      title: 'Unbefugt',
      audience: 'all_guides',
      startsAt: `${today}T17:00:00Z`,
      endsAt: `${today}T18:00:00Z`,
    }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'add a file to an event',
    method: 'POST',
    url: () => `/events/${NOBODY}/files`,
    body: () => ({ fileName: 'Protokoll.pdf', contentBase64: PDF_BASE64 }),
    guide: 403,
    partner: 403,
  },
  {
    label: "delete an event's file",
    method: 'DELETE',
    url: () => `/events/${NOBODY}/files/${NOBODY}`,
    guide: 403,
    partner: 403,
  },
  { label: 'list guide groups', method: 'GET', url: () => '/event-groups', guide: 403, partner: 403 },
  {
    label: 'create a guide group',
    method: 'POST',
    url: () => '/event-groups',
    body: () => ({ name: 'Unbefugt', guideIds: [] }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'change a guide group',
    method: 'PATCH',
    url: () => '/event-groups/5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b',
    body: () => ({ name: 'Unbefugt' }),
    guide: 403,
    partner: 403,
  },

  { label: 'list guides', method: 'GET', url: () => '/guides', guide: 403, partner: 403 },
  {
    label: 'create a guide',
    method: 'POST',
    url: () => '/guides',
    body: () => ({ firstName: 'Unbefugt', lastName: 'Angelegt' }),
    guide: 403,
    partner: 403,
  },
  {
    label: "patch another guide's self-editable field",
    method: 'PATCH',
    url: () => `/guides/${otherGuideId}`,
    body: () => ({ phone: '+49 000' }),
    guide: 404,
    partner: 404,
  },
  {
    label: 'patch another guide (coordinator field)',
    method: 'PATCH',
    url: () => `/guides/${otherGuideId}`,
    body: () => ({ status: 'left' }),
    guide: 404,
    partner: 404,
  },
  { label: 'delete another guide', method: 'DELETE', url: () => `/guides/${otherGuideId}`, guide: 404, partner: 404 },
  {
    label: "delete the signed-in guide's own profile",
    method: 'DELETE',
    url: () => `/guides/${o.guideId}`,
    guide: 403,
    partner: 404,
  },
  { label: 'export guides as XLSX', method: 'GET', url: () => '/guides/export.xlsx', guide: 403, partner: 403 },
  { label: 'export guides as CSV', method: 'GET', url: () => '/guides/export.csv', guide: 403, partner: 403 },
  {
    label: 'preview an import',
    method: 'POST',
    url: () => '/imports/guides/preview',
    body: () => ({ content: Buffer.from('Vorname;Nachname\r\nA;B\r\n').toString('base64') }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'import partners',
    method: 'POST',
    url: () => '/imports/partners/commit',
    body: () => ({ content: Buffer.from('Name;Art\r\nVerein;Sonstige\r\n').toString('base64') }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'download an import sample',
    method: 'GET',
    url: () => '/imports/guides/sample.xlsx',
    guide: 403,
    partner: 403,
  },
  { label: 'list partners', method: 'GET', url: () => '/partners', guide: 403, partner: 403 },
  {
    label: 'create a partner',
    method: 'POST',
    url: () => '/partners',
    body: () => ({ name: 'Unbefugt e.V.', type: 'other' }),
    guide: 403,
    partner: 403,
  },
  {
    label: "patch the partner contact's own organisation",
    method: 'PATCH',
    url: () => `/partners/${o.partnerId}`,
    body: () => ({ name: 'Umbenannt' }),
    guide: 404,
    partner: 403,
  },
  {
    label: 'patch the other partner of the office',
    method: 'PATCH',
    url: () => `/partners/${o.otherPartnerId}`,
    body: () => ({ name: 'Umbenannt' }),
    guide: 404,
    partner: 404,
  },
  {
    label: 'add a contact to the own organisation',
    method: 'POST',
    url: () => `/partners/${o.partnerId}/contacts`,
    body: () => ({ name: 'Unbefugt', email: `unbefugt-${tag()}@test.example`, invite: true }),
    guide: 404,
    partner: 403,
  },
  {
    label: 'create a district',
    method: 'POST',
    url: () => '/districts',
    body: () => ({ name: `Bezirk ${tag()}`, lat: 1, lon: 1 }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'rename a district',
    method: 'PATCH',
    url: () => `/districts/${o.districtIds[0]}`,
    body: () => ({ name: 'Umbenannt' }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'delete a district',
    method: 'DELETE',
    url: () => `/districts/${o.districtIds[1]}`,
    guide: 403,
    partner: 403,
  },
  ...(['fields', 'specializations'] as const).flatMap((kind): Probe[] => {
    const key = kind === 'fields' ? 'authorities' : 'parents';
    return [
      {
        label: `create one of the ${kind}`,
        method: 'POST',
        url: () => `/${kind}`,
        body: () => ({ key: `k_${tag()}`, name: 'Unbefugt' }),
        guide: 403,
        partner: 403,
      },
      {
        label: `rename one of the ${kind}`,
        method: 'PATCH',
        url: () => `/${kind}/${key}`,
        body: () => ({ name: 'Umbenannt' }),
        guide: 403,
        partner: 403,
      },
      { label: `delete one of the ${kind}`, method: 'DELETE', url: () => `/${kind}/${key}`, guide: 403, partner: 403 },
    ];
  }),
  { label: 'list accounts', method: 'GET', url: () => '/users', guide: 403, partner: 403 },
  {
    label: 'invite a coordinator',
    method: 'POST',
    url: () => '/users',
    body: () => ({ email: `neu-${tag()}@test.example`, displayName: 'Neu', role: 'coordinator' }),
    guide: 403,
    partner: 403,
  },
  {
    label: "disable the coordinator's account",
    method: 'PATCH',
    url: () => `/users/${o.sessions.coordinator.userId}`,
    body: () => ({ disabled: true }),
    guide: 403,
    partner: 403,
  },
  { label: 'read the outbox', method: 'GET', url: () => '/outbox', guide: 403, partner: 403 },
  { label: 'read the audit log', method: 'GET', url: () => '/audit-events', guide: 403, partner: 403 },
  { label: 'list offices', method: 'GET', url: () => '/offices', guide: 403, partner: 403 },
  {
    label: 'create an office',
    method: 'POST',
    url: () => '/offices',
    body: () => ({ name: 'Unbefugt', city: 'Nirgendwo' }),
    guide: 403,
    partner: 403,
  },
  { label: 'list applicants', method: 'GET', url: () => '/applicants', guide: 403, partner: 403 },
  { label: 'read an applicant', method: 'GET', url: () => `/applicants/${applicantId}`, guide: 403, partner: 403 },
  {
    label: 'record a recruitment step',
    method: 'POST',
    url: () => `/applicants/${applicantId}/steps`,
    body: () => ({ status: 'dropped_out', on: today, dropOutReason: 'Unbefugt' }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'record a get-to-know conversation',
    method: 'POST',
    url: () => `/applicants/${applicantId}/conversations`,
    body: () => ({ heldOn: today, heldBy: o.sessions.coordinator.userId, outcome: 'suitable' }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'accept an applicant as a guide',
    method: 'POST',
    url: () => `/applicants/${applicantId}/accept`,
    guide: 403,
    partner: 403,
  },
  { label: 'delete an applicant', method: 'DELETE', url: () => `/applicants/${applicantId}`, guide: 403, partner: 403 },
  { label: 'list rooms', method: 'GET', url: () => '/rooms', guide: 403, partner: 403 },
  {
    label: "the office's figures",
    method: 'GET',
    url: () => '/reports/office?from=2025-01-01&to=2025-12-31',
    guide: 403,
    partner: 403,
  },
  {
    label: "the office's figures as XLSX",
    method: 'GET',
    url: () => '/reports/office.xlsx?from=2025-01-01&to=2025-12-31',
    guide: 403,
    partner: 403,
  },
  {
    label: 'the Verwendungsnachweis (Niedersachsen) as XLSX',
    method: 'GET',
    url: () => '/reports/verwendungsnachweis.xlsx?from=2025-01-01&to=2025-12-31',
    guide: 403,
    partner: 403,
  },
  {
    label: 'the Sachbericht draft as PDF',
    method: 'POST',
    url: () => '/reports/sachbericht.pdf',
    body: () => ({ from: '2025-01-01', to: '2025-12-31', goals: 'Unbefugt' }),
    guide: 403,
    partner: 403,
  },
  { label: 'read a room', method: 'GET', url: () => `/rooms/${roomId}`, guide: 403, partner: 403 },
  {
    label: 'add a room',
    method: 'POST',
    url: () => '/rooms',
    body: () => ({ name: 'Unbefugt' }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'change a room',
    method: 'PATCH',
    url: () => `/rooms/${roomId}`,
    body: () => ({ capacity: 1 }),
    guide: 403,
    partner: 403,
  },
  { label: 'delete a room', method: 'DELETE', url: () => `/rooms/${roomId}`, guide: 403, partner: 403 },
  { label: 'room bookings', method: 'GET', url: () => '/room-bookings', guide: 403, partner: 403 },
  {
    label: 'book a room',
    method: 'POST',
    url: () => '/room-bookings',
    body: () => ({
      roomId,
      startsAt: `${today}T20:00:00Z`,
      endsAt: `${today}T21:00:00Z`,
      title: 'Unbefugt',
    }),
    guide: 403,
    partner: 403,
  },
  {
    label: 'cancel a room booking',
    method: 'POST',
    url: () => `/room-bookings/${roomBookingId}/cancel`,
    guide: 403,
    partner: 403,
  },
  {
    label: 'rename the own office',
    method: 'PATCH',
    url: () => `/offices/${o.officeId}`,
    body: () => ({ name: 'Umbenannt' }),
    guide: 404,
    partner: 404,
  },
  // The office's entry in the public directory (issue 13 §4) is the coordinators' decision.
  { label: 'read the directory settings', method: 'GET', url: () => '/directory-settings', guide: 403, partner: 403 },
  {
    label: 'opt the office into the public directory',
    method: 'PUT',
    url: () => '/directory-settings',
    body: () => ({
      listed: true,
      provider: 'Unbefugt',
      description: { de: '', en: '', ar: '' },
      howToGetHelp: { de: '', en: '', ar: '' },
      areas: [],
      lat: null,
      lon: null,
      contactEmail: null,
      contactPhone: null,
      website: null,
      showLanguages: true,
      fieldKeys: [],
      showVolunteerForm: true,
    }),
    guide: 403,
    partner: 403,
  },
];

async function officeState() {
  const api = client(t.app, o.sessions.coordinator);
  const read = async (url: string) => {
    const res = await api.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return {
    guides: await read('/guides'),
    partners: await read('/partners'),
    districts: await read('/districts'),
    fields: await read('/fields'),
    specializations: await read('/specializations'),
    users: (await read('/users')).items.map((u: { id: string; status: string }) => [u.id, u.status]),
    office: await read(`/offices/${o.officeId}`),
    directory: await read('/directory-settings'),
  };
}

describe('guides and partner contacts are refused on coordinator-only routes', () => {
  let before: Awaited<ReturnType<typeof officeState>>;
  beforeAll(async () => {
    before = await officeState();
  });

  for (const probe of COORDINATOR_ONLY) {
    it(`${probe.label}: guide ${probe.guide}, partner contact ${probe.partner}`, async () => {
      for (const role of ['guide', 'partner'] as const) {
        const res = await client(t.app, o.sessions[role]).call(probe.method, probe.url(), probe.body?.());
        expectProblem(res, probe[role], probe[role] === 403 ? 'forbidden' : 'not_found');
      }
    });
  }

  it('changed nothing in the office', async () => {
    expect(await officeState()).toEqual(before);
  });

  it('lets the coordinator do the reads that were refused', async () => {
    const api = client(t.app, o.sessions.coordinator);
    for (const probe of COORDINATOR_ONLY.filter((p) => p.method === 'GET' && !p.url().startsWith('/offices'))) {
      expect((await api.get(probe.url())).statusCode, probe.label).toBe(200);
    }
  });

  it('lets guides and partner contacts read the reference data their forms need', async () => {
    for (const role of ['guide', 'partner'] as const) {
      for (const url of ['/districts', '/fields', '/specializations', '/languages', '/countries']) {
        const res = await client(t.app, o.sessions[role]).get(url);
        expect(res.statusCode, `${role} ${url}`).toBe(200);
        expect(res.json().items.length).toBeGreaterThan(0);
        if (url === '/districts') {
          expect(res.json().items[0].abilities).toEqual({ update: false, delete: false });
        }
      }
    }
  });
});

describe('a guide on their own profile', () => {
  const guideApi = () => client(t.app, o.sessions.guide);
  /** A valid new value for every field of PATCH /guides/{id}; a new field without a sample fails the suite. */
  const samples = (): Record<string, unknown> => ({
    firstName: 'Neuer Vorname',
    lastName: 'Neuer Nachname',
    email: `neu-${tag()}@test.example`,
    phone: '+49 511 987654',
    shareContact: 'phone',
    locale: 'en',
    languages: [
      { code: 'tr', level: 'B2' },
      { code: 'kmr', level: 'native' },
    ],
    countries: ['TR'],
    specializations: ['sport'],
    fields: ['housing'],
    homeDistrictId: o.districtIds[1],
    serviceDistrictIds: [o.districtIds[1]],
    availability: [{ weekday: 5, from: '14:00', to: '16:30' }],
    // Below the office's ceiling (2): a guide may lower their capacity, not raise it (guides.test.ts).
    maxActiveAssignments: 1,
    gender: 'female',
    status: 'paused',
    certifiedAt: '2024-01-15',
    backgroundCheck: { checkedAt: today, relevantConviction: false },
    consent: { version: 'v9', language: 'de', givenAt: '2025-01-01' },
    confidentialityPledgeAt: '2025-01-01',
    confidentialityPledgeVersion: 'v9',
    statistics: { birthYear: 1990, migrationBackground: 'yes', consentGivenAt: '2025-01-01' },
    notes: 'Von der Lotsin selbst geschrieben',
  });
  let patchFields: string[];

  beforeAll(async () => {
    const doc = await loadOpenApi(t.app);
    const schema = requestSchemaOf(doc.paths['/api/v1/guides/{id}'].patch ?? {});
    patchFields = Object.keys(schema?.properties ?? {});
  });

  it('has a sample for every field of the guide PATCH schema', () => {
    expect(patchFields.length).toBeGreaterThan(10);
    expect(patchFields.filter((f) => !(f in samples()))).toEqual([]);
    expect(SELF_EDITABLE_GUIDE_FIELDS.filter((f) => !patchFields.includes(f))).toEqual([]);
  });

  it('reads the own profile without the coordinator notes', async () => {
    const res = await guideApi().get(`/guides/${o.guideId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: o.guideId,
      notes: null,
      abilities: { update: true, updateAll: false, delete: false, viewNotes: false, invite: false },
    });
    const asCoordinator = await client(t.app, o.sessions.coordinator).get(`/guides/${o.guideId}`);
    expect(asCoordinator.json().notes).toBe('Nur für die Koordination');
    expect(asCoordinator.json().abilities).toMatchObject({
      update: true,
      updateAll: true,
      delete: true,
      viewNotes: true,
    });
  });

  it('may change each self-editable field, and the change is stored', async () => {
    for (const field of SELF_EDITABLE_GUIDE_FIELDS) {
      const value = samples()[field];
      const res = await guideApi().patch(`/guides/${o.guideId}`, { [field]: value });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(200);
      expect(res.json().notes).toBeNull();
      const stored = (await guideApi().get(`/guides/${o.guideId}`)).json();
      expect(stored[field], field).toEqual(value);
    }
  });

  it('is refused (403) on every other field, one at a time, and nothing changes', async () => {
    const before = (await client(t.app, o.sessions.coordinator).get(`/guides/${o.guideId}`)).json();
    const others = patchFields.filter((f) => !(SELF_EDITABLE_GUIDE_FIELDS as readonly string[]).includes(f));
    expect(others).toEqual(expect.arrayContaining(['firstName', 'status', 'notes', 'certifiedAt', 'backgroundCheck']));
    for (const field of others) {
      const res = await guideApi().patch(`/guides/${o.guideId}`, { [field]: samples()[field] });
      expectProblem(res, 403, 'forbidden');
    }
    const after = (await client(t.app, o.sessions.coordinator).get(`/guides/${o.guideId}`)).json();
    expect({ ...after, statusHistory: undefined }).toEqual({ ...before, statusHistory: undefined });
  });

  it('is refused on a mix of allowed and forbidden fields, without applying the allowed part', async () => {
    const res = await guideApi().patch(`/guides/${o.guideId}`, { phone: '+49 1111', status: 'left' });
    expectProblem(res, 403, 'forbidden');
    const stored = (await guideApi().get(`/guides/${o.guideId}`)).json();
    expect(stored.phone).not.toBe('+49 1111');
    expect(stored.status).toBe('active');
  });

  it("cannot read another guide's profile (404, as if it did not exist)", async () => {
    expectProblem(await guideApi().get(`/guides/${otherGuideId}`), 404, 'not_found');
  });
});

describe('a partner contact and their organisation', () => {
  const partnerApi = () => client(t.app, o.sessions.partner);

  it('reads the own organisation, without internal notes and without write abilities', async () => {
    const res = await partnerApi().get(`/partners/${o.partnerId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: o.partnerId,
      notes: null,
      abilities: { update: false, manageContacts: false },
    });
    const asCoordinator = (await client(t.app, o.sessions.coordinator).get(`/partners/${o.partnerId}`)).json();
    expect(asCoordinator.notes).toBe('Interne Partnernotiz');
  });

  it('does not see the other partner of the same office (404)', async () => {
    expectProblem(await partnerApi().get(`/partners/${o.otherPartnerId}`), 404, 'not_found');
    // ...while that partner's own contact does.
    const other = await client(t.app, o.sessions.otherPartner).get(`/partners/${o.otherPartnerId}`);
    expect(other.statusCode).toBe(200);
  });

  it("does not see the office's guides", async () => {
    expectProblem(await partnerApi().get(`/guides/${o.guideId}`), 404, 'not_found');
  });
});

describe('the platform admin', () => {
  const adminApi = () => client(t.app, admin);
  let created: LightMyRequestResponse;

  it('manages offices: list, create, read and rename (200/201)', async () => {
    const list = await adminApi().get('/offices');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(o.officeId);
    created = await adminApi().post('/offices', { name: `Neues Büro ${tag()}`, city: 'Celle' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await adminApi().get(`/offices/${id}`)).statusCode).toBe(200);
    const renamed = await adminApi().patch(`/offices/${id}`, { name: 'Umbenanntes Büro' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('Umbenanntes Büro');
    expect((await adminApi().get(`/offices/${o.officeId}`)).json()).toMatchObject({ id: o.officeId, guideCount: 2 });
  });

  it("does not read an office's guides, partners, districts or accounts", async () => {
    for (const url of ['/guides', '/partners', '/districts', '/users', '/guides/export.csv']) {
      expectProblem(await adminApi().get(url), 403, 'forbidden');
    }
    expectProblem(await adminApi().get(`/guides/${o.guideId}`), 404, 'not_found');
    expectProblem(await adminApi().get(`/partners/${o.partnerId}`), 404, 'not_found');
  });

  it('reads the platform-level audit log, which holds no office events', async () => {
    const res = await adminApi().get('/audit-events?limit=200');
    expect(res.statusCode).toBe(200);
    const coordinatorEvents = await client(t.app, o.sessions.coordinator).get('/audit-events?limit=200');
    const officeEventIds = new Set(coordinatorEvents.json().items.map((e: { id: string }) => e.id));
    expect(res.json().items.filter((e: { id: string }) => officeEventIds.has(e.id))).toEqual([]);
  });

  it("regression: reads platform-level mail only, never an office's outbox through the system scope", async () => {
    const invited = await client(t.app, o.sessions.coordinator).post('/users', {
      email: `postausgang-${tag()}@test.example`,
      displayName: 'Post',
      role: 'coordinator',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const res = await adminApi().get('/outbox?limit=200');
    expect(res.statusCode).toBe(200);
    const officeMail = (await client(t.app, o.sessions.coordinator).get('/outbox?limit=200')).json().items;
    expect(officeMail.length).toBeGreaterThan(0);
    const officeMailIds = new Set(officeMail.map((m: { id: string }) => m.id));
    expect(res.json().items.filter((m: { id: string }) => officeMailIds.has(m.id))).toEqual([]);
    const guideMail = await adminApi().get(`/outbox?to=${encodeURIComponent(o.emails.guide)}`);
    expect(guideMail.json().total).toBe(0);
  });
});

describe('abilities in GET /me, per role', () => {
  const expected = {
    coordinator: {
      'guides.list': true,
      'guides.create': true,
      'guides.viewOwn': false,
      'partners.list': true,
      'partners.viewOwn': false,
      'settings.manage': true,
      'users.manage': true,
      'outbox.read': true,
      'audit.read': true,
      'offices.manage': false,
      'rooms.manage': true,
      'directory.manage': true,
      'reports.office': true,
    },
    guide: {
      'guides.list': false,
      'guides.create': false,
      'guides.viewOwn': true,
      'partners.list': false,
      'partners.viewOwn': false,
      'settings.manage': false,
      'users.manage': false,
      'outbox.read': false,
      'audit.read': false,
      'offices.manage': false,
      'rooms.manage': false,
      'directory.manage': false,
      'reports.office': false,
    },
    partner: {
      'guides.list': false,
      'guides.create': false,
      'guides.viewOwn': false,
      'partners.list': false,
      'partners.viewOwn': true,
      'settings.manage': false,
      'users.manage': false,
      'outbox.read': false,
      'audit.read': false,
      'offices.manage': false,
      'rooms.manage': false,
      'directory.manage': false,
      'reports.office': false,
    },
    admin: {
      'guides.list': false,
      'guides.create': false,
      'guides.viewOwn': false,
      'partners.list': false,
      'partners.viewOwn': false,
      'settings.manage': false,
      'users.manage': false,
      // Platform-level mail only (office_id null), with links cut out; never an office's mail.
      'outbox.read': true,
      'audit.read': true,
      'offices.manage': true,
      'rooms.manage': false,
      'directory.manage': false,
      'reports.office': false,
    },
  };

  for (const role of Object.keys(expected) as (keyof typeof expected)[]) {
    it(`${role}`, async () => {
      const session = role === 'admin' ? admin : o.sessions[role];
      const res = await client(t.app, session).get('/me');
      expect(res.statusCode).toBe(200);
      const me = res.json().me;
      expect(me.abilities).toMatchObject(expected[role]);
      expect(me.role).toBe(
        { coordinator: 'coordinator', guide: 'guide', partner: 'partner_contact', admin: 'platform_admin' }[role],
      );
      if (role === 'admin') expect(me.office).toBeNull();
      else expect(me.office.id).toBe(o.officeId);
      if (role === 'guide') expect(me.guideId).toBe(o.guideId);
      if (role === 'partner') expect(me.partnerId).toBe(o.partnerId);
    });
  }

  it('match what each role can actually do (abilities are not decoration)', async () => {
    for (const role of ['coordinator', 'guide', 'partner'] as const) {
      const api = client(t.app, o.sessions[role]);
      const abilities = (await api.get('/me')).json().me.abilities;
      expect((await api.get('/guides')).statusCode === 200, `${role} guides.list`).toBe(abilities['guides.list']);
      expect((await api.get('/partners')).statusCode === 200, `${role} partners.list`).toBe(abilities['partners.list']);
      expect((await api.get('/users')).statusCode === 200, `${role} users.manage`).toBe(abilities['users.manage']);
      expect((await api.get('/outbox')).statusCode === 200, `${role} outbox.read`).toBe(abilities['outbox.read']);
      expect((await api.get('/audit-events')).statusCode === 200, `${role} audit.read`).toBe(abilities['audit.read']);
      expect((await api.get('/rooms')).statusCode === 200, `${role} rooms.manage`).toBe(abilities['rooms.manage']);
      expect((await api.get('/directory-settings')).statusCode === 200, `${role} directory.manage`).toBe(
        abilities['directory.manage'],
      );
      expect(
        (await api.get('/reports/office?from=2025-01-01&to=2025-01-31')).statusCode === 200,
        `${role} reports.office`,
      ).toBe(abilities['reports.office']);
      expect((await api.get('/offices')).statusCode === 200, `${role} offices.manage`).toBe(
        abilities['offices.manage'],
      );
    }
  });
});

describe('the funder (issue 13 §3): aggregates of its programme, no record of anyone', () => {
  let funder: Session;
  let before: Awaited<ReturnType<typeof officeState>>;
  beforeAll(async () => {
    funder = (await createFunder(t, [o.officeId])).session;
    before = await officeState();
  });

  // Every route of the route table is walked for the funder in land.test.ts; here the coordinator-only probes.
  for (const probe of COORDINATOR_ONLY) {
    it(`${probe.label}: refused to the funder`, async () => {
      const res = await client(t.app, funder).call(probe.method, probe.url(), probe.body?.());
      expect([403, 404], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expectProblem(res, res.statusCode);
    });
  }

  it("changed nothing in the office it funds, and reads none of the office's own routes", async () => {
    expect(await officeState()).toEqual(before);
    const api = client(t.app, funder);
    for (const url of ['/guides', '/partners', '/requests', '/assignments', '/users', '/districts', '/audit-events'])
      expect([403, 404], url).toContain((await api.get(url)).statusCode);
    expectProblem(await api.get(`/offices/${o.officeId}`), 404);
  });

  it('has the Land view as its only ability, and the Land view answers (200)', async () => {
    const api = client(t.app, funder);
    const me = (await api.get('/me')).json().me;
    expect(me.role).toBe('funder');
    expect(Object.entries(me.abilities).filter(([, v]) => v)).toEqual([['land.view', true]]);
    expect((await api.get('/land/figures')).statusCode).toBe(200);
    // And nobody else has it; the platform admin manages programmes instead.
    const adminMe = (await client(t.app, admin).get('/me')).json().me;
    expect(adminMe.abilities).toMatchObject({ 'land.view': false, 'programmes.manage': true });
    for (const role of ['coordinator', 'guide', 'partner'] as const) {
      const abilities = (await client(t.app, o.sessions[role]).get('/me')).json().me.abilities;
      expect(abilities, role).toMatchObject({ 'land.view': false, 'programmes.manage': false });
    }
  });
});

describe('courses: the trainer role and the others', () => {
  let trainer: Session;
  let own: string;
  let foreign: string;
  let session: string;
  let enrolment: string;
  beforeAll(async () => {
    trainer = (await createTrainer(t, o.officeId)).session;
    const api = client(t.app, o.sessions.coordinator);
    const make = async (title: string, trainerIds: string[]) => {
      const res = await api.post('/courses', { title, type: 'basic', teachingUnits: 8, capacity: 4, trainerIds });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    own = await make('Kurs der Kursleitung', [trainer.userId]);
    foreign = await make('Anderer Kurs', []);
    const s = await api.post(`/courses/${own}/sessions`, {
      startsAt: `${today}T16:00:00Z`,
      endsAt: `${today}T19:00:00Z`,
      teachingUnits: 4,
    });
    expect(s.statusCode, s.body).toBe(201);
    session = s.json().id;
    const e = await api.post(`/courses/${own}/enrolments`, { guideId: o.guideId });
    expect(e.statusCode, e.body).toBe(201);
    enrolment = e.json().id;
  });

  type CourseProbe = {
    label: string;
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: () => string;
    body?: () => unknown;
  };
  const attendance = () => ({ rows: [{ guideId: o.guideId, present: true, minutesMissed: 0 }] });
  const probes: (CourseProbe & { trainer: number; guide: number; partner: number })[] = [
    { label: 'list courses', method: 'GET', url: () => '/courses', trainer: 200, guide: 403, partner: 403 },
    { label: 'agenda', method: 'GET', url: () => '/courses/agenda', trainer: 200, guide: 403, partner: 403 },
    // Rooms are the office's planning: a trainer sees the room of their session as text, not the booking plan.
    { label: 'rooms', method: 'GET', url: () => '/rooms', trainer: 403, guide: 403, partner: 403 },
    {
      label: "the office's figures",
      method: 'GET',
      url: () => '/reports/office?from=2025-01-01&to=2025-12-31',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'room bookings', method: 'GET', url: () => '/room-bookings', trainer: 403, guide: 403, partner: 403 },
    {
      label: 'read the own course',
      method: 'GET',
      url: () => `/courses/${own}`,
      trainer: 200,
      guide: 403,
      partner: 403,
    },
    {
      label: 'read a course taught by others',
      method: 'GET',
      url: () => `/courses/${foreign}`,
      trainer: 404,
      guide: 403,
      partner: 403,
    },
    {
      label: 'course calendar',
      method: 'GET',
      url: () => `/courses/${own}/calendar.ics`,
      trainer: 200,
      guide: 403,
      partner: 403,
    },
    {
      label: 'foreign course calendar',
      method: 'GET',
      url: () => `/courses/${foreign}/calendar.ics`,
      trainer: 404,
      guide: 403,
      partner: 403,
    },
    {
      label: 'record attendance in the own course',
      method: 'PUT',
      url: () => `/courses/${own}/sessions/${session}/attendance`,
      body: attendance,
      trainer: 200,
      guide: 403,
      partner: 403,
    },
    {
      label: 'create a course',
      method: 'POST',
      url: () => '/courses',
      body: () => ({ title: 'Unbefugt', type: 'basic', teachingUnits: 4, capacity: 4 }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'rename the own course',
      method: 'PATCH',
      url: () => `/courses/${own}`,
      body: () => ({ title: 'Umbenannt' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'add a session',
      method: 'POST',
      url: () => `/courses/${own}/sessions`,
      body: () => ({ startsAt: `${today}T10:00:00Z`, endsAt: `${today}T11:00:00Z`, teachingUnits: 1 }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'delete a session',
      method: 'DELETE',
      url: () => `/courses/${own}/sessions/${session}`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'enrol a guide',
      method: 'POST',
      url: () => `/courses/${own}/enrolments`,
      body: () => ({ guideId: o.guideId }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'withdraw an enrolment',
      method: 'POST',
      url: () => `/courses/${own}/enrolments/${enrolment}/withdraw`,
      body: () => ({}),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'finish the own course',
      method: 'POST',
      url: () => `/courses/${own}/finish`,
      body: () => ({}),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: "a guide's own courses",
      method: 'GET',
      url: () => '/me/courses',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    {
      label: "a guide's own course calendar",
      method: 'GET',
      url: () => '/me/courses/calendar.ics',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    {
      label: 'attendance list of a session in the own course',
      method: 'GET',
      url: () => `/courses/${own}/sessions/${session}/attendance-list.pdf`,
      trainer: 200,
      guide: 403,
      partner: 403,
    },
    {
      label: "a course's certificates",
      method: 'GET',
      url: () => `/courses/${own}/certificates`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'print certificates',
      method: 'GET',
      url: () => `/courses/${own}/certificates.pdf`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'course report',
      method: 'GET',
      url: () => `/courses/${own}/report`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'set the course funding',
      method: 'PUT',
      url: () => `/courses/${own}/funding`,
      body: () => ({ ruleSetName: null, materialsCents: 0 }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'funding rule sets',
      method: 'GET',
      url: () => '/funding-rule-sets',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'create a funding rule set',
      method: 'POST',
      url: () => '/funding-rule-sets',
      body: () => ({
        name: 'Unbefugt',
        kind: 'per_participant_unit',
        params: { participantUnitCents: 1, minUnits: 1, maxUnits: 2 },
        validFrom: today,
      }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'own certificates', method: 'GET', url: () => '/me/certificates', trainer: 403, guide: 200, partner: 403 },
    {
      label: 'own hours statement',
      method: 'GET',
      url: () => '/me/statement.pdf',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    {
      label: 'own hours summary',
      method: 'GET',
      url: () => '/me/hours-summary',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    {
      label: 'own card confirmations',
      method: 'GET',
      url: () => '/me/card-confirmations',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    {
      label: "a guide's hours statement",
      method: 'GET',
      url: () => `/guides/${o.guideId}/statement.pdf`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: "a guide's hours summary",
      method: 'GET',
      url: () => `/guides/${o.guideId}/hours-summary`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'Ehrenamtskarte eligibility',
      method: 'GET',
      url: () => '/recognition/card-eligibility',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'Ehrenamtskarte confirmations',
      method: 'GET',
      url: () => '/recognition/card-confirmations',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'create an Ehrenamtskarte confirmation',
      method: 'POST',
      url: () => '/recognition/card-confirmations',
      body: () => ({ guideId: o.guideId, rule: 'niedersachsen' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'record an issued card',
      method: 'POST',
      url: () => `/recognition/card-confirmations/${o.guideId}/card`,
      body: () => ({ issuedOn: today }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'a card confirmation PDF',
      method: 'GET',
      url: () => `/recognition/card-confirmations/${o.guideId}/confirmation.pdf`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'milestones',
      method: 'GET',
      url: () => '/recognition/milestones',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'hour categories', method: 'GET', url: () => '/hour-categories', trainer: 403, guide: 200, partner: 403 },
    {
      label: 'add an hour category',
      method: 'POST',
      url: () => '/hour-categories',
      body: () => ({ label: 'Unbefugt', kind: 'other' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'own time sheet',
      method: 'GET',
      url: () => `/me/time-sheets/${today.slice(0, 7)}`,
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    { label: 'time-sheet queue', method: 'GET', url: () => '/time-sheets', trainer: 403, guide: 403, partner: 403 },
    {
      label: 'approve a time sheet',
      method: 'POST',
      url: () => `/time-sheets/${randomUUID()}/approve`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'hour totals (own)', method: 'GET', url: () => '/hour-totals', trainer: 403, guide: 200, partner: 403 },
    {
      label: 'programme rule sets',
      method: 'GET',
      url: () => '/programme-rule-sets',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'change a planned programme rule-set version',
      method: 'PATCH',
      url: () => `/programme-rule-sets/${randomUUID()}`,
      body: () => ({ validFrom: '2030-01-01' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'delete a planned programme rule-set version',
      method: 'DELETE',
      url: () => `/programme-rule-sets/${randomUUID()}`,
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'the team budget',
      method: 'GET',
      url: () => '/team-budget',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'move hours of the team budget',
      method: 'POST',
      url: () => '/team-budget/moves',
      body: () => ({ year: 2026, fromGuideId: null, toGuideId: randomUUID(), hours: 1 }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'caps and allowances',
      method: 'GET',
      url: () => '/hour-allowances',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'Formblatt 2b',
      method: 'GET',
      url: () => '/hour-allowances/form-2b.xlsx',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: "set a guide's hour profile",
      method: 'PUT',
      url: () => `/guides/${randomUUID()}/hour-profile`,
      body: () => ({ coordinating: true, benefits: 'asylblg' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'list guides', method: 'GET', url: () => '/guides', trainer: 403, guide: 403, partner: 403 },
    {
      label: "read a guide's profile",
      method: 'GET',
      url: () => `/guides/${o.guideId}`,
      trainer: 404,
      guide: 200,
      partner: 404,
    },
    { label: 'list partners', method: 'GET', url: () => '/partners', trainer: 403, guide: 403, partner: 403 },
    { label: 'list requests', method: 'GET', url: () => '/requests', trainer: 403, guide: 403, partner: 200 },
  ];

  for (const probe of probes) {
    it(`${probe.label}: trainer ${probe.trainer}, guide ${probe.guide}, partner contact ${probe.partner}`, async () => {
      for (const [who, session, status] of [
        ['trainer', trainer, probe.trainer],
        ['guide', o.sessions.guide, probe.guide],
        ['partner', o.sessions.partner, probe.partner],
      ] as const) {
        const res = await client(t.app, session).call(probe.method, probe.url(), probe.body?.());
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      }
    });
  }

  it("the trainer's abilities match what they can do", async () => {
    const api = client(t.app, trainer);
    const me = (await api.get('/me')).json().me;
    expect(me.role).toBe('trainer');
    expect(me.abilities).toMatchObject({ 'courses.list': true, 'courses.manage': false, 'guides.list': false });
    const coordinator = (await client(t.app, o.sessions.coordinator).get('/me')).json().me;
    expect(coordinator.abilities).toMatchObject({ 'courses.list': true, 'courses.manage': true });
  });
});

describe('expenses: the guide files their own, only coordinators decide and pay', () => {
  let trainer: Session;
  beforeAll(async () => {
    trainer = (await createTrainer(t, o.officeId)).session;
  });
  const nobody = '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b';
  const probes: {
    label: string;
    method: 'GET' | 'POST' | 'PUT';
    url: () => string;
    body?: () => unknown;
    trainer: number;
    guide: number;
    partner: number;
  }[] = [
    {
      label: 'claim form options',
      method: 'GET',
      url: () => '/me/expense-options',
      trainer: 403,
      guide: 200,
      partner: 403,
    },
    { label: 'own claims', method: 'GET', url: () => '/me/expense-claims', trainer: 403, guide: 200, partner: 403 },
    {
      // The guide reaches the service: this fixture names no purpose, so it is a validation error, not a refusal.
      label: 'file a claim',
      method: 'POST',
      url: () => '/me/expense-claims',
      body: () => ({ date: today, transport: 'car', km: 3, origin: 'A', destination: 'B' }),
      trainer: 403,
      guide: 400,
      partner: 403,
    },
    { label: 'own bank details', method: 'GET', url: () => '/me/bank-account', trainer: 403, guide: 200, partner: 403 },
    {
      label: "a guide's bank details",
      method: 'GET',
      url: () => `/guides/${otherGuideId}/bank-account`,
      trainer: 403,
      guide: 404,
      partner: 403,
    },
    { label: 'approval queue', method: 'GET', url: () => '/expense-claims', trainer: 403, guide: 403, partner: 403 },
    {
      label: 'bulk approve',
      method: 'POST',
      url: () => '/expense-claims/approve',
      body: () => ({ ids: [nobody] }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'return a claim',
      method: 'POST',
      url: () => `/expense-claims/${nobody}/return`,
      body: () => ({ comment: 'Bitte prüfen' }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    { label: 'payout runs', method: 'GET', url: () => '/payout-runs', trainer: 403, guide: 403, partner: 403 },
    {
      label: 'create a payout run',
      method: 'POST',
      url: () => '/payout-runs',
      body: () => ({ paidOn: today }),
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'office debtor account',
      method: 'GET',
      url: () => '/expense-settings',
      trainer: 403,
      guide: 403,
      partner: 403,
    },
    {
      label: 'a receipt that does not exist',
      method: 'GET',
      url: () => `/expense-claims/${nobody}/receipt`,
      trainer: 404,
      guide: 404,
      partner: 404,
    },
  ];
  for (const probe of probes) {
    it(`${probe.label}: trainer ${probe.trainer}, guide ${probe.guide}, partner contact ${probe.partner}`, async () => {
      for (const [who, session, status] of [
        ['trainer', trainer, probe.trainer],
        ['guide', o.sessions.guide, probe.guide],
        ['partner', o.sessions.partner, probe.partner],
      ] as const) {
        const res = await client(t.app, session).call(probe.method, probe.url(), probe.body?.());
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      }
    });
  }

  it('abilities: the guide files, the coordinator manages', async () => {
    const guide = (await client(t.app, o.sessions.guide).get('/me')).json().me;
    expect(guide.abilities).toMatchObject({ 'expenses.own': true, 'expenses.manage': false });
    const coordinator = (await client(t.app, o.sessions.coordinator).get('/me')).json().me;
    expect(coordinator.abilities).toMatchObject({ 'expenses.own': false, 'expenses.manage': true });
  });
});

describe('notifications: every role has its own centre and preferences (issue 12 §4)', () => {
  it('coordinator, guide, partner, trainer and platform admin read their centre and set preferences', async () => {
    const trainer = await createTrainer(t, o.officeId);
    for (const [role, session] of [
      ['coordinator', o.sessions.coordinator],
      ['guide', o.sessions.guide],
      ['partner', o.sessions.partner],
      ['trainer', trainer.session],
      ['admin', admin],
    ] as const) {
      const api = client(t.app, session);
      for (const url of ['/notifications', '/notifications/unread-count', '/me/notification-preferences'])
        expect((await api.get(url)).statusCode, `${role} ${url}`).toBe(200);
      expect((await api.post('/notifications/read-all', {})).statusCode, `${role} read-all`).toBe(200);
      const saved = await api.call('PUT', '/me/notification-preferences', {
        items: [{ kind: 'event_tomorrow', channel: 'digest' }],
      });
      expect(saved.statusCode, `${role}: ${saved.body}`).toBe(200);
      // Nobody marks a notification that is not theirs: 404, as if it did not exist.
      expectProblem(await api.post(`/notifications/${randomUUID()}/read`, {}), 404);
    }
  });
});

describe('messages: coordinators write to guides, a guide reads only their own', () => {
  const nobody = '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b';
  const probes: {
    label: string;
    method: 'GET' | 'POST' | 'PUT';
    url: () => string;
    body?: () => unknown;
    coordinator: number;
    guide: number;
    partner: number;
  }[] = [
    {
      label: 'recipient count',
      method: 'GET',
      url: () => '/messages/recipients',
      coordinator: 200,
      guide: 403,
      partner: 403,
    },
    {
      label: 'send',
      method: 'POST',
      url: () => '/messages',
      body: () => ({ subject: 'Hallo', body: 'Text', filter: { language: 'zu' } }),
      coordinator: 409,
      guide: 403,
      partner: 403,
    },
    { label: 'sent list', method: 'GET', url: () => '/messages', coordinator: 200, guide: 403, partner: 403 },
    { label: 'a message', method: 'GET', url: () => `/messages/${nobody}`, coordinator: 404, guide: 403, partner: 403 },
    {
      label: 'answer in a thread',
      method: 'POST',
      url: () => `/messages/${nobody}/threads/${o.guideId}`,
      body: () => ({ body: 'Danke' }),
      coordinator: 404,
      guide: 403,
      partner: 403,
    },
    { label: 'inbox', method: 'GET', url: () => '/me/messages', coordinator: 403, guide: 200, partner: 403 },
    {
      label: 'inbox message',
      method: 'GET',
      url: () => `/me/messages/${nobody}`,
      coordinator: 403,
      guide: 404,
      partner: 403,
    },
    {
      label: 'mark read',
      method: 'POST',
      url: () => `/me/messages/${nobody}/read`,
      coordinator: 403,
      guide: 404,
      partner: 403,
    },
    {
      label: 'reply',
      method: 'POST',
      url: () => `/me/messages/${nobody}/replies`,
      body: () => ({ body: 'Ich kann' }),
      coordinator: 403,
      guide: 404,
      partner: 403,
    },
    { label: 'opt-out', method: 'GET', url: () => '/me/message-settings', coordinator: 403, guide: 200, partner: 403 },
    {
      label: 'set opt-out',
      method: 'PUT',
      url: () => '/me/message-settings',
      body: () => ({ broadcastOptOut: false }),
      coordinator: 403,
      guide: 200,
      partner: 403,
    },
  ];
  for (const probe of probes) {
    it(`${probe.label}: coordinator ${probe.coordinator}, guide ${probe.guide}, partner ${probe.partner}`, async () => {
      for (const [who, session, status] of [
        ['coordinator', o.sessions.coordinator, probe.coordinator],
        ['guide', o.sessions.guide, probe.guide],
        ['partner', o.sessions.partner, probe.partner],
      ] as const) {
        const res = await client(t.app, session).call(probe.method, probe.url(), probe.body?.());
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      }
    });
  }

  it('abilities: coordinators manage, guides read their own', async () => {
    const guide = (await client(t.app, o.sessions.guide).get('/me')).json().me;
    expect(guide.abilities).toMatchObject({ 'messages.own': true, 'messages.manage': false });
    const coordinator = (await client(t.app, o.sessions.coordinator).get('/me')).json().me;
    expect(coordinator.abilities).toMatchObject({ 'messages.own': false, 'messages.manage': true });
  });
});

describe('push devices and pauses (issue 14): every role has its own devices; pauses are the guide’s own', () => {
  it('every role lists its own push devices; only the guide writes their pauses, the coordinator reads them', async () => {
    const trainer = await createTrainer(t, o.officeId);
    for (const [role, session] of [
      ['coordinator', o.sessions.coordinator],
      ['guide', o.sessions.guide],
      ['partner', o.sessions.partner],
      ['trainer', trainer.session],
      ['admin', admin],
    ] as const) {
      const api = client(t.app, session);
      const devices = await api.get('/me/push-subscriptions');
      expect(devices.statusCode, `${role}: ${devices.body}`).toBe(200);
      expect(devices.json().items).toEqual([]);
      expectProblem(await api.delete(`/me/push-subscriptions/${randomUUID()}`), 404);
    }
    const url = `/guides/${o.guideId}/pauses`;
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const own = await client(t.app, o.sessions.guide).post(url, { startsOn: day, endsOn: day });
    expect(own.statusCode, own.body).toBe(201);
    const read = await client(t.app, o.sessions.coordinator).get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
    expectProblem(
      await client(t.app, o.sessions.coordinator).post(url, { startsOn: day, endsOn: day }),
      403,
      'forbidden',
    );
    for (const session of [o.sessions.partner, trainer.session, admin]) {
      expectProblem(await client(t.app, session).get(url), 404);
      expectProblem(await client(t.app, session).post(url, { startsOn: day, endsOn: day }), 404);
    }
    expect((await client(t.app, o.sessions.guide).delete(`${url}/${own.json().id}`)).statusCode).toBe(204);
  });
});
