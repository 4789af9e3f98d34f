import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Locale } from '../../shared/enums.js';
import type { ErrorCode } from '../../shared/errors.js';
import { pickLocale, translate } from '../../shared/i18n/index.js';
import { AppError, type FieldError } from '../errors.js';
import { loggableError } from '../logging.js';

type ValidationItem = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** Maps a zod issue to a catalogue key and parameters. Custom messages are already keys ("validation.x"). */
export function fieldErrorFromIssue(item: ValidationItem, context?: string): FieldError {
  const params = item.params ?? {};
  const path = [context === 'body' ? '' : context, item.instancePath.replace(/^\//, '').replaceAll('/', '.')]
    .filter(Boolean)
    .join('.');
  if (item.message?.startsWith('validation.')) return { path, code: item.message.slice('validation.'.length) };
  switch (item.keyword) {
    case 'too_small':
    case 'too_big': {
      const origin =
        params.origin === 'array' || params.origin === 'set'
          ? 'array'
          : params.origin === 'string'
            ? 'string'
            : 'number';
      if (item.keyword === 'too_small' && origin === 'string' && params.minimum === 1)
        return { path, code: 'required' };
      return { path, code: `${item.keyword}_${origin}`, params: { minimum: params.minimum, maximum: params.maximum } };
    }
    case 'invalid_format': {
      const format = String(params.format ?? '');
      if (['email', 'uuid', 'date', 'datetime'].includes(format)) return { path, code: `invalid_${format}` };
      return { path, code: 'invalid_format' };
    }
    case 'invalid_type':
      return { path, code: params.input === undefined ? 'required' : 'invalid_type' };
    case 'unrecognized_keys':
      return { path, code: 'unrecognized_keys', params: { keys: (params.keys as string[] | undefined)?.join(', ') } };
    case 'invalid_value':
    case 'invalid_union':
      return { path, code: 'invalid_value' };
    default:
      return { path, code: 'invalid_value' };
  }
}

/** A field error that reuses a top-level code (e.g. `email_taken`) is worded in the `errors` catalogue. */
export function fieldMessage(locale: Locale, e: FieldError): string {
  // Plain words for the field where the catalogue has them ("Bitte mindestens eine Sprache angeben"), else the
  // generic message; `count` picks the plural form ("1 Eintrag" / "2 Einträge").
  const params = { count: e.params?.minimum ?? e.params?.maximum, ...e.params };
  const field = e.path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  for (const key of [`validation.field.${field}.${e.code}`, `validation.${e.code}`, `errors.${e.code}`]) {
    const text = translate(locale, key, params);
    if (text !== key) return text;
  }
  return translate(locale, 'errors.validation_failed');
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  fieldErrors: FieldError[] = [],
  headers: Record<string, string> = {},
) {
  const locale: Locale = request.actor?.locale ?? pickLocale(request.headers['accept-language']);
  const body = {
    type: `https://lotsennetz.example/problems/${code}`,
    title: translate(locale, `errors.${code}`),
    status,
    code,
    ...(fieldErrors.length
      ? {
          errors: fieldErrors.map((e) => ({
            path: e.path,
            code: e.code,
            message: fieldMessage(locale, e),
            ...(e.shownParams ? { params: e.shownParams } : {}),
          })),
        }
      : {}),
  };
  return reply
    .code(status)
    .headers(headers)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(body);
}

/**
 * The SQLSTATE of a database error (node-postgres and PGlite set `code`; Drizzle wraps them in `cause`), or null.
 */
export function sqlState(error: unknown): string | null {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

/**
 * Input the database itself refuses: class 22 "data exception" (NUL or an invalid byte sequence 22021/22P05, a date
 * out of range 22008, a number out of range 22003, a malformed value 22P02 …) and 54000 (a value too large for an
 * index). The schemas and the input hygiene hook catch these first; this keeps a gap in them a 400, not a 500.
 */
export const isInputRefusedByDatabase = (state: string | null) =>
  state !== null && (state.startsWith('22') || state === '54000');

/**
 * Errors Fastify's router answers before any route or error handler runs (a malformed percent-encoding, a path
 * parameter over `maxParamLength`): passed as the `frameworkErrors` option, so they are problem+json too.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(request, reply, 414, 'validation_failed');
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(request, reply, 400, 'validation_failed');
  return sendProblem(request, reply, 500, 'internal_error');
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.fieldErrors, error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const items = error.validation as unknown as ValidationItem[];
      return sendProblem(
        request,
        reply,
        400,
        'validation_failed',
        items.map((i) => fieldErrorFromIssue(i, error.validationContext)),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return sendProblem(request, reply, 400, 'malformed_json');
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(request, reply, 400, 'malformed_json');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(request, reply, 413, 'validation_failed');
    }
    if (isInputRefusedByDatabase(sqlState(error))) {
      request.log.warn({ err: loggableError(error) }, 'the database refused input that passed validation');
      return sendProblem(request, reply, 400, 'validation_failed');
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(
        request,
        reply,
        error.statusCode,
        error.statusCode === 404 ? 'not_found' : 'validation_failed',
      );
    }
    // Unexpected: log with the request id only, never send the stack to the client. A failed query is logged with its
    // query text and PostgreSQL's code and message, never its parameter values (personal data).
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal_error');
  });
}

/** Unknown API paths answer problem+json; with the SPA built, other GETs get its shell (client-side routes). */
export function registerNotFound(
  app: FastifyInstance,
  serveSpa: boolean,
  firstRender?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>,
) {
  app.setNotFoundHandler(async (request, reply) => {
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      if (firstRender && (await firstRender(request, reply))) return reply;
      return reply.sendFile('index.html');
    }
    return sendProblem(request, reply, 404, 'not_found');
  });
}
