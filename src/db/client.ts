import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';
import { WorkerPglite } from './workerClient.js';

export type Schema = typeof schema;
/** One Drizzle type for both drivers: services never know which database runs underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** One physical connection, for work that spans several raw statements (backup, restore). */
export interface RawConnection {
  exec(sqlText: string): Promise<void>;
  rows<T = Record<string, unknown>>(sqlText: string): Promise<T[]>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw multi-statement SQL, for migrations and the security set-up. */
  exec(sqlText: string): Promise<void>;
  /** Raw query without parameters, for tooling (migrations, backup). */
  rows<T = Record<string, unknown>>(sqlText: string): Promise<T[]>;
  withConnection<T>(work: (connection: RawConnection) => Promise<T>): Promise<T>;
  /**
   * One parameterised statement ($1, $2 …), or several without parameters; the rows of the last one. For the job
   * queue (pg-boss's `db.executeSql`), which runs on the same connections as the app, also on PGlite.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** PGlite only: the data directory as a tarball, so tests can start from a migrated copy. */
  dumpDataDir?(): Promise<Blob>;
  /** Connections in use and callers waiting for one, for /metrics. */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/** PostgreSQL: the node-postgres pool. PGlite: one connection; `waiting` counts calls queued in front of it. */
export type PoolStats = { size: number; total: number; idle: number; waiting: number };

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  pgliteLoadDataDir?: Blob;
  /** PostgreSQL connections per process (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /**
   * PGlite in a worker thread (ADR 0008), so a slow query never stalls the HTTP thread. The server always uses it;
   * tests may keep PGlite in-process, which starts faster.
   */
  worker?: boolean;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const size = options.poolSize ?? 10;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: size });
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (text) => {
        await pool.query(text);
      },
      rows: async <T>(text: string) => (await pool.query(text)).rows as T[],
      // Without parameters node-postgres uses the simple protocol, which runs several statements (pg-boss needs it).
      query: async <T>(text: string, params?: unknown[]) => ({
        rows: (await pool.query(text, params?.length ? params : undefined)).rows as T[],
      }),
      withConnection: async (work) => {
        const client = await pool.connect();
        try {
          return await work({
            exec: async (text) => {
              await client.query(text);
            },
            rows: async <T>(text: string) => (await client.query(text)).rows as T[],
          });
        } finally {
          client.release();
        }
      },
      poolStats: () => ({ size, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }
  if (!options.memory) {
    if (!options.dataDir) throw new Error('dataDir is required for the embedded database');
    mkdirSync(options.dataDir, { recursive: true });
  }
  if (options.worker) return openWorkerDatabase(options);
  // pg_trgm serves the guide name search (migration 0007), btree_gist the room bookings' exclusion constraint
  // (migration 0019); PGlite loads extensions when it starts.
  const extensions = { pg_trgm, btree_gist };
  const client = options.memory
    ? await PGlite.create({ loadDataDir: options.pgliteLoadDataDir, extensions })
    : await PGlite.create({ dataDir: options.dataDir, extensions });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    rows: async <T>(text: string) => (await client.query(text)).rows as T[],
    // PGlite's `query` takes one statement; `exec` several (without parameters). Both wait for an open transaction.
    query: async <T>(text: string, params?: unknown[]) => {
      if (params?.length) return { rows: (await client.query(text, params)).rows as T[] };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as T[] };
    },
    withConnection: (work) =>
      work({
        exec: async (text) => {
          await client.exec(text);
        },
        rows: async <T>(text: string) => (await client.query(text)).rows as T[],
      }),
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
    // In-process (tests): Drizzle calls PGlite directly, nothing counts the queue.
    poolStats: () => pgliteStats(0),
    close: () => client.close(),
  };
}

const pgliteStats = (inFlight: number): PoolStats => ({
  size: 1,
  total: 1,
  idle: inFlight > 0 ? 0 : 1,
  waiting: Math.max(0, inFlight - 1),
});

async function openWorkerDatabase(options: DatabaseOptions): Promise<Database> {
  const client = new WorkerPglite(
    options.memory
      ? {
          memory: true,
          loadDataDir: options.pgliteLoadDataDir ? await options.pgliteLoadDataDir.arrayBuffer() : undefined,
        }
      : { memory: false, dataDir: options.dataDir as string },
  );
  await client.ready;
  // Drizzle's PGlite driver only calls query, exec and transaction, which the worker client provides.
  const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db;
  const connection: RawConnection = {
    exec: async (text) => {
      await client.exec(text);
    },
    rows: async <T>(text: string) => (await client.query(text)).rows as T[],
  };
  return {
    db,
    kind: 'pglite',
    ...connection,
    query: async <T>(text: string, params?: unknown[]) => {
      if (params?.length) return { rows: (await client.query(text, params)).rows as T[] };
      const results = (await client.exec(text)) as { rows: unknown[] }[];
      return { rows: (results.at(-1)?.rows ?? []) as T[] };
    },
    withConnection: (work) => work(connection),
    dumpDataDir: () => client.dumpDataDir(),
    // An open transaction holds the connection between its messages as well.
    poolStats: () => pgliteStats(client.inFlight + client.openTransactions),
    close: () => client.close(),
  };
}

export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
