/**
 * The Land view (issue 13 §3): a funder sees its programme's offices side by side, as aggregates computed by the
 * database and checked here against a hand-counted fixture; small cells are withheld and cannot be worked out by
 * subtraction, neither from the JSON nor from the XLSX; and the funder reaches no person-level route at all.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activities,
  assignments,
  guides,
  hourCategories,
  hourEntries,
  offices,
  requests,
} from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { ensureDefaultHourCategories } from '../../src/modules/timesheets/repository.js';
import { LAND_FIGURES, type LandFigures } from '../../src/shared/land.js';
import { expectProblem, fillPath } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createFunder, createOffice, createPlatformAdmin, type TestOffice } from '../helpers/factories.js';
import { routeOperations } from '../helpers/routes.js';
import { type Fixtures, WRITES } from '../helpers/writes.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
/** An office outside the programme: nothing of it may appear in the funder's figures. */
let C: TestOffice;
let funder: { programmeId: string; email: string; session: Session };
let admin: Session;
let serviceId: string;

const PERIOD = '?from=2024-01-01&to=2024-12-31';
const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

type OfficeFixture = {
  /** Guides certified in the period, and some certified before it. */
  qualified: number;
  qualifiedBefore: number;
  /** Guides (by index) that log 120 minutes in the period. */
  hoursBy: number;
  /** Requests filed in the period; the first `waits.length` get a deployment after that many days. */
  filed: number;
  waits: number[];
};

/**
 * Writes the fixture straight into the office's tables (the system scope, as the seed does): guides, hour entries,
 * requests and deployments, plus one of each outside the period that must not be counted.
 */
