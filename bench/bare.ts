/**
 * The baseline for `npm run bench:load`: bare Fastify and the database driver, no validation, sessions, services
 * or Drizzle, sending the same SQL as the guide list and the health check inside the same RLS transaction. What
 * the real server takes on top of this is our share. Started by bench/load.ts with DATABASE_URL or DATA_DIR,
 * OFFICE_ID and PORT.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import Fastify from 'fastify';
import pg from 'pg';

type Query = (text: string, params?: unknown[]) => Promise<unknown[]>;
type Transaction = <T>(work: (query: Query) => Promise<T>) => Promise<T>;

async function connect(): Promise<{ transaction: Transaction; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    return {
      transaction: async (work) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work(async (text, params) => (await client.query(text, params)).rows);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const db = await PGlite.create({ dataDir: process.env.DATA_DIR, extensions: { pg_trgm } });
  return {
    transaction: (work) => db.transaction((tx) => work(async (text, params) => (await tx.query(text, params)).rows)),
    close: () => db.close(),
  };
}

const officeId = process.env.OFFICE_ID as string;
const database = await connect();
const app = Fastify();

const scoped = <T>(work: (query: Query) => Promise<T>) =>
  database.transaction(async (query) => {
    await query(`select set_config('app.office_id', $1, true), set_config('app.scope', 'office', true)`, [officeId]);
    await query('set local role lotsennetz_app');
    return work(query);
  });

app.get('/health', async () => {
  await database.transaction((query) => query('select 1'));
  return { status: 'ok' };
});

app.get('/guides', async (request) => {
  const q = (request.query as { q?: string }).q;
  const term = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `office_id = $1 ${term ? `and (first_name || ' ' || last_name || ' ' || first_name) ilike $2` : ''}`;
  const params = term ? [officeId, term] : [officeId];
  return scoped(async (query) => {
    const items = await query(
      `select * from guides where ${where} order by last_name asc, id asc limit 25 offset 0`,
      params,
    );
    const [{ total }] = (await query(`select count(*)::int as total from guides where ${where}`, params)) as {
      total: number;
    }[];
    return { items, total };
  });
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
