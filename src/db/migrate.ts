import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawConnection } from './client.js';
import { erasureSql } from './erasure.js';
import { guardsSql } from './guards.js';
import { securitySql } from './security.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any number that is the same in every instance: the key of the advisory lock around the migration runner. */
const MIGRATION_LOCK_KEY = 7_403_112_006;

const migrationFiles = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();

/**
 * Applies the committed drizzle-kit SQL migrations in order, each once, then the security set-up.
 * Our own small runner, because it must run identically on PGlite and PostgreSQL. On PostgreSQL it holds an advisory
 * lock on one connection while it runs: instances that start together migrate one after the other, and the later ones
 * find nothing left to do. (PGlite belongs to one process anyway.)
 */
export async function migrate(database: Database): Promise<string[]> {
  return database.withConnection(async (connection) => {
    const locked = database.kind === 'postgres';
    if (locked) await connection.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      return await migrateOn(connection);
    } finally {
      if (locked) await connection.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

async function migrateOn(connection: RawConnection): Promise<string[]> {
  await connection.exec(`CREATE TABLE IF NOT EXISTS __lotsennetz_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set<string>();
  for (const row of await connection.rows<{ name: string }>('select name from __lotsennetz_migrations')) {
    applied.add(row.name);
  }
  const newlyApplied: string[] = [];
  for (const file of migrationFiles()) {
    if (applied.has(file)) continue;
    const statements = readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint').join('\n');
    await connection.exec(
      `BEGIN;\n${statements}\nINSERT INTO __lotsennetz_migrations (name) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`,
    );
    newlyApplied.push(file);
  }
  // Row-level security, the guards and the erasure functions are re-applied when a migration ran or their SQL changed; a restart with
  // neither skips them (about a second of DDL on the embedded database).
  const setup = `${securitySql()}\n${guardsSql()}\n${erasureSql()}`;
  const fingerprint = createHash('sha256').update(setup).digest('hex');
  await connection.exec('CREATE TABLE IF NOT EXISTS __lotsennetz_setup (fingerprint text NOT NULL)');
  const [stored] = await connection.rows<{ fingerprint: string }>('select fingerprint from __lotsennetz_setup');
  if (newlyApplied.length > 0 || stored?.fingerprint !== fingerprint) {
    await connection.exec(
      `BEGIN;\n${setup}\nDELETE FROM __lotsennetz_setup;\nINSERT INTO __lotsennetz_setup VALUES ('${fingerprint}');\nCOMMIT;`,
    );
  }
  return newlyApplied;
}

/** The migrations this code has that the database lacks (none: the schema is current). For the readiness check. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const applied = new Set(
    (await database.rows<{ name: string }>('select name from __lotsennetz_migrations')).map((r) => r.name),
  );
  return migrationFiles().filter((f) => !applied.has(f));
}
