/**
 * The central information point (issue 13 §4): offices opt in, the public directory shows only opted-in offices,
 * languages only with at least 3 active guides and rounded to 5 (hand-counted below), no person anywhere in the
 * JSON, and no cookie on the public answers.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, guides, offices } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { DIRECTORY_MISS_THROTTLE } from '../../src/modules/directory/service.js';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let C: TestOffice;
const slugs: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
/** Marks every guide name of this file: the public JSON must not contain any of it. */
const marker = `Verzeichnisperson${tag()}`;

const publicApi = (t: TestApp) => ({
  get: (url: string, remoteAddress = '198.51.100.7') =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, remoteAddress }),
});

const settingsBody = (over: Record<string, unknown> = {}) => ({
  listed: true,
  provider: 'Volkshochschule Teststadt',
  description: { de: 'Wir begleiten Menschen im Alltag.', en: '', ar: 'نرافق الناس في حياتهم اليومية.' },
  howToGetHelp: { de: 'Rufen Sie uns an.', en: 'Call us.', ar: '' },
  areas: ['Nordviertel', 'Südviertel'],
  lat: 52.37,
  lon: 9.73,
  contactEmail: 'lotsen@teststadt.example',
  contactPhone: '0511 1234',
  website: 'https://teststadt.example/lotsen',
  showLanguages: true,
  fieldKeys: ['housing', 'authorities'],
  showVolunteerForm: true,
  ...over,
});

/**
 * Office A's guides besides the factory's guide (active, speaks ar and de). Hand count of active, not anonymised
 * guides per language: ar 1 + 12 = 13 → 15; ti 8 → 10; fa 7 → 5; uk 3 → 5; ru 2 active (5 paused or left, 1
 * anonymised) → below 3, hidden; de 1 → hidden.
 */
async function seedGuides(officeId: string) {
  const rows: (typeof guides.$inferInsert)[] = [];
  const add = (n: number, code: string, over: Partial<typeof guides.$inferInsert> = {}) => {
    for (let i = 0; i < n; i++)
      rows.push({
        officeId,
        firstName: `Vorname${i}`,
        lastName: `${marker} ${code}${i}`,
        email: `${code}${i}-${marker}@test.example`.toLowerCase(),
        languages: [{ code, level: 'native' }],
        languageCodes: [code],
        status: 'active',
        ...over,
      });
  };
  add(12, 'ar');
  add(8, 'ti');
  add(7, 'fa');
  add(3, 'uk');
  add(2, 'ru');
  add(3, 'ru', { status: 'paused' });
  add(2, 'ru', { status: 'left' });
  add(1, 'ru', { anonymisedAt: new Date() });
  await inScope(t.ctx.database.db, { officeId }, (tx) => tx.insert(guides).values(rows));
}

async function slugOf(officeId: string) {
  const [row] = await inScope(t.ctx.database.db, 'system', (tx) =>
    tx.select({ slug: offices.slug }).from(offices).where(eq(offices.id, officeId)),
  );
  return row.slug as string;
}

beforeAll(async () => {
  t = await createTestApp();
  [A, B, C] = [await createOffice(t), await createOffice(t), await createOffice(t)];
  slugs.A = await slugOf(A.officeId);
  slugs.B = await slugOf(B.officeId);
  slugs.C = await slugOf(C.officeId);
  await seedGuides(A.officeId);
  // B has as many guides but never opts in; C opts in and out again.
  await seedGuides(B.officeId);
});
afterAll(() => t.close());

