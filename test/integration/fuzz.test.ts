/**
 * Fuzzing over the route table (not the OpenAPI document): every route the server registered — hidden ones, the
 * public link routes, the OpenAPI document, health and the API reference included — gets NUL characters, bidi
 * controls, far dates, huge numbers, over-long text and wrong types in every path parameter, query parameter and
 * body field its schema declares, as a signed-in coordinator (and anonymously where the route is public). Every
 * answer must be a 4xx problem+json with a stable code, never a 5xx; a 400 must name the field that was fuzzed.
 * A route or a declared field for which no case could be built fails the suite.
 *
 * Two passes over bodies: schema-derived bodies (every field, packed so a request carries many hostile fields at
 * once, each of which must be named), and for every write of the fixture table (`helpers/writes.ts`) its valid
 * body with one hostile value at a time, so that a value the schema lets through really reaches the service and
 * the database, where PostgreSQL would refuse NUL (22021/22P05) or year 0 (22008) with a 500.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate, isoDateTime } from '../../src/shared/common.js';
import { translate } from '../../src/shared/i18n/index.js';
import { expectNoStackTrace, type Problem } from '../helpers/api.js';
import { client, createTestApp, login, type Session } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, TEST_PASSWORD } from '../helpers/factories.js';
import {
  bodyValues,
  deepSet,
  fieldsOf,
  PATH_VALUES,
  packBodies,
  queryValues,
  toJsonText,
  UnderivableField,
  VALUE_CLASSES,
  type ValueClass,
} from '../helpers/fuzz.js';
import { type RouteOperation, routeOperations, zodSchemasIn } from '../helpers/routes.js';
import { type Fixtures, type Who, WRITES } from '../helpers/writes.js';

type Target = 'params' | 'querystring' | 'body' | 'valid-body' | 'stray';
type Case = {
  label: string;
  target: Target;
  cls: ValueClass;
  /** Paths (as the problem's `errors[].path` writes them) that the answer must name when it is a 400. */
  names: string[];
  /** Path parameters valid for the route's schema may be looked up: then any 4xx is right (e.g. 404). */
  mayPassValidation?: boolean;
  /**
   * Refused by the router before any route runs (a malformed percent-encoding, a parameter over the router's
   * length limit): a 4xx problem is right, but no field can be named.
   */
  router?: boolean;
  url: string;
  payload?: string;
  /** Who sends it; by default the coordinator, and also nobody for public routes. */
  who?: Who;
};

const t = await createTestApp();
const A = await createOffice(t);
const service = await client(t.app, A.sessions.coordinator).post('/services', { name: 'Dienst', topics: ['court'] });
const f: Fixtures = { A, B: await createOffice(t), serviceId: service.json().id };
const admin = await createPlatformAdmin(t);
let coordinator: Session = A.sessions.coordinator;
afterAll(() => t.close());

const sessionOf = (who: Who): Session | undefined =>
  who === 'coordinator' ? coordinator : who === 'admin' ? admin : who === 'anonymous' ? undefined : coordinator;

const ops = routeOperations(t.app);

/** A valid stand-in for each path parameter, so that the other parameters of a route are not what fails. */
function validParam(op: RouteOperation, name: string): string {
  const schema = op.input.params?.properties?.[name];
  if (name === '*') return 'index.css';
  if (schema?.format === 'uuid') return randomUUID();
  const choices = (schema as { enum?: string[] } | undefined)?.enum;
  if (choices?.length) return choices[0];
  if (schema?.pattern === '^[a-z0-9_]{1,40}$') return 'probe_key';
  return 'x'.repeat(Math.max(43, (schema as { minLength?: number } | undefined)?.minLength ?? 0));
}

const paramNamesOf = (op: RouteOperation) => [...op.route.url.matchAll(/:(\w+)|(\*)$/g)].map((m) => m[1] ?? '*');

function urlFor(op: RouteOperation, params: Record<string, string>, query = ''): string {
  let url = op.route.url;
  for (const name of paramNamesOf(op)) {
    const value = params[name] ?? validParam(op, name);
    // Percent-encode except for prepared encodings (e.g. a traversal already written as %2F).
    const encoded = /%[0-9A-F]{2}/.test(value) ? value : encodeURIComponent(value);
    url = name === '*' ? url.replace(/\*$/, encoded) : url.replace(`:${name}`, encoded);
  }
  return query ? `${url}?${query}` : url;
}

