/**
 * Issue 11 §3, the Hessen WIR team budget screen: each guide's cap, paid hours used and share of the team budget;
 * the coordinator moves hours between shares (and from and back to the unallocated rest). Moves that would put a
 * share above its guide's cap, the shares above the budget, or a share below the hours already used are refused
 * by the server (409 team_budget_move_refused); every move is audited; other offices and guides see nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME_DEFAULTS } from '../../src/shared/programmes.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';

let t: TestApp;
let office: TestOffice;
let second: string;
let coordinatingGuide: string;
const coordinator = () => client(t.app, office.sessions.coordinator);
type Item = { guideId: string; capHours: number | null; usedMinutes: number; allocatedHours: number };
const itemOf = (body: { guides: Item[] }, guideId: string) => body.guides.find((i) => i.guideId === guideId) as Item;

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  second = (await createGuideWithAccount(t, office, { firstName: 'Zweite', lastName: 'Lotsin' })).guideId;
  coordinatingGuide = (await createGuideWithAccount(t, office, { firstName: 'Koordi', lastName: 'Lotse' })).guideId;
  const ruleSet = await coordinator().post('/programme-rule-sets', {
    name: 'Hessen WIR',
    programme: 'hessenWir',
    validFrom: '2020-01-01',
    options: { ...PROGRAMME_DEFAULTS.hessenWir, teamBudgetHours: 800 },
  });
  expect(ruleSet.statusCode, ruleSet.body).toBe(201);
  const profile = await coordinator().call('PUT', `/guides/${coordinatingGuide}/hour-profile`, {
    coordinating: true,
    benefits: 'none',
  });
  expect(profile.statusCode, profile.body).toBe(200);
  const plenum = (await coordinator().get('/hour-categories'))
    .json()
    .items.find((c: { key: string }) => c.key === 'plenum');
  const logged = await coordinator().post('/hour-entries', {
    guideId: second,
    categoryId: plenum.id,
    date: '2025-05-06',
    minutes: 600,
  });
  expect(logged.statusCode, logged.body).toBe(201);
});
afterAll(() => t.close());

describe('team budget', () => {
  it('shows each guide’s cap (276 h, 414 h coordinating), paid hours used and share; nothing shared out yet', async () => {
    const res = await coordinator().get('/team-budget?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      year: 2025,
      ruleSet: { name: 'Hessen WIR', validFrom: '2020-01-01' },
      budgetHours: 800,
      allocatedHours: 0,
      unallocatedHours: 800,
    });
    expect(itemOf(body, second)).toMatchObject({ capHours: 276, usedMinutes: 600, allocatedHours: 0 });
    expect(itemOf(body, coordinatingGuide)).toMatchObject({ capHours: 414, usedMinutes: 0, allocatedHours: 0 });
  });

  it('moves hours from the rest to guides and between guides, never above a cap or the budget', async () => {
    const move = (fromGuideId: string | null, toGuideId: string | null, hours: number) =>
      coordinator().post('/team-budget/moves', { year: 2025, fromGuideId, toGuideId, hours });
    const first = await move(null, second, 276);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ allocatedHours: 276, unallocatedHours: 524 });
    expect((await move(null, coordinatingGuide, 400)).statusCode).toBe(200);

    // Above the cap: the coordinating guide has 414 h at most.
    const aboveCap = expectProblem(await move(second, coordinatingGuide, 15), 409, 'team_budget_move_refused');
    expect(aboveCap.errors?.[0]).toMatchObject({ path: 'toGuideId', code: 'teamBudget_aboveCap' });
    expect(aboveCap.errors?.[0]?.message).toContain('414');
    // Above the budget: 124 h are left, not 125.
    const aboveBudget = expectProblem(await move(null, office.guideId, 125), 409, 'team_budget_move_refused');
    expect(aboveBudget.errors?.[0]).toMatchObject({ path: 'hours', code: 'teamBudget_aboveBudget' });
    // Below what the guide has used: 10 h logged, so the share keeps at least 10 h.
    const belowUsed = expectProblem(await move(second, office.guideId, 267), 409, 'team_budget_move_refused');
    expect(belowUsed.errors?.[0]).toMatchObject({ path: 'fromGuideId', code: 'teamBudget_belowUsed' });
    expect(belowUsed.errors?.[0]?.message).toContain('10');
    const moved = await move(second, office.guideId, 266);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(itemOf(moved.json(), second).allocatedHours).toBe(10);
    expect(itemOf(moved.json(), office.guideId).allocatedHours).toBe(266);
    const back = await move(coordinatingGuide, null, 100);
    expect(back.json()).toMatchObject({ allocatedHours: 576, unallocatedHours: 224 });

    // Refused moves changed nothing; the stored shares are what the screen shows.
    const now = (await coordinator().get('/team-budget?year=2025')).json();
    expect(now.guides.map((i: Item) => [i.guideId, i.allocatedHours]).sort()).toEqual(
      [
        [office.guideId, 266],
        [second, 10],
        [coordinatingGuide, 300],
      ].sort(),
    );
    // Every move is audited.
    const audit = (await coordinator().get('/audit-events?action=team_budget.moved')).json();
    expect(audit.items.length).toBe(4);
  });

  it('refuses a move to the same place, an unknown guide, and a year without a team budget', async () => {
    expectProblem(
      await coordinator().post('/team-budget/moves', { year: 2025, fromGuideId: null, toGuideId: null, hours: 1 }),
      400,
      'validation_failed',
    );
    const unknown = expectProblem(
      await coordinator().post('/team-budget/moves', {
        year: 2025,
        fromGuideId: null,
        toGuideId: '00000000-0000-4000-8000-000000000000',
        hours: 1,
      }),
      400,
      'validation_failed',
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: 'toGuideId', code: 'guideUnknown' });
    // 2019: no rule set in force.
    const none = await coordinator().get('/team-budget?year=2019');
    expect(none.json()).toMatchObject({ ruleSet: null, budgetHours: null, unallocatedHours: null });
    expectProblem(
      await coordinator().post('/team-budget/moves', { year: 2019, fromGuideId: null, toGuideId: second, hours: 1 }),
      409,
      'team_budget_not_configured',
    );
  });

  it('is the coordinator’s: a guide gets 403, another office sees none of these guides', async () => {
    expectProblem(await client(t.app, office.sessions.guide).get('/team-budget?year=2025'), 403);
    const other = await createOffice(t);
    const theirs = (await client(t.app, other.sessions.coordinator).get('/team-budget?year=2025')).json();
    expect(theirs.guides.some((i: Item) => i.guideId === second)).toBe(false);
    const foreign = expectProblem(
      await client(t.app, other.sessions.coordinator).post('/team-budget/moves', {
        year: 2025,
        fromGuideId: null,
        toGuideId: second,
        hours: 1,
      }),
      400,
      'validation_failed',
    );
    expect(foreign.errors?.[0]).toMatchObject({ path: 'toGuideId', code: 'guideUnknown' });
  });
});
