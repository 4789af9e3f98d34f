/**
 * Office isolation: office B's accounts (coordinator, guide, partner contact) call every route of the app's route
 * table (the OpenAPI document's operations plus hidden and plugin routes) with office A's ids. Each answer is 404
 * (or 403 where the role is gated before any lookup), is identical to the answer for an id that does not exist at
 * all, and never carries a trace of A. Writes change nothing in A. The table below names the fixture for every
 * route; a route the table does not know fails the suite.
 */
import { randomUUID } from 'node:crypto';
import { getTableColumns, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { districts, guides, offices, partners, pushSubscriptions } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { PROGRAMME_DEFAULTS } from '../../src/shared/programmes.js';
import { fillPath, type HttpMethod, type Operation, pathParamsOf, tag, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf.js';
import { PNG_BASE64 } from '../helpers/receipts.js';
import { routeOperations } from '../helpers/routes.js';

type Role = 'coordinator' | 'guide' | 'partner';
const ROLES: Role[] = ['coordinator', 'guide', 'partner'];
type Expect = Record<Role, number>;

/** Office A's records that B's calls aim at. */
type Ids = {
  office: string;
  guide: string;
  partner: string;
  district: string;
  /** The name of A's district (carries A's marker): an import of B must not find it. */
  districtName: string;
  otherDistrict: string;
  user: string;
  request: string;
  offer: string;
  assignment: string;
  activity: string;
  service: string;
  contact: string;
  /** A message in A's outbox. */
  mail: string;
  /** A legal hold on A's guide (retention). */
  hold: string;
  fieldKey: string;
  specKey: string;
  /** A published consent text of A and a consent record (the person's consent on A's request). */
  consentText: string;
  consentRecord: string;
  /** An applicant of A (recruitment). */
  applicant: string;
  /** A course of A with a session and A's guide enrolled. */
  course: string;
  courseSession: string;
  courseEnrolment: string;
  /** An event of A with A's guide invited (issue 12), and a file of it. */
  event: string;
  /** A guide group of A with A's guide. */
  guideGroup: string;
  eventFile: string;
  certCourse: string;
  certEnrolment: string;
  certificate: string;
  ruleSet: string;
  /** A's programme rule-set version (issue 11 §3), in use since 2024. */
  programmeRuleSet: string;
  /** Hours (issue 11): a category of A, an entry of A's guide in a submitted month, that month's sheet. */
  hourCategory: string;
  hourEntry: string;
  timeSheet: string;
  /** Expense claims of A's guide (one submitted with a receipt) and a payout run of A. */
  expenseClaim: string;
  payoutRun: string;
  /** A's confirmation for A's guide's Ehrenamtskarte (A's guide has two years of hours). */
  cardConfirmation: string;
  /** A notification in the centre of A's coordinator (issue 12 §4). */
  notification: string;
  /** A room of A (issue 12 §2) and a booking of it tomorrow. */
  room: string;
  roomBooking: string;
  /** A message of A to its guides, with a reply in A's guide's thread. */
  message: string;
  /** A pause A's guide entered (issue 14), and a push subscription of A's coordinator's device. */
  guidePause: string;
  pushSubscription: string;
  /**
   * Names and keys that A uses and B then creates for itself: uniqueness is per office, so B's create succeeds and
   * does not reveal that A uses them. They carry no marker of A, so B's own copies are not mistaken for leaks.
   */
  sharedFieldKey: string;
  sharedSpecKey: string;
  sharedDistrictName: string;
  guideLastName: string;
  contactEmail: string;
};

type Row =
  | { kind: 'public'; reason: string }
  /** Acts on the caller's own account or session only. */
  | { kind: 'self'; body?: unknown; expect: Expect }
  /** A collection read; each query is tried (A's ids in filters must not open a door either). */
  | {
      kind: 'list';
      /** Path parameters that are not records (an import's kind). */
      params?: () => Record<string, string>;
      queries: (a: Ids) => string[];
      expect: Expect;
      format?: 'xlsx' | 'pdf';
      /** Nothing office-specific of A could show up here (global lists, default settings). */
      noMarkers?: boolean;
    }
  /** A record of A addressed by path parameters. */
  | { kind: 'record'; params: (a: Ids) => Record<string, string>; body?: (a: Ids) => unknown; expect: Expect }
  /**
   * A create in B's own office. With `errorPaths`, the body references A's records and the coordinator gets 400 on
   * exactly those fields; otherwise the create succeeds in B (uniqueness is per office) and is removed again.
   */
  | {
      kind: 'create';
      /** Path parameters that are not records (an import's kind). */
      params?: () => Record<string, string>;
      body: (a: Ids) => unknown;
      expect: Expect;
      /** Per role that gets 400: the fields that point at A. */
      errorPaths?: Partial<Record<Role, string[]>>;
      /** A render-only POST answers a file: its text is searched for A's data. */
      format?: 'pdf';
      cleanup?: (api: ReturnType<typeof client>, res: LightMyRequestResponse) => Promise<void>;
    };

/** A CSV of one guide whose home district is named after A's. */
const importFile = (a: Ids) => ({
  content: Buffer.from(`Vorname;Nachname;Wohnbezirk\r\nBea;Isoliert;${a.districtName}\r\n`).toString('base64'),
});

const all = (status: number): Expect => ({ coordinator: status, guide: status, partner: status });
const coordinatorOnly = (coordinator: number): Expect => ({ coordinator, guide: 403, partner: 403 });
const today = new Date().toISOString().slice(0, 10);

/** A complete request (Einsatzanfrage) as a partner files it; `over` replaces fields. */
const requestFixture = (over: Record<string, unknown>) => ({
  field: 'authorities',
  type: 'accompaniment',
  title: 'Begleitung zum Jobcenter',
  description: 'Erstes Gespräch im Jobcenter, Unterlagen sortieren und Termin begleiten.',
  startsOn: today,
  frequency: 'weekly',
  expectedHours: 4,
  languages: ['ar'],
  minorsInvolved: false,
  person: { initials: 'R. M.', ageGroup: 'adult', languages: ['ar'], household: 'individual', consentGiven: true },
  ...over,
});

const referenceRows = (kind: 'fields' | 'specializations'): Record<string, Row> => {
  const key = (a: Ids) => (kind === 'fields' ? a.fieldKey : a.specKey);
  return {
    [`GET /api/v1/${kind}`]: { kind: 'list', queries: () => [''], expect: all(200) },
    [`POST /api/v1/${kind}`]: {
      kind: 'create',
      body: (a) => ({ key: kind === 'fields' ? a.sharedFieldKey : a.sharedSpecKey, name: 'Probe aus B' }),
      expect: coordinatorOnly(201),
      cleanup: async (api, res) => {
        expect((await api.delete(`/${kind}/${res.json().key}`)).statusCode).toBe(204);
      },
    },
    [`PATCH /api/v1/${kind}/{key}`]: {
      kind: 'record',
      params: (a) => ({ key: key(a) }),
      body: () => ({ name: 'Übernommen' }),
      expect: coordinatorOnly(404),
    },
    [`DELETE /api/v1/${kind}/{key}`]: {
      kind: 'record',
      params: (a) => ({ key: key(a) }),
      expect: coordinatorOnly(404),
    },
  };
};

/** Every operation of the API and how it is probed. Adding a route means adding a row here. */
const TABLE: Record<string, Row> = {
  'GET /api/v1/health': { kind: 'public', reason: 'liveness probe; answers only "ok" and the database kind' },
  'GET /api/v1/health/live': { kind: 'public', reason: 'liveness probe for orchestrators; answers only "ok"' },
  'GET /api/v1/health/ready': {
    kind: 'public',
    reason: 'readiness probe; answers only "ok" and the database kind, or 503 without details',
  },
  'POST /api/v1/auth/login': { kind: 'public', reason: 'sign-in happens before an office is known (sessions.test.ts)' },
  'POST /api/v1/auth/password-reset': {
    kind: 'public',
    reason: 'answers 202 for every address alike, so it reveals nothing (accounts.test.ts)',
  },
  'GET /api/v1/auth/tokens/{token}': {
    kind: 'public',
    reason: 'the one-time link token is the credential (accounts.test.ts)',
  },
  'POST /api/v1/auth/tokens/{token}/password': {
    kind: 'public',
    reason: 'the one-time link token is the credential (accounts.test.ts)',
  },

  'POST /api/v1/auth/logout': { kind: 'self', expect: all(204) },
  'GET /api/v1/me': { kind: 'self', expect: all(200) },
  'PATCH /api/v1/me': { kind: 'self', body: { locale: 'de' }, expect: all(200) },

  'GET /api/v1/offices': { kind: 'list', queries: () => [''], expect: all(403) },
  'POST /api/v1/offices': { kind: 'create', body: () => ({ name: 'Übernahme', city: 'Nirgendwo' }), expect: all(403) },
  'GET /api/v1/offices/{id}': { kind: 'record', params: (a) => ({ id: a.office }), expect: all(404) },
  'PATCH /api/v1/offices/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({ name: 'Übernommen' }),
    expect: all(404),
  },
  // Platform administration: refused to every office role before any lookup.
  'GET /api/v1/offices/{id}/coordinators': { kind: 'record', params: (a) => ({ id: a.office }), expect: all(403) },
  'POST /api/v1/offices/{id}/coordinators': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({ email: `fremd-${tag()}@test.example`, displayName: 'Fremd' }),
    expect: all(403),
  },
  'POST /api/v1/offices/{id}/coordinators/{userId}/resend-invitation': {
    kind: 'record',
    params: (a) => ({ id: a.office, userId: a.user }),
    body: () => ({}),
    expect: all(403),
  },
  'POST /api/v1/offices/{id}/deactivate': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({}),
    expect: all(403),
  },
  'POST /api/v1/offices/{id}/reactivate': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({}),
    expect: all(403),
  },

  'GET /api/v1/users': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/users': {
    kind: 'create',
    body: (a) => ({ email: `probe-${tag()}@test.example`, displayName: 'Probe', role: 'guide', guideId: a.guide }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['guideId'] },
  },
  'PATCH /api/v1/users/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.user }),
    body: () => ({ disabled: true }),
    expect: coordinatorOnly(404),
  },

  'GET /api/v1/guides': {
    kind: 'list',
    queries: (a) => [
      '',
      `?districtId=${a.district}`,
      `?q=${encodeURIComponent(a.guideLastName)}`,
      `?field=${a.fieldKey}`,
      `?specialization=${a.specKey}`,
    ],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/guides': {
    kind: 'create',
    body: (a) => ({
      firstName: 'Probe',
      lastName: 'Aus B',
      homeDistrictId: a.district,
      serviceDistrictIds: [a.otherDistrict],
      fields: [a.fieldKey],
      specializations: [a.specKey],
    }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['homeDistrictId', 'serviceDistrictIds.0', 'fields.0', 'specializations.0'] },
  },
  'GET /api/v1/guides/export.xlsx': {
    kind: 'list',
    queries: (a) => ['', `?districtId=${a.district}`],
    expect: coordinatorOnly(200),
    format: 'xlsx',
  },
  'GET /api/v1/guides/export.csv': {
    kind: 'list',
    queries: (a) => ['', `?districtId=${a.district}`],
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/guides/{id}': { kind: 'record', params: (a) => ({ id: a.guide }), expect: all(404) },
  'GET /api/v1/guides/{id}/offers': { kind: 'record', params: (a) => ({ id: a.guide }), expect: all(404) },
  'PATCH /api/v1/guides/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    body: () => ({ phone: '+49 511 000000' }),
    expect: all(404),
  },
  'DELETE /api/v1/guides/{id}': { kind: 'record', params: (a) => ({ id: a.guide }), expect: all(404) },
  'POST /api/v1/guides/{id}/anonymise': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/partners/{id}/contacts/{contactId}/anonymise': {
    kind: 'record',
    params: (a) => ({ id: a.partner, contactId: a.contact }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/requests/{id}/anonymise-person': {
    kind: 'record',
    params: (a) => ({ id: a.request }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/retention/due': { kind: 'list', queries: () => ['', '?days=365'], expect: coordinatorOnly(200) },
  'POST /api/v1/retention/holds': {
    kind: 'create',
    body: (a) => ({ entityType: 'guide', entityId: a.guide, rule: 'guide_personal_data', reason: 'Übernahmeversuch' }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['entityId'] },
  },
  'POST /api/v1/retention/holds/{id}/release': {
    kind: 'record',
    params: (a) => ({ id: a.hold }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/guides/{id}/reads': { kind: 'record', params: (a) => ({ id: a.guide }), expect: coordinatorOnly(404) },
  // One kind here; privacy-export.test.ts probes A's accounts and requests from B too.
  'GET /api/v1/privacy/{kind}/{id}/export.json': {
    kind: 'record',
    params: (a) => ({ kind: 'guides', id: a.guide }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/privacy/{kind}/{id}/export.pdf': {
    kind: 'record',
    params: (a) => ({ kind: 'guides', id: a.guide }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/me/data-export.json': { kind: 'self', expect: all(200) },
  'GET /api/v1/me/data-export.pdf': { kind: 'self', expect: all(200) },

  'GET /api/v1/partners': {
    kind: 'list',
    queries: (a) => ['', `?districtId=${a.district}`],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/partners': {
    kind: 'create',
    body: (a) => ({ name: 'Probe aus B', type: 'other', districtId: a.district }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['districtId'] },
  },
  'GET /api/v1/partners/{id}': { kind: 'record', params: (a) => ({ id: a.partner }), expect: all(404) },
  'PATCH /api/v1/partners/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.partner }),
    body: () => ({ name: 'Übernommen' }),
    expect: all(404),
  },
  'POST /api/v1/partners/{id}/contacts': {
    kind: 'record',
    params: (a) => ({ id: a.partner }),
    body: () => ({ name: 'Eingeschleust', email: `probe-${tag()}@test.example`, invite: true }),
    expect: all(404),
  },

  'GET /api/v1/languages': { kind: 'list', queries: () => ['', '?locale=ar'], expect: all(200), noMarkers: true },
  'GET /api/v1/countries': { kind: 'list', queries: () => ['', '?locale=en'], expect: all(200), noMarkers: true },

  'GET /api/v1/districts': { kind: 'list', queries: () => [''], expect: all(200) },
  'POST /api/v1/districts': {
    kind: 'create',
    body: (a) => ({ name: a.sharedDistrictName, lat: 52.1, lon: 9.1 }),
    expect: coordinatorOnly(201),
    cleanup: async (api, res) => {
      expect((await api.delete(`/districts/${res.json().id}`)).statusCode).toBe(204);
    },
  },
  'PATCH /api/v1/districts/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.district }),
    body: () => ({ name: 'Übernommen' }),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/districts/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.district }),
    expect: coordinatorOnly(404),
  },

  ...referenceRows('fields'),
  ...referenceRows('specializations'),

  'GET /api/v1/requests': {
    kind: 'list',
    queries: (a) => ['', `?partnerId=${a.partner}`, '?status=matched,active'],
    expect: { coordinator: 200, guide: 403, partner: 200 },
  },
  'POST /api/v1/requests': {
    kind: 'create',
    body: (a) =>
      requestFixture({ partnerId: a.partner, districtId: a.district, field: a.fieldKey, contactId: a.contact }),
    expect: { coordinator: 400, guide: 403, partner: 400 },
    // A coordinator names the partner (refused first); a partner contact files for their own organisation, so
    // only the district and field of A are left to refuse (and the contact, which must belong to that partner).
    errorPaths: { coordinator: ['partnerId'], partner: ['contactId'] },
  },
  'GET /api/v1/requests/{id}': { kind: 'record', params: (a) => ({ id: a.request }), expect: all(404) },
  'PATCH /api/v1/requests/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.request }),
    body: () => ({ title: 'Übernommen' }),
    expect: all(404),
  },
  'POST /api/v1/requests/{id}/status': {
    kind: 'record',
    params: (a) => ({ id: a.request }),
    body: () => ({ status: 'cancelled', reason: 'Übernahmeversuch' }),
    expect: all(404),
  },
  'POST /api/v1/requests/{id}/messages': {
    kind: 'record',
    params: (a) => ({ id: a.request }),
    body: () => ({ message: 'Hallo aus B' }),
    expect: all(404),
  },
  'GET /api/v1/requests/{id}/candidates': { kind: 'record', params: (a) => ({ id: a.request }), expect: all(404) },
  'GET /api/v1/requests/{id}/offers': { kind: 'record', params: (a) => ({ id: a.request }), expect: all(404) },
  'POST /api/v1/requests/{id}/offers': {
    kind: 'record',
    params: (a) => ({ id: a.request }),
    body: (a) => ({ guideIds: [a.guide], message: 'Von B', overrideReason: 'Übernahmeversuch' }),
    expect: coordinatorOnly(404),
  },

  'GET /api/v1/me/offers': {
    kind: 'list',
    queries: () => ['', '?status=accepted'],
    expect: { coordinator: 403, guide: 200, partner: 403 },
  },
  'GET /api/v1/offers/{id}': { kind: 'record', params: (a) => ({ id: a.offer }), expect: all(404) },
  'POST /api/v1/offers/{id}/accept': {
    kind: 'record',
    params: (a) => ({ id: a.offer }),
    body: () => ({}),
    expect: all(404),
  },
  'POST /api/v1/offers/{id}/decline': {
    kind: 'record',
    params: (a) => ({ id: a.offer }),
    body: () => ({ reason: 'Von B' }),
    expect: all(404),
  },
  'POST /api/v1/offers/{id}/withdraw': {
    kind: 'record',
    params: (a) => ({ id: a.offer }),
    body: () => ({}),
    expect: all(404),
  },
  'GET /api/v1/offer-links/{token}': {
    kind: 'public',
    reason: "the page behind the offer e-mail's link: the single-use link token is the credential",
  },
  'POST /api/v1/offer-links/{token}': {
    kind: 'public',
    reason: 'answering an offer from the e-mail: the single-use link token is the credential',
  },

  'GET /api/v1/assignments': { kind: 'list', queries: (a) => ['', `?guideId=${a.guide}`], expect: all(200) },
  'GET /api/v1/assignments/{id}': { kind: 'record', params: (a) => ({ id: a.assignment }), expect: all(404) },
  'PATCH /api/v1/assignments/{id}/agreement': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ goal: 'Übernommenes Ziel' }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/agreement/confirm': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ version: 1 }),
    expect: all(404),
  },
  'GET /api/v1/assignments/{id}/agreement/versions': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/agreement/extend': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ endsOn: '2099-12-31', reason: 'Übernahmeversuch' }),
    expect: all(404),
  },
  'GET /api/v1/assignments/{id}/agreement.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    expect: all(404),
  },
  'GET /api/v1/assignments/{id}/activities': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/activities': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ date: today, startTime: '08:00', endTime: '09:00', type: 'other' }),
    expect: all(404),
  },
  'PATCH /api/v1/assignments/{id}/activities/{activityId}': {
    kind: 'record',
    params: (a) => ({ id: a.assignment, activityId: a.activity }),
    body: () => ({ note: 'Von B korrigiert' }),
    expect: all(404),
  },
  'DELETE /api/v1/assignments/{id}/activities/{activityId}': {
    kind: 'record',
    params: (a) => ({ id: a.assignment, activityId: a.activity }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/activities/approve': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: (a) => ({ activityIds: [a.activity] }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/close': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ outcome: 'goal_reached' }),
    expect: all(404),
  },
  'POST /api/v1/assignments/{id}/feedback': {
    kind: 'record',
    params: (a) => ({ id: a.assignment }),
    body: () => ({ feedback: 'Von B' }),
    expect: all(404),
  },
  'GET /api/v1/activity-totals': {
    kind: 'list',
    queries: (a) => ['', `?guideId=${a.guide}`, '?from=2020-01-01&to=2030-12-31'],
    expect: { coordinator: 200, guide: 200, partner: 403 },
  },
  'GET /api/v1/activity-totals.xlsx': {
    kind: 'list',
    queries: (a) => ['', `?guideId=${a.guide}`],
    expect: { coordinator: 200, guide: 200, partner: 403 },
    format: 'xlsx',
  },

  'GET /api/v1/services': { kind: 'list', queries: () => [''], expect: all(200) },
  'POST /api/v1/services': {
    kind: 'create',
    body: () => ({ name: 'Dienst aus B', topics: ['court'] }),
    expect: coordinatorOnly(201),
    cleanup: async (api, res) => {
      expect((await api.delete(`/services/${res.json().id}`)).statusCode).toBe(204);
    },
  },
  'PATCH /api/v1/services/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.service }),
    body: () => ({ name: 'Übernommen' }),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/services/{id}': { kind: 'record', params: (a) => ({ id: a.service }), expect: coordinatorOnly(404) },
  'GET /api/v1/consent-texts': {
    kind: 'list',
    queries: () => ['', '?kind=guide_consent'],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/consent-texts': {
    kind: 'create',
    body: () => ({
      kind: 'guide_consent',
      texts: { de: { title: 'Entwurf aus B', body: 'Ein Entwurf des Büros B, lang genug für die Prüfung.' } },
    }),
    expect: coordinatorOnly(201),
  },
  'GET /api/v1/consent-texts/pending-confirmations': {
    kind: 'list',
    queries: () => [''],
    expect: coordinatorOnly(200),
  },
  'PATCH /api/v1/consent-texts/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.consentText }),
    body: () => ({ changeNote: 'Von B geändert' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/consent-texts/{id}/publish': {
    kind: 'record',
    params: (a) => ({ id: a.consentText }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/consent-texts/{id}/document.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.consentText }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'GET /api/v1/consent-records': {
    kind: 'list',
    queries: (a) => ['', `?guideId=${a.guide}`, `?requestId=${a.request}`],
    expect: { coordinator: 200, guide: 200, partner: 403 },
  },
  'POST /api/v1/consent-records': {
    kind: 'create',
    body: (a) => ({ textId: a.consentText, guideId: a.guide, language: 'de', givenAt: today, method: 'paper' }),
    expect: { coordinator: 400, guide: 403, partner: 403 },
    errorPaths: { coordinator: ['textId', 'guideId'] },
  },
  'POST /api/v1/consent-records/{id}/withdraw': {
    kind: 'record',
    params: (a) => ({ id: a.consentRecord }),
    body: () => ({ withdrawnAt: today, method: 'paper' }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'GET /api/v1/me/consents': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'POST /api/v1/me/consents': {
    kind: 'create',
    body: (a) => ({ textId: a.consentText, language: 'de' }),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  // Imports: B's file naming A's district finds nothing (a row error, not A's district); nothing is written in A.
  'POST /api/v1/imports/{kind}/preview': {
    kind: 'create',
    params: () => ({ kind: 'guides' }),
    body: (a) => importFile(a),
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/imports/{kind}/commit': {
    kind: 'create',
    params: () => ({ kind: 'guides' }),
    body: (a) => importFile(a),
    expect: { coordinator: 422, guide: 403, partner: 403 },
  },
  'GET /api/v1/imports/{kind}/sample.xlsx': {
    kind: 'list',
    params: () => ({ kind: 'guides' }),
    queries: () => [''],
    expect: coordinatorOnly(200),
    format: 'xlsx',
  },
  'GET /api/v1/public/offices/{slug}/volunteer-form': {
    kind: 'public',
    reason: "the public volunteer form: the office's name, districts and consent text are meant to be public",
  },
  'POST /api/v1/public/offices/{slug}/applicants': {
    kind: 'public',
    reason: 'applying as a volunteer without an account (spam protection: signed form token, honeypot, throttle)',
  },
  'POST /api/v1/public/applicants/confirm': {
    kind: 'public',
    reason: "the double opt-in from the applicant's e-mail: the single-use link token is the credential",
  },
  'GET /api/v1/public/offices/{slug}/help-form': {
    kind: 'public',
    reason: "the public ask-for-help form: the office's name, districts, fields and person consent text are public",
  },
  'POST /api/v1/public/offices/{slug}/help-requests': {
    kind: 'public',
    reason: 'asking for help without an account (honeypot, signed form token, throttle); public-help.test.ts',
  },
  'GET /public': {
    kind: 'public',
    reason: "the installation's public home page (HTML): offices listed in the public directory, no person",
  },
  'GET /public/{slug}': { kind: 'public', reason: "an office's public home page (HTML): its name and links" },
  'GET /public/{slug}/help': {
    kind: 'public',
    reason: 'the ask-for-help form as HTML without JavaScript (public-help.test.ts)',
  },
  'POST /public/{slug}/help': {
    kind: 'public',
    reason: 'the HTML form post of the ask-for-help form; same service and spam protection as the JSON route',
  },
  'GET /public/{slug}/help/sent': { kind: 'public', reason: 'the thank-you page after asking for help (HTML)' },
  'GET /api/v1/public/directory': {
    kind: 'public',
    reason: 'the public directory of guide projects: only offices that opted in, only what they chose, no person',
  },
  'GET /api/v1/public/directory/{slug}': {
    kind: 'public',
    reason: "one opted-in office's public page (directory.test.ts: an office that did not opt in answers 404)",
  },
  'GET /api/v1/directory-settings': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'PUT /api/v1/directory-settings': {
    kind: 'self',
    body: {
      listed: false,
      provider: 'B-Träger',
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
    },
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/applicants': {
    kind: 'list',
    queries: (a) => ['', '?status=interested', `?q=${encodeURIComponent(a.guideLastName)}`],
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/applicants/{id}': { kind: 'record', params: (a) => ({ id: a.applicant }), expect: coordinatorOnly(404) },
  'POST /api/v1/applicants/{id}/steps': {
    kind: 'record',
    params: (a) => ({ id: a.applicant }),
    body: () => ({ status: 'dropped_out', on: today, dropOutReason: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/applicants/{id}/conversations': {
    kind: 'record',
    params: (a) => ({ id: a.applicant }),
    body: (a) => ({ heldOn: today, heldBy: a.user, outcome: 'suitable' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/applicants/{id}/accept': {
    kind: 'record',
    params: (a) => ({ id: a.applicant }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/applicants/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.applicant }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses': {
    kind: 'list',
    queries: () => ['', '?status=open', '?type=basic'],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/courses': {
    kind: 'create',
    body: () => ({ title: 'Kurs aus B', type: 'basic', teachingUnits: 8, capacity: 4 }),
    expect: coordinatorOnly(201),
  },
  'GET /api/v1/courses/agenda': { kind: 'list', queries: () => ['', '?days=366'], expect: coordinatorOnly(200) },
  'GET /api/v1/courses/{id}': { kind: 'record', params: (a) => ({ id: a.course }), expect: coordinatorOnly(404) },
  'PATCH /api/v1/courses/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.course }),
    body: () => ({ title: 'Von B geändert' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/courses/{id}/sessions': {
    kind: 'record',
    params: (a) => ({ id: a.course }),
    body: () => ({ startsAt: `${today}T10:00:00+01:00`, endsAt: `${today}T12:00:00+01:00`, teachingUnits: 2 }),
    expect: coordinatorOnly(404),
  },
  'PATCH /api/v1/courses/{id}/sessions/{sessionId}': {
    kind: 'record',
    params: (a) => ({ id: a.course, sessionId: a.courseSession }),
    body: () => ({ room: 'Raum von B' }),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/courses/{id}/sessions/{sessionId}': {
    kind: 'record',
    params: (a) => ({ id: a.course, sessionId: a.courseSession }),
    expect: coordinatorOnly(404),
  },
  'PUT /api/v1/courses/{id}/sessions/{sessionId}/attendance': {
    kind: 'record',
    params: (a) => ({ id: a.course, sessionId: a.courseSession }),
    body: (a) => ({ rows: [{ guideId: a.guide, present: false, minutesMissed: 0 }] }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/courses/{id}/enrolments': {
    kind: 'record',
    params: (a) => ({ id: a.course }),
    body: (a) => ({ guideId: a.guide }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/courses/{id}/enrolments/{enrolmentId}/withdraw': {
    kind: 'record',
    params: (a) => ({ id: a.course, enrolmentId: a.courseEnrolment }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/courses/{id}/finish': {
    kind: 'record',
    params: (a) => ({ id: a.course }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses/{id}/calendar.ics': {
    kind: 'record',
    params: (a) => ({ id: a.course }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/me/courses': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/courses/calendar.ics': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  // Events (issue 12): A has an event with A's guide invited.
  'GET /api/v1/events': {
    kind: 'list',
    queries: () => [
      '?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z',
      `?from=${today}T00:00:00Z&to=2027-12-31T00:00:00Z`,
    ],
    expect: { coordinator: 200, guide: 200, partner: 403 },
  },
  'POST /api/v1/events': {
    kind: 'create',
    body: () => ({
      type: 'plenum',
      title: 'Plenum aus B',
      audience: 'all_guides',
      startsAt: `${today}T17:00:00Z`,
      endsAt: `${today}T19:00:00Z`,
    }),
    expect: coordinatorOnly(201),
  },
  'GET /api/v1/events/{id}': { kind: 'record', params: (a) => ({ id: a.event }), expect: all(404) },
  'PATCH /api/v1/events/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.event }),
    body: () => ({ title: 'Von B geändert' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/events/{id}/rsvp': {
    kind: 'record',
    params: (a) => ({ id: a.event }),
    body: () => ({ response: 'yes' }),
    expect: all(404),
  },
  'PUT /api/v1/events/{id}/attendance': {
    kind: 'record',
    params: (a) => ({ id: a.event }),
    body: (a) => ({ items: [{ guideId: a.guide, attended: true }] }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/events/{id}/files': {
    kind: 'record',
    params: (a) => ({ id: a.event }),
    body: () => ({ fileName: 'Von B.png', contentBase64: PNG_BASE64 }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/events/{id}/files/{fileId}': {
    kind: 'record',
    params: (a) => ({ id: a.event, fileId: a.eventFile }),
    expect: all(404),
  },
  'DELETE /api/v1/events/{id}/files/{fileId}': {
    kind: 'record',
    params: (a) => ({ id: a.event, fileId: a.eventFile }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/event-groups': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/event-groups': {
    kind: 'create',
    body: () => ({ name: 'Gruppe aus B', guideIds: [] }),
    expect: coordinatorOnly(201),
  },
  'PATCH /api/v1/event-groups/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.guideGroup }),
    body: () => ({ name: 'Von B umbenannt', guideIds: [] }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/me/calendar-feed': { kind: 'self', body: {}, expect: { coordinator: 200, guide: 200, partner: 403 } },
  'GET /api/v1/event-links/{token}': {
    kind: 'public',
    reason: "the page behind the event invitation's personal link: the link token is the credential",
  },
  'POST /api/v1/event-links/{token}': {
    kind: 'public',
    reason: 'answering an event invitation from the e-mail: the link token is the credential',
  },
  'GET /api/v1/calendar/{file}': {
    kind: 'public',
    reason: 'the personal calendar feed: the secret token in the URL is the credential (calendar apps cannot sign in)',
  },
  // Certificates and course funding (A has a finished course with A's guide's certificate and a funding rule set).
  'GET /api/v1/courses/{id}/certificates': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses/{id}/certificates.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses/{id}/enrolments/{enrolmentId}/certificate.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse, enrolmentId: a.certEnrolment }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/certificates/{id}/revoke': {
    kind: 'record',
    params: (a) => ({ id: a.certificate }),
    body: () => ({ reason: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/me/certificates': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/certificates/{id}/certificate.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.certificate }),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  'GET /api/v1/public/certificates/{code}': {
    kind: 'public',
    reason: 'the verification printed on every certificate: name, course and date only, for a 10-character random code',
  },
  'GET /api/v1/courses/{id}/sessions/{sessionId}/attendance-list.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.course, sessionId: a.courseSession }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/funding-templates': { kind: 'list', queries: () => [''], expect: all(200), noMarkers: true },
  'GET /api/v1/funding-rule-sets': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/funding-rule-sets': {
    kind: 'create',
    body: () => ({
      name: 'Förderung von B',
      kind: 'per_participant_unit',
      params: { participantUnitCents: 1250, minUnits: 20, maxUnits: 36 },
      validFrom: '2024-01-01',
    }),
    expect: coordinatorOnly(201),
  },
  'DELETE /api/v1/funding-rule-sets/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.ruleSet }),
    expect: coordinatorOnly(404),
  },
  'PUT /api/v1/courses/{id}/funding': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse }),
    body: () => ({ ruleSetName: null, materialsCents: 0 }),
    expect: coordinatorOnly(404),
  },

  // Expense claims and payouts (A's guide has a submitted claim with a receipt and a paid one in A's payout run).
  'GET /api/v1/me/expense-options': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/expense-claims': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'POST /api/v1/me/expense-claims': {
    kind: 'create',
    body: (a) => ({
      date: today,
      origin: 'Büro',
      destination: 'Amt',
      assignmentId: a.assignment,
      transport: 'car',
      km: 5,
    }),
    expect: { coordinator: 403, guide: 400, partner: 403 },
    errorPaths: { guide: ['assignmentId'] },
  },
  'PUT /api/v1/me/expense-claims/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.expenseClaim }),
    body: (a) => ({
      date: today,
      hourCategoryId: a.expenseClaim,
      transport: 'bike',
      km: 3,
      origin: 'A',
      destination: 'B',
    }),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  'GET /api/v1/me/bank-account': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'PUT /api/v1/me/bank-account': {
    kind: 'self',
    body: { accountHolder: 'B Lotsin', iban: 'DE02120300000000202051' },
    expect: { coordinator: 403, guide: 200, partner: 403 },
  },
  'GET /api/v1/expense-claims/{id}/receipt': {
    kind: 'record',
    params: (a) => ({ id: a.expenseClaim }),
    expect: all(404),
  },
  'GET /api/v1/expense-claims': {
    kind: 'list',
    queries: (a) => ['', `?guideId=${a.guide}`, '?status=submitted', '?status=paid'],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/expense-claims/approve': {
    kind: 'create',
    body: (a) => ({ ids: [a.expenseClaim] }),
    expect: { coordinator: 404, guide: 403, partner: 403 },
  },
  'POST /api/v1/expense-claims/{id}/return': {
    kind: 'record',
    params: (a) => ({ id: a.expenseClaim }),
    body: () => ({ comment: 'Bitte prüfen' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/guides/{id}/bank-account': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'PUT /api/v1/guides/{id}/bank-account': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    body: () => ({ accountHolder: 'Übernommen', iban: 'DE02120300000000202051' }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'GET /api/v1/expense-settings': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'PUT /api/v1/expense-settings': {
    kind: 'self',
    body: { debtorName: 'B-Büro', debtorIban: 'DE02120300000000202051' },
    expect: { coordinator: 200, guide: 403, partner: 403 },
  },
  'GET /api/v1/payout-runs': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/payout-runs': {
    kind: 'create',
    body: (a) => ({ paidOn: today, claimIds: [a.expenseClaim] }),
    expect: { coordinator: 404, guide: 403, partner: 403 },
  },
  'GET /api/v1/payout-runs/{id}/payout.xlsx': {
    kind: 'record',
    params: (a) => ({ id: a.payoutRun }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/payout-runs/{id}/sepa.xml': {
    kind: 'record',
    params: (a) => ({ id: a.payoutRun }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses/{id}/report': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/courses/{id}/report.xlsx': {
    kind: 'record',
    params: (a) => ({ id: a.certCourse }),
    expect: coordinatorOnly(404),
  },
  // Hours and time sheets (A has a category, an entry of its guide and that month's submitted sheet).
  'GET /api/v1/hour-categories': {
    kind: 'list',
    queries: () => [''],
    expect: { coordinator: 200, guide: 200, partner: 403 },
  },
  'POST /api/v1/hour-categories': {
    kind: 'create',
    body: () => ({ label: 'Kategorie von B', kind: 'other' }),
    expect: coordinatorOnly(201),
  },
  'PATCH /api/v1/hour-categories/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.hourCategory }),
    body: () => ({ label: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/hour-entries': {
    kind: 'create',
    body: (a) => ({ guideId: a.guide, categoryId: a.hourCategory, date: '2024-03-05', minutes: 60 }),
    expect: { coordinator: 400, guide: 400, partner: 403 },
    errorPaths: { coordinator: ['guideId'], guide: ['categoryId'] },
  },
  'PATCH /api/v1/hour-entries/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.hourEntry }),
    body: () => ({ minutes: 30 }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'DELETE /api/v1/hour-entries/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.hourEntry }),
    expect: { coordinator: 404, guide: 404, partner: 403 },
  },
  'POST /api/v1/hour-entries/{id}/correct': {
    kind: 'record',
    params: (a) => ({ id: a.hourEntry }),
    body: () => ({ minutes: 30, reason: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/me/time-sheets/{month}': {
    kind: 'list',
    params: () => ({ month: '2024-02' }),
    queries: () => [''],
    expect: { coordinator: 403, guide: 200, partner: 403 },
  },
  'POST /api/v1/me/time-sheets/{month}/submit': {
    kind: 'create',
    params: () => ({ month: '2023-01' }),
    body: () => ({}),
    expect: { coordinator: 403, guide: 200, partner: 403 },
  },
  'GET /api/v1/guides/{id}/time-sheets/{month}': {
    kind: 'record',
    params: (a) => ({ id: a.guide, month: '2024-02' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/time-sheets': { kind: 'list', queries: () => ['', '?status=approved'], expect: coordinatorOnly(200) },
  'POST /api/v1/time-sheets/{id}/approve': {
    kind: 'record',
    params: (a) => ({ id: a.timeSheet }),
    expect: coordinatorOnly(404),
  },
  'POST /api/v1/time-sheets/{id}/return': {
    kind: 'record',
    params: (a) => ({ id: a.timeSheet }),
    body: () => ({ comment: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/hour-totals': {
    kind: 'list',
    queries: (a) => ['', `?year=2024&guideId=${a.guide}`],
    expect: { coordinator: 200, guide: 200, partner: 403 },
  },
  'GET /api/v1/programme-rule-sets': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/programme-rule-sets': {
    kind: 'create',
    body: () => ({
      name: 'Programm von B',
      programme: 'municipal',
      validFrom: '2024-01-01',
      options: PROGRAMME_DEFAULTS.municipal,
    }),
    expect: coordinatorOnly(201),
  },
  'PATCH /api/v1/programme-rule-sets/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.programmeRuleSet }),
    body: () => ({ validFrom: '2031-01-01' }),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/programme-rule-sets/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.programmeRuleSet }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/team-budget': { kind: 'list', queries: () => ['', '?year=2024'], expect: coordinatorOnly(200) },
  'POST /api/v1/team-budget/moves': {
    kind: 'create',
    body: (a) => ({ year: 2024, fromGuideId: null, toGuideId: a.guide, hours: 1 }),
    expect: { coordinator: 400, guide: 403, partner: 403 },
    errorPaths: { coordinator: ['toGuideId'] },
  },
  'GET /api/v1/hour-allowances': { kind: 'list', queries: () => ['', '?year=2024'], expect: coordinatorOnly(200) },
  'GET /api/v1/hour-allowances/form-2b.xlsx': {
    kind: 'list',
    queries: () => ['', '?year=2024', `?year=${new Date().getUTCFullYear()}`],
    expect: coordinatorOnly(200),
    format: 'xlsx',
  },
  'PUT /api/v1/guides/{id}/hour-profile': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    body: () => ({ coordinating: true, benefits: 'none' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/guides/{id}/allowances.xlsx': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    expect: coordinatorOnly(404),
  },
  // Recognition (A's guide has two years of hours and a confirmation for the Ehrenamtskarte).
  'GET /api/v1/me/hours-summary': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/statement.pdf': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/card-confirmations': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/guides/{id}/hours-summary': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/guides/{id}/statement.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/recognition/card-eligibility': {
    kind: 'list',
    queries: () => ['', '?rule=hessen'],
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/recognition/card-confirmations': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  'POST /api/v1/recognition/card-confirmations': {
    kind: 'create',
    body: (a) => ({ guideId: a.guide, rule: 'niedersachsen' }),
    expect: { coordinator: 400, guide: 403, partner: 403 },
    errorPaths: { coordinator: ['guideId'] },
  },
  'POST /api/v1/recognition/card-confirmations/{id}/card': {
    kind: 'record',
    params: (a) => ({ id: a.cardConfirmation }),
    body: () => ({ issuedOn: today }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/recognition/card-confirmations/{id}/confirmation.pdf': {
    kind: 'record',
    params: (a) => ({ id: a.cardConfirmation }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/recognition/milestones': {
    kind: 'list',
    queries: () => ['', `?from=${addDays(today, -800)}&to=${today}`],
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/notifications': {
    kind: 'list',
    queries: () => ['', '?order=newest_first', '?limit=5&offset=0'],
    expect: all(200),
  },
  'GET /api/v1/notifications/unread-count': { kind: 'self', expect: all(200) },
  'POST /api/v1/notifications/{id}/read': {
    kind: 'record',
    params: (a) => ({ id: a.notification }),
    expect: all(404),
  },
  'POST /api/v1/notifications/read-all': { kind: 'self', expect: all(200) },
  'GET /api/v1/me/notification-preferences': { kind: 'self', expect: all(200) },
  'PUT /api/v1/me/notification-preferences': {
    kind: 'self',
    body: { items: [{ kind: 'review_due', channel: 'digest' }] },
    expect: all(200),
  },
  // Web Push (issue 14): each caller lists only their own devices; A's subscription is a 404 for everyone in B.
  'GET /api/v1/me/push-subscriptions': { kind: 'self', expect: all(200) },
  // The test app has no VAPID keys: push is off, so a valid subscription is refused (409) in B too.
  'POST /api/v1/me/push-subscriptions': {
    kind: 'self',
    body: {
      endpoint: 'https://push.example.com/send/von-b',
      keys: {
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
      },
    },
    expect: all(409),
  },
  'DELETE /api/v1/me/push-subscriptions/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.pushSubscription }),
    expect: all(404),
  },
  // A guide's own pauses (issue 14): A's guide is unknown to every role of B.
  'GET /api/v1/guides/{id}/pauses': { kind: 'record', params: (a) => ({ id: a.guide }), expect: all(404) },
  'POST /api/v1/guides/{id}/pauses': {
    kind: 'record',
    params: (a) => ({ id: a.guide }),
    body: () => ({ startsOn: today, endsOn: today }),
    expect: all(404),
  },
  'POST /api/v1/guides/{id}/pauses/{pauseId}/end': {
    kind: 'record',
    params: (a) => ({ id: a.guide, pauseId: a.guidePause }),
    expect: all(404),
  },
  'DELETE /api/v1/guides/{id}/pauses/{pauseId}': {
    kind: 'record',
    params: (a) => ({ id: a.guide, pauseId: a.guidePause }),
    expect: all(404),
  },
  // Rooms (issue 12 §2): A has a room and a booking of it tomorrow.
  // The Land view and funding programmes (issue 13 §3): the funder and the platform admin only, never an office role.
  'GET /api/v1/land/figures': {
    kind: 'list',
    queries: () => ['', '?from=2024-01-01&to=2024-12-31'],
    expect: all(403),
  },
  'GET /api/v1/land/figures.xlsx': { kind: 'list', queries: () => [''], expect: all(403), format: 'xlsx' },
  'GET /api/v1/funding-programmes': { kind: 'list', queries: () => [''], expect: all(403) },
  'POST /api/v1/funding-programmes': {
    kind: 'create',
    body: () => ({ name: 'Übernahme', region: 'Niedersachsen' }),
    expect: all(403),
  },
  'PATCH /api/v1/funding-programmes/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({ name: 'Übernommen' }),
    expect: all(403),
  },
  'PUT /api/v1/funding-programmes/{id}/offices': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: (a) => ({ officeIds: [a.office] }),
    expect: all(403),
  },
  'GET /api/v1/funding-programmes/{id}/funders': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    expect: all(403),
  },
  'POST /api/v1/funding-programmes/{id}/funders': {
    kind: 'record',
    params: (a) => ({ id: a.office }),
    body: () => ({ email: `foerder-${tag()}@test.example`, displayName: 'Fremdes Förderreferat' }),
    expect: all(403),
  },
  'POST /api/v1/funding-programmes/{id}/funders/{userId}/deactivate': {
    kind: 'record',
    params: (a) => ({ id: a.office, userId: a.user }),
    body: () => ({}),
    expect: all(403),
  },
  'GET /api/v1/rooms': { kind: 'list', queries: () => ['', '?archived=include'], expect: coordinatorOnly(200) },
  'POST /api/v1/rooms': {
    kind: 'create',
    body: (a) => ({ name: 'Raum mit fremdem Träger', partnerId: a.partner }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['partnerId'] },
  },
  'GET /api/v1/rooms/{id}': { kind: 'record', params: (a) => ({ id: a.room }), expect: coordinatorOnly(404) },
  'PATCH /api/v1/rooms/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.room }),
    body: () => ({ capacity: 1 }),
    expect: coordinatorOnly(404),
  },
  'DELETE /api/v1/rooms/{id}': { kind: 'record', params: (a) => ({ id: a.room }), expect: coordinatorOnly(404) },
  'GET /api/v1/room-bookings': {
    kind: 'list',
    queries: (a) => [
      '',
      `?roomId=${a.room}`,
      `?from=${today}T00:00:00Z&to=${addDays(today, 7)}T00:00:00Z&roomId=${a.room}`,
    ],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/room-bookings': {
    kind: 'create',
    body: (a) => ({
      roomId: a.room,
      startsAt: `${addDays(today, 1)}T09:00:00Z`,
      endsAt: `${addDays(today, 1)}T10:00:00Z`,
      title: 'Fremdbuchung',
      purpose: 'assignment',
      assignmentId: a.assignment,
    }),
    expect: coordinatorOnly(400),
    errorPaths: { coordinator: ['roomId'] },
  },
  'POST /api/v1/room-bookings/{id}/cancel': {
    kind: 'record',
    params: (a) => ({ id: a.roomBooking }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },
  // Messages (issue 12 §3): A's message, its recipient list and threads; A's course and district in B's filters.
  'GET /api/v1/messages/recipients': {
    kind: 'list',
    queries: (a) => ['', `?courseId=${a.course}`, `?districtId=${a.district}`, '?language=ar'],
    expect: coordinatorOnly(200),
    // Counts only: no names, ids or texts of anyone.
    noMarkers: true,
  },
  'POST /api/v1/messages': {
    kind: 'create',
    body: (a) => ({ subject: 'Von B', body: 'Von B', filter: { courseId: a.course } }),
    expect: { coordinator: 400, guide: 403, partner: 403 },
    errorPaths: { coordinator: ['filter.courseId'] },
  },
  'GET /api/v1/messages': { kind: 'list', queries: () => ['', '?limit=200'], expect: coordinatorOnly(200) },
  'GET /api/v1/messages/{id}': { kind: 'record', params: (a) => ({ id: a.message }), expect: coordinatorOnly(404) },
  'POST /api/v1/messages/{id}/threads/{guideId}': {
    kind: 'record',
    params: (a) => ({ id: a.message, guideId: a.guide }),
    body: () => ({ body: 'Von B' }),
    expect: coordinatorOnly(404),
  },
  'GET /api/v1/me/messages': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'GET /api/v1/me/messages/{id}': {
    kind: 'record',
    params: (a) => ({ id: a.message }),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  'POST /api/v1/me/messages/{id}/read': {
    kind: 'record',
    params: (a) => ({ id: a.message }),
    body: () => ({}),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  'POST /api/v1/me/messages/{id}/replies': {
    kind: 'record',
    params: (a) => ({ id: a.message }),
    body: () => ({ body: 'Von B' }),
    expect: { coordinator: 403, guide: 404, partner: 403 },
  },
  'GET /api/v1/me/message-settings': { kind: 'self', expect: { coordinator: 403, guide: 200, partner: 403 } },
  'PUT /api/v1/me/message-settings': {
    kind: 'self',
    body: { broadcastOptOut: false },
    expect: { coordinator: 403, guide: 200, partner: 403 },
  },
  'GET /api/v1/settings': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200), noMarkers: true },
  'PATCH /api/v1/settings': { kind: 'self', body: { offerExpiryHours: 72 }, expect: coordinatorOnly(200) },
  'GET /api/v1/dashboard': { kind: 'list', queries: () => [''], expect: coordinatorOnly(200) },
  // Counts and the names of the office's own partners and districts: B's must show nothing of A. A's probe markers
  // are records, not counts (the hand-counted two-office fixture in reports.test.ts checks the figures themselves).
  'GET /api/v1/reports/office': {
    kind: 'list',
    queries: () => [`?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`],
    expect: coordinatorOnly(200),
    noMarkers: true,
  },
  'GET /api/v1/reports/office.xlsx': {
    kind: 'list',
    queries: () => [`?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`],
    expect: coordinatorOnly(200),
    format: 'xlsx',
    noMarkers: true,
  },
  'GET /api/v1/reports/verwendungsnachweis.xlsx': {
    kind: 'list',
    queries: () => [`?from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`],
    expect: coordinatorOnly(200),
    format: 'xlsx',
    noMarkers: true,
  },
  // Renders B's own figures with B's texts; writes nothing. The PDF's text must hold nothing of A.
  'POST /api/v1/reports/sachbericht.pdf': {
    kind: 'create',
    body: () => ({ from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31`, goals: 'Ziele von B' }),
    expect: coordinatorOnly(200),
    format: 'pdf',
  },

  'GET /api/v1/audit-events': {
    kind: 'list',
    queries: (a) => ['', `?entityId=${a.guide}`, '?entityType=guide', '?action=guide.created'],
    expect: coordinatorOnly(200),
  },
  'GET /api/v1/outbox': {
    kind: 'list',
    queries: (a) => ['', `?to=${encodeURIComponent(a.contactEmail)}`],
    expect: coordinatorOnly(200),
  },
  'POST /api/v1/outbox/{id}/resend': {
    kind: 'record',
    params: (a) => ({ id: a.mail }),
    body: () => ({}),
    expect: coordinatorOnly(404),
  },

  // Not in the OpenAPI document, but served: the route table lists them, so they need a row all the same.
  'GET /metrics': {
    kind: 'public',
    reason:
      'Prometheus scrape: 404 without METRICS_TOKEN, else the bearer token (runtime.test.ts); counts only, no office data',
  },
  'GET /api/v1/openapi.json': {
    kind: 'public',
    reason: 'the API description (schema.hide); generated from code, the same for every office',
  },
  ...Object.fromEntries(
    [
      '/api/docs',
      '/api/docs/json',
      '/api/docs/yaml',
      '/api/docs/static/index.html',
      '/api/docs/static/swagger-initializer.js',
      '/api/docs/static/{*}',
    ].map((path): [string, Row] => [
      `GET ${path}`,
      { kind: 'public', reason: 'the API reference (swagger-ui) and its assets; renders the public OpenAPI document' },
    ]),
  ),
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

let t: TestApp;
let A: TestOffice & { requestId?: string; assignmentId?: string; applicantId?: string };
let B: TestOffice;
let ops: Operation[];
let ids: Ids;
let randomIds: Ids;
/** Strings that only office A's data contains: its unique tags and every id found in A's records. */
let markersOfA: { tags: string[]; ids: string[] };
let snapshotBefore: Record<string, unknown>;

const sessionOf = (office: TestOffice, role: Role): Session => office.sessions[role];

/** Everything an office's coordinator can read about it, in a form that can be compared. */
async function snapshotOf(office: TestOffice & { requestId?: string; assignmentId?: string; applicantId?: string }) {
  const api = client(t.app, office.sessions.coordinator);
  const read = async (url: string) => {
    const res = await api.get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  return {
    office: await read(`/offices/${office.officeId}`),
    guides: await read('/guides?limit=200'),
    guide: await read(`/guides/${office.guideId}`),
    partners: await read('/partners?limit=200'),
    partner: await read(`/partners/${office.partnerId}`),
    districts: await read('/districts'),
    fields: await read('/fields'),
    specializations: await read('/specializations'),
    users: await read('/users'),
    outbox: await read('/outbox?limit=200'),
    requests: await read('/requests?limit=200'),
    assignments: await read('/assignments?limit=200'),
    activityTotals: await read('/activity-totals'),
    services: await read('/services'),
    settings: await read('/settings'),
    consentTexts: await read('/consent-texts'),
    consentRecords: await read('/consent-records'),
    pendingConfirmations: await read('/consent-texts/pending-confirmations'),
    retentionDue: await read('/retention/due?days=365'),
    applicants: await read('/applicants'),
    courses: await read('/courses?limit=200'),
    agenda: await read('/courses/agenda?days=366'),
    expenseClaims: await read('/expense-claims'),
    payoutRuns: await read('/payout-runs'),
    expenseSettings: await read('/expense-settings'),
    directorySettings: await read('/directory-settings'),
    cardConfirmations: await read('/recognition/card-confirmations'),
    notifications: await read('/notifications?order=newest_first'),
    rooms: await read('/rooms?archived=include'),
    roomBookings: await read(`/room-bookings?from=${today}T00:00:00Z&to=${addDays(today, 14)}T00:00:00Z`),
    messages: await read('/messages?limit=200'),
    ...(office.requestId ? { request: await read(`/requests/${office.requestId}`) } : {}),
    ...(office.applicantId ? { applicant: await read(`/applicants/${office.applicantId}`) } : {}),
    ...(office.assignmentId
      ? {
          assignment: await read(`/assignments/${office.assignmentId}`),
          activities: await read(`/assignments/${office.assignmentId}/activities`),
        }
      : {}),
  };
}

async function bodyText(res: LightMyRequestResponse, format?: 'xlsx' | 'pdf'): Promise<string> {
  if (format === 'xlsx' && res.statusCode === 200) return JSON.stringify(await xlsxRows(res.rawPayload));
  if (format === 'pdf' && res.statusCode === 200) return pdfText(res.rawPayload);
  return res.body;
}

function expectNoTraceOfA(text: string, label: string) {
  const leaked = [...markersOfA.tags, ...markersOfA.ids].filter((m) => text.includes(m));
  expect(leaked, `${label} leaks office A's data`).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  const aTag = tag();
  A = await createOffice(t, `Büro A ${aTag}`);
  B = await createOffice(t, `Büro B ${tag()}`);
  ops = routeOperations(t.app);

  // Give A records that exist only in A: district names, its own field and specialisation keys, a contact with an
  // invitation mail in A's outbox, and coordinator notes on the guide.
  const a = client(t.app, A.sessions.coordinator);
  const ok = async (res: Promise<LightMyRequestResponse>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json();
  };
  await ok(a.patch(`/districts/${A.districtIds[0]}`, { name: `A-Bezirk ${aTag}` }));
  await ok(a.patch(`/districts/${A.districtIds[1]}`, { name: `A-Bezirk 2 ${aTag}` }));
  // An import in A: a remembered column mapping and the external key of the guide it created.
  await ok(
    a.post('/imports/guides/commit', {
      content: Buffer.from(`Nr;Vorname;Nachname\r\nA-${aTag};Importiert;A-Import ${aTag}\r\n`).toString('base64'),
      mapping: { externalKey: 'Nr', firstName: 'Vorname', lastName: 'Nachname' },
      matchBy: 'externalKey',
    }),
  );
  const keys = { fieldKey: `a_field_${aTag}`, specKey: `a_spec_${aTag}` };
  await ok(a.post('/fields', { key: keys.fieldKey, name: `A-Feld ${aTag}` }), 201);
  await ok(a.post('/specializations', { key: keys.specKey, name: `A-Spezial ${aTag}` }), 201);
  const sharedTag = tag();
  const shared = {
    sharedFieldKey: `doppelt_f_${sharedTag}`,
    sharedSpecKey: `doppelt_s_${sharedTag}`,
    sharedDistrictName: `Doppelt ${sharedTag}`,
  };
  await ok(a.post('/fields', { key: shared.sharedFieldKey, name: 'Doppelt' }), 201);
  await ok(a.post('/specializations', { key: shared.sharedSpecKey, name: 'Doppelt' }), 201);
  await ok(a.post('/districts', { name: shared.sharedDistrictName, lat: 52.2, lon: 9.2 }), 201);
  const guide = await ok(
    a.patch(`/guides/${A.guideId}`, {
      notes: `A-Notiz ${aTag}`,
      fields: [keys.fieldKey],
      specializations: [keys.specKey],
      // A correction of personal data keeps the old value in guide_corrections (Art. 16).
      countries: ['SY', 'IQ'],
    }),
  );
  const contactEmail = `a-kontakt-${aTag}@test.example`;
  await ok(a.post(`/partners/${A.partnerId}/contacts`, { name: `A-Kontakt ${aTag}`, email: contactEmail }), 201);
  // The request-to-deployment cycle in A: a request, an offer the guide accepted, the deployment with its agreement and a
  // logged activity, and an entry in the services directory.
  const request = await ok(
    a.post('/requests', requestFixture({ partnerId: A.partnerId, districtId: A.districtIds[0] })),
    201,
  );
  const offered = await ok(
    a.post(`/requests/${request.id}/offers`, { guideIds: [A.guideId], overrideReason: 'Testaufbau ohne Ranking' }),
    201,
  );
  const guideApi = client(t.app, A.sessions.guide);
  const accepted = await ok(guideApi.post(`/offers/${offered.items[0].id}/accept`, {}));
  const activity = await ok(
    guideApi.post(`/assignments/${accepted.assignmentId}/activities`, {
      date: today,
      startTime: '09:00',
      endTime: '10:30',
      type: 'accompaniment',
      km: 4,
      note: `A-Tätigkeit ${aTag}`,
    }),
    201,
  );
  const service = await ok(a.post('/services', { name: `A-Beratungsstelle ${aTag}`, topics: ['court'] }), 201);
  // A second request stays open, so A's dashboard has something of A's to show.
  await ok(
    a.post(
      '/requests',
      requestFixture({ partnerId: A.otherPartnerId, districtId: A.districtIds[1], title: `A-Anfrage ${aTag}` }),
    ),
    201,
  );
  // Consent in A: a guide text in force (A's guide is asked to confirm it) and the person's consent on the request.
  const consentTexts = { de: { title: `A-Einwilligung ${aTag}`, body: `Text der Einwilligung des Büros A ${aTag}.` } };
  const guideText = await ok(a.post('/consent-texts', { kind: 'guide_consent', texts: consentTexts }), 201);
  await ok(a.post(`/consent-texts/${guideText.id}/publish`));
  const personText = await ok(a.post('/consent-texts', { kind: 'person_consent', texts: consentTexts }), 201);
  await ok(a.post(`/consent-texts/${personText.id}/publish`));
  const consentRecord = await ok(
    a.post('/consent-records', {
      textId: personText.id,
      requestId: request.id,
      language: 'de',
      givenAt: today,
      method: 'paper',
    }),
    201,
  );
  // A request of A that ended almost six months ago: its person data falls due within 30 days (the retention list).
  const ended = await ok(
    a.post(
      '/requests',
      requestFixture({ partnerId: A.partnerId, districtId: A.districtIds[0], title: `A-Beendet ${aTag}` }),
    ),
    201,
  );
  await t.database.exec(
    `update requests set status = 'cancelled', status_changed_at = now() - interval '170 days' where id = '${ended.id}'`,
  );
  const hold = await ok(
    a.post('/retention/holds', {
      entityType: 'guide',
      entityId: A.guideId,
      rule: 'guide_personal_data',
      reason: `A-Aufbewahrung ${aTag}`,
    }),
    201,
  );
  // A course of A: a session next week and A's guide enrolled.
  const course = await ok(
    a.post('/courses', {
      title: `A-Kurs ${aTag}`,
      type: 'basic',
      teachingUnits: 8,
      capacity: 4,
      status: 'open',
      trainerIds: [A.sessions.coordinator.userId],
    }),
    201,
  );
  const courseSession = await ok(
    a.post(`/courses/${course.id}/sessions`, {
      startsAt: `${addDays(today, 7)}T16:00:00+01:00`,
      endsAt: `${addDays(today, 7)}T19:00:00+01:00`,
      room: `A-Raum ${aTag}`,
      topic: `A-Thema ${aTag}`,
      teachingUnits: 4,
    }),
    201,
  );
  const courseEnrolment = await ok(a.post(`/courses/${course.id}/enrolments`, { guideId: A.guideId }), 201);
  const event = await ok(
    a.post('/events', {
      type: 'supervision',
      title: `A-Supervision ${aTag}`,
      audience: 'invited',
      invitedGuideIds: [A.guideId],
      startsAt: `${today}T17:00:00Z`,
      endsAt: `${today}T19:00:00Z`,
    }),
    201,
  );
  const guideGroup = await ok(a.post('/event-groups', { name: `A-Gruppe ${aTag}`, guideIds: [A.guideId] }), 201);
  const eventFile = await ok(
    a.post(`/events/${event.id}/files`, { fileName: `A-Protokoll ${aTag}.png`, contentBase64: PNG_BASE64 }),
    201,
  );
  await ok(
    a.post('/events', {
      type: 'plenum',
      title: `A-Plenum ${aTag}`,
      audience: 'invited',
      invitedGuideIds: [A.guideId],
      recurrence: {
        rrule: 'FREQ=MONTHLY;BYDAY=+1TU;COUNT=2',
        startDate: today,
        startTime: '18:00',
        durationMinutes: 60,
      },
    }),
    201,
  );
  await ok(a.post('/me/calendar-feed', {}));
  await ok(
    a.call('PUT', `/courses/${course.id}/sessions/${courseSession.id}/attendance`, {
      rows: [{ guideId: A.guideId, present: true, minutesMissed: 10 }],
    }),
  );
  // A finished course with A's guide's certificate, a funding rule set of A and the course's funding.
  const certCourse = await ok(
    a.post('/courses', {
      title: `A-Fortbildung ${aTag}`,
      type: 'further_training',
      teachingUnits: 4,
      capacity: 4,
      status: 'open',
    }),
    201,
  );
  const certSession = await ok(
    a.post(`/courses/${certCourse.id}/sessions`, {
      startsAt: `${addDays(today, -3)}T16:00:00+01:00`,
      endsAt: `${addDays(today, -3)}T19:00:00+01:00`,
      topic: `A-Thema ${aTag}`,
      teachingUnits: 4,
    }),
    201,
  );
  const certEnrolment = await ok(a.post(`/courses/${certCourse.id}/enrolments`, { guideId: A.guideId }), 201);
  await ok(
    a.call('PUT', `/courses/${certCourse.id}/sessions/${certSession.id}/attendance`, {
      rows: [{ guideId: A.guideId, present: true, minutesMissed: 0 }],
    }),
  );
  await ok(a.post(`/courses/${certCourse.id}/finish`, {}));
  expect((await a.get(`/courses/${certCourse.id}/enrolments/${certEnrolment.id}/certificate.pdf`)).statusCode).toBe(
    200,
  );
  const certificate = (await ok(a.get(`/courses/${certCourse.id}/certificates`))).items[0];
  const ruleSet = await ok(
    a.post('/funding-rule-sets', {
      name: `A-Förderung ${aTag}`,
      kind: 'per_unit',
      params: { unitCents: 2500, twoTeacherUnitCents: 5000, maxUnits: 50, materialsMaxCents: 60000 },
      validFrom: '2024-01-01',
    }),
    201,
  );
  await ok(a.call('PUT', `/courses/${certCourse.id}/funding`, { ruleSetName: ruleSet.name, materialsCents: 1000 }));
  // Hours: a category of A, an entry of A's guide in February 2024 (sent as from the offline queue, so A has an
  // idempotency key) and that month submitted; a rule set of A.
  const hourCategory = await ok(a.post('/hour-categories', { label: `A-Kategorie ${aTag}`, kind: 'other' }), 201);
  const aGuide = client(t.app, A.sessions.guide);
  const hourEntry = await ok(
    aGuide.post(
      '/hour-entries',
      {
        categoryId: hourCategory.id,
        date: '2024-02-05',
        minutes: 90,
        note: `A-Notiz ${aTag}`,
      },
      { 'idempotency-key': randomUUID() },
    ),
    201,
  );
  const timeSheet = await ok(aGuide.post('/me/time-sheets/2024-02/submit', {}));
  await ok(a.call('PUT', `/guides/${A.guideId}/hour-profile`, { coordinating: true, benefits: 'none' }));
  const programmeRuleSet = await ok(
    a.post('/programme-rule-sets', {
      name: `A-Programm ${aTag}`,
      programme: 'hessenWir',
      validFrom: '2024-01-01',
      options: PROGRAMME_DEFAULTS.hessenWir,
    }),
    201,
  );
  // Expense claims in A: a paid one (in A's payout run, from A's account) and a submitted one with a receipt.
  await ok(
    guideApi.call('PUT', '/me/bank-account', { accountHolder: `A Lotsin ${aTag}`, iban: 'DE89370400440532013000' }),
  );
  await ok(a.call('PUT', '/expense-settings', { debtorName: `A-Büro ${aTag}`, debtorIban: 'DE02120300000000202051' }));
  // A is in the public directory with its own texts and fields (issue 13 §4).
  await ok(
    a.call('PUT', '/directory-settings', {
      listed: true,
      provider: `A-Träger ${aTag}`,
      description: { de: `A-Beschreibung ${aTag}`, en: '', ar: '' },
      howToGetHelp: { de: `A-Hilfe ${aTag}`, en: '', ar: '' },
      areas: [`A-Gebiet ${aTag}`],
      lat: 52.1,
      lon: 9.1,
      contactEmail: null,
      contactPhone: null,
      website: null,
      showLanguages: true,
      fieldKeys: [keys.fieldKey],
      showVolunteerForm: true,
    }),
  );
  const claimBody = {
    date: today,
    origin: `A-Start ${aTag}`,
    destination: `A-Ziel ${aTag}`,
    assignmentId: accepted.assignmentId,
    transport: 'car',
    km: 12,
  };
  const paidClaim = await ok(guideApi.post('/me/expense-claims', claimBody), 201);
  await ok(a.post('/expense-claims/approve', { ids: [paidClaim.id] }));
  const payoutRun = await ok(a.post('/payout-runs', { paidOn: today }), 201);
  const expenseClaim = await ok(
    guideApi.post('/me/expense-claims', {
      ...claimBody,
      transport: 'publicTransport',
      km: undefined,
      ticketCents: 290,
      receipt: { fileName: `A-Beleg ${aTag}.png`, content: PNG_BASE64 },
    }),
    201,
  );
  // Recognition in A: two years of approved Plenum hours for A's guide (1400 min a month), so they qualify for the
  // Ehrenamtskarte and reach 100 h this year, and A's confirmation for it.
  await t.database.exec(
    `insert into hour_categories (office_id, key, label, kind) values ('${A.officeId}', 'plenum', 'Plenum', 'plenum')
     on conflict (office_id, key) do nothing`,
  );
  await t.database.exec(
    `insert into hour_entries (office_id, guide_id, category_id, date, minutes)
     select c.office_id, '${A.guideId}', c.id, (date_trunc('month', current_date) - make_interval(months => m))::date + 9, 1400
     from hour_categories c, generate_series(1, 24) m where c.office_id = '${A.officeId}' and c.key = 'plenum'`,
  );
  // A's share of a team budget (issue 11 §3).
  await t.database.exec(
    `insert into team_budget_allocations (office_id, guide_id, year, hours) values ('${A.officeId}', '${A.guideId}', 2024, 10)`,
  );
  // The card counts approved hours only: those 24 months are approved.
  await t.database.exec(
    `insert into time_sheets (office_id, guide_id, month, status)
     select '${A.officeId}', '${A.guideId}', to_char(date_trunc('month', current_date) - make_interval(months => m), 'YYYY-MM'), 'approved'
     from generate_series(1, 24) m`,
  );
  // Certified a year ago today: the milestones list of this year names A's guide.
  await t.database.exec(
    `update guides set certified_at = (current_date - interval '1 year')::date where id = '${A.guideId}'`,
  );
  const cardConfirmation = await ok(
    a.post('/recognition/card-confirmations', { guideId: A.guideId, rule: 'niedersachsen' }),
    201,
  );
  // A room of A with a booking tomorrow: a conversation of A's deployment.
  const room = await ok(
    a.post('/rooms', { name: `A-Raum ${aTag}`, capacity: 4, partnerId: A.partnerId, notes: `A-Raumnotiz ${aTag}` }),
    201,
  );
  const roomBooking = await ok(
    a.post('/room-bookings', {
      roomId: room.id,
      startsAt: `${addDays(today, 1)}T09:00:00Z`,
      endsAt: `${addDays(today, 1)}T10:00:00Z`,
      title: `A-Gespräch im Raum ${aTag}`,
      purpose: 'assignment',
      assignmentId: accepted.assignmentId,
    }),
    201,
  );
  const message = await ok(
    a.post('/messages', { subject: `A-Rundmail ${aTag}`, body: `A-Text ${aTag}`, filter: {} }),
    201,
  );
  await ok(client(t.app, A.sessions.guide).post(`/me/messages/${message.id}/replies`, { body: `A-Antwort ${aTag}` }));
  const partnerDetail = await ok(a.get(`/partners/${A.partnerId}`));
  const contact = partnerDetail.contacts.find((c: { email: string }) => c.email === A.emails.partner);
  A = { ...A, requestId: request.id, assignmentId: accepted.assignmentId } as typeof A;
  // A reminder the daily job recorded for A (reminders_sent is office-owned like the rest).
  await t.database.exec(
    `insert into reminders_sent (office_id, kind, subject_id, period)
     values ('${A.officeId}', 'offer_unanswered', '${offered.items[0].id}', current_date)`,
  );
  // A mail preference of A's coordinator, and a notification in their centre naming A's guide (its marker shows any leak).
  await ok(a.call('PUT', '/me/notification-preferences', { items: [{ kind: 'review_due', channel: 'immediate' }] }));
  const guideOfA = await ok(a.get(`/guides/${A.guideId}`));
  const [notificationId] = await inScope(t.ctx.database.db, 'system', (tx) =>
    notify(tx, {
      officeId: A.officeId,
      userIds: [A.sessions.coordinator.userId],
      kind: 'background_check_due',
      params: { guide: `${guideOfA.firstName} ${guideOfA.lastName}`, date: today },
      link: `/guides/${A.guideId}`,
    }),
  );

  // A pause of A's guide (its reason carries A's marker) and a push subscription of A's coordinator (its device
  // label too). The test app has no VAPID keys, so the subscription is written as the push service would store it.
  const guidePause = await ok(
    client(t.app, A.sessions.guide).post(`/guides/${A.guideId}/pauses`, {
      startsOn: today,
      endsOn: today,
      reason: `A-Urlaub ${aTag}`,
    }),
    201,
  );
  const [pushSubscription] = await inScope(t.ctx.database.db, 'system', (tx) =>
    tx
      .insert(pushSubscriptions)
      .values({
        officeId: A.officeId,
        userId: A.sessions.coordinator.userId,
        endpoint: `https://push.example.com/send/a-${aTag}`,
        p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
        endpointHash: `a-${aTag}`,
        deviceLabel: `A-Gerät ${aTag}`,
      })
      .returning({ id: pushSubscriptions.id }),
  );

  // An applicant in A at "conversation held" (recruitment), with a step of history.
  const [applicant] = await inScope(t.ctx.database.db, 'system', (tx) =>
    tx
      .insert(schema.applicants)
      .values({
        officeId: A.officeId,
        firstName: 'A-Interessentin',
        lastName: `A-Gewinnung ${aTag}`,
        email: `a-interesse-${aTag}@test.example`,
        status: 'conversation_held',
      })
      .returning(),
  );
  await inScope(t.ctx.database.db, 'system', (tx) =>
    tx.insert(schema.applicantSteps).values({
      officeId: A.officeId,
      applicantId: applicant.id,
      status: 'conversation_held',
      on: today,
      note: `A-Schritt ${aTag}`,
    }),
  );
  await inScope(t.ctx.database.db, 'system', (tx) =>
    tx.insert(schema.applicantConversations).values({
      officeId: A.officeId,
      applicantId: applicant.id,
      heldOn: today,
      heldBy: A.sessions.coordinator.userId,
      outcome: 'suitable',
      note: `A-Gespräch ${aTag}`,
    }),
  );
  A = { ...A, applicantId: applicant.id } as typeof A;

  // A request of A from the public "ask for help" form: no partner, the person's contact in request_contacts.
  await inScope(t.ctx.database.db, 'system', async (tx) => {
    const [help] = await tx
      .insert(schema.requests)
      .values({
        officeId: A.officeId,
        origin: 'public',
        partnerId: null,
        field: 'authorities',
        type: 'accompaniment',
        title: `A-Hilfeanfrage ${aTag}`,
        description: `A-Anliegen aus dem Formular ${aTag}`,
        districtId: A.districtIds[0],
        startsOn: today,
        frequency: 'once',
        expectedHours: 2,
        minorsInvolved: false,
        personInitials: 'A. F.',
        personAgeGroup: 'adult',
        personHousehold: 'individual',
        personConsentGiven: true,
      })
      .returning();
    await tx.insert(schema.requestContacts).values({
      officeId: A.officeId,
      requestId: help.id,
      name: `A-Person ${aTag}`,
      channel: 'phone',
      value: '+49 511 555000',
      locale: 'ar',
    });
  });

  // B has mail of its own too, so that "B sees only B's outbox" is not trivially true.
  await ok(
    client(t.app, B.sessions.coordinator).post(`/partners/${B.partnerId}/contacts`, {
      name: 'B-Kontakt',
      email: `b-kontakt-${tag()}@test.example`,
    }),
    201,
  );

  ids = {
    office: A.officeId,
    guide: A.guideId,
    partner: A.partnerId,
    district: A.districtIds[0],
    districtName: `A-Bezirk ${aTag}`,
    otherDistrict: A.districtIds[1],
    user: A.sessions.guide.userId,
    request: request.id,
    offer: offered.items[0].id,
    assignment: accepted.assignmentId,
    activity: activity.id,
    service: service.id,
    contact: contact.id,
    mail: (await ok(a.get('/outbox?limit=1'))).items[0].id,
    hold: hold.id,
    ...keys,
    consentText: guideText.id,
    consentRecord: consentRecord.id,
    applicant: applicant.id,
    course: course.id,
    courseSession: courseSession.id,
    courseEnrolment: courseEnrolment.id,
    event: event.id,
    guideGroup: guideGroup.id,
    eventFile: eventFile.id,
    certCourse: certCourse.id,
    certEnrolment: certEnrolment.id,
    certificate: certificate.id,
    ruleSet: ruleSet.id,
    programmeRuleSet: programmeRuleSet.id,
    hourCategory: hourCategory.id,
    hourEntry: hourEntry.id,
    timeSheet: timeSheet.id,
    expenseClaim: expenseClaim.id,
    payoutRun: payoutRun.id,
    cardConfirmation: cardConfirmation.id,
    notification: notificationId,
    guidePause: guidePause.id,
    pushSubscription: pushSubscription.id,
    room: room.id,
    roomBooking: roomBooking.id,
    message: message.id,
    ...shared,
    guideLastName: guide.lastName,
    contactEmail,
  };
  randomIds = {
    office: randomUUID(),
    guide: randomUUID(),
    partner: randomUUID(),
    district: randomUUID(),
    districtName: `Kein Bezirk ${tag()}`,
    otherDistrict: randomUUID(),
    user: randomUUID(),
    request: randomUUID(),
    offer: randomUUID(),
    assignment: randomUUID(),
    activity: randomUUID(),
    service: randomUUID(),
    contact: randomUUID(),
    mail: randomUUID(),
    hold: randomUUID(),
    fieldKey: `no_such_${tag()}`,
    specKey: `no_such_${tag()}`,
    consentText: randomUUID(),
    consentRecord: randomUUID(),
    applicant: randomUUID(),
    course: randomUUID(),
    courseSession: randomUUID(),
    courseEnrolment: randomUUID(),
    event: randomUUID(),
    guideGroup: randomUUID(),
    eventFile: randomUUID(),
    certCourse: randomUUID(),
    certEnrolment: randomUUID(),
    certificate: randomUUID(),
    ruleSet: randomUUID(),
    programmeRuleSet: randomUUID(),
    hourCategory: randomUUID(),
    hourEntry: randomUUID(),
    timeSheet: randomUUID(),
    expenseClaim: randomUUID(),
    payoutRun: randomUUID(),
    cardConfirmation: randomUUID(),
    notification: randomUUID(),
    guidePause: randomUUID(),
    pushSubscription: randomUUID(),
    room: randomUUID(),
    roomBooking: randomUUID(),
    message: randomUUID(),
    sharedFieldKey: `no_such_${tag()}`,
    sharedSpecKey: `no_such_${tag()}`,
    sharedDistrictName: `Kein Bezirk ${tag()}`,
    guideLastName: `Niemand ${tag()}`,
    contactEmail: `niemand-${tag()}@test.example`,
  };

  snapshotBefore = await snapshotOf(A);
  const factoryTag = A.emails.coordinator.match(/koordination-([0-9a-f]+)@/)?.[1];
  if (!factoryTag) throw new Error('unexpected factory e-mail format');
  const auditOfA = await ok(a.get('/audit-events?limit=200'));
  const idsInA = new Set(JSON.stringify({ snapshotBefore, auditOfA }).match(UUID) ?? []);
  // Ids both offices legitimately share (the system actor of the seed-like factory) are not A's secrets.
  const bOwn = JSON.stringify({
    snapshot: await snapshotOf(B),
    audit: (await client(t.app, B.sessions.coordinator).get('/audit-events?limit=200')).json(),
  });
  for (const id of idsInA) if (bOwn.includes(id)) idsInA.delete(id);
  markersOfA = { tags: [aTag, factoryTag], ids: [...idsInA] };
  expect(markersOfA.ids).toEqual(expect.arrayContaining([A.officeId, A.guideId, A.partnerId, A.districtIds[0]]));
});
afterAll(() => t.close());

describe('the operation table', () => {
  it('covers every route of the route table (documented or hidden), and nothing that no longer exists', () => {
    const documented = ops.map((o) => o.key).sort();
    const missing = documented.filter((k) => !(k in TABLE));
    const stale = Object.keys(TABLE).filter((k) => !documented.includes(k));
    expect(missing, 'operations without an isolation fixture: add a row to TABLE').toEqual([]);
    expect(stale, 'rows for operations the API no longer has').toEqual([]);
  });

  it('gives every path parameter a fixture, except the {token} of the public link routes', () => {
    for (const op of ops) {
      const row = TABLE[op.key];
      if (!row) continue;
      const names = pathParamsOf(op.path);
      if (row.kind === 'public') continue;
      if (row.kind === 'record') expect(Object.keys(row.params(ids)).sort(), op.key).toEqual([...names].sort());
      else if ((row.kind === 'list' || row.kind === 'create') && row.params)
        expect(Object.keys(row.params()).sort(), op.key).toEqual([...names].sort());
      else expect(names, `${op.key} has path parameters but no record fixture`).toEqual([]);
    }
  });

  it('keeps the public allow-list honest: only those answer without a session, everything else is 401', async () => {
    for (const op of ops) {
      const row = TABLE[op.key];
      if (!row) continue;
      const url = fillPath(op.path, {
        id: randomUUID(),
        activityId: randomUUID(),
        contactId: randomUUID(),
        userId: randomUUID(),
        sessionId: randomUUID(),
        enrolmentId: randomUUID(),
        guideId: randomUUID(),
        fileId: randomUUID(),
        pauseId: randomUUID(),
        month: '2024-01',
        code: 'ABCDEFGHJK',
        kind: 'guides',
        key: 'probe_key',
        token: 'x'.repeat(43),
        file: `${'x'.repeat(43)}.ics`,
        slug: 'kein-buero',
        '*': 'index.css',
      });
      const res = await t.app.inject({
        method: op.method,
        url,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      });
      if (row.kind === 'public') expect(res.statusCode, `${op.key} should be public`).not.toBe(401);
      else expect(res.statusCode, `${op.key} must require a session`).toBe(401);
    }
  });
});

describe("every operation, called by office B with office A's ids", () => {
  for (const [key, row] of Object.entries(TABLE)) {
    if (row.kind === 'public') continue;
    const [method, path] = key.split(' ') as [HttpMethod, string];

    it(`${key} (${row.kind})`, async () => {
      for (const role of ROLES) {
        const api = client(t.app, sessionOf(B, role));
        const label = `${key} as B's ${role}`;

        if (row.kind === 'self') {
          // Logging out would end the session the other rows use: take a fresh one.
          const session = method === 'POST' ? await login(t.app, B.emails[role], TEST_PASSWORD) : sessionOf(B, role);
          const res = await client(t.app, session).call(method, path, row.body ?? (method === 'GET' ? undefined : {}));
          expect(res.statusCode, `${label}: ${res.body}`).toBe(row.expect[role]);
          expectNoTraceOfA(res.body, label);
          if (res.statusCode === 200 && path.endsWith('/me')) expect(res.json().me.office.id).toBe(B.officeId);
          continue;
        }

        if (row.kind === 'list') {
          for (const query of row.queries(ids)) {
            const res = await api.get(`${fillPath(path, row.params?.() ?? {})}${query}`);
            expect(res.statusCode, `${label}${query}: ${res.body.slice(0, 300)}`).toBe(row.expect[role]);
            expectNoTraceOfA(await bodyText(res, row.format), `${label}${query}`);
          }
          continue;
        }

        if (row.kind === 'record') {
          const withA = await api.call(method, fillPath(path, row.params(ids)), row.body?.(ids));
          const withNothing = await api.call(method, fillPath(path, row.params(randomIds)), row.body?.(randomIds));
          expect(withA.statusCode, `${label}: ${withA.body}`).toBe(row.expect[role]);
          expect(withA.headers['content-type']).toMatch(/^application\/problem\+json/);
          // Not found and not yours look exactly the same: the answer does not reveal that A's record exists.
          expect(withA.statusCode, label).toBe(withNothing.statusCode);
          expect(withA.json(), label).toEqual(withNothing.json());
          expectNoTraceOfA(withA.body, label);
          continue;
        }

        // create
        const createPath = fillPath(path, row.params?.() ?? {});
        const res = await api.call(method, createPath, row.body(ids));
        expect(res.statusCode, `${label}: ${res.body}`).toBe(row.expect[role]);
        if (res.statusCode === 201) {
          // The create succeeded in B although A uses the same name or key: nothing of A shows through.
          expectNoTraceOfA(res.body, label);
          await row.cleanup?.(api, res);
          continue;
        }
        expectNoTraceOfA(await bodyText(res, row.format), label);
        const errorPaths = row.errorPaths?.[role];
        if (res.statusCode === 400) expect(errorPaths, `${label}: which fields should fail?`).toBeDefined();
        if (errorPaths) {
          const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
          expect(paths, label).toEqual([...errorPaths].sort());
          const withNothing = await api.call(method, createPath, row.body(randomIds));
          expect(res.json(), `${label}: same answer as for ids that do not exist`).toEqual(withNothing.json());
        }
      }
    });
  }

  it("left A's data exactly as it was", async () => {
    expect(await snapshotOf(A)).toEqual(snapshotBefore);
    const aSessions = await Promise.all(ROLES.map((r) => client(t.app, A.sessions[r]).get('/me')));
    expect(aSessions.map((r) => r.statusCode)).toEqual([200, 200, 200]);
  });

  it("recorded nothing by B's accounts in A's audit log", async () => {
    const bUsers = new Set(ROLES.map((r) => B.sessions[r].userId));
    const res = await client(t.app, A.sessions.coordinator).get('/audit-events?limit=200');
    const events = res.json().items as { actorId: string; action: string }[];
    expect(events.length).toBeGreaterThan(5);
    expect(events.filter((e) => bUsers.has(e.actorId))).toEqual([]);
  });

  it("still shows B nothing of A afterwards, while the same reads as A's coordinator do show A's data", async () => {
    for (const [key, row] of Object.entries(TABLE)) {
      if (row.kind !== 'list' || row.expect.coordinator !== 200) continue;
      const path = fillPath(key.split(' ')[1], row.params?.() ?? {});
      const asB = await client(t.app, B.sessions.coordinator).get(path);
      expectNoTraceOfA(await bodyText(asB, row.format), `${key} as B afterwards`);
      if (row.noMarkers) continue;
      // The probe can fail: the very same read by A's own coordinator contains A's markers.
      const asA = await client(t.app, A.sessions.coordinator).get(path);
      const text = await bodyText(asA, row.format);
      const seen = [...markersOfA.tags, ...markersOfA.ids].some((m) => text.includes(m));
      expect(seen, `${key} as A should contain A's data`).toBe(true);
    }
  });
});

describe("B's own records cannot be made to point at A's", () => {
  const asB = (role: Role) => client(t.app, B.sessions[role]);
  let bRequestId: string;

  beforeAll(async () => {
    const res = await asB('coordinator').post(
      '/requests',
      requestFixture({ partnerId: B.partnerId, districtId: B.districtIds[0] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    bRequestId = res.json().id;
  });

  it("refuses to offer B's request to A's guide, exactly as for a guide that does not exist", async () => {
    const offer = (guideId: string) =>
      asB('coordinator').post(`/requests/${bRequestId}/offers`, { guideIds: [guideId], overrideReason: 'Versuch' });
    const withA = await offer(A.guideId);
    expect(withA.statusCode, withA.body).toBe(400);
    expect(withA.json().errors.map((e: { path: string }) => e.path)).toEqual(['guideIds.0']);
    expect(withA.json()).toEqual((await offer(randomUUID())).json());
    expectNoTraceOfA(withA.body, 'offer to A guide');
  });

  it("files a partner contact's request for their own organisation, whatever partnerId they send", async () => {
    const res = await asB('partner').post(
      '/requests',
      requestFixture({ partnerId: A.partnerId, districtId: B.districtIds[0] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().partnerId).toBe(B.partnerId);
    expectNoTraceOfA(res.body, 'partner request with A partnerId');
  });

  it("refuses A's district and A's field of action in a partner contact's request", async () => {
    const file = (ids: Ids) =>
      asB('partner').post('/requests', requestFixture({ districtId: ids.district, field: ids.fieldKey }));
    const withA = await file(ids);
    expect(withA.statusCode, withA.body).toBe(400);
    expect(
      withA
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['districtId', 'field']);
    expect(withA.json()).toEqual((await file(randomIds)).json());
  });

  it("refuses A's district when B's request is edited", async () => {
    const edit = (districtId: string) => asB('coordinator').patch(`/requests/${bRequestId}`, { districtId });
    const withA = await edit(A.districtIds[0]);
    expect(withA.statusCode, withA.body).toBe(400);
    expect(withA.json()).toEqual((await edit(randomUUID())).json());
  });

  it("refuses to close B's deployment with a referral to A's services directory", async () => {
    const offer = await asB('coordinator').post(`/requests/${bRequestId}/offers`, {
      guideIds: [B.guideId],
      overrideReason: 'Testaufbau ohne Ranking',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const accepted = await asB('guide').post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const assignmentId = accepted.json().assignmentId;
    const close = (serviceId: string) =>
      asB('coordinator').post(`/assignments/${assignmentId}/close`, {
        outcome: 'referred',
        referredServiceId: serviceId,
        // Nobody confirmed the agreement in this set-up; closing anyway is acknowledged, so the referral is checked.
        acknowledgeUnconfirmed: true,
      });
    const withNothing = await close(randomUUID());
    const withA = await close(ids.service);
    expect(withNothing.statusCode, `unknown service: ${withNothing.body}`).toBe(400);
    expect(withA.statusCode, `A's service: ${withA.body}`).toBe(400);
    expect(withA.json()).toEqual(withNothing.json());
  });
});

/** Drizzle wraps the driver's error; the database's own message is in `cause`. */
async function databaseError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  throw new Error('expected the database to refuse this statement');
}

describe('row-level security below the application', () => {
  const officeTables = Object.entries(schema)
    .filter(([, value]) => is(value, PgTable))
    .map(([name, table]) => ({ name, table: table as PgTable, sqlName: getTableConfig(table as PgTable).name }))
    .filter(({ table }) => 'officeId' in getTableColumns(table));
  /** Tables the factory fills for B too: for these, B's own rows must be visible to B. */
  const CORE = [
    'guides',
    'partners',
    'districts',
    'users',
    'auditEvents',
    'outbox',
    'partnerContacts',
    'fieldsOfAction',
  ];

  it('has RLS enabled, forced and an office policy on every table with an office_id column', async () => {
    expect(officeTables.map((t) => t.name)).toEqual(expect.arrayContaining(CORE));
    const rows = await t.database.rows<{ name: string; enabled: boolean; forced: boolean; policies: number }>(`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.tablename = c.relname and p.schemaname = 'public') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const { sqlName } of [...officeTables, { sqlName: 'offices' }]) {
      expect(byName.get(sqlName), sqlName).toMatchObject({ enabled: true, forced: true });
      expect(byName.get(sqlName)?.policies, sqlName).toBeGreaterThan(0);
    }
  });

  it('runs office work as a role without superuser or BYPASSRLS rights', async () => {
    const result = await inScope(t.database.db, { officeId: B.officeId }, (tx) =>
      tx.execute(
        sql`select current_user as who, r.rolsuper as super, r.rolbypassrls as bypass from pg_roles r where r.rolname = current_user`,
      ),
    );
    const row = (result as unknown as { rows: { who: string; super: boolean; bypass: boolean }[] }).rows[0];
    expect(row).toEqual({ who: 'lotsennetz_app', super: false, bypass: false });
  });

  it("shows B's scope no row of A in any office-owned table, even without a where clause", async () => {
    for (const { name, table } of officeTables) {
      const column = getTableColumns(table).officeId;
      const inA = await inScope(t.database.db, 'system', (tx) =>
        tx.select({ officeId: column }).from(table).where(sql`${column} = ${A.officeId}`),
      );
      // Office A's fixtures fill every office-owned table: a new table without fixture rows fails here.
      expect(inA.length, `${name}: A needs rows for this check to mean anything`).toBeGreaterThan(0);
      const seenByB = await inScope(t.database.db, { officeId: B.officeId }, (tx) =>
        tx.select({ officeId: column }).from(table),
      );
      if (CORE.includes(name)) expect(seenByB.length, `${name}: B sees its own rows`).toBeGreaterThan(0);
      expect(
        seenByB.filter((r) => r.officeId !== B.officeId),
        name,
      ).toEqual([]);
    }
    const guidesSeen = await inScope(t.database.db, { officeId: B.officeId }, (tx) => tx.select().from(guides));
    expect(guidesSeen.map((g) => g.id)).toContain(B.guideId);
    expect(guidesSeen.map((g) => g.id)).not.toContain(A.guideId);
    const officesSeen = await inScope(t.database.db, { officeId: B.officeId }, (tx) => tx.select().from(offices));
    expect(officesSeen.map((o) => o.id)).toEqual([B.officeId]);
  });

  it("rejects an insert carrying A's office_id under B's scope", async () => {
    const marker = `RLS-Probe ${tag()}`;
    const asB = <T>(work: (tx: Tx) => Promise<T>) => inScope(t.database.db, { officeId: B.officeId }, work);
    expect(
      await databaseError(
        asB((tx) => tx.insert(guides).values({ officeId: A.officeId, firstName: 'X', lastName: marker })),
      ),
    ).toMatch(/row-level security/);
    expect(
      await databaseError(
        asB((tx) => tx.insert(districts).values({ officeId: A.officeId, name: marker, lat: 1, lon: 1 })),
      ),
    ).toMatch(/row-level security/);
    expect(await databaseError(asB((tx) => tx.insert(offices).values({ name: marker, city: 'Nirgendwo' })))).toMatch(
      /row-level security/,
    );
    // The same insert with B's own office_id works, so the refusal above is about the office, not the statement.
    const own = await asB((tx) =>
      tx.insert(guides).values({ officeId: B.officeId, firstName: 'X', lastName: marker }).returning(),
    );
    expect(own).toHaveLength(1);
    await asB((tx) => tx.delete(guides).where(sql`${guides.id} = ${own[0].id}`));
    const inA = await inScope(t.database.db, 'system', (tx) =>
      tx.select().from(guides).where(sql`${guides.lastName} = ${marker}`),
    );
    expect(inA).toEqual([]);
  });

  it("cannot move B's row into A, nor update or delete A's rows, under B's scope", async () => {
    const asB = <T>(work: (tx: Tx) => Promise<T>) => inScope(t.database.db, { officeId: B.officeId }, work);
    expect(
      await databaseError(
        asB((tx) => tx.update(partners).set({ officeId: A.officeId }).where(sql`${partners.id} = ${B.partnerId}`)),
      ),
    ).toMatch(/row-level security/);
    const updated = await asB((tx) =>
      tx.update(guides).set({ notes: 'überschrieben' }).where(sql`${guides.id} = ${A.guideId}`).returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await asB((tx) => tx.delete(partners).where(sql`${partners.id} = ${A.partnerId}`).returning());
    expect(deleted).toEqual([]);
    const [guide] = await inScope(t.database.db, 'system', (tx) =>
      tx.select().from(guides).where(sql`${guides.id} = ${A.guideId}`),
    );
    expect(guide.notes).toMatch(/^A-Notiz /);
    const partner = await inScope(t.database.db, 'system', (tx) =>
      tx.select().from(partners).where(sql`${partners.id} = ${A.partnerId}`),
    );
    expect(partner).toHaveLength(1);
  });

  it('shows an office scope for an office that does not exist nothing at all', async () => {
    const rows = await inScope(t.database.db, { officeId: randomUUID() }, (tx) => tx.select().from(guides));
    expect(rows).toEqual([]);
  });
});
