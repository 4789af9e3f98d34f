import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, RawConnection } from '../db/client.js';

const FORMAT = 'lotsennetz-backup/1';

type TableInfo = { name: string; dependsOn: string[] };

/** Application tables in foreign-key order (parents first), read from the catalogue so new tables are included. */
export async function tablesInDependencyOrder(database: RawConnection): Promise<string[]> {
  const tables = await database.rows<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fks = await database.rows<{ child: string; parent: string }>(`
    select tc.table_name as child, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`);
  const infos = new Map<string, TableInfo>(tables.map((t) => [t.table_name, { name: t.table_name, dependsOn: [] }]));
  for (const fk of fks) if (fk.child !== fk.parent) infos.get(fk.child)?.dependsOn.push(fk.parent);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const parent of infos.get(name)?.dependsOn ?? []) visit(parent);
    ordered.push(name);
  };
  for (const name of infos.keys()) visit(name);
  return ordered;
}

export type Backup = {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
};

/** The migration runner's own bookkeeping: written by `migrate`, never restored over it. */
const SETUP_TABLE = '__lotsennetz_setup';
const RUNNER_TABLES = new Set(['__lotsennetz_migrations', SETUP_TABLE]);

/**
 * A consistent snapshot: every table is read inside one REPEATABLE READ transaction, so the dump reflects a single
 * point in time on PostgreSQL and PGlite alike. Rows travel as JSON via row_to_json, which keeps types exact.
 */
export function createBackup(database: Database): Promise<Backup> {
  return database.withConnection(async (connection) => {
    const tables = await tablesInDependencyOrder(connection);
    const result: Backup = { format: FORMAT, createdAt: new Date().toISOString(), migrations: [], tables: {} };
    await connection.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      for (const table of tables) {
        if (table === SETUP_TABLE) continue;
        const rows = await connection.rows<{ row: Record<string, unknown> }>(
          `select row_to_json(t) as row from "${table}" t`,
        );
        result.tables[table] = rows.map((r) => r.row);
      }
      result.migrations = (result.tables.__lotsennetz_migrations ?? []).map((r) => String(r.name));
    } finally {
      await connection.exec('COMMIT');
    }
    return result;
  });
}

/** Restores into a migrated, empty database, parents before children, in one transaction. */
export function restoreBackup(database: Database, backup: Backup): Promise<Record<string, number>> {
  if (backup.format !== FORMAT) throw new Error(`not a Lotsennetz backup (format ${String(backup.format)})`);
  return database.withConnection((connection) => restoreOn(connection, backup));
}

async function restoreOn(database: RawConnection, backup: Backup): Promise<Record<string, number>> {
  const tables = await tablesInDependencyOrder(database);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    if (RUNNER_TABLES.has(table)) continue;
    const existing = await database.rows<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if (existing[0].n > 0) throw new Error(`restore needs an empty database, but table ${table} has rows`);
  }
  await database.exec('BEGIN');
  try {
    for (const table of tables) {
      if (RUNNER_TABLES.has(table)) continue;
      const rows = backup.tables[table] ?? [];
      // json_populate_recordset maps JSON back to the column types; chunks keep statements small.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = JSON.stringify(rows.slice(i, i + 500)).replaceAll("'", "''");
        await database.exec(
          `insert into "${table}" select * from json_populate_recordset(null::"${table}", '${chunk}'::json)`,
        );
      }
      counts[table] = rows.length;
    }
    // Identity columns continue after the restored values, so new rows keep their order after old ones.
    const identities = await database.rows<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and is_identity = 'YES'`,
    );
    for (const { table_name: t, column_name: c } of identities) {
      await database.exec(
        `select setval(pg_get_serial_sequence('"${t}"', '${c}'), coalesce((select max("${c}") from "${t}"), 0) + 1, false)`,
      );
    }
    await database.exec('COMMIT');
  } catch (error) {
    await database.exec('ROLLBACK');
    throw error;
  }
  return counts;
}

/** The dump holds every office's personal data: readable by its owner only (0600), also when the file existed. */
export async function writeBackupFile(backup: Backup, file: string) {
  const handle = await open(file, 'w', 0o600);
  // The mode of `open` applies to a new file only (and minus the umask): restrict an existing one before writing.
  await handle.chmod(0o600);
  await pipeline(Readable.from([JSON.stringify(backup)]), createGzip(), handle.createWriteStream());
}

export async function readBackupFile(file: string): Promise<Backup> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file).pipe(createGunzip())) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Backup;
}
