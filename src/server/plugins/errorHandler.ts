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
function fieldMessage(locale: Locale, e: FieldError): string {
  const key = `validation.${e.code}`;
  const text = translate(locale, key, e.params);
  return text === key ? translate(locale, `errors.${e.code}`, e.params) : text;
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
export function registerNotFound(app: FastifyInstance, serveSpa: boolean) {
  app.setNotFoundHandler((request, reply) => {
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(request, reply, 404, 'not_found');
  });
}
