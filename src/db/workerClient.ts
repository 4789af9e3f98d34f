import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOpenOptions, WorkerReply, WorkerRequest } from './workerProtocol.js';
import { deserializeError } from './workerProtocol.js';

/** What Drizzle's PGlite driver calls on its client (a structural subset of PGlite and its Transaction). */
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };
type QueryResult = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };

export interface WorkerTransaction {
  query(text: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  exec(text: string): Promise<unknown>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Where the worker's code is: next to `dist/main.js` in the build (`scripts/build-server.mjs` bundles it as its own
 * entry point), next to this file in the sources. TypeScript sources load through tsx's loader, which a worker does
 * not inherit: a small ES module registers it first, then imports the worker.
 */
function workerEntry(): string | URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return fileURLToPath(new URL('./pgliteWorker.js', here));
  // The ES module build of `tsx/esm/api` (require.resolve would find its CommonJS twin).
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = new URL('./pgliteWorker.ts', here).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

/**
 * PGlite in a worker thread, looking like PGlite to Drizzle: `query`, `exec` and `transaction`. Every call is a
 * message; a transaction is a numbered session on the worker that ends with commit or rollback.
 */
export class WorkerPglite {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;
  private failure: Error | undefined;
  /** Calls sent and not yet answered: the queue in front of the single connection (shown in /metrics). */
  inFlight = 0;
  openTransactions = 0;
  readonly ready: Promise<void>;

  constructor(options: WorkerOpenOptions) {
    const transfer = options.memory && options.loadDataDir ? [options.loadDataDir] : [];
    this.worker = new Worker(workerEntry(), { workerData: options, transferList: transfer });
    this.ready = new Promise<void>((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(), reject });
    });
    this.worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.id !== 0) this.inFlight--;
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(deserializeError(reply.error));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.inFlight = 0;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
  }

  private call<T>(request: DistributiveOmit<WorkerRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    this.inFlight++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  query(text: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<QueryResult> {
    const rawTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.call({ op: 'query', tx, text, params, rowMode: options?.rowMode, rawTypes });
  }

  exec(text: string, tx?: number): Promise<unknown> {
    return this.call({ op: 'exec', tx, text });
  }

  async transaction<T>(work: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.call({ op: 'begin', tx });
    this.openTransactions++;
    let result: T;
    try {
      result = await work({
        query: (text, params, options) => this.query(text, params, options, tx),
        exec: (text) => this.exec(text, tx),
      });
    } catch (error) {
      // The work's error is what the caller needs; a failed rollback (the thread gone) fails the next call anyway.
      await this.call({ op: 'end', tx, commit: false })
        .catch(() => {})
        .finally(() => this.openTransactions--);
      throw error;
    }
    await this.call({ op: 'end', tx, commit: true }).finally(() => this.openTransactions--);
    return result;
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.call<ArrayBuffer>({ op: 'dump' })]);
  }

  async close(): Promise<void> {
    try {
      await this.call({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}
