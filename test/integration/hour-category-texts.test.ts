/**
 * Hour categories per language (issue 14 §1, the office's own texts): the German label is required, the other UI
 * languages optional; a missing one reads German. The names reach the guide's time sheet and claim form with their
 * translations, and one office's categories never reach another office.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { localizedLabel } from '../../src/shared/localized.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { today } from '../helpers/requests.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;

const coordinator = (o: TestOffice) => client(t.app, o.sessions.coordinator);
const guide = (o: TestOffice) => client(t.app, o.sessions.guide);
type Category = { id: string; key: string; label: string; translations: Record<string, string> };
const none = { en: '', ar: '', fa: '', tr: '', ru: '', uk: '' };
let cafe: Category;

const listed = async (o: TestOffice, as = coordinator) => {
  const res = await as(o).get('/hour-categories');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Category[];
};

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t);
  B = await createOffice(t);
});
afterAll(() => t.close());

describe('hour category names per language', () => {
  it('a new category keeps its translations, trimmed; every other language reads as empty', async () => {
    const res = await coordinator(A).post('/hour-categories', {
      label: 'Sprachcafé',
      kind: 'other',
      translations: { ar: ' مقهى اللغة ', en: 'Language café', fa: '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    cafe = res.json();
    expect(cafe).toMatchObject({
      label: 'Sprachcafé',
      translations: { ...none, ar: 'مقهى اللغة', en: 'Language café' },
    });
    const again = (await listed(A)).find((c) => c.id === cafe.id);
    expect(again?.translations).toEqual({ ...none, ar: 'مقهى اللغة', en: 'Language café' });
    // The defaults of a new office have no translations: German (or the catalogue's default name) for everyone.
    expect((await listed(A)).find((c) => c.key === 'plenum')?.translations).toEqual(none);
  });

  it('a rename keeps the translations; new translations replace the old ones as a whole; both audited', async () => {
    const api = coordinator(A);
    const renamed = await api.patch(`/hour-categories/${cafe.id}`, { label: 'Sprachcafé am Markt' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ label: 'Sprachcafé am Markt', translations: { ar: 'مقهى اللغة' } });
    const translated = await api.patch(`/hour-categories/${cafe.id}`, {
      translations: { tr: 'Dil kafesi', uk: 'Мовне кафе' },
    });
    expect(translated.statusCode, translated.body).toBe(200);
    expect(translated.json().translations).toEqual({ ...none, tr: 'Dil kafesi', uk: 'Мовне кафе' });
    const events = await inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
      tx
        .select({ action: auditEvents.action, changes: auditEvents.changes })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'office'), eq(auditEvents.action, 'hour_category.updated')))
        .orderBy(asc(auditEvents.at)),
    );
    expect(events.map((e) => e.changes)).toEqual([
      { key: cafe.key, fields: ['label'] },
      { key: cafe.key, fields: ['translations'] },
    ]);
  });

  it('the reader sees their language, German where there is none', async () => {
    const stored = (await listed(A)).find((c) => c.id === cafe.id) as Category;
    expect(localizedLabel(stored.label, stored.translations, 'tr')).toBe('Dil kafesi');
    expect(localizedLabel(stored.label, stored.translations, 'ar')).toBe('Sprachcafé am Markt');
    expect(localizedLabel(stored.label, stored.translations, 'de')).toBe('Sprachcafé am Markt');
  });

  it('refuses German or an unknown language among the translations, an over-long one and a NUL', async () => {
    const api = coordinator(A);
    const url = `/hour-categories/${cafe.id}`;
    const german = expectProblem(
      await api.patch(url, { translations: { de: 'Sprachcafé' } }),
      400,
      'validation_failed',
    );
    expect(german.errors?.map((e) => e.path)).toEqual(['translations']);
    expectProblem(await api.patch(url, { translations: { xx: 'hi' } }), 400, 'validation_failed');
    const long = expectProblem(
      await api.patch(url, { translations: { ar: 'س'.repeat(101) } }),
      400,
      'validation_failed',
    );
    expect(long.errors?.map((e) => e.path)).toEqual(['translations.ar']);
    const nul = expectProblem(await api.patch(url, { translations: { fa: 'کافه\u0000' } }), 400, 'validation_failed');
    expect(nul.errors?.map((e) => e.path)).toEqual(['translations.fa']);
    expectProblem(
      await api.post('/hour-categories', { label: 'Lesekreis', kind: 'other', translations: { ru: 'x'.repeat(101) } }),
      400,
      'validation_failed',
    );
    // 100 characters are still fine, and nothing of the refused attempts was stored.
    const longest = await api.patch(url, { translations: { tr: 'Dil kafesi', ru: 'к'.repeat(100) } });
    expect(longest.statusCode, longest.body).toBe(200);
    expect(longest.json().translations).toEqual({ ...none, tr: 'Dil kafesi', ru: 'к'.repeat(100) });
    expect((await listed(A)).some((c) => c.label === 'Lesekreis')).toBe(false);
  });

  it('only coordinators change them', async () => {
    const res = await guide(A).patch(`/hour-categories/${cafe.id}`, { translations: { ar: 'x' } });
    expectProblem(res, 403, 'forbidden');
  });

  it("the guide's time sheet and claim form carry the translations", async () => {
    const logged = await guide(A).post('/hour-entries', { categoryId: cafe.id, date: today, minutes: 90 });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({
      categoryKey: cafe.key,
      categoryLabel: 'Sprachcafé am Markt',
      categoryTranslations: { tr: 'Dil kafesi' },
    });
    const sheet = await guide(A).get(`/me/time-sheets/${today.slice(0, 7)}`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const entry = sheet.json().entries.find((e: { id: string }) => e.id === logged.json().id);
    expect(entry.categoryTranslations).toEqual({ ...none, tr: 'Dil kafesi', ru: 'к'.repeat(100) });
    // The key lets the app name a default category in the reader's language where the office kept its label.
    expect(entry.categoryKey).toBe(cafe.key);
    const total = sheet.json().totals.find((x: { key: string }) => x.key === cafe.key);
    expect(total).toMatchObject({ label: 'Sprachcafé am Markt', translations: { tr: 'Dil kafesi', ar: '' } });
    const year = await coordinator(A).get(`/hour-totals?year=${today.slice(0, 4)}`);
    expect(year.statusCode, year.body).toBe(200);
    const byCategory = year.json().byCategory.find((x: { key: string }) => x.key === cafe.key);
    expect(byCategory).toMatchObject({ minutes: 90, translations: { tr: 'Dil kafesi', ar: '' } });
    const options = await guide(A).get('/me/expense-options');
    expect(options.statusCode, options.body).toBe(200);
    const offered = options.json().categories.find((c: { id: string }) => c.id === cafe.id);
    expect(offered).toMatchObject({ label: 'Sprachcafé am Markt', translations: { tr: 'Dil kafesi', ar: '' } });
    // A claim for the category names it with the translations, in the guide's list and in the office's queue.
    const claim = await guide(A).post('/me/expense-claims', {
      date: today,
      origin: 'Büro',
      destination: 'Stadtteilzentrum',
      hourCategoryId: cafe.id,
      transport: 'car',
      km: 4,
    });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json()).toMatchObject({
      purposeKey: cafe.key,
      purposeLabel: 'Sprachcafé am Markt',
      purposeTranslations: { tr: 'Dil kafesi' },
    });
    const queue = await coordinator(A).get('/expense-claims');
    expect(queue.statusCode, queue.body).toBe(200);
    const queued = queue.json().items.find((c: { id: string }) => c.id === claim.json().id);
    expect(queued.purposeTranslations).toEqual({ ...none, tr: 'Dil kafesi', ru: 'к'.repeat(100) });
    expect(queued.purposeKey).toBe(cafe.key);
  });

  it("one office's categories and their translations never show in another office", async () => {
    const other = await listed(B);
    expect(other.map((c) => c.id)).not.toContain(cafe.id);
    expect(other.map((c) => c.label)).not.toContain('Sprachcafé am Markt');
    for (const c of other) expect(c.translations).toEqual(none);
    expect((await listed(B, guide)).map((c) => c.id)).not.toContain(cafe.id);
    expectProblem(
      await coordinator(B).patch(`/hour-categories/${cafe.id}`, { translations: { ar: 'من مكتب آخر' } }),
      404,
    );
    const options = (await guide(B).get('/me/expense-options')).json();
    expect(options.categories.map((c: { id: string }) => c.id)).not.toContain(cafe.id);
    const claims = (await coordinator(B).get('/expense-claims')).json().items as { purposeLabel: string }[];
    expect(claims.map((c) => c.purposeLabel)).not.toContain('Sprachcafé am Markt');
    // B's attempt changed nothing in A.
    expect((await listed(A)).find((c) => c.id === cafe.id)?.translations.ar).toBe('');
  });
});
