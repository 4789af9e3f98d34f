import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

/**
 * Migrates once per run. With DATABASE_URL the API suite runs on real PostgreSQL, in a fresh database created
 * for this run and dropped afterwards; otherwise a migrated PGlite data directory is dumped once and every test
 * file starts from a copy of it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lotsennetz_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: testUrl.toString() });
    await migrate(database);
    await database.close();
    project.provide('testDatabaseUrl', testUrl.toString());
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ memory: true });
  await migrate(database);
  const dump = await (database.dumpDataDir as () => Promise<Blob>)();
  await database.close();
  const file = join(tmpdir(), `lotsennetz-template-${process.pid}-${randomBytes(3).toString('hex')}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabaseUrl', '');
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    pgliteTemplate: string;
  }
}
