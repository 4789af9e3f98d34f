/**
 * Bad input on every write endpoint, driven by the app's route table (hidden routes included, so a write the
 * fixture table lacks fails the suite): malformed JSON, wrong types, unknown fields, oversized text and bad path
 * parameters each get 400 problem+json with a stable code and no internals; NUL characters, bidi controls and far
 * dates are refused naming the field (regressions of issue 6 section 4); the domain rules (languages, countries, districts of another office, availability slots, e-mail, duplicates) get
 * field errors with translated messages; and nothing a rejected write touched has changed.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guides } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { hashPassword } from '../../src/modules/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import { ERROR_CODES } from '../../src/shared/errors.js';
import { translate } from '../../src/shared/i18n/index.js';
import {
  expectNoStackTrace,
  expectProblem,
  fillPath,
  type HttpMethod,
  type OpenApiSchema,
  type Operation,
  type Problem,
  pathParamsOf,
  requestSchemaOf,
  tag,
} from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, ON_RECORD, TEST_PASSWORD } from '../helpers/factories.js';
import { routeOperations } from '../helpers/routes.js';
import { type Fixtures, guideBody, partnerBody, today, type Who, WRITES } from '../helpers/writes.js';

const CROSS_FIELD_CODES = [
  'slotEndsBeforeStart',
  'endBeforeStart',
  'issuedAfterChecked',
  'consentSubject',
  'eventWhen',
  'periodEndsBeforeStart',
  'periodTooLong',
];
const BAD_PARAMS: Record<string, string> = {
  id: 'not-a-uuid',
  activityId: 'keine-uuid',
  contactId: 'kein-kontakt',
  userId: 'keine-kennung',
  key: 'Kein Schlüssel!',
  token: 'kurz',
  kind: 'keine-art',
  slug: 'Kein Büro!',
  sessionId: 'kein-termin',
  enrolmentId: 'keine-anmeldung',
  code: 'kurz',
  month: 'kein-monat',
  guideId: 'keine-lotsin',
  file: 'kein.ics',
  fileId: 'keine-datei',
  pauseId: 'keine-pause',
};

let t: TestApp;
let f: Fixtures;
let admin: Session;
let throwaway: Session;
let writes: Operation[];
let before: Record<string, unknown>;

const sessionFor = (who: Who): Session | undefined =>
  who === 'coordinator'
    ? f.A.sessions.coordinator
    : who === 'admin'
      ? admin
      : who === 'throwaway'
        ? throwaway
        : undefined;

function send(
  op: Operation,
  options: { params?: Record<string, string>; payload?: unknown; headers?: Record<string, string>; session?: Session },
) {
  const row = WRITES[op.key];
  const url = fillPath(op.path, options.params ?? row.params?.(f) ?? {});
  // The server-rendered public pages live outside /api (the client would prefix it): they are anonymous anyway.
  if (!op.path.startsWith('/api/'))
    return t.app.inject({
      method: op.method as 'POST',
      url,
      payload: options.payload as string | undefined,
      headers: options.headers,
    });
  return client(t.app, options.session ?? sessionFor(row.who)).call(op.method, url, options.payload, options.headers);
}

/** JSON types a property accepts (anyOf branches included); "integer" counts as "number". */
function typesOf(schema: OpenApiSchema): Set<string> {
  const types = new Set<string>();
  const visit = (s: OpenApiSchema) => {
    for (const type of [s.type ?? []].flat()) types.add(type === 'integer' ? 'number' : type);
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(branch);
  };
  visit(schema);
  return types;
}

/** A value of a type the property does not accept, close to what a sloppy client sends. */
function wrongValueFor(schema: OpenApiSchema): unknown {
  const types = typesOf(schema);
  if (types.has('string') && !types.has('number')) return 12345;
  if (types.has('number')) return '12';
  if (types.has('boolean')) return 'true';
  if (types.has('array')) return 'eins, zwei';
  if (types.has('object')) return 'kein Objekt';
  return { unerwartet: true };
}

