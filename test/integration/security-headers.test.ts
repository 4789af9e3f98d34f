/**
 * Security headers on every kind of response, and the published API contract: the OpenAPI 3.1 document with the
 * endpoints other tools rely on, its JSON conventions, and the browsable API reference.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApi, type OpenApiDocument, type OpenApiSchema, operationsOf } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createFunder, createOffice, createPlatformAdmin, type TestOffice } from '../helpers/factories.js';
import { PNG_BASE64 } from '../helpers/receipts.js';

let t: TestApp;
let o: TestOffice;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  o = await createOffice(t);
  doc = await loadOpenApi(t.app);
});
afterAll(() => t.close());

function cspDirectives(res: LightMyRequestResponse): Map<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.slice(d.indexOf(' ') + 1)] as [string, string]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, label: string, api = true) {
  const csp = cspDirectives(res);
  expect(csp.get('frame-ancestors'), `${label}: CSP frame-ancestors`).toBe("'none'");
  expect(csp.get('default-src'), `${label}: CSP default-src`).toBe("'self'");
  expect(csp.get('object-src'), `${label}: CSP object-src`).toBe("'none'");
  expect(csp.get('script-src') ?? '', `${label}: no inline scripts`).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(res.headers['x-content-type-options'], label).toBe('nosniff');
  expect(res.headers['x-frame-options'], label).toBe('DENY');
  expect(res.headers['referrer-policy'], label).toBeDefined();
  if (api) expect(res.headers['cache-control'], `${label}: never cached`).toBe('no-store');
}

describe('security headers', () => {
  it('regression: HSTS (Strict-Transport-Security) is sent when PUBLIC_URL is https, and not over plain http', async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: 'https://lotsen.example.org' } });
    try {
      for (const url of ['/api/v1/health', '/api/v1/me', '/api/v1/nirgends', '/']) {
        const res = await https.app.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await https.close();
    }
    for (const url of ['/api/v1/health', '/api/v1/me', '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('are on the public health check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
    expectSecurityHeaders(res, 'health');
  });

  it('are on every list and reference read of the API (200 responses with personal data)', async () => {
    const reads = operationsOf(doc).filter((op) => op.method === 'GET' && !op.path.includes('{'));
    const funder = (await createFunder(t, [o.officeId])).session;
    const admin = await createPlatformAdmin(t);
    expect(reads.length).toBeGreaterThan(10);
    for (const op of reads) {
      const guideOnly =
        op.path.endsWith('/me/offers') ||
        op.path.endsWith('/me/consents') ||
        op.path.endsWith('/me/certificates') ||
        op.path.endsWith('/me/expense-options') ||
        op.path.endsWith('/me/expense-claims') ||
        op.path.endsWith('/me/bank-account') ||
        op.path.endsWith('/me/hours-summary') ||
        op.path.endsWith('/me/statement.pdf') ||
        op.path.endsWith('/me/card-confirmations') ||
        op.path.endsWith('/me/messages') ||
        op.path.endsWith('/me/message-settings') ||
        op.path.endsWith('/me/courses') ||
        op.path.endsWith('/me/courses/calendar.ics');
      // The funder's and the platform admin's own reads are read by them; the reports need a period.
      const funderOnly = op.path.includes('/land/');
      const adminOnly = op.path.endsWith('/funding-programmes');
      const session = guideOnly ? o.sessions.guide : funderOnly ? funder : adminOnly ? admin : o.sessions.coordinator;
      const query = /\/reports\/(office|verwendungsnachweis)/.test(op.path) ? '?from=2026-01-01&to=2026-12-31' : '';
      const res = await client(t.app, session).get(`${op.path}${query}`);
      if (op.path.endsWith('/offices')) expect(res.statusCode).toBe(403);
      else expect(res.statusCode, `${op.key}: ${res.body.slice(0, 200)}`).toBe(200);
      expectSecurityHeaders(res, op.key);
    }
  });

  it('are on record reads, writes and downloads', async () => {
    const api = client(t.app, o.sessions.coordinator);
    const eventFileDownload = async () => {
      const event = await api.post('/events', {
        type: 'plenum',
        title: 'Header-Plenum',
        audience: 'all_guides',
        startsAt: '2026-05-05T16:00:00Z',
        endsAt: '2026-05-05T18:00:00Z',
      });
      const file = await api.post(`/events/${event.json().id}/files`, {
        fileName: 'Folie.png',
        contentBase64: PNG_BASE64,
      });
      expect(file.statusCode, file.body).toBe(201);
      return api.get(`/events/${event.json().id}/files/${file.json().id}`);
    };
    const responses: [string, LightMyRequestResponse][] = [
      ['guide detail', await api.get(`/guides/${o.guideId}`)],
      ['guide patch', await api.patch(`/guides/${o.guideId}`, { phone: '+49 511 1' })],
      ['partner create', await api.post('/partners', { name: 'Header e.V.', type: 'other' })],
      ['xlsx export', await api.get('/guides/export.xlsx')],
      ['csv export', await api.get('/guides/export.csv')],
      ['event file download', await eventFileDownload()],
    ];
    for (const [label, res] of responses) {
      expect(res.statusCode, label).toBeLessThan(300);
      expectSecurityHeaders(res, label);
    }
  });

  it('are on error responses: 400, 401, 403, 404 and 429-style problems', async () => {
    const anonymous = client(t.app);
    const guide = client(t.app, o.sessions.guide);
    const responses: [string, LightMyRequestResponse][] = [
      ['401', await anonymous.get('/guides')],
      ['403', await guide.get('/guides')],
      ['404 record', await client(t.app, o.sessions.coordinator).get('/guides/00000000-0000-4000-8000-000000000000')],
      ['404 route', await anonymous.get('/nothing-here')],
      ['400', await client(t.app, o.sessions.coordinator).post('/guides', { firstName: 1 })],
      [
        'csrf',
        await t.app.inject({ method: 'POST', url: '/api/v1/guides', headers: { cookie: o.sessions.guide.cookie } }),
      ],
    ];
    for (const [label, res] of responses) {
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type'], label).toMatch(/^application\/problem\+json/);
      expectSecurityHeaders(res, label);
    }
  });

  it('are on responses outside the API too (the web app shell), where caching is allowed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/some/page' });
    expectSecurityHeaders(res, 'outside the API', false);
    expect(res.headers['cache-control']).not.toBe('no-store');
  });

  it('never set a session cookie or reveal the server software on anonymous reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(String(res.headers.server ?? '')).not.toMatch(/fastify|node/i);
  });
});

describe('the OpenAPI document', () => {
  const has = (path: string, method: string) =>
    Boolean((doc.paths[`/api/v1${path}`] as Record<string, unknown> | undefined)?.[method]);

  it('is OpenAPI 3.1, public, and served as JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Lotsennetz API');
  });

  it('lists the endpoints other tools rely on', () => {
    const required: [string, string[]][] = [
      ['/health', ['get']],
      ['/auth/login', ['post']],
      ['/auth/logout', ['post']],
      ['/me', ['get']],
      ['/guides', ['get', 'post']],
      ['/guides/{id}', ['get', 'patch', 'delete']],
      ['/partners', ['get', 'post']],
      ['/partners/{id}', ['get', 'patch']],
      ['/districts', ['get']],
      ['/languages', ['get']],
      ['/countries', ['get']],
      ['/fields', ['get']],
      ['/specializations', ['get']],
    ];
    const missing = required.flatMap(([path, methods]) =>
      methods.filter((m) => !has(path, m)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents the login body and the guide with the agreed field names', () => {
    const login = doc.paths['/api/v1/auth/login'].post?.requestBody?.content?.['application/json']?.schema;
    expect(Object.keys(login?.properties ?? {}).sort()).toEqual(['email', 'password']);
    const guideIn = doc.paths['/api/v1/guides'].post?.requestBody?.content?.['application/json']?.schema;
    const detail = doc.paths['/api/v1/guides/{id}'].get?.responses?.['200'] as
      | { content?: Record<string, { schema: OpenApiSchema }> }
      | undefined;
    const guideOut = detail?.content?.['application/json']?.schema;
    const agreed = [
      'firstName',
      'lastName',
      'email',
      'phone',
      'languages',
      'countries',
      'specializations',
      'fields',
      'homeDistrictId',
      'serviceDistrictIds',
      'availability',
      'maxActiveAssignments',
      'gender',
      'status',
      'certifiedAt',
      'backgroundCheck',
    ];
    for (const schema of [guideIn, guideOut]) {
      expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(agreed));
      expect(Object.keys(schema?.properties?.languages?.items?.properties ?? {}).sort()).toEqual(['code', 'level']);
      expect(Object.keys(schema?.properties?.availability?.items?.properties ?? {}).sort()).toEqual([
        'from',
        'to',
        'weekday',
      ]);
      const check = schema?.properties?.backgroundCheck?.anyOf?.find((s) => s.type === 'object');
      expect(Object.keys(check?.properties ?? {})).toEqual(expect.arrayContaining(['checkedAt', 'relevantConviction']));
    }
    expect(guideOut?.properties?.id).toMatchObject({ format: 'uuid' });
  });

  it('describes every list as { items, total } with limit/offset where it pages', () => {
    for (const op of operationsOf(doc).filter((o) => o.method === 'GET')) {
      const ok = op.operation.responses?.['200'] as { content?: Record<string, { schema: OpenApiSchema }> } | undefined;
      const schema = ok?.content?.['application/json']?.schema;
      if (!schema?.properties?.items) continue;
      // The district list also names the office's word for its districts (Stadtbezirk or Ortsteil).
      // The retention list also says which day it was computed for and the schedule it applied.
      const extras: Record<string, string[]> = {
        'GET /api/v1/districts': ['term'],
        'GET /api/v1/retention/due': ['schedule', 'today'],
        // The applicant list also gives the address of the office's public volunteer form.
        'GET /api/v1/applicants': ['formSlug'],
        // The guide's inbox also counts the unread messages (the navigation shows it).
        'GET /api/v1/me/messages': ['unread'],
        // The notification centre names how many are unread, for its "mark all read" and the page title.
        'GET /api/v1/notifications': ['unread'],
        // The caller's push devices also say whether push is on and give the server's VAPID public key.
        'GET /api/v1/me/push-subscriptions': ['enabled', 'publicKey'],
        // A guide's pauses also name the office's today and whether the caller may change them.
        'GET /api/v1/guides/{id}/pauses': ['canEdit', 'today'],
        // The calendar's events also name the office's time zone: days and times are the office's, not the browser's.
        'GET /api/v1/events': ['timeZone'],
        // The caps and allowances per guide also name the year and the rule set that applies to it.
        'GET /api/v1/hour-allowances': ['ruleSet', 'year'],
        // The Ehrenamtskarte list also states the rule it applied, the day and the last month it counted.
        'GET /api/v1/recognition/card-eligibility': [
          'asOf',
          'endMonth',
          'rule',
          'thresholdMinutes',
          'validityYears',
          'years',
        ],
      };
      const extra = extras[op.key] ?? [];
      expect(Object.keys(schema.properties).sort(), op.key).toEqual(['items', ...extra, 'total'].sort());
    }
    for (const path of ['/guides', '/partners', '/audit-events', '/outbox']) {
      const names = (doc.paths[`/api/v1${path}`].get?.parameters ?? []).map((p) => p.name);
      expect(names, path).toEqual(expect.arrayContaining(['limit', 'offset']));
    }
  });

  it('uses camelCase for every property name and UUIDs for every {id}', () => {
    const offenders: string[] = [];
    const visit = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (s.properties && typeof s.properties === 'object') {
        for (const [name, sub] of Object.entries(s.properties as Record<string, unknown>)) {
          // Ability names are "module.action" identifiers (the keys of ME_ABILITIES), used as such by the SPA.
          const abilityName = where.endsWith('.abilities') && /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name);
          if (!abilityName && !/^[a-z][a-zA-Z0-9]*$/.test(name)) offenders.push(`${where}: ${name}`);
          visit(sub, `${where}.${name}`);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
        const value = s[key];
        if (Array.isArray(value)) {
          for (const v of value) visit(v, where);
        } else visit(value, where);
      }
    };
    for (const op of operationsOf(doc)) {
      visit(op.operation.requestBody?.content?.['application/json']?.schema, `${op.key} body`);
      for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
        const content = (response as { content?: Record<string, { schema: unknown }> }).content ?? {};
        for (const media of Object.values(content)) visit(media.schema, `${op.key} ${status}`);
      }
      for (const p of op.operation.parameters ?? []) {
        if (p.in === 'path' && p.name === 'id') expect(p.schema, op.key).toMatchObject({ format: 'uuid' });
      }
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('documents problem details for errors, and a summary for every operation', () => {
    for (const op of operationsOf(doc)) {
      expect(op.operation.summary, op.key).toBeTruthy();
      const errors = Object.keys(op.operation.responses ?? {}).filter((s) => s.startsWith('4'));
      // File downloads (a receipt, a SEPA file too) declare no responses at all (noted in the report).
      // The probes answer without input (live: always 200; ready: 200 or 503).
      if (
        /^GET \/api\/v1\/health(\/live|\/ready)?$/.test(op.key) ||
        /\.(xlsx|csv|pdf|ics|xml)$|\/receipt$/.test(op.path)
      )
        continue;
      expect(errors.length, `${op.key} documents no error response`).toBeGreaterThan(0);
      for (const status of errors) {
        const response = op.operation.responses?.[status] as { content?: Record<string, { schema: OpenApiSchema }> };
        const schema = Object.values(response.content ?? {})[0]?.schema;
        expect(Object.keys(schema?.properties ?? {}), `${op.key} ${status}`).toEqual(
          expect.arrayContaining(['type', 'title', 'status', 'code']),
        );
      }
    }
  });
});

describe('the API reference', () => {
  it('is served at /api/docs without signing in, with its assets and the same document', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/swagger-ui/i);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const css = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths).sort()).toEqual(Object.keys(doc.paths).sort());
  });
});