describe('opting in', () => {
  it('is off by default: the settings say so and the office is nowhere in the public directory', async () => {
    const res = await client(t.app, A.sessions.coordinator).get('/directory-settings');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ listed: false, slug: slugs.A, showLanguages: true, fieldKeys: [] });
    const list = await publicApi(t).get('/public/directory');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { slug: string }) => o.slug)).not.toContain(slugs.A);
    expectProblem(await publicApi(t).get(`/public/directory/${slugs.A}`), 404, 'not_found');
  });

  it('is the coordinator’s: guides and partner contacts get 403', async () => {
    for (const session of [A.sessions.guide, A.sessions.partner]) {
      expectProblem(await client(t.app, session).get('/directory-settings'), 403, 'forbidden');
      expectProblem(await client(t.app, session).put('/directory-settings', settingsBody()), 403, 'forbidden');
    }
  });

  it('saves the settings, audits the opt-in, and refuses fields of action the office does not have', async () => {
    const api = client(t.app, A.sessions.coordinator);
    const unknown = await api.put('/directory-settings', settingsBody({ fieldKeys: ['housing', 'no_such_field'] }));
    const problem = expectProblem(unknown, 400, 'validation_failed');
    expect(problem.errors?.map((e) => [e.path, e.code])).toEqual([['fieldKeys.1', 'fieldUnknown']]);
    const half = expectProblem(await api.put('/directory-settings', settingsBody({ lon: null })), 400);
    expect(half.errors?.map((e) => [e.path, e.code])).toEqual([['lon', 'pointIncomplete']]);
    const script = expectProblem(
      await api.put('/directory-settings', settingsBody({ website: 'javascript:alert(1)' })),
      400,
    );
    expect(script.errors?.map((e) => e.path)).toEqual(['website']);

    const res = await api.put('/directory-settings', settingsBody());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ listed: true, fieldKeys: ['housing', 'authorities'], lat: 52.37, lon: 9.73 });
    expect((await api.get('/directory-settings')).json()).toEqual(res.json());
    const events = await inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.entityId, A.officeId)),
    );
    expect(events.map((e) => e.action)).toContain('directory.listed');
  });
});