/** Everything an office's coordinator and the admin can read, to prove rejected writes changed nothing. */
async function state() {
  const read = async (session: Session, url: string) => {
    const res = await client(t.app, session).get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const coordinator = f.A.sessions.coordinator;
  // Mail actually sent (the test transport), so that a rejected write is proven to have mailed nobody.
  const mailsTo = async (addresses: string[]) =>
    addresses.map((to) => t.sentMail.filter((raw) => raw.toString('utf8').toLowerCase().includes(`to: ${to}`)).length);
  return {
    guides: await read(coordinator, '/guides?limit=200'),
    partners: await read(coordinator, '/partners?limit=200'),
    districts: await read(coordinator, '/districts'),
    fields: await read(coordinator, '/fields'),
    specializations: await read(coordinator, '/specializations'),
    users: await read(coordinator, '/users'),
    auditTotal: (await read(coordinator, '/audit-events?limit=1')).total,
    offices: (await read(admin, '/offices')).items.filter((o: { id: string }) =>
      [f.A.officeId, f.B.officeId].includes(o.id),
    ),
    requests: await read(coordinator, '/requests?limit=200'),
    services: await read(coordinator, '/services'),
    settings: await read(coordinator, '/settings'),
    // Scoped to this test's offices and addresses: on PostgreSQL other test files write to the same database.
    outboxTotal: (await read(coordinator, '/outbox?limit=1')).total,
    mailsToBodyAddresses: await mailsTo([
      'wer@test.example',
      'k@test.example',
      'neu@test.example',
      'kontakt@test.example',
    ]),
    officesNamedLikeTheBody: (await read(admin, '/offices')).items.filter(
      (o: { name: string }) => o.name === 'Neues Büro',
    ).length,
  };
}

const validationErrors = (res: LightMyRequestResponse): NonNullable<Problem['errors']> => {
  const body = expectProblem(res, 400, 'validation_failed');
  expect(Array.isArray(body.errors) && body.errors.length > 0, res.body).toBe(true);
  for (const e of body.errors ?? []) {
    expect(typeof e.message).toBe('string');
    expect(e.message, `${e.path}/${e.code} has no catalogue text`).not.toMatch(/^(validation|errors)\./);
  }
  return body.errors ?? [];
};

/** Accounts like the coordinator and the admin, but with English or Arabic as their UI language. */
const inLocale: Record<string, Partial<Record<Who, Session>>> = {};
async function createLocaleAccounts() {
  const services = createServices(t.ctx);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const locale of ['en', 'ar'] as const) {
    inLocale[locale] = {};
    for (const who of ['coordinator', 'admin'] as const) {
      const email = `${who}-${locale}-${tag()}@test.example`;
      await inScope(t.ctx.database.db, 'system', (tx) =>
        services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
          email,
          displayName: `${who} ${locale}`,
          role: who === 'admin' ? 'platform_admin' : 'coordinator',
          officeId: who === 'admin' ? null : f.A.officeId,
          locale,
          passwordHash,
        }),
      );
      inLocale[locale][who] = await login(t.app, email, TEST_PASSWORD);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const A = await createOffice(t);
  const service = await client(t.app, A.sessions.coordinator).post('/services', { name: 'Dienst', topics: ['court'] });
  expect(service.statusCode, service.body).toBe(201);
  f = { A, B: await createOffice(t), serviceId: service.json().id };
  admin = await createPlatformAdmin(t);
  throwaway = await login(t.app, f.A.emails.guide, TEST_PASSWORD);
  await createLocaleAccounts();
  writes = routeOperations(t.app).filter((op) => op.method !== 'GET');
  before = await state();
});
afterAll(() => t.close());

describe('the write table', () => {
  it('covers every write operation of the route table (documented or not)', () => {
    const documented = writes.map((op) => op.key).sort();
    expect(
      documented.filter((k) => !(k in WRITES)),
      'writes without a bad-input fixture',
    ).toEqual([]);
    expect(
      Object.keys(WRITES).filter((k) => !documented.includes(k)),
      'rows for writes that no longer exist',
    ).toEqual([]);
  });

  it('has valid bodies: only fields the schema knows, with all required ones', () => {
    for (const op of writes) {
      const schema = requestSchemaOf(op.operation);
      const body = WRITES[op.key]?.body?.(f);
      if (!schema) {
        expect(body, `${op.key} has no request body`).toBeUndefined();
        continue;
      }
      expect(body, `${op.key} needs a valid body`).toBeDefined();
      const known = Object.keys(schema.properties ?? {});
      expect(
        Object.keys(body ?? {}).filter((k) => !known.includes(k)),
        op.key,
      ).toEqual([]);
      expect(
        (schema.required ?? []).filter((k) => !(k in (body ?? {}))),
        op.key,
      ).toEqual([]);
    }
  });
});

