/**
 * The Land report benchmark (issue 13 §3): one programme with 100 offices and 10,000 guides, a year of hours and
 * deployments, timed through `LandService.figures` (the service behind `GET /api/v1/land/figures`, SQL aggregation
 * grouped by office plus the suppression). Target: under 2 s on PostgreSQL. Part of `npm run bench`; alone:
 * `DATABASE_URL=… npx tsx bench/land.ts`.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { districts, fundingPrograms, offices, users } from '../src/db/schema/index.js';
import { inScope } from '../src/db/scope.js';
import { Mailer } from '../src/modules/mail/mailer.js';
import { ensureDefaultHourCategories } from '../src/modules/timesheets/repository.js';
import { type Actor, SYSTEM_ACTOR } from '../src/server/context.js';
import { createServices } from '../src/server/services.js';
import { insertSyntheticAssignments, insertSyntheticGuides } from './synthetic.js';

const OFFICES = 100;
const GUIDES_PER_OFFICE = 100;
const ITERATIONS = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Builds the synthetic Land and times the report; returns one table row. */
export async function benchLand(database: Database, label: string): Promise<string> {
  await migrate(database);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const ctx = { config, database, mailer: new Mailer({ from: config.mailFrom }), now: () => new Date() };
  const services = createServices(ctx);
  const started = performance.now();
  const funderId = await inScope(database.db, 'system', async (tx) => {
    const [programme] = await tx
      .insert(fundingPrograms)
      .values({ name: `Bench-Land ${randomBytes(3).toString('hex')}`, region: 'Bench' })
      .returning();
    for (let i = 0; i < OFFICES; i++) {
      const [office] = await tx
        .insert(offices)
        .values({ name: `Bench-Stelle ${i}`, city: `Ort ${i}`, programmeId: programme.id })
        .returning();
      const ds = await tx
        .insert(districts)
        .values(Array.from({ length: 3 }, (_, d) => ({ officeId: office.id, name: `Bezirk ${d}`, lat: 52, lon: 9 })))
        .returning();
      const ids = ds.map((d) => d.id);
      await insertSyntheticGuides(tx, office.id, ids, GUIDES_PER_OFFICE, i + 1);
      // A third of the guides with a deployment (and its request), as in the guide-list benchmark.
      await insertSyntheticAssignments(tx, office.id, ids[0], Math.round(GUIDES_PER_OFFICE * 0.3));
      await ensureDefaultHourCategories(tx, office.id);
    }
    // Requests filed a few days before their deployment started, so time to match has data; a year of hours for
    // every active guide (about 5,000 guides × 12 months).
    await tx.execute(sql`update requests r set created_at = a.started_at - interval '3 days'
      from assignments a where a.request_id = r.id`);
    await tx.execute(sql`insert into hour_entries (office_id, guide_id, category_id, date, minutes)
      select g.office_id, g.id,
        (select c.id from hour_categories c where c.office_id = g.office_id order by c.sort_order limit 1),
        current_date - (m * 30 + 2), 60 + (m % 3) * 30
      from guides g join offices o on o.id = g.office_id and o.programme_id = ${programme.id}
      cross join generate_series(0, 11) m
      where g.status = 'active'`);
    const [funder] = await tx
      .insert(users)
      .values({
        email: `bench-land-${randomBytes(3).toString('hex')}@bench.example`,
        displayName: 'Bench-Land',
        role: 'funder',
        programmeId: programme.id,
      })
      .returning();
    return funder.id;
  });
  await database.exec('vacuum analyze');
  console.log(`${label}: synthetic Land built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const actor: Actor = { ...SYSTEM_ACTOR, role: 'funder', officeId: null, userId: funderId };
  const today = new Date().toISOString().slice(0, 10);
  const query = { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const times: number[] = [];
  let officeCount = 0;
  let guideCount = 0;
  for (let i = 0; i < ITERATIONS + 3; i++) {
    const start = performance.now();
    const figures = await services.land.figures(actor, query);
    if (i >= 3) times.push(performance.now() - start);
    officeCount = figures.offices.length;
    guideCount = figures.total.guidesActive.value ?? 0;
  }
  const row = `| ${label} | ${officeCount} | ${guideCount.toLocaleString('en')} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`;
  console.log(row);
  return row;
}

export function writeLandReport(rows: string[]) {
  const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
  writeFileSync(
    'bench/results/land.md',
    `# Land report benchmark

Date: ${new Date().toISOString()}
Machine: ${machine}
Method: \`LandService.figures\` (the service behind \`GET /api/v1/land/figures\`): one programme of ${OFFICES} offices with
${(OFFICES * GUIDES_PER_OFFICE).toLocaleString('en')} guides, a third with a deployment, a year of hours for every active
guide; the last twelve months, ${ITERATIONS} timed runs after 3 warm-ups, milliseconds. Target: under 2,000 ms on PostgreSQL.

Before migration 0031 (the partial index \`hour_entries_reverses_idx\`) the same run took 25,314 ms (p50) and
37,128 ms (p95): "not reversed" scanned all hour entries once per entry (docs/scaling.md).

| database | offices | active guides counted | p50 ms | p95 ms |
|---|---|---|---|---|
${rows.join('\n')}
`,
  );
  console.log('Written to bench/results/land.md');
}

/** A fresh PostgreSQL database for the run, dropped afterwards. */
export async function withPostgres<T>(url: string, work: (database: Database) => Promise<T>): Promise<T> {
  const name = `lotsennetz_bench_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  try {
    return await work(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.env.DATABASE_URL) {
    console.log('DATABASE_URL not set: the Land benchmark runs on PostgreSQL only.');
    process.exit(1);
  }
  writeLandReport([await withPostgres(process.env.DATABASE_URL, (db) => benchLand(db, 'PostgreSQL'))]);
}