describe('the public directory', () => {
  it('lists the opted-in office with hand-counted, rounded languages of at least 3 active guides', async () => {
    const res = await publicApi(t).get('/public/directory?language=de');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().items.find((o: { slug: string }) => o.slug === slugs.A);
    expect(a.languages).toEqual([
      { code: 'ar', approxGuides: 15 },
      { code: 'ti', approxGuides: 10 },
      { code: 'fa', approxGuides: 5 },
      { code: 'uk', approxGuides: 5 },
    ]);
    expect(a).toMatchObject({
      name: expect.stringMatching(/^Testbüro /),
      city: 'Teststadt',
      provider: 'Volkshochschule Teststadt',
      areas: ['Nordviertel', 'Südviertel'],
      location: { lat: 52.37, lon: 9.73 },
      description: { text: 'Wir begleiten Menschen im Alltag.', language: 'de' },
      howToGetHelp: { text: 'Rufen Sie uns an.', language: 'de' },
      contact: { email: 'lotsen@teststadt.example', phone: '0511 1234', website: 'https://teststadt.example/lotsen' },
      volunteerFormPath: `/volunteer/${slugs.A}`,
    });
    // The office's order of its fields, only the chosen ones.
    expect(a.fields.map((f: { key: string }) => f.key)).toEqual(['authorities', 'housing']);
    expect(res.json().total).toBe(res.json().items.length);
  });

  it('never lists an office that did not opt in, nor answers for it', async () => {
    const list = (await publicApi(t).get('/public/directory')).json();
    const listed = list.items.map((o: { slug: string }) => o.slug);
    expect(listed).toContain(slugs.A);
    expect(listed).not.toContain(slugs.B);
    const b = await publicApi(t).get(`/public/directory/${slugs.B}`);
    const nobody = await publicApi(t).get('/public/directory/kein-solches-buero');
    expectProblem(b, 404, 'not_found');
    expect(b.json()).toEqual(nobody.json());
  });

  it('drops an office the moment it opts out again, and a deactivated office too', async () => {
    const api = client(t.app, C.sessions.coordinator);
    expect((await api.put('/directory-settings', settingsBody({ fieldKeys: [] }))).statusCode).toBe(200);
    expect((await publicApi(t).get(`/public/directory/${slugs.C}`)).statusCode).toBe(200);
    expect((await api.put('/directory-settings', settingsBody({ listed: false, fieldKeys: [] }))).statusCode).toBe(200);
    expectProblem(await publicApi(t).get(`/public/directory/${slugs.C}`), 404);
    const listed = (await publicApi(t).get('/public/directory')).json().items.map((o: { slug: string }) => o.slug);
    expect(listed).not.toContain(slugs.C);

    expect((await api.put('/directory-settings', settingsBody({ fieldKeys: [] }))).statusCode).toBe(200);
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.update(offices).set({ deactivatedAt: new Date() }).where(eq(offices.id, C.officeId)),
    );
    expectProblem(await publicApi(t).get(`/public/directory/${slugs.C}`), 404);
  });

  it('shows the text in the reader’s language, else German, and says which', async () => {
    const ar = (await publicApi(t).get(`/public/directory/${slugs.A}?language=ar`)).json();
    expect(ar.description).toEqual({ text: 'نرافق الناس في حياتهم اليومية.', language: 'ar' });
    expect(ar.howToGetHelp).toEqual({ text: 'Rufen Sie uns an.', language: 'de' });
    const en = (await publicApi(t).get(`/public/directory/${slugs.A}?language=en`)).json();
    expect(en.description.language).toBe('de');
    expect(en.howToGetHelp).toEqual({ text: 'Call us.', language: 'en' });
  });

  it('shows no person: only the agreed keys, no guide name or address, and sets no cookie', async () => {
    const allowed = new Set([
      'items',
      'total',
      'slug',
      'name',
      'city',
      'provider',
      'description',
      'text',
      'language',
      'areas',
      'location',
      'lat',
      'lon',
      'languages',
      'code',
      'approxGuides',
      'fields',
      'key',
      'howToGetHelp',
      'contact',
      'email',
      'phone',
      'website',
      'volunteerFormPath',
    ]);
    const keysOf = (value: unknown, into: Set<string>) => {
      if (Array.isArray(value)) for (const v of value) keysOf(v, into);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) {
          into.add(k);
          keysOf(v, into);
        }
      return into;
    };
    for (const url of ['/public/directory', `/public/directory/${slugs.A}`, '/public/directory?language=ar']) {
      const res = await publicApi(t).get(url);
      expect(res.statusCode).toBe(200);
      expect([...keysOf(res.json(), new Set())].filter((k) => !allowed.has(k))).toEqual([]);
      expect(res.body).not.toContain(marker);
      expect(res.body.toLowerCase()).not.toContain(A.emails.guide);
      expect(res.body).not.toContain(A.guideId);
      expect(res.body).not.toContain(A.officeId);
      expect(res.headers['set-cookie'], url).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // Not even a signed-in reader's session is touched: the answer carries no cookie either.
    const signedIn = await client(t.app, A.sessions.coordinator).get(`/public/directory/${slugs.A}`);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['set-cookie']).toBeUndefined();
  });

  it('hides the languages when the office chooses so, and the form link with it', async () => {
    const api = client(t.app, A.sessions.coordinator);
    const res = await api.put('/directory-settings', settingsBody({ showLanguages: false, showVolunteerForm: false }));
    expect(res.statusCode, res.body).toBe(200);
    const a = (await publicApi(t).get(`/public/directory/${slugs.A}`)).json();
    expect(a.languages).toBeNull();
    expect(a.volunteerFormPath).toBeNull();
    await api.put('/directory-settings', settingsBody());
  });

  it("links the office's own public volunteer form, which answers", async () => {
    const a = (await publicApi(t).get(`/public/directory/${slugs.A}`)).json();
    const form = await publicApi(t).get(`/public/offices/${a.volunteerFormPath.split('/').pop()}/volunteer-form`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json().office.slug).toBe(slugs.A);
  });

  it('throttles one client address that probes for unknown offices, and no one else', async () => {
    const prober = '203.0.113.99';
    for (let i = 0; i < DIRECTORY_MISS_THROTTLE.limit; i++)
      expectProblem(await publicApi(t).get(`/public/directory/gibt-es-nicht-${i}`, prober), 404);
    const blocked = await publicApi(t).get(`/public/directory/${slugs.A}`, prober);
    expectProblem(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await publicApi(t).get(`/public/directory/${slugs.A}`, '203.0.113.100')).statusCode).toBe(200);
  });
});
