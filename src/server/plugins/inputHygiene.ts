import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.js';

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). They reorder how text is shown, so
 * a name or note can display differently from what was typed ("Trojan Source" spoofing). The marks U+200E/U+200F
 * (LRM/RLM) stay allowed: Arabic and Persian text legitimately uses them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The code of the first rule a text breaks, or null. PostgreSQL cannot store NUL in text or jsonb at all. */
export function textProblem(value: string): 'nul_character' | 'bidi_control' | null {
  if (value.includes('\0')) return 'nul_character';
  if (BIDI_CONTROL.test(value)) return 'bidi_control';
  return null;
}

const MAX_DEPTH = 32;

/** Every string (values and keys) in parsed input, with the dotted path the error handler uses for zod issues. */
function collect(value: unknown, path: string[], out: FieldError[], depth = 0) {
  if (out.length >= 100) return;
  if (typeof value === 'string') {
    const code = textProblem(value);
    if (code) out.push({ path: path.join('.'), code });
    return;
  }
  // Parsed JSON, text and query strings only; a raw buffer (no parser of ours produces one) is not text.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > MAX_DEPTH) return;
  for (const [key, item] of Object.entries(value)) {
    const code = textProblem(key);
    // A bad key cannot be named safely in a path: it is reported on the object that holds it.
    if (code) out.push({ path: path.join('.'), code });
    else collect(item, [...path, key], out, depth + 1);
  }
}

/**
 * Input hygiene before validation, for every route (API, hidden and plugin routes alike): a NUL character or a
 * bidi control anywhere in path parameters, query string or body is refused with 400 naming the field, whether or
 * not the route's schema declares that field. Zod schemas then see only text the database can store and the UI
 * can show as typed.
 */
export function registerInputHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];
    collect(request.params, ['params'], errors);
    collect(request.query, ['querystring'], errors);
    collect(request.body, [], errors);
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
  });
}
