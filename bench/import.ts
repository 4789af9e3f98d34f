/**
 * `npm run bench:import`: times the guide import (issue 10 §5) of 5,000 CSV rows: the preview, the first commit
 * (5,000 new guides) and a second commit of the same file (5,000 unchanged, matched by e-mail), through
 * `ImportService` (the service behind `POST /api/v1/imports/guides/{preview,commit}`), on embedded PGlite and, when
 * DATABASE_URL is set, on PostgreSQL. Prints a markdown table; `--write <label>` appends it to bench/results/import.md.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { districts } from '../src/db/schema/index.js';
import { inScope } from '../src/db/scope.js';
import { Mailer } from '../src/modules/mail/mailer.js';
import { type Actor, SYSTEM_ACTOR } from '../src/server/context.js';
import { createServices } from '../src/server/services.js';
import { withPostgres } from './land.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 5_000);
const LANGUAGES = ['Arabisch (Muttersprache), Englisch B2', 'Persisch, Deutsch C1', 'Türkisch', 'Ukrainisch, Russisch'];

/** German Excel's CSV: semicolons, a BOM, CRLF; every row valid, one district each. */
function csvFile(rows: number, districtNames: string[]): string {
  const lines = [['Vorname', 'Nachname', 'E-Mail', 'Sprachen', 'Wohnbezirk', 'Zertifiziert am'].join(';')];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `Vorname${i}`,
        `Nachname${i % 997}`,
        `person-${i}@import.example`,
        LANGUAGES[i % LANGUAGES.length],
        districtNames[i % districtNames.length],
        i % 3 ? '01.02.2024' : '',
      ].join(';'),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}

async function benchImport(database: Database, label: string): Promise<string[]> {
  await migrate(database);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const ctx = { config, database, mailer: new Mailer({ from: config.mailFrom }), now: () => new Date() };
  const services = createServices(ctx);
  const { officeId, names } = await inScope(database.db, 'system', async (tx) => {
    const { office } = await services.offices.createInTx(tx, SYSTEM_ACTOR, { name: 'Import-Bench', city: 'Bench' });
    const ds = await tx
      .insert(districts)
      .values(Array.from({ length: 13 }, (_, i) => ({ officeId: office.id, name: `Bezirk ${i}`, lat: 52.3, lon: 9.7 })))
      .returning();
    return { officeId: office.id, names: ds.map((d) => d.name) };
  });
  const coordinator = await inScope(database.db, 'system', (tx) =>
    services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
      email: `import-bench-${randomBytes(3).toString('hex')}@bench.example`,
      displayName: 'Bench',
      role: 'coordinator',
      officeId,
      passwordHash: 'not-a-login',
    }),
  );
  const actor: Actor = { ...SYSTEM_ACTOR, role: 'coordinator', officeId, userId: coordinator.user.id };
  const content = csvFile(ROWS, names);
  const [preview, previewS] = await timed(() => services.imports.preview(actor, 'guides', { content }));
  if (preview.counts.create !== ROWS) throw new Error(`preview: ${JSON.stringify(preview.counts)}`);
  const [first, firstS] = await timed(() => services.imports.commit(actor, 'guides', { content }));
  if (first.created !== ROWS) throw new Error(`first commit: ${JSON.stringify(first)}`);
  const [again, againS] = await timed(() => services.imports.commit(actor, 'guides', { content }));
  if (again.unchanged !== ROWS) throw new Error(`second commit: ${JSON.stringify(again)}`);
  const rows = [
    `| ${label} | preview (${ROWS.toLocaleString('en')} new) | ${previewS.toFixed(2)} |`,
    `| ${label} | commit (${ROWS.toLocaleString('en')} created) | ${firstS.toFixed(2)} |`,
    `| ${label} | commit again (${ROWS.toLocaleString('en')} unchanged) | ${againS.toFixed(2)} |`,
  ];
  for (const row of rows) console.log(row);
  return rows;
}

const results: string[] = [];
const pglite = await openDatabase({ memory: true });
results.push(...(await benchImport(pglite, 'PGlite')));
await pglite.close();

if (process.env.DATABASE_URL)
  results.push(...(await withPostgres(process.env.DATABASE_URL, (db) => benchImport(db, 'PostgreSQL'))));

const at = process.argv.indexOf('--write');
if (at > 0) {
  const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
  appendFileSync(
    'bench/results/import.md',
    `\n## ${process.argv[at + 1] ?? 'run'}\n\nDate: ${new Date().toISOString()}\nMachine: ${machine}\n\n| database | step | seconds |\n|---|---|---|\n${results.join('\n')}\n`,
  );
}
