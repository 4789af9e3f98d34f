import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';
import { guardsSql } from './guards.js';
import { securitySql } from './security.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the committed drizzle-kit SQL migrations in order, each once, then the security set-up.
 * Our own small runner, because it must run identically on PGlite and PostgreSQL.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS __lotsennetz_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied = new Set<string>();
  for (const row of await database.rows<{ name: string }>('select name from __lotsennetz_migrations')) {
    applied.add(row.name);
  }
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const statements = readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint').join('\n');
    await database.exec(
      `BEGIN;\n${statements}\nINSERT INTO __lotsennetz_migrations (name) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`,
    );
    newlyApplied.push(file);
  }
  await database.exec(securitySql());
  await database.exec(guardsSql());
  return newlyApplied;
}