async function fill(office: TestOffice, spec: OfficeFixture) {
  await inScope(t.ctx.database.db, 'system', async (tx) => {
    const officeId = office.officeId;
    const pool = await tx
      .insert(guides)
      .values(
        Array.from({ length: spec.qualified + spec.qualifiedBefore }, (_, i) => ({
          officeId,
          firstName: 'Fixtur',
          lastName: `Lotsin ${i}`,
          status: 'active' as const,
          certifiedAt: i < spec.qualified ? '2024-03-01' : '2023-05-01',
        })),
      )
      .returning({ id: guides.id });
    await ensureDefaultHourCategories(tx, officeId);
    const [category] = await tx.select().from(hourCategories).where(eq(hourCategories.officeId, officeId)).limit(1);
    await tx.insert(hourEntries).values([
      ...Array.from({ length: spec.hoursBy }, (_, i) => ({
        officeId,
        guideId: pool[i].id,
        categoryId: category.id,
        date: '2024-04-10',
        minutes: 120,
      })),
      // Outside the period: not counted.
      { officeId, guideId: pool[0].id, categoryId: category.id, date: '2023-12-30', minutes: 600 },
      { officeId, guideId: pool[0].id, categoryId: category.id, date: '2025-01-02', minutes: 600 },
    ]);
    const base = {
      officeId,
      partnerId: office.partnerId,
      districtId: office.districtIds[0],
      field: 'authorities',
      type: 'accompaniment',
      title: 'Fixturanfrage',
      description: 'Begleitung',
      startsOn: '2024-06-01',
      frequency: 'once',
      expectedHours: 2,
      minorsInvolved: false,
      personInitials: 'F. X.',
      personAgeGroup: 'adult',
      personHousehold: 'individual',
      personConsentGiven: true,
    };
    let firstRequest: { id: string; createdAt: Date } | undefined;
    for (let i = 0; i < spec.filed + 1; i++) {
      // The last one is filed before the period, with a deployment that also ended before it.
      const outside = i === spec.filed;
      const createdAt = outside ? noon('2023-06-15') : noon(`2024-06-${String(i + 1).padStart(2, '0')}`);
      const [request] = await tx
        .insert(requests)
        .values({ ...base, createdAt, status: 'closed' })
        .returning({ id: requests.id });
      firstRequest ??= { id: request.id, createdAt };
      const wait = outside ? 5 : spec.waits[i];
      if (wait === undefined) continue;
      const guideId = outside ? pool[pool.length - 1].id : pool[i].id;
      const [assignment] = await tx
        .insert(assignments)
        .values({
          officeId,
          requestId: request.id,
          guideId,
          partnerId: office.partnerId,
          status: 'closed',
          startedAt: plusDays(createdAt, wait),
          closedAt: plusDays(createdAt, wait + 10),
        })
        .returning({ id: assignments.id });
      // One activity on the first day: what makes the guide "active" in its period (the outside one's is in 2023).
      await tx.insert(activities).values({
        officeId,
        assignmentId: assignment.id,
        guideId,
        date: plusDays(createdAt, wait).toISOString().slice(0, 10),
        startTime: '10:00',
        endTime: '11:00',
        minutes: 60,
        type: 'accompaniment',
      });
    }
    // A second guide joins the first request late and has logged nothing yet: running, but not "active".
    if (firstRequest)
      await tx.insert(assignments).values({
        officeId,
        requestId: firstRequest.id,
        guideId: pool[pool.length - 2].id,
        partnerId: office.partnerId,
        status: 'active',
        startedAt: plusDays(firstRequest.createdAt, 20),
      });
  });
}

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t, 'Büro Aurich');
  B = await createOffice(t, 'Büro Bückeburg');
  C = await createOffice(t, 'Büro Celle');
  // A: 12 qualified; 6 with hours (720 min), 7 deployments (guides 0..6, so 7 active); 10 filed, 7 matched, 3 not.
  await fill(A, { qualified: 12, qualifiedBefore: 2, hoursBy: 6, filed: 10, waits: [1, 2, 3, 4, 5, 6, 10] });
  // B: 3 qualified; 3 with hours; 6 deployments (6 active); 8 filed, 6 matched, 2 not.
  await fill(B, { qualified: 3, qualifiedBefore: 3, hoursBy: 3, filed: 8, waits: [2, 4, 6, 8, 10, 12] });
  await fill(C, { qualified: 40, qualifiedBefore: 0, hoursBy: 30, filed: 20, waits: [1, 1, 1, 1, 1, 1] });
  funder = await createFunder(t, [A.officeId, B.officeId]);
  admin = await createPlatformAdmin(t);
  const service = await client(t.app, A.sessions.coordinator).post('/services', { name: 'Dienst', topics: ['court'] });
  expect(service.statusCode, service.body).toBe(201);
  serviceId = service.json().id;
});
afterAll(() => t.close());