describe('every write endpoint rejects bad input with 400 problem+json', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    for (const op of writes) {
      for (const payload of ['{"firstName": ', '{firstName: "x"}', "{'a': 1}", '[1, 2', '{"a":1}}']) {
        const res = await send(op, { payload, headers: { 'content-type': 'application/json' } });
        expectProblem(res, 400, 'malformed_json');
      }
    }
  });

  it('an empty JSON body with a JSON content type → 400 malformed_json', async () => {
    for (const op of writes) {
      const res = await send(op, { payload: '', headers: { 'content-type': 'application/json' } });
      expectProblem(res, 400, 'malformed_json');
    }
  });

  it('a body that is not JSON at all (text/plain) → a 4xx problem, never a 5xx', async () => {
    for (const op of writes.filter((o) => requestSchemaOf(o.operation))) {
      const res = await send(op, { payload: 'firstName=x', headers: { 'content-type': 'text/plain' } });
      expect([400, 415], `${op.key}: ${res.body}`).toContain(res.statusCode);
      expectProblem(res, res.statusCode);
    }
  });

  it('a wrong type in any field → 400 validation_failed naming exactly that field', async () => {
    let checked = 0;
    for (const op of writes) {
      const schema = requestSchemaOf(op.operation);
      const base = WRITES[op.key].body?.(f);
      if (!schema || !base) continue;
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const res = await send(op, { payload: { ...base, [field]: wrongValueFor(fieldSchema) } });
        const errors = validationErrors(res);
        expect(
          errors.map((e) => e.path),
          `${op.key} ${field}`,
        ).toEqual(errors.map(() => field));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('an array or a bare value instead of an object → 400', async () => {
    for (const op of writes.filter((o) => requestSchemaOf(o.operation))) {
      for (const payload of [[WRITES[op.key].body?.(f)], 'text', 42, null]) {
        const res = await send(op, {
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${op.key} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
        expectProblem(res, 400);
      }
    }
  });

  it('an unknown field → 400 unrecognized_keys', async () => {
    for (const op of writes) {
      const base = WRITES[op.key].body?.(f);
      if (!base) continue;
      const errors = validationErrors(await send(op, { payload: { ...base, isAdmin: true } }));
      expect(
        errors.map((e) => e.code),
        op.key,
      ).toContain('unrecognized_keys');
      expect(errors.find((e) => e.code === 'unrecognized_keys')?.message, op.key).toContain('isAdmin');
    }
  });

  it('10,000 characters in any text field → 400 on that field', async () => {
    let checked = 0;
    for (const op of writes) {
      const schema = requestSchemaOf(op.operation);
      const base = WRITES[op.key].body?.(f);
      if (!schema || !base) continue;
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        if (!typesOf(fieldSchema).has('string')) continue;
        const errors = validationErrors(await send(op, { payload: { ...base, [field]: 'x'.repeat(10_000) } }));
        expect(
          errors.map((e) => e.path),
          `${op.key} ${field}`,
        ).toContain(field);
        // A rule across two fields (e.g. "ends before it starts") may fire on the partner field too; nothing else.
        const elsewhere = errors.filter((e) => e.path !== field && !CROSS_FIELD_CODES.includes(e.code));
        expect(elsewhere, `${op.key} ${field}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('a malformed path parameter → 400 naming the parameter', async () => {
    for (const op of writes) {
      const names = pathParamsOf(op.path);
      if (names.length === 0) continue;
      const valid = WRITES[op.key].params?.(f) ?? {};
      for (const name of names) {
        const res = await send(op, {
          params: { ...valid, [name]: BAD_PARAMS[name] },
          payload: WRITES[op.key].body?.(f),
        });
        const errors = validationErrors(res);
        expect(
          errors.map((e) => e.path),
          op.key,
        ).toContain(`params.${name}`);
      }
    }
  });

  it('an empty object → 400 for every write that has a body (never a 500)', async () => {
    for (const op of writes.filter((o) => requestSchemaOf(o.operation) && !WRITES[o.key]?.emptyBodyOk)) {
      const res = await send(op, { payload: {} });
      expect(res.statusCode, `${op.key}: ${res.body}`).toBe(400);
      validationErrors(res);
    }
  });

  it('a body over 1 MiB → 413 problem+json', async () => {
    const res = await client(t.app, f.A.sessions.coordinator).post('/guides', {
      ...guideBody(f),
      notes: 'x'.repeat(1_100_000),
    });
    expectProblem(res, 413);
  });
});

type Rule = {
  op: string;
  label: string;
  body: (f: Fixtures) => Record<string, unknown>;
  errors: { path: string; code: string }[];
};

const guideRules = (op: 'POST /api/v1/guides' | 'PATCH /api/v1/guides/{id}'): Rule[] => {
  const body = (extra: (f: Fixtures) => Record<string, unknown>) => (fx: Fixtures) =>
    op.startsWith('POST') ? { ...guideBody(fx), ...extra(fx) } : extra(fx);
  const rule = (label: string, extra: (f: Fixtures) => Record<string, unknown>, errors: Rule['errors']): Rule => ({
    op,
    label,
    body: body(extra),
    errors,
  });
  return [
    rule('unknown language code', () => ({ languages: [{ code: 'xx', level: 'C1' }] }), [
      { path: 'languages.0.code', code: 'languageUnknown' },
    ]),
    rule('unknown language level', () => ({ languages: [{ code: 'de', level: 'C3' }] }), [
      { path: 'languages.0.level', code: 'invalid_value' },
    ]),
    rule(
      'the same language twice',
      () => ({
        languages: [
          { code: 'ar', level: 'native' },
          { code: 'ar', level: 'B1' },
        ],
      }),
      [{ path: 'languages', code: 'duplicate' }],
    ),
    rule('unknown country code', () => ({ countries: ['XX'] }), [{ path: 'countries.0', code: 'countryUnknown' }]),
    rule('lower-case country code', () => ({ countries: ['sy'] }), [{ path: 'countries.0', code: 'countryUnknown' }]),
    rule('the same country twice', () => ({ countries: ['SY', 'SY'] }), [{ path: 'countries', code: 'duplicate' }]),
    rule('home district of another office', (fx) => ({ homeDistrictId: fx.B.districtIds[0] }), [
      { path: 'homeDistrictId', code: 'districtUnknown' },
    ]),
    rule(
      'service district of another office',
      (fx) => ({ serviceDistrictIds: [fx.A.districtIds[0], fx.B.districtIds[1]] }),
      [{ path: 'serviceDistrictIds.1', code: 'districtUnknown' }],
    ),
    rule('home district that does not exist', () => ({ homeDistrictId: randomUUID() }), [
      { path: 'homeDistrictId', code: 'districtUnknown' },
    ]),
    rule(
      'availability slot ending before it starts',
      () => ({ availability: [{ weekday: 3, from: '14:00', to: '09:00' }] }),
      [{ path: 'availability.0.to', code: 'slotEndsBeforeStart' }],
    ),
    rule('availability slot of zero length', () => ({ availability: [{ weekday: 3, from: '14:00', to: '14:00' }] }), [
      { path: 'availability.0.to', code: 'slotEndsBeforeStart' },
    ]),
    rule(
      'availability time that does not exist',
      () => ({ availability: [{ weekday: 3, from: '24:00', to: '25:00' }] }),
      [
        { path: 'availability.0.from', code: 'time' },
        { path: 'availability.0.to', code: 'time' },
      ],
    ),
    rule('weekday 8', () => ({ availability: [{ weekday: 8, from: '09:00', to: '10:00' }] }), [
      { path: 'availability.0.weekday', code: 'invalid_value' },
    ]),
    rule('invalid e-mail', () => ({ email: 'lotsin at example' }), [{ path: 'email', code: 'invalid_email' }]),
    rule('phone with letters', () => ({ phone: 'call me maybe' }), [{ path: 'phone', code: 'phone' }]),
    rule('capacity over 20', () => ({ maxActiveAssignments: 21 }), [
      { path: 'maxActiveAssignments', code: 'too_big_number' },
    ]),
    rule('negative capacity', () => ({ maxActiveAssignments: -1 }), [
      { path: 'maxActiveAssignments', code: 'too_small_number' },
    ]),
    rule('blank first name', () => ({ firstName: '   ' }), [{ path: 'firstName', code: 'required' }]),
    rule('unknown field of action', () => ({ fields: ['astrologie'] }), [{ path: 'fields.0', code: 'fieldUnknown' }]),
    rule('unknown specialisation', () => ({ specializations: ['zauberei'] }), [
      { path: 'specializations.0', code: 'specializationUnknown' },
    ]),
    rule('malformed field key', () => ({ fields: ['Behörden & Ämter'] }), [{ path: 'fields.0', code: 'key' }]),
    rule('impossible date', () => ({ certifiedAt: '2025-02-30' }), [{ path: 'certifiedAt', code: 'invalid_date' }]),
    rule('unknown gender', () => ({ gender: 'unknown' }), [{ path: 'gender', code: 'invalid_value' }]),
    rule('notes over 4,000 characters', () => ({ notes: 'n'.repeat(4001) }), [
      { path: 'notes', code: 'too_big_string' },
    ]),
  ];
};

const RULES: Rule[] = [
  ...guideRules('POST /api/v1/guides'),
  ...guideRules('PATCH /api/v1/guides/{id}'),
  {
    op: 'PATCH /api/v1/guides/{id}',
    label: 'an empty patch',
    body: () => ({}),
    errors: [{ path: '', code: 'emptyPatch' }],
  },
  {
    op: 'POST /api/v1/partners',
    label: 'district of another office',
    body: (fx) => ({ ...partnerBody(fx), districtId: fx.B.districtIds[0] }),
    errors: [{ path: 'districtId', code: 'districtUnknown' }],
  },
  {
    op: 'PATCH /api/v1/partners/{id}',
    label: 'district of another office',
    body: (fx) => ({ districtId: fx.B.districtIds[1] }),
    errors: [{ path: 'districtId', code: 'districtUnknown' }],
  },
  {
    op: 'POST /api/v1/partners',
    label: 'postal code with four digits',
    body: (fx) => ({ ...partnerBody(fx), postalCode: '3015' }),
    errors: [{ path: 'postalCode', code: 'postalCode' }],
  },
  {
    op: 'POST /api/v1/partners',
    label: 'unknown partner type',
    body: (fx) => ({ ...partnerBody(fx), type: 'bank' }),
    errors: [{ path: 'type', code: 'invalid_value' }],
  },
  {
    op: 'POST /api/v1/partners/{id}/contacts',
    label: 'invalid e-mail',
    body: () => ({ name: 'Kontakt', email: 'kontakt@', invite: true }),
    errors: [{ path: 'email', code: 'invalid_email' }],
  },
  {
    op: 'POST /api/v1/users',
    label: 'a role that cannot be invited',
    body: () => ({ email: 'rolle@test.example', displayName: 'Rolle', role: 'platform_admin' }),
    errors: [{ path: 'role', code: 'invalid_value' }],
  },
  {
    op: 'POST /api/v1/users',
    label: 'a guide account without a guide profile',
    body: () => ({ email: 'ohne@test.example', displayName: 'Ohne', role: 'guide' }),
    errors: [{ path: 'guideId', code: 'required' }],
  },
  {
    op: 'POST /api/v1/users',
    label: 'a guide profile of another office',
    body: (fx) => ({ email: 'fremd@test.example', displayName: 'Fremd', role: 'guide', guideId: fx.B.guideId }),
    errors: [{ path: 'guideId', code: 'invalid_uuid' }],
  },
  {
    op: 'POST /api/v1/districts',
    label: 'latitude out of range',
    body: () => ({ name: 'Nordpol', lat: 91, lon: 0 }),
    errors: [{ path: 'lat', code: 'too_big_number' }],
  },
  {
    op: 'PATCH /api/v1/districts/{id}',
    label: 'an empty patch',
    body: () => ({}),
    errors: [{ path: '', code: 'emptyPatch' }],
  },
  {
    op: 'PATCH /api/v1/offices/{id}',
    label: 'an empty patch',
    body: () => ({}),
    errors: [{ path: '', code: 'emptyPatch' }],
  },
  {
    op: 'POST /api/v1/fields',
    label: 'a key with spaces and capitals',
    body: () => ({ key: 'Mein Feld', name: 'Mein Feld' }),
    errors: [{ path: 'key', code: 'key' }],
  },
  ...(
    [
      [
        'district of another office',
        (fx: Fixtures) => ({ districtId: fx.B.districtIds[0] }),
        'districtId',
        'districtUnknown',
      ],
      ['ends before it starts', () => ({ startsOn: '2026-05-10', endsOn: '2026-05-01' }), 'endsOn', 'endBeforeStart'],
      [
        'one person with a household of four',
        () => ({
          person: {
            initials: 'A. B.',
            ageGroup: 'adult',
            languages: ['ar'],
            household: 'individual',
            householdSize: 4,
            consentGiven: true,
          },
        }),
        'person.householdSize',
        'householdSize',
      ],
      [
        'a person speaking an unknown language',
        () => ({
          person: {
            initials: 'A. B.',
            ageGroup: 'adult',
            languages: ['xx'],
            household: 'individual',
            consentGiven: true,
          },
        }),
        'person.languages.0',
        'languageUnknown',
      ],
      ['a field of action the office does not have', () => ({ field: 'astrologie' }), 'field', 'fieldUnknown'],
    ] as const
  ).map(
    ([label, extra, path, code]): Rule => ({
      op: 'POST /api/v1/requests',
      label,
      body: (fx) => ({ ...(WRITES['POST /api/v1/requests'].body?.(fx) ?? {}), ...extra(fx) }),
      errors: [{ path, code }],
    }),
  ),
  {
    op: 'POST /api/v1/assignments/{id}/close',
    label: 'referred, but not saying where to',
    body: () => ({ outcome: 'referred' }),
    errors: [{ path: 'referredTo', code: 'referralRequired' }],
  },
  {
    op: 'POST /api/v1/assignments/{id}/close',
    label: 'ended early without a reason',
    body: () => ({ outcome: 'ended_early' }),
    errors: [{ path: 'endedEarlyReason', code: 'reasonRequired' }],
  },
  {
    op: 'POST /api/v1/assignments/{id}/activities',
    label: 'an activity ending before it starts',
    body: () => ({ date: today, startTime: '11:00', endTime: '10:00', type: 'other' }),
    errors: [{ path: 'endTime', code: 'slotEndsBeforeStart' }],
  },
  {
    op: 'PATCH /api/v1/services/{id}',
    label: 'an empty patch',
    body: () => ({}),
    errors: [{ path: '', code: 'emptyPatch' }],
  },
  {
    op: 'PATCH /api/v1/me',
    label: 'a UI language that does not exist',
    body: () => ({ locale: 'fr' }),
    errors: [{ path: 'locale', code: 'invalid_value' }],
  },
];

describe('domain rules answer with field errors and translated messages', () => {
  const sessionIn = (locale: string, who: Who) => (locale === 'de' ? sessionFor(who) : inLocale[locale][who]);

  it('has a rule for every write that has domain rules beyond its schema types', () => {
    const ops = new Set(RULES.map((r) => r.op));
    for (const op of [
      'POST /api/v1/guides',
      'PATCH /api/v1/guides/{id}',
      'POST /api/v1/partners',
      'POST /api/v1/users',
    ]) {
      expect(ops.has(op), op).toBe(true);
    }
    for (const rule of RULES) expect(rule.op in WRITES, rule.op).toBe(true);
  });

  for (const rule of RULES) {
    it(`${rule.op}: ${rule.label}`, async () => {
      const op = writes.find((o) => o.key === rule.op) as Operation;
      const messages: Record<string, string[]> = {};
      for (const locale of ['de', 'en', 'ar']) {
        // A signed-in user's messages follow their chosen UI language.
        const session = sessionIn(locale, WRITES[rule.op].who);
        const errors = validationErrors(await send(op, { payload: rule.body(f), session }));
        expect(
          errors.map(({ path, code }) => ({ path, code })),
          `${rule.label} (${locale})`,
        ).toEqual(rule.errors);
        messages[locale] = errors.map((e) => e.message);
      }
      expect(messages.en, 'English differs from German').not.toEqual(messages.de);
      expect(messages.ar, 'Arabic differs from German').not.toEqual(messages.de);
      for (const text of messages.ar) expect(text).toMatch(/[\u0600-\u06FF]/);
    });
  }

  it('translates errors for anonymous callers by Accept-Language', async () => {
    const bad = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'kein-at-zeichen', password: 'x' },
        headers: { 'accept-language': lang },
      });
    const de = validationErrors(await bad('de-DE,de;q=0.9'));
    const en = validationErrors(await bad('en-GB,en;q=0.8'));
    const ar = validationErrors(await bad('ar'));
    expect(de.map((e) => e.path)).toEqual(['email']);
    expect(en[0].message).not.toBe(de[0].message);
    expect(ar[0].message).not.toBe(de[0].message);
    expect(ar[0].message).toMatch(/[\u0600-\u06FF]/);
    const titles = await Promise.all(['de', 'en', 'ar'].map(async (l) => (await bad(l)).json().title));
    expect(new Set(titles).size).toBe(3);
  });
});

describe('the error catalogue', () => {
  it('has a title for every stable error code in German, English and Arabic', () => {
    for (const code of ERROR_CODES) {
      const titles = (['de', 'en', 'ar'] as const).map((l) => translate(l, `errors.${code}`));
      for (const title of titles) expect(title, code).not.toMatch(/^errors\./);
      expect(titles[1], `${code}: English`).not.toBe(titles[0]);
      expect(titles[2], `${code}: Arabic`).toMatch(/[\u0600-\u06FF]/);
    }
  });
});

describe('after all those rejected writes', () => {
  it('nothing in either office has changed', async () => {
    expect(await state()).toEqual(before);
  });

  it('the session whose logout got malformed JSON is still signed in', async () => {
    expect((await client(t.app, throwaway).get('/me')).statusCode).toBe(200);
  });

  it('no error response carried a stack trace (checked on every response above), nor does a 404', async () => {
    const res = await client(t.app, f.A.sessions.coordinator).get(`/guides/${randomUUID()}/nothing`);
    expectProblem(res, 404, 'not_found');
    expectNoStackTrace(res.body);
  });
});

describe('the same input, once valid, is accepted (the rejections above are about the input)', () => {
  it('creates a guide and a partner from the valid bodies, and refuses the same guide after a bad field', async () => {
    const api = client(t.app, f.A.sessions.coordinator);
    const guide = await api.post('/guides', guideBody(f));
    expect(guide.statusCode, guide.body).toBe(201);
    const partner = await api.post('/partners', partnerBody(f));
    expect(partner.statusCode, partner.body).toBe(201);
    const bad = await api.post('/guides', { ...guideBody(f), countries: ['XX'] });
    expect(bad.statusCode).toBe(400);
    const patched = await api.patch(`/guides/${guide.json().id}`, { lastName: tag() });
    expect(patched.statusCode).toBe(200);
  });

  it.each(['POST', 'PATCH'] as HttpMethod[])(
    'every %s rule body is accepted once its bad part is removed',
    async (method) => {
      const api = client(t.app, f.A.sessions.coordinator);
      // PATCH keeps the guide's status (active, certified) so the life-cycle rules have nothing to object to.
      const body =
        method === 'POST'
          ? guideBody(f)
          : { ...guideBody(f), status: 'active', certifiedAt: '2025-06-01', ...ON_RECORD };
      const res = await api.call(method, method === 'POST' ? '/guides' : `/guides/${f.A.guideId}`, body);
      expect(res.statusCode, res.body).toBe(method === 'POST' ? 201 : 200);
    },
  );
});

/**
 * Issue 6 §4, "inputs that must never cause a 500": each defect an external review found, as a test that failed on
 * the code before the fix. The fuzz suite (fuzz.test.ts) covers the same classes on every route.
 */
describe('regressions: inputs that must never cause a 500', () => {
  const asCoordinator = (locale: 'de' | 'en' | 'ar' = 'de') =>
    client(t.app, locale === 'de' ? f.A.sessions.coordinator : (inLocale[locale].coordinator as Session));
  /** The 400 names `path` with `code`, worded in the caller's language. */
  const refuses = (res: LightMyRequestResponse, path: string, code: string) => {
    const errors = validationErrors(res);
    expect(
      errors.map((e) => `${e.path}:${e.code}`),
      res.body,
    ).toContain(`${path}:${code}`);
    return errors.find((e) => e.path === path && e.code === code)?.message as string;
  };
  const fullGuide = () => ({
    ...guideBody(f),
    backgroundCheck: { checkedAt: today, issuedAt: today, relevantConviction: false },
    consent: { version: '2024-1', language: 'de', givenAt: today, withdrawnAt: null },
  });

  it('regression: a NUL character in ?q= answers 400 naming the parameter, not 500', async () => {
    for (const url of [
      '/guides?q=%00',
      '/guides?q=Lotse%00in',
      '/guides/export.csv?q=%00',
      '/guides/export.xlsx?q=%00',
      '/partners?q=%00',
    ])
      refuses(await asCoordinator().get(url), 'querystring.q', 'nul_character');
  });

  it('regression: a NUL character in a list filter (?language=, ?field=, ?to=, ?entityType=, ?action= …) answers 400, not 500', async () => {
    for (const [url, name] of [
      ['/guides?language=de%00', 'language'],
      ['/guides?specialization=%00', 'specialization'],
      ['/guides?field=x%00', 'field'],
      ['/outbox?to=%00', 'to'],
      ['/audit-events?entityType=guide%00', 'entityType'],
      ['/audit-events?action=%00', 'action'],
    ])
      refuses(await asCoordinator().get(url), `querystring.${name}`, 'nul_character');
  });

  it('regression: a NUL character in a text field of an otherwise valid body answers 400 naming the field, not 500', async () => {
    const nul = 'Lotse\u0000in';
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['POST', '/guides', { ...guideBody(f), firstName: nul }, 'firstName'],
      ['PATCH', `/guides/${f.A.guideId}`, { notes: nul }, 'notes'],
      ['POST', '/partners', { ...partnerBody(f), street: nul }, 'street'],
      ['POST', '/districts', { name: nul, lat: 52.4, lon: 9.7 }, 'name'],
      ['POST', '/services', { name: nul, topics: ['court'] }, 'name'],
      ['POST', '/requests', { ...WRITES['POST /api/v1/requests'].body?.(f), title: nul }, 'title'],
      // Settings are jsonb: PostgreSQL refuses \u0000 there as well (22P05).
      ['PATCH', '/settings', { contact: { address: nul, phone: '', email: '', website: '' } }, 'contact.address'],
    ];
    for (const [method, url, body, path] of cases)
      refuses(await asCoordinator().call(method as HttpMethod, url, body), path, 'nul_character');
  });

  it('regression: a year 0000 in a date field answers 400 date_out_of_range, not 500', async () => {
    const year0 = '0000-01-01';
    refuses(
      await asCoordinator().post('/guides', { ...guideBody(f), certifiedAt: year0 }),
      'certifiedAt',
      'date_out_of_range',
    );
    refuses(
      await asCoordinator().patch(`/guides/${f.A.guideId}`, { confidentialityPledgeAt: year0 }),
      'confidentialityPledgeAt',
      'date_out_of_range',
    );
    const consent = { ...fullGuide().consent, givenAt: year0 };
    refuses(await asCoordinator().post('/guides', { ...fullGuide(), consent }), 'consent.givenAt', 'date_out_of_range');
    refuses(
      await asCoordinator().post('/requests', { ...WRITES['POST /api/v1/requests'].body?.(f), startsOn: year0 }),
      'startsOn',
      'date_out_of_range',
    );
  });

  it('regression: checkedAt 9999-12-31 is refused and the guide list keeps working', async () => {
    const messages = new Set<string>();
    for (const locale of ['de', 'en', 'ar'] as const) {
      const body = { ...fullGuide(), backgroundCheck: { checkedAt: '9999-12-31', relevantConviction: false } };
      const res = await asCoordinator(locale).post('/guides', body);
      messages.add(refuses(res, 'backgroundCheck.checkedAt', 'date_out_of_range'));
    }
    expect(messages.size, 'a message per language').toBe(3);
    const list = await asCoordinator().get('/guides?limit=200');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
  });

  it('regression: a checkedAt of 9999-12-31 stored before the range check does not break the guide list or the guide', async () => {
    const created = await asCoordinator().post('/guides', { ...guideBody(f), email: `alt-${tag()}@test.example` });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.update(guides).set({ backgroundCheckedAt: '9999-12-31' }).where(eq(guides.id, id)),
    );
    for (const url of ['/guides?limit=200', `/guides/${id}`, '/guides/export.csv', '/dashboard']) {
      const res = await asCoordinator().get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    expect((await asCoordinator().get(`/guides/${id}`)).json().backgroundCheck.checkedAt).toBe('9999-12-31');
    expect((await asCoordinator().delete(`/guides/${id}`)).statusCode).toBe(204);
  });

  it('regression: far dates (1899, 2101, 9999) are refused in every date field of the request-to-deployment cycle, before any lookup', async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['POST', '/requests', { ...WRITES['POST /api/v1/requests'].body?.(f), endsOn: '2101-01-01' }, 'endsOn'],
      ['PATCH', `/requests/${randomUUID()}`, { startsOn: '1899-12-31' }, 'startsOn'],
      ['PATCH', `/assignments/${randomUUID()}/agreement`, { reviewOn: '9999-12-31' }, 'reviewOn'],
      ['POST', `/assignments/${randomUUID()}/agreement/extend`, { endsOn: '9999-12-31', reason: 'Länger' }, 'endsOn'],
      [
        'POST',
        `/assignments/${randomUUID()}/activities`,
        { date: '1899-12-31', startTime: '09:00', endTime: '10:00', type: 'other' },
        'date',
      ],
    ];
    for (const [method, url, body, path] of cases)
      refuses(await asCoordinator().call(method as HttpMethod, url, body), path, 'date_out_of_range');
  });

  it('regression: bidi override characters (U+202E, U+2066–U+2069) in a name are refused; LRM/RLM in Arabic text are accepted', async () => {
    const messages = new Set<string>();
    for (const locale of ['de', 'en', 'ar'] as const) {
      const res = await asCoordinator(locale).post('/guides', { ...guideBody(f), lastName: 'Rechnung\u202Efdp.exe' });
      messages.add(refuses(res, 'lastName', 'bidi_control'));
    }
    expect(messages.size, 'a message per language').toBe(3);
    refuses(
      await asCoordinator().post('/guides', { ...guideBody(f), firstName: '\u2067مريم\u2069' }),
      'firstName',
      'bidi_control',
    );
    const arabic = await asCoordinator().post('/guides', {
      ...guideBody(f),
      email: `rlm-${tag()}@test.example`,
      lastName: 'الأحمد\u200F',
      notes: 'Termin\u200E 10:00',
    });
    expect(arabic.statusCode, arabic.body).toBe(201);
    expect(arabic.json().lastName).toBe('الأحمد\u200F');
    expect((await asCoordinator().delete(`/guides/${arabic.json().id}`)).statusCode).toBe(204);
  });

  it("regression: an over-long or badly %-encoded path parameter answers problem+json, not Fastify's plain JSON", async () => {
    expectProblem(await asCoordinator().get(`/guides/${'x'.repeat(300)}`), 414, 'validation_failed');
    expectProblem(await asCoordinator().get('/guides/%E0%A4%A'), 400, 'validation_failed');
  });

  it('regression: a time zone that does not exist is named in words in every language (was the raw key validation.timeZone)', async () => {
    const messages = new Set<string>();
    for (const locale of ['de', 'en', 'ar'] as const)
      messages.add(
        refuses(await asCoordinator(locale).patch('/settings', { timeZone: 'Mars/Olympus' }), 'timeZone', 'timeZone'),
      );
    expect(messages.size).toBe(3);
  });
});
