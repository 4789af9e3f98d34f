/**
 * The office's own texts per language (issue 14 §1): names of fields of action and specialisations with
 * translations (German required, a missing language reads German), and the office's e-mail signature, which ends
 * every mail the office sends in the recipient's language. One office's texts never reach another office.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, offices, outbox } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let ip = 1;

const coordinator = (o: TestOffice) => client(t.app, o.sessions.coordinator);
const requestReset = (email: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    payload: { email },
    remoteAddress: `10.14.0.${ip++}`,
  });
type Item = { key: string; name: string; translations: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t);
  B = await createOffice(t);
});
afterAll(() => t.close());

describe('field names per language', () => {
  it('a new field keeps its translations; every other language reads as empty', async () => {
    const res = await coordinator(A).post('/fields', {
      key: 'family_reunion',
      name: 'Familiennachzug',
      translations: { ar: ' لمّ شمل الأسرة ', en: 'Family reunification', fa: '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      key: 'family_reunion',
      name: 'Familiennachzug',
      translations: { ar: 'لمّ شمل الأسرة', en: 'Family reunification', fa: '', tr: '', ru: '', uk: '' },
    });
    const listed = (await coordinator(A).get('/fields')).json().items as Item[];
    expect(listed.find((f) => f.key === 'family_reunion')?.translations.ar).toBe('لمّ شمل الأسرة');
    // The defaults of a new office have no translations yet: German for every reader.
    expect(listed.find((f) => f.key === 'housing')).toMatchObject({ name: 'Wohnen', translations: { ar: '' } });
  });

  it('a rename keeps the translations; new translations replace the old ones; both are audited', async () => {
    const api = coordinator(A);
    const renamed = await api.patch('/fields/family_reunion', { name: 'Familienzusammenführung' });
    expect(renamed.json()).toMatchObject({ name: 'Familienzusammenführung', translations: { ar: 'لمّ شمل الأسرة' } });
    const translated = await api.patch('/fields/family_reunion', { translations: { tr: 'Aile birleşimi' } });
    expect(translated.statusCode, translated.body).toBe(200);
    expect(translated.json().translations).toEqual({ en: '', ar: '', fa: '', tr: 'Aile birleşimi', ru: '', uk: '' });
    const spec = await api.patch('/specializations/health', { translations: { ar: 'مرشد صحي' } });
    expect(spec.json()).toMatchObject({ key: 'health', name: 'Gesundheitslotse', translations: { ar: 'مرشد صحي' } });
    const events = await inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
      tx
        .select({ action: auditEvents.action, changes: auditEvents.changes })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'field_of_action'), eq(auditEvents.entityId, 'family_reunion')))
        .orderBy(asc(auditEvents.at)),
    );
    expect(events.map((e) => [e.action, Object.keys(e.changes ?? {})])).toEqual([
      ['field_of_action.created', ['key', 'name', 'translations']],
      ['field_of_action.updated', ['name']],
      ['field_of_action.updated', ['translations']],
    ]);
  });

  it('refuses German among the translations, an over-long one, an empty patch and a NUL', async () => {
    const api = coordinator(A);
    expectProblem(await api.patch('/fields/housing', { translations: { de: 'Wohnen' } }), 400);
    const long = expectProblem(await api.patch('/fields/housing', { translations: { ar: 'س'.repeat(101) } }), 400);
    expect(long.errors?.map((e) => e.path)).toEqual(['translations.ar']);
    expectProblem(await api.patch('/fields/housing', {}), 400);
    expectProblem(await api.patch('/fields/housing', { translations: { fa: 'خانه\u0000' } }), 400);
    expect(((await api.get('/fields')).json().items as Item[]).find((f) => f.key === 'housing')?.translations.fa).toBe(
      '',
    );
  });

  it("the public help form names the fields in the reader's language, else in German", async () => {
    await coordinator(A).patch('/fields/housing', { translations: { ar: 'السكن', en: 'Housing' } });
    const [office] = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select({ slug: offices.slug }).from(offices).where(eq(offices.id, A.officeId)),
    );
    const form = async (language: string) => {
      const res = await client(t.app).get(`/public/offices/${office.slug}/help-form?language=${language}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().fields as { key: string; name: string }[];
    };
    const name = async (language: string, key: string) => (await form(language)).find((f) => f.key === key)?.name;
    expect(await name('ar', 'housing')).toBe('السكن');
    expect(await name('en', 'housing')).toBe('Housing');
    expect(await name('fa', 'housing')).toBe('Wohnen');
    expect(await name('de', 'housing')).toBe('Wohnen');
    expect(await name('ar', 'authorities')).toBe('Behörden & Ämter');
  });

  it("one office's translations never show in another office", async () => {
    const other = (await coordinator(B).get('/fields')).json().items as Item[];
    expect(other.find((f) => f.key === 'housing')?.translations).toEqual({
      en: '',
      ar: '',
      fa: '',
      tr: '',
      ru: '',
      uk: '',
    });
    expect(other.map((f) => f.key)).not.toContain('family_reunion');
    expectProblem(await coordinator(B).patch('/fields/family_reunion', { translations: { ar: 'x' } }), 404);
  });

  it('only coordinators change them', async () => {
    for (const session of [A.sessions.guide, A.sessions.partner])
      expectProblem(await client(t.app, session).patch('/fields/housing', { translations: { ar: 'x' } }), 403);
  });
});

describe('e-mail signature per language', () => {
  const signatureA = { de: 'Lotsenstelle Nord\nTel. 0511 123', ar: 'مكتب الإرشاد الشمالي\nهاتف 0511 123' };
  const signatureB = { de: 'Koordinierungsstelle Süd – bitte nicht antworten' };

  it('is off by default: mail ends as the template does', async () => {
    expect((await coordinator(A).get('/settings')).json().mailSignature).toBeNull();
    expect((await requestReset(A.emails.coordinator)).statusCode).toBe(202);
    expect((await lastMailTo(t, A.emails.coordinator)).text).not.toContain('\n-- \n');
  });

  it('German is required, each language at most 500 characters, NUL refused', async () => {
    const api = coordinator(A);
    const noGerman = expectProblem(await api.patch('/settings', { mailSignature: { ar: 'مرحبا' } }), 400);
    expect(noGerman.errors?.map((e) => e.path)).toEqual(['mailSignature.de']);
    expectProblem(await api.patch('/settings', { mailSignature: { de: '   ' } }), 400);
    expectProblem(await api.patch('/settings', { mailSignature: { de: 'x'.repeat(501) } }), 400);
    expectProblem(await api.patch('/settings', { mailSignature: { de: 'Gruß\u0000' } }), 400);
    expectProblem(await api.patch('/settings', { mailSignature: { de: 'Gruß', xx: 'hi' } }), 400);
    expect((await api.get('/settings')).json().mailSignature).toBeNull();
  });

  it('is kept per language, the missing ones empty', async () => {
    const res = await coordinator(A).patch('/settings', { mailSignature: signatureA });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mailSignature).toEqual({ ...signatureA, en: '', fa: '', tr: '', ru: '', uk: '' });
    expect((await coordinator(B).patch('/settings', { mailSignature: signatureB })).statusCode).toBe(200);
  });

  it("ends a German recipient's mail in German, as the recipient reads it", async () => {
    expect((await requestReset(A.emails.coordinator)).statusCode).toBe(202);
    const mail = await lastMailTo(t, A.emails.coordinator);
    expect(mail.text.endsWith(`\n\n-- \n${signatureA.de}`)).toBe(true);
    expect(mail.text).not.toContain(signatureA.ar);
    expect(mail.text).not.toContain(signatureB.de);
  });

  it("ends an Arabic recipient's mail in Arabic", async () => {
    expect((await coordinator(A).patch('/me', { locale: 'ar' })).statusCode).toBe(200);
    expect((await requestReset(A.emails.coordinator)).statusCode).toBe(202);
    const mail = await lastMailTo(t, A.emails.coordinator);
    expect(mail.text.endsWith(`\n\n-- \n${signatureA.ar}`)).toBe(true);
    expect(mail.text).not.toContain('Lotsenstelle Nord');
    // The link still works: the signature is added after it, the secrets stay where they were.
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/\S+/);
  });

  it('falls back to German for a language without a signature', async () => {
    expect((await coordinator(A).patch('/me', { locale: 'fa' })).statusCode).toBe(200);
    expect((await requestReset(A.emails.coordinator)).statusCode).toBe(202);
    expect((await lastMailTo(t, A.emails.coordinator)).text.endsWith(`\n-- \n${signatureA.de}`)).toBe(true);
  });

  it("another office's mail carries its own signature, never this one's, also in the outbox", async () => {
    expect((await requestReset(B.emails.coordinator)).statusCode).toBe(202);
    const mail = await lastMailTo(t, B.emails.coordinator);
    expect(mail.text.endsWith(`\n-- \n${signatureB.de}`)).toBe(true);
    expect(mail.text).not.toContain('Lotsenstelle Nord');
    expect(mail.text).not.toContain(signatureA.ar);
    const stored = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select({ officeId: outbox.officeId, text: outbox.text }).from(outbox),
    );
    for (const row of stored) {
      if (row.officeId !== A.officeId) expect(row.text).not.toContain('Lotsenstelle Nord');
      if (row.officeId !== B.officeId) expect(row.text).not.toContain('Koordinierungsstelle Süd');
    }
  });

  it('is removed with null', async () => {
    const res = await coordinator(A).patch('/settings', { mailSignature: null });
    expect(res.json().mailSignature).toBeNull();
    expect((await requestReset(A.emails.coordinator)).statusCode).toBe(202);
    expect((await lastMailTo(t, A.emails.coordinator)).text).not.toContain('Lotsenstelle Nord');
  });
});