async function figures(query = PERIOD): Promise<LandFigures> {
  const res = await client(t.app, funder.session).get(`/land/figures${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the funder compares the offices of its programme', () => {
  it("reads the same active guides and time to match as the office's own report (one definition, issue 13)", async () => {
    const f = await figures();
    for (const [office, row] of [
      [A, f.offices[0]],
      [B, f.offices[1]],
    ] as const) {
      const res = await client(t.app, office.sessions.coordinator).get(`/reports/office${PERIOD}`);
      expect(res.statusCode, res.body).toBe(200);
      const own = res.json().current;
      expect(row.figures.guidesActive.value).toBe(own.guides.active);
      expect(row.figures.medianDaysToMatch.value).toBe(own.requests.daysToMatchMedian);
    }
  });

  it('sees exactly its two offices, each figure computed by the database and matching the hand count', async () => {
    const f = await figures();
    expect(f.programme.id).toBe(funder.programmeId);
    expect(f.from).toBe('2024-01-01');
    expect(f.to).toBe('2024-12-31');
    expect(f.threshold).toBe(5);
    expect(f.offices.map((o) => o.name)).toEqual(['Büro Aurich', 'Büro Bückeburg']);
    const [a, b] = f.offices;
    // Shown as counted by hand.
    expect(a.figures.guidesActive).toEqual({ value: 7, suppressed: null });
    expect(a.figures.requestsFiled).toEqual({ value: 10, suppressed: null });
    expect(a.figures.medianDaysToMatch).toEqual({ value: 4, suppressed: null });
    expect(b.figures.guidesActive).toEqual({ value: 6, suppressed: null });
    expect(b.figures.guidesNewlyQualified).toEqual({ value: null, suppressed: 'small' });
    expect(b.figures.requestsFiled).toEqual({ value: 8, suppressed: null });
    // Median of 2, 4, 6, 8, 10, 12 days.
    expect(b.figures.medianDaysToMatch).toEqual({ value: 7, suppressed: null });
    // Withheld: 3 and 2 requests without a match are small; B's hours come from 3 guides.
    expect(a.figures.requestsUnmatched).toEqual({ value: null, suppressed: 'small' });
    expect(b.figures.requestsUnmatched).toEqual({ value: null, suppressed: 'small' });
    expect(b.figures.hours).toEqual({ value: null, suppressed: 'small' });
    // Secondary: the matches (7 and 6) would give the small cells away as filed − matched, and A's hours as total − B.
    expect(a.figures.requestsMatched).toEqual({ value: null, suppressed: 'secondary' });
    expect(b.figures.requestsMatched).toEqual({ value: null, suppressed: 'secondary' });
    expect(a.figures.hours).toEqual({ value: null, suppressed: 'secondary' });
    expect(a.figures.guidesNewlyQualified).toEqual({ value: null, suppressed: 'secondary' });
    // The totals stay exact: 13 active, 15 qualified, 18 filed, 13 matched, 5 unmatched, 18 hours (9 × 120 min).
    expect(f.total.guidesActive).toEqual({ value: 13, suppressed: null });
    expect(f.total.guidesNewlyQualified).toEqual({ value: 15, suppressed: null });
    expect(f.total.requestsFiled).toEqual({ value: 18, suppressed: null });
    expect(f.total.requestsMatched).toEqual({ value: 13, suppressed: null });
    expect(f.total.requestsUnmatched).toEqual({ value: 5, suppressed: null });
    expect(f.total.hours).toEqual({ value: 18, suppressed: null });
    // Median over all 13 matches: 1 2 3 4 5 6 10 | 2 4 6 8 10 12 → 5.
    expect(f.total.medianDaysToMatch).toEqual({ value: 5, suppressed: null });
  });

  it('counts another period differently (the bounds are honoured)', async () => {
    const f = await figures('?from=2025-01-01&to=2025-12-31');
    expect(f.total.requestsFiled).toEqual({ value: null, suppressed: 'small' });
    // 600 minutes by one guide in each office: 10 h each, withheld, and so is the total (2 guides).
    for (const o of f.offices) expect(o.figures.hours.suppressed).toBe('small');
    expect(f.total.hours.suppressed).toBe('small');
  });

  it('never contains a person, nor the office outside the programme', async () => {
    const res = await client(t.app, funder.session).get(`/land/figures${PERIOD}`);
    expect(res.body).not.toContain('Fixtur');
    expect(res.body).not.toContain('Lotsin');
    expect(res.body).not.toContain('Celle');
    expect(res.body).not.toContain(C.officeId);
    expect(res.body).not.toContain(A.guideId);
  });

  it('rejects an implausible or reversed period (400), and defaults to the current year', async () => {
    const api = client(t.app, funder.session);
    expectProblem(await api.get('/land/figures?from=2024-12-31&to=2024-01-01'), 400);
    expectProblem(await api.get('/land/figures?from=0000-01-01&to=2024-01-01'), 400);
    expectProblem(await api.get('/land/figures?from=2024-01-01'), 400);
    expectProblem(await api.get('/land/figures?from=1990-01-01&to=2024-01-01'), 400);
    const f = await figures('');
    expect(f.from).toBe(`${new Date().getFullYear()}-01-01`);
  });

  it('is refused to coordinators, guides, partners and the platform admin (403)', async () => {
    for (const session of [A.sessions.coordinator, A.sessions.guide, A.sessions.partner, admin]) {
      expectProblem(await client(t.app, session).get(`/land/figures${PERIOD}`), 403);
      expectProblem(await client(t.app, session).get(`/land/figures.xlsx${PERIOD}`), 403);
    }
  });
});

/**
 * The attacker's side: from a published table (offices and total as rows), solve every additive group that has a
 * single unknown (filed = matched + unmatched in a row, total = sum of offices in a column), repeatedly, the way a
 * reader with a spreadsheet would. Returns the cells it worked out.
 */
function attack(table: Record<string, number | null>[]): Map<string, number> {
  const rows = table.map((r) => ({ ...r }));
  const total = rows.length - 1;
  const found = new Map<string, number>();
  const groups: [number, string][][] = [];
  for (let r = 0; r <= total; r++)
    groups.push([
      [r, 'requestsFiled'],
      [r, 'requestsMatched'],
      [r, 'requestsUnmatched'],
    ]);
  for (const key of ['guidesActive', 'guidesNewlyQualified', 'requestsFiled', 'requestsMatched', 'requestsUnmatched'])
    groups.push([[total, key], ...rows.slice(0, total).map((_, r): [number, string] => [r, key])]);
  let progress = true;
  while (progress) {
    progress = false;
    for (const [head, ...parts] of groups) {
      const unknown = [head, ...parts].filter(([r, k]) => rows[r][k] === null);
      if (unknown.length !== 1) continue;
      const [[r, k]] = unknown;
      const value =
        r === head[0] && k === head[1]
          ? parts.reduce((s, [pr, pk]) => s + (rows[pr][pk] as number), 0)
          : (rows[head[0]][head[1]] as number) -
            parts
              .filter(([pr, pk]) => !(pr === r && pk === k))
              .reduce((s, [pr, pk]) => s + (rows[pr][pk] as number), 0);
      rows[r][k] = value;
      found.set(`${r}.${k}`, value);
      progress = true;
    }
  }
  return found;
}

describe('a withheld cell cannot be worked out by subtraction', () => {
  it('the attack on the JSON recovers nothing (and would have without secondary suppression)', async () => {
    const f = await figures();
    const table = [...f.offices.map((o) => o.figures), f.total].map((row) =>
      Object.fromEntries(LAND_FIGURES.map((k) => [k, row[k].value])),
    );
    expect(attack(table)).toEqual(new Map());
    // The same table with only the primary cells withheld gives both small cells away: the attack is real.
    const naive = table.map((row) => ({ ...row }));
    naive[0].requestsMatched = 7;
    naive[1].requestsMatched = 6;
    const recovered = attack(naive);
    expect(recovered.get('0.requestsUnmatched')).toBe(3);
    expect(recovered.get('1.requestsUnmatched')).toBe(2);
  });

  it('the attack on the XLSX recovers nothing: withheld cells are text, the cover names programme and period', async () => {
    const res = await client(t.app, funder.session).get(`/land/figures.xlsx${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('land-2024-01-01-2024-12-31.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Deckblatt', 'Vergleich']);
    const cover = workbook.worksheets[0];
    expect(cover.getCell('B2').value).toBe((await figures()).programme.name);
    expect(cover.getCell('B3').value).toBe('Niedersachsen');
    expect(cover.getCell('B4').value).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(cover.getCell('B5').value).toEqual(new Date('2024-12-31T00:00:00Z'));

    const sheet = workbook.worksheets[1];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...body] = rows;
    expect(header).toHaveLength(2 + LAND_FIGURES.length);
    expect(body.map((r) => r[0])).toEqual(['Büro Aurich', 'Büro Bückeburg', 'Gesamt']);
    const column = (k: string) => 2 + LAND_FIGURES.indexOf(k as (typeof LAND_FIGURES)[number]);
    expect(body[0][column('requestsUnmatched')]).toBe('< 5');
    expect(body[0][column('requestsMatched')]).toBe('•');
    expect(body[2][column('requestsFiled')]).toBe(18);
    // Only numbers are numbers: a withheld cell never adds into a spreadsheet sum.
    const table = body.map((r) =>
      Object.fromEntries(
        LAND_FIGURES.map((k) => [k, typeof r[column(k)] === 'number' ? (r[column(k)] as number) : null]),
      ),
    );
    expect(attack(table)).toEqual(new Map());
    expect(JSON.stringify(rows)).not.toContain('Fixtur');
  });

  it('records the export in the audit log', async () => {
    const res = await client(t.app, admin).get('/audit-events?action=land.figures_exported');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.some((e: { entityId: string }) => e.entityId === funder.programmeId)).toBe(true);
  });
});

