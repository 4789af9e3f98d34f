/** The messages between the HTTP thread (`workerClient.ts`) and the database thread (`pgliteWorker.ts`). */

export type WorkerOpenOptions = { memory: true; loadDataDir?: ArrayBuffer } | { memory: false; dataDir: string };

export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      tx?: number;
      text: string;
      params?: unknown[];
      rowMode?: 'array' | 'object';
      /** Type ids to return as text instead of parsing (what Drizzle asks for dates and intervals). */
      rawTypes?: number[];
    }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'begin'; tx: number }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type SerializedError = { name: string; message: string; stack?: string; fields: Record<string, unknown> };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/**
 * Structured cloning keeps an error's message but drops PostgreSQL's fields (code, constraint, severity …), which the
 * error handler needs to map a unique violation to 409: they travel as plain data.
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // PGlite attaches the query's parameters: personal data, which stays in the database thread.
    if (key === 'params' || key === 'queryOptions') continue;
    if (value === undefined || typeof value === 'function') continue;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) continue;
    fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/** A PostgreSQL error raised in the database thread, with the same fields PGlite's own error carries. */
export class DatabaseError extends Error {
  [key: string]: unknown;
}

export function deserializeError(error: SerializedError): Error {
  const restored = new DatabaseError(error.message);
  Object.assign(restored, error.fields);
  restored.name = error.name;
  if (error.stack) restored.stack = error.stack;
  return restored;
}
