/**
 * The embedded database in its own thread (ADR 0008). PGlite runs PostgreSQL compiled to WebAssembly synchronously:
 * in the HTTP thread a slow query would stall every request, health checks included. Here it owns the PGlite
 * instance and answers messages from `workerClient.ts`; a transaction is a session of messages, and PGlite's own
 * transaction lock queues everything else while one is open (it is a single connection).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { WorkerOpenOptions, WorkerReply, WorkerRequest } from './workerProtocol.js';
import { serializeError } from './workerProtocol.js';

const port = parentPort;
if (!port) throw new Error('pgliteWorker runs in a worker thread only');

const options = workerData as WorkerOpenOptions;

type Session = { tx: Transaction; finish: (commit: boolean) => void; done: Promise<void> };
const sessions = new Map<number, Session>();

const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Identity parsers for the type ids the caller wants as text (Drizzle keeps dates and intervals as strings). */
const rawParsers = (oids: number[] | undefined) =>
  oids ? Object.fromEntries(oids.map((oid) => [oid, (value: string) => value])) : undefined;

/** Thrown inside PGlite's transaction callback to make it roll back; never leaves this file. */
const ROLLBACK = Symbol('rollback');

async function open(): Promise<PGlite> {
  const extensions = { pg_trgm, btree_gist };
  if (options.memory) {
    return PGlite.create({
      extensions,
      loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
    });
  }
  return PGlite.create({ dataDir: options.dataDir, extensions });
}

const ready = open();

async function handle(pg: PGlite, message: WorkerRequest): Promise<void> {
  const { id } = message;
  switch (message.op) {
    case 'query': {
      const target = message.tx === undefined ? pg : sessions.get(message.tx)?.tx;
      if (!target) throw new Error(`no open transaction ${message.tx}`);
      const result = await target.query(message.text, message.params, {
        rowMode: message.rowMode,
        parsers: rawParsers(message.rawTypes),
      });
      reply({ id, ok: true, value: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows } });
      return;
    }
    case 'exec': {
      const target = message.tx === undefined ? pg : sessions.get(message.tx)?.tx;
      if (!target) throw new Error(`no open transaction ${message.tx}`);
      const results = await target.exec(message.text);
      // Same shape as PGlite's own exec: one result per statement (pg-boss reads the last one's rows).
      reply({
        id,
        ok: true,
        value: results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows })),
      });
      return;
    }
    case 'begin': {
      let finish: (commit: boolean) => void = () => {};
      const decided = new Promise<boolean>((resolve) => {
        finish = resolve;
      });
      let started = false;
      const done = pg
        .transaction(async (tx) => {
          started = true;
          sessions.set(message.tx, { tx, finish, done });
          reply({ id, ok: true, value: null });
          if (!(await decided)) throw ROLLBACK;
        })
        .catch((error: unknown) => {
          if (error === ROLLBACK) return;
          if (!started) reply({ id, ok: false, error: serializeError(error) });
          else throw error;
        })
        .finally(() => sessions.delete(message.tx));
      // Errors of the commit itself reach whoever sends `end`; none of them may go unhandled here.
      done.catch(() => {});
      return;
    }
    case 'end': {
      const session = sessions.get(message.tx);
      if (!session) throw new Error(`no open transaction ${message.tx}`);
      session.finish(message.commit);
      await session.done;
      reply({ id, ok: true, value: null });
      return;
    }
    case 'dump': {
      const blob = (await pg.dumpDataDir('gzip')) as Blob;
      const buffer = await blob.arrayBuffer();
      reply({ id, ok: true, value: buffer }, [buffer]);
      return;
    }
    case 'close': {
      await pg.close();
      reply({ id, ok: true, value: null });
      return;
    }
  }
}

port.on('message', (message: WorkerRequest) => {
  ready
    .then((pg) => handle(pg, message))
    .catch((error: unknown) => reply({ id: message.id, ok: false, error: serializeError(error) }));
});

ready.then(
  () => reply({ id: 0, ok: true, value: 'ready' }),
  (error: unknown) => reply({ id: 0, ok: false, error: serializeError(error) }),
);