describe('the platform admin manages programmes', () => {
  it('creates a programme, renames it and sets its offices; an office moves from its old programme', async () => {
    const api = client(t.app, admin);
    const created = await api.post('/funding-programmes', { name: 'WIR Hessen (Test)', region: 'Hessen' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ name: 'WIR Hessen (Test)', region: 'Hessen', offices: [], funderCount: 0 });
    const renamed = await api.patch(`/funding-programmes/${id}`, { name: 'WIR Hessen' });
    expect(renamed.json().name).toBe('WIR Hessen');
    const linked = await api.put(`/funding-programmes/${id}/offices`, { officeIds: [C.officeId] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().offices.map((o: { id: string }) => o.id)).toEqual([C.officeId]);
    const list = await api.get('/funding-programmes');
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    const mine = list.json().items.find((p: { id: string }) => p.id === funder.programmeId);
    expect(mine.funderCount).toBe(1);
    expect(mine.offices.map((o: { name: string }) => o.name)).toEqual(['Büro Aurich', 'Büro Bückeburg']);
    // Unknown office: 400 on the field; unknown programme: 404.
    const bad = await api.put(`/funding-programmes/${id}/offices`, { officeIds: [randomUUID()] });
    expect(expectProblem(bad, 400).errors?.[0]?.path).toBe('officeIds.0');
    expectProblem(await api.put(`/funding-programmes/${randomUUID()}/offices`, { officeIds: [] }), 404);
    // Moving A to the new programme takes it out of the funder's view.
    await api.put(`/funding-programmes/${id}/offices`, { officeIds: [C.officeId, A.officeId] });
    expect((await figures()).offices.map((o) => o.name)).toEqual(['Büro Bückeburg']);
    await api.put(`/funding-programmes/${id}/offices`, { officeIds: [C.officeId] });
    await api.put(`/funding-programmes/${funder.programmeId}/offices`, { officeIds: [A.officeId, B.officeId] });
    expect((await figures()).offices).toHaveLength(2);
    const [row] = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select({ programmeId: offices.programmeId }).from(offices).where(eq(offices.id, C.officeId)),
    );
    expect(row.programmeId).toBe(id);
  });

  it('is refused to the funder and to coordinators (403)', async () => {
    for (const session of [funder.session, A.sessions.coordinator]) {
      const api = client(t.app, session);
      expectProblem(await api.get('/funding-programmes'), 403);
      expectProblem(await api.post('/funding-programmes', { name: 'X', region: 'Y' }), 403);
    }
  });
});