const isWrite = (op: RouteOperation) => op.method !== 'GET';
const emptyBody = (op: RouteOperation) => (isWrite(op) ? '{}' : undefined);

/** Fastify's default `maxParamLength`: longer path parameters are refused by the router (414). */
const ROUTER_MAX_PARAM_LENGTH = 100;
const safeDecode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

function paramsValid(op: RouteOperation, name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const schema = op.route.schema.params as { safeParse?: (v: unknown) => { success: boolean } } | undefined;
  if (!schema?.safeParse) return !/\0|[\u202A-\u202E\u2066-\u2069]/.test(value);
  const params = Object.fromEntries(paramNamesOf(op).map((n) => [n, validParam(op, n)]));
  return schema.safeParse({ ...params, [name]: value }).success && !/\0|[\u202A-\u202E\u2066-\u2069]/.test(value);
}

/** Whether `path` leads to an object or array inside `value` (so a field below it can be set). */
function holds(value: unknown, path: string[]): boolean {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object';
}

const queryString = (entries: [string, string | string[]][]) =>
  entries
    .flatMap(([name, value]) => [value].flat().map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`))
    .join('&');

/** All cases of one route, and the inputs it declares (to prove each got at least one case). */
function casesFor(op: RouteOperation): { cases: Case[]; declared: string[]; problems: string[] } {
  const cases: Case[] = [];
  const declared: string[] = [];
  const problems: string[] = [];
  const safely = <T>(what: string, work: () => T[]): T[] => {
    try {
      return work();
    } catch (error) {
      if (error instanceof UnderivableField) {
        problems.push(`${what}: ${error.message}`);
        return [];
      }
      throw error;
    }
  };

  // Path parameters, from the URL itself: a parameter without a schema is fuzzed all the same.
  for (const name of paramNamesOf(op)) {
    declared.push(`params.${name}`);
    for (const cls of VALUE_CLASSES) {
      for (const value of PATH_VALUES[cls]) {
        cases.push({
          label: `path {${name}} = ${JSON.stringify(value).slice(0, 40)}`,
          target: 'params',
          cls,
          names: [`params.${name}`],
          mayPassValidation: paramsValid(op, name, safeDecode(value)),
          router: value.length > ROUTER_MAX_PARAM_LENGTH || safeDecode(value) === undefined,
          url: urlFor(op, { [name]: value }),
          payload: emptyBody(op),
        });
      }
    }
  }

  // Query parameters the schema declares, one at a time: a query is complete without the others, so each
  // request is one a client could really send.
  const queryFields = safely('querystring', () => fieldsOf(op.input.querystring)).filter((f) => f.path.length === 1);
  for (const f of queryFields) {
    const name = f.path[0];
    declared.push(`querystring.${name}`);
    for (const cls of VALUE_CLASSES)
      for (const value of queryValues(f, cls))
        cases.push({
          label: `query ${name} = ${JSON.stringify(value).slice(0, 40)}`,
          target: 'querystring',
          cls,
          names: [`querystring.${name}`],
          url: urlFor(op, {}, queryString([[name, value]])),
          payload: emptyBody(op),
        });
  }

  // Body fields, nested ones included; packed so that a body never holds a field and its parent.
  const bodyFields = safely('body', () => fieldsOf(op.input.body));
  for (const f of bodyFields) declared.push(f.path.join('.'));
  for (const cls of VALUE_CLASSES) {
    const pairs = bodyFields.flatMap((field) => bodyValues(field, cls).map((value) => ({ field, value })));
    for (const batch of packBodies(pairs)) {
      const body: Record<string, unknown> = {};
      for (const { field, value } of batch) deepSet(body, field.path, value);
      cases.push({
        label: `body ${cls}: ${batch.map((p) => p.field.path.join('.')).join(', ')}`,
        target: 'body',
        cls,
        names: batch.map((p) => p.field.path.join('.')),
        url: urlFor(op, {}),
        payload: toJsonText(body),
      });
    }
  }

  // The valid body of the fixture table with one hostile value at a time, in every field the body holds.
  const row = WRITES[op.key];
  const base = row?.fuzzBody?.(f) ?? row?.body?.(f);
  if (row && base) {
    for (const field of bodyFields.filter((x) => holds(base, x.path.slice(0, -1)))) {
      for (const cls of VALUE_CLASSES) {
        const values = bodyValues(field, cls);
        for (const value of cls === 'nul' || cls === 'bidi' ? values.slice(0, 1) : values) {
          const body = structuredClone(base);
          deepSet(body, field.path, value);
          cases.push({
            label: `valid body, ${field.path.join('.')} = ${JSON.stringify(value).slice(0, 40)}`,
            target: 'valid-body',
            cls,
            names: [field.path.join('.')],
            url: urlFor(op, row.params?.(f) ?? {}),
            payload: toJsonText(body),
            who: row.who,
          });
        }
      }
    }
  }

  // Whatever the schema says: an undeclared query parameter and, for writes, an undeclared body field carrying
  // NUL or a bidi override never reach a handler. Routes without any input are covered by these.
  for (const [cls, value] of [
    ['nul', '\u0000'],
    ['bidi', '\u202E'],
  ] as const) {
    cases.push({
      label: `stray query parameter ${cls}`,
      target: 'stray',
      cls,
      names: ['querystring.fuzz'],
      url: urlFor(op, {}, queryString([['fuzz', `a${value}b`]])),
      payload: emptyBody(op),
    });
    if (isWrite(op))
      cases.push({
        label: `stray body field ${cls}`,
        target: 'stray',
        cls,
        names: ['fuzz'],
        url: urlFor(op, {}),
        payload: JSON.stringify({ fuzz: `a${value}b` }),
      });
  }
  return { cases, declared, problems };
}

const plans = ops.map((op) => ({ op, ...casesFor(op) }));

const HYGIENE_CODES: Partial<Record<ValueClass, string>> = { nul: 'nul_character', bidi: 'bidi_control' };

/** The reasons an answer is wrong for a case, or [] when it is right. */
function judge(c: Case, res: Awaited<ReturnType<typeof t.app.inject>>): string[] {
  const wrong: string[] = [];
  if (res.statusCode >= 500) return [`${res.statusCode} ${res.body.slice(0, 300)}`];
  // The server-rendered public pages (modules/publicHelp/pages.ts) refuse in HTML once the input passed the
  // schemas (an unknown office, a form with errors): a 4xx page without internals is the right answer there.
  if (!c.url.startsWith('/api/') && /^text\/html/.test(String(res.headers['content-type']))) {
    if (res.statusCode < 400) return [`answered ${res.statusCode}, expected a 4xx`];
    try {
      expectNoStackTrace(res.body);
    } catch {
      return ['internals in the body'];
    }
    return [];
  }
  if (res.statusCode < 400 || res.statusCode >= 500) wrong.push(`answered ${res.statusCode}, expected a 4xx`);
  if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
    wrong.push(`content-type ${res.headers['content-type']}`);
  let body: Problem | undefined;
  try {
    body = res.json() as Problem;
  } catch {
    return [...wrong, `not JSON: ${res.body.slice(0, 200)}`];
  }
  if (typeof body.code !== 'string' || !body.code) wrong.push('no code');
  try {
    expectNoStackTrace(res.body);
  } catch {
    wrong.push('internals in the body');
  }
  for (const e of body.errors ?? [])
    if (/^(validation|errors)\./.test(e.message)) wrong.push(`${e.path}/${e.code} has no catalogue text`);
  if (c.mayPassValidation || c.router) return wrong;
  if (res.statusCode !== 400 || body.code !== 'validation_failed') {
    wrong.push(`answered ${res.statusCode} ${body.code}, expected 400 validation_failed`);
    return wrong;
  }
  const paths = (body.errors ?? []).map((e) => e.path);
  for (const name of c.names) {
    const named = (body.errors ?? []).filter((e) => e.path === name || e.path.startsWith(`${name}.`));
    if (named.length === 0) wrong.push(`${name} not named (errors: ${paths.join(', ') || 'none'})`);
    const hygiene = HYGIENE_CODES[c.cls];
    if (hygiene && named.length && !named.some((e) => e.code === hygiene))
      wrong.push(`${name} named with ${named.map((e) => e.code).join('/')}, not ${hygiene}`);
  }
  return wrong;
}

describe('the fuzz plan', () => {
  it('covers every route of the route table, hidden and plugin routes included', () => {
    const keys = ops.map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v1/openapi.json',
        'GET /api/v1/health',
        'POST /api/v1/offer-links/{token}',
        'GET /api/v1/auth/tokens/{token}',
        'GET /api/docs/static/{*}',
      ]),
    );
    expect(ops.some((o) => o.route.hidden)).toBe(true);
    // HEAD twins of GET routes run the GET route's handler and validation: fuzzed through their GET.
    const heads = t.app.routeTable.filter((r) => r.method === 'HEAD');
    expect(heads.filter((h) => !h.autoHead).map((h) => h.key)).toEqual([]);
  });

  it('builds cases for every route and for every input each route declares (no silent skipping)', () => {
    const failures: string[] = [];
    for (const { op, cases, declared, problems } of plans) {
      for (const p of problems) failures.push(`${op.key}: cannot derive cases: ${p}`);
      if (cases.length === 0) failures.push(`${op.key}: no case`);
      for (const input of declared)
        if (!cases.some((c) => c.names.some((n) => n === input || n === `querystring.${input}`)))
          failures.push(`${op.key}: no case for ${input}`);
    }
    expect(failures).toEqual([]);
    expect(plans.reduce((n, p) => n + p.cases.length, 0)).toBeGreaterThan(1000);
  });

  it('starts the one-hostile-value pass from bodies the schemas accept, for every write with a body', () => {
    for (const op of ops) {
      const row = WRITES[op.key];
      const base = row?.fuzzBody?.(f) ?? row?.body?.(f);
      if (!op.input.body) continue;
      expect(base, `${op.key}: no valid body in helpers/writes.ts`).toBeDefined();
      const schema = op.route.schema.body as { safeParse: (v: unknown) => { success: boolean; error?: unknown } };
      const parsed = schema.safeParse(base);
      expect(parsed.success, `${op.key}: ${JSON.stringify(parsed.error)}`).toBe(true);
      const plan = plans.find((p) => p.op === op);
      expect(plan?.cases.filter((c) => c.target === 'valid-body').length, op.key).toBeGreaterThan(0);
    }
  });
});

describe('every route refuses hostile input with a 4xx problem, never a 5xx', () => {
  for (const { op, cases } of plans) {
    it(
      `${op.key} (${cases.length} cases)`,
      async () => {
        const failures: string[] = [];
        for (const c of cases) {
          const callers = c.who ? [sessionOf(c.who)] : op.route.public ? [undefined, coordinator] : [coordinator];
          for (const caller of callers) {
            const res = await t.app.inject({
              method: op.method,
              url: c.url,
              headers: {
                ...(c.payload !== undefined ? { 'content-type': 'application/json' } : {}),
                ...(caller ? { cookie: caller.cookie, 'x-csrf-token': caller.csrf } : {}),
              },
              ...(c.payload !== undefined ? { payload: c.payload } : {}),
            });
            for (const reason of judge(c, res))
              failures.push(`${caller ? 'coordinator' : 'anonymous'} ${c.label}: ${reason}`);
          }
        }
        // A hostile case must not have done anything, such as ending the session (POST /auth/logout).
        if ((await client(t.app, coordinator).get('/me')).statusCode !== 200) {
          failures.push('the coordinator session no longer works after these cases');
          coordinator = await login(t.app, A.emails.coordinator, TEST_PASSWORD);
        }
        expect(failures).toEqual([]);
        // Hundreds of injected requests per route: the budget scales with the cases, not a fixed 30 s.
      },
      30_000 + cases.length * 300,
    );
  }
});

describe('dates in responses', () => {
  it('are never re-validated with the input range, so data stored before the range existed cannot become a 500', () => {
    const ranged = new Set<unknown>([isoDate, isoDateTime]);
    const offending: string[] = [];
    for (const route of t.app.routeTable)
      for (const [status, schema] of Object.entries(route.schema.response ?? {}))
        if ([...zodSchemasIn(schema)].some((s) => ranged.has(s))) offending.push(`${route.key} ${status}`);
    expect(offending, 'use isoDateOut / isoDateTimeOut in response schemas').toEqual([]);
    // The walk does find the ranged schemas where they belong: in request bodies.
    const guideBody = ops.find((o) => o.key === 'POST /api/v1/guides')?.route.schema.body;
    expect(zodSchemasIn(guideBody).has(isoDate)).toBe(true);
  });
});

describe('the field messages of the input hygiene rules', () => {
  it('are translated in every language', () => {
    for (const locale of ['de', 'en', 'ar'] as const)
      for (const code of ['nul_character', 'bidi_control']) {
        const text = translate(locale, `validation.${code}`);
        expect(text, `${locale} ${code}`).not.toBe(`validation.${code}`);
      }
  });
});
