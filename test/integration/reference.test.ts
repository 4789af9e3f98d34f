/**
 * Reference data: the office's districts, fields of action and specialisations (CRUD for coordinators, unique per
 * office, and what happens to records that use them), the services directory, and the global languages and
 * countries with names in German, English and Arabic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let o: TestOffice;
let api: ReturnType<typeof client>;

type Item = { key: string; name: string; abilities: Record<string, boolean> };
type District = { id: string; name: string; lat: number; lon: number };

beforeAll(async () => {
  t = await createTestApp();
  o = await createOffice(t);
  api = client(t.app, o.sessions.coordinator);
});
afterAll(() => t.close());

describe('districts', () => {
  let id: string;
  const name = `Linden-Limmer ${tag()}`;
  const list = async (): Promise<District[]> => (await api.get('/districts')).json().items;

  it('are created with a centre point, listed by name, and readable by everyone in the office', async () => {
    const res = await api.post('/districts', { name, lat: 52.3667, lon: 9.7167 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name, lat: 52.3667, lon: 9.7167, abilities: { update: true, delete: true } });
    id = res.json().id;
    const names = (await list()).map((d) => d.name);
    expect(names).toContain(name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
    const asGuide = (await client(t.app, o.sessions.guide).get('/districts')).json();
    expect(asGuide.items.map((d: District) => d.id)).toContain(id);
    expect(asGuide.total).toBe(asGuide.items.length);
  });

  it('can be renamed and moved', async () => {
    const renamed = await api.patch(`/districts/${id}`, { name: `${name} (neu)` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const moved = await api.patch(`/districts/${id}`, { lat: 52.37, lon: 9.72 });
    expect(moved.json()).toMatchObject({ id, name: `${name} (neu)`, lat: 52.37, lon: 9.72 });
  });

  it('have unique names within the office (409 conflict on create and on rename)', async () => {
    expectProblem(await api.post('/districts', { name: 'Nordviertel', lat: 1, lon: 1 }), 409, 'conflict');
    expectProblem(await api.patch(`/districts/${id}`, { name: 'Südviertel' }), 409, 'conflict');
    expect((await list()).filter((d) => d.name === 'Nordviertel')).toHaveLength(1);
    expect((await list()).find((d) => d.id === id)?.name).toBe(`${name} (neu)`);
  });

  it('are deleted (204), after which they answer 404', async () => {
    expect((await api.delete(`/districts/${id}`)).statusCode).toBe(204);
    expect((await list()).map((d) => d.id)).not.toContain(id);
    expectProblem(await api.delete(`/districts/${id}`), 404, 'not_found');
    expectProblem(await api.patch(`/districts/${id}`, { name: 'Wieder da' }), 404, 'not_found');
  });

  it('leave no dangling reference in guides and partners when deleted', async () => {
    const district = (await api.post('/districts', { name: `Kurzlebig ${tag()}`, lat: 1, lon: 1 })).json();
    const guide = await api.post('/guides', {
      firstName: 'Bezirk',
      lastName: `Weg ${tag()}`,
      homeDistrictId: district.id,
      serviceDistrictIds: [o.districtIds[0], district.id],
    });
    expect(guide.statusCode, guide.body).toBe(201);
    const partner = await api.post('/partners', { name: `Partner ${tag()}`, type: 'other', districtId: district.id });
    expect(partner.statusCode, partner.body).toBe(201);

    expect((await api.delete(`/districts/${district.id}`)).statusCode).toBe(204);
    const after = (await api.get(`/guides/${guide.json().id}`)).json();
    expect(after.homeDistrictId).toBeNull();
    expect(after.serviceDistrictIds).toEqual([o.districtIds[0]]);
    // The profile can be saved back as the UI shows it.
    const saved = await api.patch(`/guides/${after.id}`, { serviceDistrictIds: after.serviceDistrictIds });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await api.get(`/partners/${partner.json().id}`)).json().districtId).toBeNull();
  });

  it('cannot be deleted while a request takes place there (409, not a server error)', async () => {
    const district = (await api.post('/districts', { name: `Mit Anfrage ${tag()}`, lat: 1, lon: 1 })).json();
    const request = await api.post('/requests', {
      partnerId: o.partnerId,
      field: 'authorities',
      type: 'accompaniment',
      title: 'Begleitung zum Bürgeramt',
      description: 'Anmeldung der Wohnung im Bürgeramt begleiten.',
      districtId: district.id,
      startsOn: new Date().toISOString().slice(0, 10),
      frequency: 'once',
      expectedHours: 2,
      minorsInvolved: false,
      person: { initials: 'K. L.', ageGroup: 'adult', languages: ['tr'], household: 'individual', consentGiven: true },
    });
    expect(request.statusCode, request.body).toBe(201);
    expectProblem(await api.delete(`/districts/${district.id}`), 409, 'conflict');
    expect((await list()).map((d) => d.id)).toContain(district.id);
  });

  it('record their changes in the audit log', async () => {
    const events = (await api.get('/audit-events?entityType=district&limit=50')).json().items;
    const actions = new Set(events.map((e: { action: string }) => e.action));
    expect(actions).toEqual(new Set(['district.created', 'district.updated', 'district.deleted']));
  });
});

describe.each([
  {
    kind: 'fields',
    defaults: {
      authorities: 'Behörden & Ämter',
      school_kita: 'Schule & Kita (Elternarbeit)',
      university: 'Studium & Hochschule',
      training_work: 'Ausbildung & Beruf',
      health_care: 'Gesundheit & Pflege',
      housing: 'Wohnen',
      leisure: 'Freizeit, Sport & Kultur',
      language_support: 'Sprachförderung',
      orientation: 'Orientierung im Alltag / Erstorientierung',
      crisis: 'Krisen & Umbruchsituationen',
    },
    guideField: 'fields',
  },
  {
    kind: 'specializations',
    defaults: {
      parents: 'Elternlotse',
      sport: 'Sportlotse',
      university: 'Hochschullotse',
      vocational: 'Ausbildungslotse',
      tolerance: 'Toleranzlotse',
      environment: 'Umweltlotse',
      health: 'Gesundheitslotse',
    },
    guideField: 'specializations',
  },
] as const)('$kind of the office', ({ kind, defaults, guideField }) => {
  const key = `eigene_${tag()}`;
  const list = async (): Promise<Item[]> => (await api.get(`/${kind}`)).json().items;

  it('start with the defaults from the domain, in order, with German names', async () => {
    const fresh = await createOffice(t);
    const items = (await client(t.app, fresh.sessions.guide).get(`/${kind}`)).json().items as Item[];
    expect(Object.fromEntries(items.map((i) => [i.key, i.name]))).toEqual(defaults);
    expect(items.map((i) => i.key)).toEqual(Object.keys(defaults));
    expect(items[0].abilities).toEqual({ update: false, delete: false });
  });

  it('get an office-defined entry, appended at the end', async () => {
    const res = await api.post(`/${kind}`, { key, name: 'Eigene Kategorie' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      key,
      name: 'Eigene Kategorie',
      translations: { en: '', ar: '', fa: '', tr: '', ru: '', uk: '' },
      abilities: { update: true, delete: true },
    });
    const items = await list();
    expect(items[items.length - 1].key).toBe(key);
  });

  it('refuse a duplicate key (409) and keep the original', async () => {
    expectProblem(await api.post(`/${kind}`, { key, name: 'Doppelt' }), 409, 'conflict');
    expectProblem(await api.post(`/${kind}`, { key: Object.keys(defaults)[0], name: 'Doppelt' }), 409, 'conflict');
    expect((await list()).filter((i) => i.key === key).map((i) => i.name)).toEqual(['Eigene Kategorie']);
  });

  it('are renamed by key; the key itself stays', async () => {
    const res = await api.patch(`/${kind}/${key}`, { name: 'Umbenannt' });
    expect(res.json()).toEqual({
      key,
      name: 'Umbenannt',
      translations: { en: '', ar: '', fa: '', tr: '', ru: '', uk: '' },
      abilities: { update: true, delete: true },
    });
    expectProblem(await api.patch(`/${kind}/gibt_es_nicht`, { name: 'X' }), 404, 'not_found');
    expectProblem(await api.patch(`/${kind}/${key}`, { key: 'anders', name: 'X' }), 400, 'validation_failed');
  });

  it('are usable in guide profiles, and deleting one removes it from the profiles', async () => {
    const guide = await api.post('/guides', { firstName: 'Kategorie', lastName: `Test ${tag()}`, [guideField]: [key] });
    expect(guide.statusCode, guide.body).toBe(201);
    expect((await api.get(`/guides?${kind === 'fields' ? 'field' : 'specialization'}=${key}`)).json().total).toBe(1);
    expect((await api.delete(`/${kind}/${key}`)).statusCode).toBe(204);
    expect((await list()).map((i) => i.key)).not.toContain(key);
    expectProblem(await api.delete(`/${kind}/${key}`), 404, 'not_found');
    const after = (await api.get(`/guides/${guide.json().id}`)).json();
    expect(after[guideField]).toEqual([]);
    // ...so the profile can be saved back as shown.
    expect((await api.patch(`/guides/${after.id}`, { [guideField]: after[guideField] })).statusCode).toBe(200);
  });
});

describe('the word for districts (office setting districtTerm)', () => {
  it('is "Stadtbezirk" by default, follows the setting for everyone in the office, and refuses other words', async () => {
    const term = async (session = o.sessions.coordinator) =>
      (await client(t.app, session).get('/districts')).json().term;
    expect(await term()).toBe('Stadtbezirk');
    const res = await api.patch('/settings', { districtTerm: 'Ortsteil' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().districtTerm).toBe('Ortsteil');
    expect(await term(o.sessions.guide)).toBe('Ortsteil');
    expect(await term(o.sessions.partner)).toBe('Ortsteil');
    const bad = expectProblem(await api.patch('/settings', { districtTerm: 'Kiez' }), 400, 'validation_failed');
    expect(bad.errors?.[0]?.path).toBe('districtTerm');
    expect(await term()).toBe('Ortsteil');
    await api.patch('/settings', { districtTerm: 'Stadtbezirk' });
  });
});

describe('the services directory (where out-of-scope matters are referred)', () => {
  let id: string;

  it('is maintained by coordinators and read by everyone in the office', async () => {
    const res = await api.post('/services', {
      name: 'Schuldnerberatung Mitte',
      topics: ['debt_counselling'],
      phone: '+49 511 168-0',
      languages: ['de', 'tr'],
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    for (const role of ['guide', 'partner'] as const) {
      const items = (await client(t.app, o.sessions[role]).get('/services')).json().items;
      expect(items.map((s: { id: string }) => s.id)).toContain(id);
    }
    expectProblem(
      await client(t.app, o.sessions.guide).post('/services', { name: 'X', topics: ['debt_counselling'] }),
      403,
    );
  });

  it('regression: a service link must be http(s), mailto or tel; javascript: and data: are refused with a field error', async () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>x</script>',
    ]) {
      for (const res of [
        await api.post('/services', { name: 'Böser Link', topics: ['debt_counselling'], url }),
        await api.patch(`/services/${id}`, { url }),
      ]) {
        const body = expectProblem(res, 400, 'validation_failed');
        expect(body.errors, url).toEqual([{ path: 'url', code: 'urlScheme', message: expect.any(String) }]);
        expect(body.errors?.[0].message).not.toMatch(/^validation\./);
      }
    }
    expect((await api.get('/services')).json().items.some((s: { name: string }) => s.name === 'Böser Link')).toBe(
      false,
    );
    for (const url of [
      'https://beratung.example/termine',
      'http://beratung.example',
      'mailto:info@beratung.example',
      'tel:+495111680',
    ]) {
      const res = await api.patch(`/services/${id}`, { url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().url).toBe(url);
    }
  });

  it('changes only the fields a PATCH sends', async () => {
    const res = await api.patch(`/services/${id}`, { name: 'Schuldner- und Insolvenzberatung' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Schuldner- und Insolvenzberatung',
      topics: ['debt_counselling'],
      phone: '+49 511 168-0',
      languages: ['de', 'tr'],
    });
  });

  it('is deleted (204, then 404)', async () => {
    expect((await api.delete(`/services/${id}`)).statusCode).toBe(204);
    expectProblem(await api.delete(`/services/${id}`), 404, 'not_found');
  });
});

describe('languages (ISO 639)', () => {
  type Language = { code: string; name: string; nativeName: string };
  const languages = async (query = ''): Promise<Language[]> => {
    const res = await api.get(`/languages${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(res.json().items.length);
    return res.json().items;
  };
  const byCode = (list: Language[]) => new Map(list.map((l) => [l.code, l]));

  it('include Kurmanji, Sorani and Dari, with German names by default', async () => {
    const list = byCode(await languages());
    expect(list.get('kmr')).toEqual({ code: 'kmr', name: 'Kurdisch (Kurmandschi)', nativeName: 'Kurdî (Kurmancî)' });
    expect(list.get('ckb')?.name).toBe('Kurdisch (Sorani)');
    expect(list.get('prs')?.name).toBe('Dari');
    expect(list.get('de')).toMatchObject({ name: 'Deutsch', nativeName: 'Deutsch' });
    expect(list.get('ar')).toMatchObject({ name: 'Arabisch', nativeName: 'العربية' });
    for (const code of ['fa', 'tr', 'ru', 'uk', 'bg', 'ro', 'pl', 'es', 'ti', 'so'])
      expect(list.has(code), code).toBe(true);
  });

  it('have unique codes, a real name for each, sorted by the name in the requested language', async () => {
    const list = await languages();
    expect(list.length).toBeGreaterThanOrEqual(60);
    expect(new Set(list.map((l) => l.code)).size).toBe(list.length);
    for (const l of list) {
      expect(l.code).toMatch(/^[a-z]{2,3}$/);
      expect(l.name, l.code).not.toBe(l.code);
    }
    const names = list.map((l) => l.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('are named in Arabic with ?locale=ar and in English with ?locale=en', async () => {
    const ar = byCode(await languages('?locale=ar'));
    for (const code of ['kmr', 'ckb', 'prs', 'de', 'tr']) expect(ar.get(code)?.name, code).toMatch(/[\u0600-\u06FF]/);
    expect(ar.get('de')?.nativeName).toBe('Deutsch');
    const en = byCode(await languages('?locale=en'));
    expect(en.get('kmr')?.name).toBe('Kurdish (Kurmanji)');
    expect(en.get('de')?.name).toBe('German');
    expectProblem(await api.get('/languages?locale=fr'), 400, 'validation_failed');
  });

  it('are exactly the codes a guide profile accepts', async () => {
    const codes = (await languages()).map((l) => l.code);
    const res = await api.post('/guides', {
      firstName: 'Sprachen',
      lastName: `Alle ${tag()}`,
      languages: codes.slice(0, 20).map((code) => ({ code, level: 'B1' })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const more = await api.patch(`/guides/${res.json().id}`, {
      languages: codes.slice(20, 40).map((code) => ({ code, level: 'A2' })),
    });
    expect(more.statusCode, more.body).toBe(200);
  });
});

describe('countries (ISO 3166-1)', () => {
  type Country = { code: string; name: string };
  const countries = async (query = ''): Promise<Map<string, string>> => {
    const res = await api.get(`/countries${query}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Country[];
    expect(res.json().total).toBe(items.length);
    expect(new Set(items.map((c) => c.code)).size).toBe(items.length);
    return new Map(items.map((c) => [c.code, c.name]));
  };

  it('list ISO alpha-2 codes with German names', async () => {
    const list = await countries();
    expect(list.size).toBeGreaterThanOrEqual(240);
    for (const code of list.keys()) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(list.get('DE')).toBe('Deutschland');
    expect(list.get('SY')).toBe('Syrien');
    for (const code of ['AF', 'IQ', 'IR', 'UA', 'TR', 'ER', 'SO', 'XK', 'RU', 'PL'])
      expect(list.has(code), code).toBe(true);
  });

  it('are named in Arabic with ?locale=ar and in English with ?locale=en', async () => {
    const ar = await countries('?locale=ar');
    expect(ar.get('DE')).toMatch(/[\u0600-\u06FF]/);
    expect(ar.get('SY')).toMatch(/[\u0600-\u06FF]/);
    const en = await countries('?locale=en');
    expect(en.get('DE')).toBe('Germany');
  });
});
