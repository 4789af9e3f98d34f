/**
 * Backup → restore: a consistent dump restored into a second, empty, migrated database holds identical rows in
 * every table, the restored installation works (sign-in, office isolation), and a restore into a database that
 * already has data is refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type Backup, createBackup, readBackupFile, restoreBackup, writeBackupFile } from '../../src/cli/backup.js';
import { runCli } from '../../src/cli/commands.js';
import { SERVER_LOCK_FILE } from '../../src/cli/serverLock.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { guides } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { client, createAppOn, createTestApp, login, type TestApp } from '../helpers/app.js';
import { createOffice, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let backup: Backup;
let restored: TestApp;
let dropRestoredDatabase = async () => {};

/** A second empty database, migrated the way `lotsennetz migrate` does it. */
async function openEmptyDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl');
  if (!url) {
    const database = await openDatabase({ memory: true });
    await migrate(database);
    return database;
  }
  // On PostgreSQL: a fresh database next to the run's, created like test/helpers/globalSetup.ts does, dropped after.
  const name = `lotsennetz_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  dropRestoredDatabase = async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  const database = await openDatabase({ databaseUrl: target.toString() });
  await migrate(database);
  return database;
}

const countRows = async (database: Database, table: string) =>
  (await database.rows<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;

/** Rows in a stable order, so two dumps can be compared table by table. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t);
  B = await createOffice(t);
  // Some history beyond the factory: notes, a status change, an invitation mail, a partner contact.
  const api = client(t.app, A.sessions.coordinator);
  expect(
    (await api.patch(`/guides/${A.guideId}`, { notes: 'Sicherung: mit Umlauten äöüß und "Anführungszeichen"' }))
      .statusCode,
  ).toBe(200);
  expect((await api.patch(`/guides/${A.guideId}`, { status: 'paused' })).statusCode).toBe(200);
  expect(
    (await api.post(`/partners/${A.partnerId}/contacts`, { name: "O'Brien", email: 'obrien@test.example' })).statusCode,
  ).toBe(201);
  backup = await createBackup(t.database);
}, 120_000);

afterAll(async () => {
  await restored?.close();
  await dropRestoredDatabase();
  await t.close();
});

describe('backup', () => {
  it('covers every table of the schema, including the migrations applied', async () => {
    const tables = await t.database.rows<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    // Every table but the runner's fingerprint of the security set-up, which `migrate` writes for the target itself.
    expect(Object.keys(backup.tables).sort()).toEqual(
      tables
        .map((r) => r.table_name)
        .filter((name) => name !== '__lotsennetz_setup')
        .sort(),
    );
    expect(backup.format).toBe('lotsennetz-backup/1');
    expect(backup.migrations.length).toBeGreaterThan(0);
    for (const table of [
      'offices',
      'users',
      'guides',
      'partners',
      'partner_contacts',
      'audit_events',
      'outbox',
      'sessions',
    ]) {
      expect(backup.tables[table].length, table).toBeGreaterThan(0);
    }
  });

  it('is a consistent snapshot: on the embedded database it matches the live row counts', async () => {
    if (t.database.kind === 'postgres') {
      // The run's PostgreSQL database is shared with test files running in parallel; there the snapshot is
      // compared with the restored copy below, which is what matters.
      expect(backup.tables.offices.map((o) => o.id)).toEqual(expect.arrayContaining([A.officeId, B.officeId]));
      return;
    }
    for (const [table, rows] of Object.entries(backup.tables)) {
      expect(rows.length, table).toBe(await countRows(t.database, table));
    }
  });

  it('regression: a backup file is readable by its owner only (0600), also when the file existed before', async () => {
    const file = join(tmpdir(), `lotsennetz-backup-${randomBytes(4).toString('hex')}.json.gz`);
    try {
      writeFileSync(file, 'old', { mode: 0o644 });
      await writeBackupFile(backup, file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      rmSync(file);
      await writeBackupFile(backup, file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('survives the file format (gzip JSON) unchanged', async () => {
    const file = join(tmpdir(), `lotsennetz-backup-${randomBytes(4).toString('hex')}.json.gz`);
    try {
      await writeBackupFile(backup, file);
      expect(await readBackupFile(file)).toEqual(backup);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('restore into an empty database', () => {
  let target: Database;

  beforeAll(async () => {
    target = await openEmptyDatabase();
    const counts = await restoreBackup(target, backup);
    expect(Object.keys(counts).length).toBeGreaterThan(10);
    restored = await createAppOn(target);
  }, 120_000);

  it('has identical row counts in every table', async () => {
    for (const [table, rows] of Object.entries(backup.tables)) {
      expect(await countRows(target, table), table).toBe(rows.length);
    }
  });

  it('has identical rows: a backup of the restored database equals the original backup', async () => {
    const again = await createBackup(target);
    expect(Object.keys(again.tables).sort()).toEqual(Object.keys(backup.tables).sort());
    for (const table of Object.keys(backup.tables)) {
      if (table === '__lotsennetz_migrations') {
        // Re-applied by `migrate` on the target, so only the names must agree.
        expect(again.migrations).toEqual(backup.migrations);
        continue;
      }
      expect(sorted(again.tables[table]), table).toEqual(sorted(backup.tables[table]));
    }
  });

  it('lets a restored account sign in and read its office as before', async () => {
    const session = await login(restored.app, A.emails.coordinator, TEST_PASSWORD);
    const api = client(restored.app, session);
    const guide = (await api.get(`/guides/${A.guideId}`)).json();
    expect(guide).toMatchObject({
      id: A.guideId,
      status: 'paused',
      notes: 'Sicherung: mit Umlauten äöüß und "Anführungszeichen"',
      languages: [
        { code: 'ar', level: 'native' },
        { code: 'de', level: 'C1' },
      ],
      serviceDistrictIds: A.districtIds,
    });
    expect(guide.statusHistory.map((h: { status: string }) => h.status)).toEqual(['active', 'paused']);
    const partner = (await api.get(`/partners/${A.partnerId}`)).json();
    expect(partner.contacts.map((c: { name: string }) => c.name)).toContain("O'Brien");
    const audit = (await api.get(`/audit-events?entityId=${A.guideId}`)).json();
    expect(audit.total).toBeGreaterThanOrEqual(3);
  });

  it('keeps sessions that were valid at backup time, and office isolation', async () => {
    expect((await client(restored.app, B.sessions.coordinator).get('/me')).json().me.office.id).toBe(B.officeId);
    expect((await client(restored.app, B.sessions.coordinator).get(`/guides/${A.guideId}`)).statusCode).toBe(404);
    const seenByB = await inScope(target.db, { officeId: B.officeId }, (tx) => tx.select().from(guides));
    expect(seenByB.every((g) => g.officeId === B.officeId)).toBe(true);
    expect(seenByB.map((g) => g.id)).toContain(B.guideId);
  });

  it('accepts new writes after the restore (sequences and defaults intact)', async () => {
    const session = await login(restored.app, A.emails.coordinator, TEST_PASSWORD);
    const res = await client(restored.app, session).post('/guides', {
      firstName: 'Nach',
      lastName: 'Wiederherstellung',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [count] = await inScope(target.db, 'system', (tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(guides).where(sql`${guides.officeId} = ${A.officeId}`),
    );
    expect(count.n).toBe(backup.tables.guides.filter((g) => g.office_id === A.officeId).length + 1);
  });

  it('is refused when the database already has data, and changes nothing', async () => {
    const before = await countRows(target, 'guides');
    await expect(restoreBackup(target, backup)).rejects.toThrow(/empty database/);
    expect(await countRows(target, 'guides')).toBe(before);
    await expect(restoreBackup(t.database, backup)).rejects.toThrow(/empty database/);
  });

  it('is refused for something that is not a Lotsennetz backup', async () => {
    await expect(async () => restoreBackup(target, { ...backup, format: 'other/1' })).rejects.toThrow(
      /not a Lotsennetz backup/,
    );
  });
});

describe('the embedded data folder of a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lotsennetz-data-'));
  const out = join(dir, '..', `${dir.split('/').pop()}-backup.json.gz`);
  // The CLI on the embedded database in `dir`, whatever the test run uses (DATABASE_URL is left out).
  const env = { NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' };
  let server: ChildProcess | undefined;

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  });

  /** Starts `lotsennetz start` on `dir` in its own process and waits until it listens. */
  async function startServer(): Promise<ChildProcess> {
    const { DATABASE_URL: _, ...inherited } = process.env;
    const child = spawn(process.execPath, ['bin/lotsennetz.mjs', 'start'], {
      env: { ...inherited, ...env, PORT: String(40_000 + Math.floor(Math.random() * 20_000)), WEB_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Lotsennetz is running')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    return child;
  }

  const backupExitCode = async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
      errors.push(args.join(' '));
    });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      return { code: await runCli(['backup', '--out', out], env), errors: errors.join('\n') };
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
  };

  it('regression: backup refuses (exit 1, clear message) to dump an embedded folder that a running server holds', async () => {
    server = await startServer();
    const lock = join(dir, SERVER_LOCK_FILE);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(server.pid));
    expect(statSync(lock).mode & 0o777).toBe(0o600);
    const refused = await backupExitCode();
    expect(refused.code).toBe(1);
    expect(refused.errors).toContain(`a running Lotsennetz server (pid ${server.pid}) holds the embedded database`);
    expect(existsSync(out)).toBe(false);

    // Stopped, the server removes its lock, and the backup runs.
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(lock)).toBe(false);
    const done = await backupExitCode();
    expect(done.code, done.errors).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect((await readBackupFile(out)).tables.offices).toEqual([]);
  }, 120_000);

  it('regression: a lock left by a crashed server (its process is gone) does not block the backup', async () => {
    // The pid of the stopped server above: a process that no longer exists.
    writeFileSync(join(dir, SERVER_LOCK_FILE), `${server?.pid}\n`);
    rmSync(out, { force: true });
    const done = await backupExitCode();
    expect(done.code, done.errors).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 60_000);
});
