/**
 * `npm run bench`: times the guide list (filters, name search, pagination) at 200, 2,000 and 20,000 guides in one
 * office, on embedded PGlite and, when DATABASE_URL is set, on PostgreSQL; with PostgreSQL also the Land report
 * (bench/land.ts). Results go to bench/results/.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { districts, partners } from '../src/db/schema/index.js';
import { inScope } from '../src/db/scope.js';
import { Mailer } from '../src/modules/mail/mailer.js';
import type { Actor } from '../src/server/context.js';
import { SYSTEM_ACTOR } from '../src/server/context.js';
import { createServices } from '../src/server/services.js';
import { guideListQuery } from '../src/shared/guides.js';
import { benchLand, withPostgres, writeLandReport } from './land.js';
import { insertSyntheticAssignments, insertSyntheticGuides } from './synthetic.js';

const SIZES = [200, 2_000, 20_000];
const ITERATIONS = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const candidateRows: string[] = [];

async function benchDatabase(database: Database, label: string) {
  await migrate(database);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const ctx = { config, database, mailer: new Mailer({ from: config.mailFrom }), now: () => new Date() };
  const services = createServices(ctx);
  const rows: string[] = [];
  for (const size of SIZES) {
    const { officeId, districtIds } = await inScope(database.db, 'system', async (tx) => {
      const { office } = await services.offices.createInTx(tx, SYSTEM_ACTOR, { name: `Bench ${size}`, city: 'Bench' });
      const ds = await tx
        .insert(districts)
        .values(
          Array.from({ length: 13 }, (_, i) => ({
            officeId: office.id,
            name: `Bezirk ${i}`,
            lat: 52.3 + i / 100,
            lon: 9.7,
          })),
        )
        .returning();
      const ids = ds.map((d) => d.id);
      await insertSyntheticGuides(tx, office.id, ids, size, size);
      await insertSyntheticAssignments(tx, office.id, ids[0], Math.round(size * 0.3));
      return { officeId: office.id, districtIds: ids };
    });
    await database.exec('vacuum analyze');
    const coordinator = await inScope(database.db, 'system', (tx) =>
      services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
        email: `bench-${size}-${randomBytes(3).toString('hex')}@bench.example`,
        displayName: 'Bench',
        role: 'coordinator',
        officeId,
        passwordHash: 'not-a-login',
      }),
    );
    const actor: Actor = { ...SYSTEM_ACTOR, role: 'coordinator', officeId, userId: coordinator.user.id };
    const cases = {
      'first page, sorted by name': guideListQuery.parse({}),
      'language + district + status': guideListQuery.parse({
        language: 'ar',
        districtId: districtIds[3],
        status: 'active',
      }),
      'name search': guideListQuery.parse({ q: 'nachname12' }),
      'deep page (offset 150)': guideListQuery.parse({ offset: 150, status: 'active,paused' }),
    };
    // Candidate ranking for one request (issue 3): hard gates in SQL, exact scoring of the best 150 in memory.
    const partnerId = await inScope(database.db, 'system', async (tx) => {
      const [partner] = await tx
        .insert(partners)
        .values({ officeId, name: 'Bench-Partner', type: 'other' })
        .returning();
      return partner.id;
    });
    const request = await services.requests.create(actor, {
      partnerId,
      guidesNeeded: 1,
      field: 'authorities',
      type: 'accompaniment',
      matters: [],
      title: 'Bench',
      description: 'Begleitung zum Amt, Benchmark.',
      districtId: districtIds[3],
      startsOn: '2026-12-01',
      frequency: 'weekly',
      expectedHours: 4,
      slots: [{ weekday: 2, from: '09:00', to: '11:00' }],
      languages: ['ar', 'fa'],
      urgency: 'normal',
      minorsInvolved: true,
      person: {
        initials: 'B.',
        ageGroup: 'adult',
        languages: ['ar'],
        household: 'individual',
        householdSize: 1,
        consentGiven: true,
      },
    });
    const rankTimes: number[] = [];
    let considered = 0;
    for (let i = 0; i < ITERATIONS + 5; i++) {
      const start = performance.now();
      const ranking = await services.offers.candidates(actor, request.id, { limit: 20, offset: 0 });
      if (i >= 5) rankTimes.push(performance.now() - start);
      considered = ranking.consideredGuides;
    }
    candidateRows.push(
      `| ${label} | ${size.toLocaleString('en')} | ${considered} | ${percentile(rankTimes, 50).toFixed(1)} | ${percentile(rankTimes, 95).toFixed(1)} |`,
    );
    console.log(candidateRows.at(-1));

    for (const [name, query] of Object.entries(cases)) {
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS + 5; i++) {
        const start = performance.now();
        await services.guides.list(actor, query);
        if (i >= 5) times.push(performance.now() - start);
      }
      rows.push(
        `| ${label} | ${size.toLocaleString('en')} | ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`,
      );
      console.log(rows.at(-1));
    }
  }
  return rows;
}

const results: string[] = [];
const pglite = await openDatabase({ memory: true });
results.push(...(await benchDatabase(pglite, 'PGlite')));
await pglite.close();

if (process.env.DATABASE_URL) {
  results.push(...(await withPostgres(process.env.DATABASE_URL, (db) => benchDatabase(db, 'PostgreSQL'))));
  // The Land report (issue 13 §3): 100 offices, 10,000 guides, on PostgreSQL where its target is set.
  writeLandReport([await withPostgres(process.env.DATABASE_URL, (db) => benchLand(db, 'PostgreSQL'))]);
} else {
  console.log('DATABASE_URL not set: PostgreSQL skipped.');
}

const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
const report = `# Guide list benchmark

Date: ${new Date().toISOString()}
Machine: ${machine}
Method: \`GuideService.list\` (the service behind \`GET /api/v1/guides\`, including the RLS transaction), ${ITERATIONS} timed runs after 5 warm-ups, milliseconds.

| database | guides in office | query | p50 ms | p95 ms |
|---|---|---|---|---|
${results.join('\n')}
`;
writeFileSync('bench/results/guide-list.md', report);
writeFileSync(
  'bench/results/candidates.md',
  `# Candidate ranking benchmark

Date: ${new Date().toISOString()}
Machine: ${machine}
Method: \`OfferService.candidates\` (the service behind \`GET /api/v1/requests/{id}/candidates\`), one request needing
Arabic and Persian with minors involved (so the background-check gate applies), ${ITERATIONS} timed runs after 5 warm-ups.
Hard gates run in SQL; the 150 most promising eligible guides and the 25 nearest ineligible ones are scored exactly.
Target: p95 under 50 ms at 20,000 guides on PostgreSQL.

| database | guides in office | guides scored | p50 ms | p95 ms |
|---|---|---|---|---|
${candidateRows.join('\n')}
`,
);
console.log('\nWritten to bench/results/guide-list.md and bench/results/candidates.md');