/**
 * Routes a funder may use: its own account and notification centre, and the Land view. Everything else, on every
 * route of the route table, answers 403 or 404 (a test below fails when a new route answers the funder otherwise).
 */
const FUNDER_MAY = new Set([
  'GET /api/v1/me',
  'PATCH /api/v1/me',
  'POST /api/v1/auth/logout',
  'GET /api/v1/notifications',
  'GET /api/v1/notifications/unread-count',
  'POST /api/v1/notifications/read-all',
  'GET /api/v1/me/notification-preferences',
  'PUT /api/v1/me/notification-preferences',
  // The funder's own push devices (issue 14); without VAPID keys in tests a subscription is refused with 409.
  'GET /api/v1/me/push-subscriptions',
  'POST /api/v1/me/push-subscriptions',
  'GET /api/v1/land/figures',
  'GET /api/v1/land/figures.xlsx',
  // Fixed code lists every signed-in form reads (ISO languages and countries, published funding templates): no
  // office's data, no person.
  'GET /api/v1/languages',
  'GET /api/v1/countries',
  'GET /api/v1/funding-templates',
]);

describe('the funder reaches no person-level route', () => {
  it('answers 403 or 404 on every other route of the route table, called with valid input and real ids', async () => {
    const ops = routeOperations(t.app);
    const f: Fixtures = { A, B, serviceId };
    const api = client(t.app, funder.session);
    const idFor = (path: string) =>
      path.startsWith('/api/v1/partners')
        ? A.partnerId
        : path.startsWith('/api/v1/offices')
          ? A.officeId
          : path.startsWith('/api/v1/districts')
            ? A.districtIds[0]
            : A.guideId;
    const answered: string[] = [];
    for (const op of ops) {
      if (FUNDER_MAY.has(op.key)) continue;
      const write = WRITES[op.key];
      const params: Record<string, string> = {
        id: idFor(op.path),
        guideId: A.guideId,
        userId: A.sessions.coordinator.userId,
        activityId: randomUUID(),
        contactId: randomUUID(),
        sessionId: randomUUID(),
        enrolmentId: randomUUID(),
        fileId: randomUUID(),
        pauseId: randomUUID(),
        month: '2024-04',
        key: 'authorities',
        kind: 'guides',
        code: 'ABCDEFGHJK',
        file: `${'x'.repeat(43)}.ics`,
        token: 'x'.repeat(43),
        slug: 'kein-buero',
        '*': 'index.css',
        ...(write?.params?.(f) ?? {}),
      };
      const path = fillPath(op.path, params);
      const anonymous = await t.app.inject({
        method: op.method,
        url: path,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      });
      // Public routes (health, sign-in, link tokens, the SPA): no session is involved, so no role either.
      if (anonymous.statusCode !== 401) continue;
      const required = (op.input.querystring?.required ?? []) as string[];
      const sample: Record<string, string> = { from: '2024-01-01', to: '2024-12-31', month: '2024-04', year: '2024' };
      const query = required.map((name) => `${name}=${encodeURIComponent(sample[name] ?? randomUUID())}`).join('&');
      const url = `${path}${query ? `?${query}` : ''}`;
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : (write?.body?.(f) ?? {});
      const res = await api.call(op.method, url, body);
      if (![403, 404].includes(res.statusCode))
        answered.push(`${op.key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      // Whatever the answer, nothing of office A shows through.
      for (const marker of [A.guideId, A.partnerId, 'Fixtur', 'Lotsin '])
        expect(res.body.includes(marker), `${op.key} leaks ${marker}`).toBe(false);
    }
    expect(answered).toEqual([]);
    // Some 300 routes, twice each (without and with the session): minutes on a loaded machine.
  }, 600_000);

  it('the routes it may use show only its own account, and its abilities are the Land view alone', async () => {
    const api = client(t.app, funder.session);
    const me = (await api.get('/me')).json().me;
    expect(me.role).toBe('funder');
    expect(me.office).toBeNull();
    const granted = Object.entries(me.abilities)
      .filter(([, v]) => v)
      .map(([k]) => k);
    expect(granted).toEqual(['land.view']);
    for (const url of ['/notifications', '/notifications/unread-count', '/me/notification-preferences'])
      expect((await api.get(url)).statusCode, url).toBe(200);
  });
});
