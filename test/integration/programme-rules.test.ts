/**
 * Issue 11 §3, programme rule sets: which hour categories count towards the cap (capCategoryKeys) for the guide's
 * own cap, the team budget and the caps overview, including a stored version without the list (NULL: every
 * category counts); and versions as evidence: a version in use (valid-from reached, or an approved month under it)
 * is neither edited nor deleted (409 programme_rule_set_in_use), and no new version reaches back over it or over an
 * approved month (409 programme_rule_set_backdated).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { translate } from '../../src/shared/i18n/index.js';
import { PROGRAMME_DEFAULTS } from '../../src/shared/programmes.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { inDays } from '../helpers/requests.js';

let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
});

async function categoryIds(office: TestOffice): Promise<Record<string, string>> {
  const res = await client(t.app, office.sessions.coordinator).get('/hour-categories');
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().items.map((c: { key: string; id: string }) => [c.key, c.id]));
}

describe('categories that count towards the cap', () => {
  it('only the chosen categories use up the guide’s cap and the team budget; others stay paid and unblocked', async () => {
    const office = await createOffice(t);
    const coordinator = () => client(t.app, office.sessions.coordinator);
    const cat = await categoryIds(office);
    const created = await coordinator().post('/programme-rule-sets', {
      name: 'Hessen WIR',
      programme: 'hessenWir',
      validFrom: '2020-01-01',
      options: {
        ...PROGRAMME_DEFAULTS.hessenWir,
        capHours: 2,
        coordinatorCapHours: null,
        teamBudgetHours: 3,
        capCategoryKeys: ['coordination', 'supervision'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().options.capCategoryKeys).toEqual(['coordination', 'supervision']);
    const second = await createGuideWithAccount(t, office);
    const log = (guideId: string, key: string, minutes: number) =>
      coordinator().post('/hour-entries', { guideId, categoryId: cat[key], date: '2025-05-06', minutes });

    // Plenum does not count: five hours of it leave the 2 h cap untouched.
    expect((await log(office.guideId, 'plenum', 300)).statusCode).toBe(201);
    expect((await log(office.guideId, 'coordination', 60)).statusCode).toBe(201);
    expect((await log(office.guideId, 'supervision', 60)).statusCode).toBe(201);
    const capped = expectProblem(await log(office.guideId, 'coordination', 15), 409, 'hours_cap_reached');
    expect(capped.errors?.[0]).toMatchObject({ path: 'minutes', code: 'capReached' });
    expect((await log(office.guideId, 'plenum', 60)).statusCode).toBe(201);

    // The team budget (3 h) counts the same categories: 2 h used by the first guide, 1 h left for the second.
    expect((await log(second.guideId, 'plenum', 240)).statusCode).toBe(201);
    expect((await log(second.guideId, 'coordination', 60)).statusCode).toBe(201);
    const team = expectProblem(await log(second.guideId, 'supervision', 15), 409, 'hours_cap_reached');
    expect(team.errors?.[0]).toMatchObject({ path: 'minutes', code: 'teamBudgetReached' });

    // The caps overview counts the chosen categories only.
    const overview = await coordinator().get('/hour-allowances?year=2025');
    expect(overview.statusCode, overview.body).toBe(200);
    const first = overview.json().items.find((i: { guideId: string }) => i.guideId === office.guideId);
    expect(first.cap).toMatchObject({ state: 'reached', capHours: 2, usedMinutes: 120, remainingMinutes: 0 });
  });

  it('refuses a key that is not one of the office’s categories; an empty list means every category counts', async () => {
    const office = await createOffice(t);
    const coordinator = () => client(t.app, office.sessions.coordinator);
    const cat = await categoryIds(office);
    const unknown = expectProblem(
      await coordinator().post('/programme-rule-sets', {
        name: 'Hessen WIR',
        programme: 'hessenWir',
        validFrom: '2020-01-01',
        options: { ...PROGRAMME_DEFAULTS.hessenWir, capCategoryKeys: ['coordination', 'sprachcafe'] },
      }),
      400,
      'validation_failed',
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: 'options.capCategoryKeys', code: 'categoryUnknown' });
    const empty = await coordinator().post('/programme-rule-sets', {
      name: 'Hessen WIR',
      programme: 'hessenWir',
      validFrom: '2020-01-01',
      options: { ...PROGRAMME_DEFAULTS.hessenWir, capHours: 1, capCategoryKeys: [] },
    });
    expect(empty.statusCode, empty.body).toBe(201);
    const log = (key: string, minutes: number) =>
      coordinator().post('/hour-entries', {
        guideId: office.guideId,
        categoryId: cat[key],
        date: '2025-05-06',
        minutes,
      });
    expect((await log('plenum', 45)).statusCode).toBe(201);
    expectProblem(await log('other', 30), 409, 'hours_cap_reached');
  });

  it('a stored version without the list (missing or JSON null) reads as “every category counts”, never a 500', async () => {
    const office = await createOffice(t);
    const coordinator = () => client(t.app, office.sessions.coordinator);
    const cat = await categoryIds(office);
    const { capCategoryKeys: _, ...withoutKeys } = { ...PROGRAMME_DEFAULTS.hessenWir, capHours: 1 };
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(sql`insert into programme_rule_sets (office_id, name, programme, valid_from, options) values
        (${office.officeId}, 'Alt', 'hessenWir', '2020-01-01', ${JSON.stringify(withoutKeys)}::jsonb),
        (${office.officeId}, 'Alt', 'hessenWir', '2024-01-01',
         ${JSON.stringify({ ...withoutKeys, capCategoryKeys: null })}::jsonb)`),
    );
    const list = await coordinator().get('/programme-rule-sets');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((r: { options: { capCategoryKeys: string[] } }) => r.options.capCategoryKeys)).toEqual(
      [[], []],
    );
    const log = (key: string, minutes: number) =>
      coordinator().post('/hour-entries', {
        guideId: office.guideId,
        categoryId: cat[key],
        date: '2025-05-06',
        minutes,
      });
    expect((await log('plenum', 60)).statusCode).toBe(201);
    expectProblem(await log('course', 15), 409, 'hours_cap_reached');
    const overview = await coordinator().get('/hour-allowances?year=2025');
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json().items.find((i: { guideId: string }) => i.guideId === office.guideId).cap).toMatchObject({
      state: 'reached',
      usedMinutes: 60,
    });
  });
});

describe('rule-set versions are evidence', () => {
  it('a version in use is neither edited nor deleted; a planned one is; new versions start later', async () => {
    const office = await createOffice(t);
    const coordinator = () => client(t.app, office.sessions.coordinator);
    const guide = () => client(t.app, office.sessions.guide);
    const cat = await categoryIds(office);
    const body = (validFrom: string, name = 'Hessen WIR') => ({
      name,
      programme: 'hessenWir',
      validFrom,
      options: PROGRAMME_DEFAULTS.hessenWir,
    });
    const first = await coordinator().post('/programme-rule-sets', body('2020-01-01'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ current: true, inUse: true });
    const id = first.json().id;

    // In use since 2020: no edit, no delete, with a stable code and a translated message.
    const edit = expectProblem(
      await coordinator().patch(`/programme-rule-sets/${id}`, {
        options: { ...PROGRAMME_DEFAULTS.hessenWir, allowanceCentsPerHour: 600 },
      }),
      409,
      'programme_rule_set_in_use',
    );
    expect(edit.title).toBe(translate('de', 'errors.programme_rule_set_in_use'));
    expect(edit.title).not.toBe('errors.programme_rule_set_in_use');
    expect(edit.errors?.[0]).toMatchObject({ path: 'id', code: 'versionInUse' });
    expect(edit.errors?.[0]?.message).toContain('01.01.2020');
    expectProblem(await coordinator().delete(`/programme-rule-sets/${id}`), 409, 'programme_rule_set_in_use');
    // A version of the same rule set may not start before (or on) the one in use.
    const earlier = expectProblem(
      await coordinator().post('/programme-rule-sets', body('2019-06-01')),
      409,
      'programme_rule_set_backdated',
    );
    expect(earlier.errors?.[0]).toMatchObject({
      path: 'validFrom',
      code: 'notAfterVersionInUse',
    });
    expect(earlier.errors?.[0]?.message).toContain('01.01.2020');
    const stored = (await coordinator().get('/programme-rule-sets')).json().items;
    expect(stored).toHaveLength(1);
    expect(stored[0].options.allowanceCentsPerHour).toBe(500);

    // A planned version (from a later date) may be moved, changed and deleted while nobody used it.
    const planned = await coordinator().post('/programme-rule-sets', body(inDays(30)));
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json()).toMatchObject({ current: false, inUse: false });
    const moved = await coordinator().patch(`/programme-rule-sets/${planned.json().id}`, {
      validFrom: inDays(40),
      options: { ...PROGRAMME_DEFAULTS.hessenWir, allowanceCentsPerHour: 600 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ validFrom: inDays(40), inUse: false });
    expect(moved.json().options.allowanceCentsPerHour).toBe(600);
    // Moving it back over the version in use is refused like a new one.
    expectProblem(
      await coordinator().patch(`/programme-rule-sets/${planned.json().id}`, { validFrom: '2019-01-01' }),
      409,
      'programme_rule_set_backdated',
    );
    const deleted = await coordinator().delete(`/programme-rule-sets/${planned.json().id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await coordinator().delete(`/programme-rule-sets/${planned.json().id}`), 404);
    expect((await coordinator().get('/programme-rule-sets')).json().items).toHaveLength(1);

    // An approved month: no new version (of any name) may start on or before its first day.
    expect(
      (
        await coordinator().post('/hour-entries', {
          guideId: office.guideId,
          categoryId: cat.plenum,
          date: '2025-03-10',
          minutes: 90,
        })
      ).statusCode,
    ).toBe(201);
    expect((await guide().post('/me/time-sheets/2025-03/submit', {})).statusCode).toBe(200);
    const sheet = (await coordinator().get('/time-sheets')).json().items[0];
    expect((await coordinator().post(`/time-sheets/${sheet.id}/approve`, {})).statusCode).toBe(200);
    const backdated = expectProblem(
      await coordinator().post('/programme-rule-sets', body('2025-03-01', 'Kommunales Budget')),
      409,
      'programme_rule_set_backdated',
    );
    expect(backdated.errors?.[0]).toMatchObject({ path: 'validFrom', code: 'beforeApprovedMonth' });
    expect(backdated.errors?.[0]?.message).toContain('31.03.2025');
    const after = await coordinator().post('/programme-rule-sets', body('2025-03-02', 'Kommunales Budget'));
    expect(after.statusCode, after.body).toBe(201);
    // It started in the past, so it is in use at once.
    expect(after.json().inUse).toBe(true);
    expectProblem(await coordinator().delete(`/programme-rule-sets/${after.json().id}`), 409);

    // Guides do not manage rule sets; another office does not see this one.
    expectProblem(await guide().delete(`/programme-rule-sets/${id}`), 403);
    const other = await createOffice(t);
    expectProblem(await client(t.app, other.sessions.coordinator).delete(`/programme-rule-sets/${id}`), 404);
  });
});
