import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * What the server logs about requests and errors. Logs travel further than the database (files, log shippers,
 * screenshots in tickets), so two things never reach them: tokens in URLs (a logged invitation or reset link is an
 * account takeover) and the parameter values of failed queries (names, addresses, notes: personal data).
 */

/** API and SPA paths whose next segment is a secret token. */
const TOKEN_PATH =
  /(\/(?:api\/v\d+\/auth\/tokens|api\/v\d+\/offer-links|api\/v\d+\/event-links|api\/v\d+\/calendar|events\/rsvp|invitation|reset-password|offers\/answer)\/)([^/?#]+)/gi;

export const REDACTED = '[redacted]';

export const redactUrl = (url: string): string => url.replace(TOKEN_PATH, `$1${REDACTED}`);

/**
 * Fastify's request serializer, with tokens cut out of the URL. The client's address is left out: it is personal
 * data, and the request id (also in the `x-request-id` response header) is what ties a report to its log lines.
 */
export function requestSerializer(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url ?? ''),
    host: req.host,
  };
}

/** A caller's (or proxy's) request id is kept only when it cannot smuggle anything into a log line or header. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id: the incoming `x-request-id` when well-formed (a proxy's, for tracing across hops), else new. */
export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

type DatabaseErrorFields = {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
};

/** The frames of a stack without its first lines, which repeat the message. */
const stackFrames = (stack: string | undefined): string =>
  (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

/** A PostgreSQL message names types and constraints, but some end with the offending value: `…: "the value"`. */
const redactMessage = (message: unknown): string =>
  typeof message === 'string' ? message.replace(/: "[\s\S]*"$/, `: "${REDACTED}"`) : '';

const isQueryError = (error: unknown): error is Error & { query: string; cause?: unknown } =>
  error instanceof Error && typeof (error as { query?: unknown }).query === 'string' && 'params' in error;

const isDatabaseError = (error: unknown): error is Error & DatabaseErrorFields =>
  error instanceof Error &&
  typeof (error as DatabaseErrorFields).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as DatabaseErrorFields).code as string) &&
  'severity' in error;

/**
 * The error as it may be logged. A failed query (Drizzle's DrizzleQueryError, whose message ends with `params: …`)
 * keeps its query text (placeholders only) and PostgreSQL's code and message, never the parameters or the `detail`
 * (`Key (email)=(…) already exists`). Other errors are logged like pino's standard serializer, with their causes
 * sanitized the same way.
 */
export type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function loggableError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  if (isQueryError(error)) {
    const cause = (error.cause ?? {}) as DatabaseErrorFields;
    return {
      type: error.constructor.name,
      message: 'Failed query',
      query: error.query,
      code: typeof cause.code === 'string' ? cause.code : undefined,
      dbMessage: redactMessage(cause.message),
      constraint: cause.constraint,
      table: cause.table,
      column: cause.column,
      stack: stackFrames(error.stack),
    };
  }
  if (isDatabaseError(error)) {
    return {
      type: error.constructor.name,
      code: error.code,
      message: redactMessage(error.message),
      constraint: error.constraint,
      table: error.table,
      column: error.column,
      stack: stackFrames(error.stack),
    };
  }
  const out: LoggedError = { type: error.constructor.name, message: error.message, stack: error.stack ?? '' };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (typeof statusCode === 'number') out.statusCode = statusCode;
  if (error.cause !== undefined && depth < 5) out.cause = loggableError(error.cause, depth + 1);
  return out;
}

/** The pino `err` serializer: every `log.error({ err })` in the server goes through it (already sanitized: as is). */
export const errorSerializer = (error: unknown): LoggedError =>
  error instanceof Error ? loggableError(error) : (error as LoggedError);

/** One line for a terminal (the CLI): a failed query shows its SQL and PostgreSQL's code, never its parameters. */
export function describeError(error: unknown): string {
  const e = loggableError(error);
  if (typeof e.query === 'string')
    return `Failed query: ${e.query} (${[e.code, e.dbMessage].filter(Boolean).join(' ')})`;
  if (e.type !== 'Error' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
    return `Database error ${e.code}: ${e.message}`;
  return e.message;
}
