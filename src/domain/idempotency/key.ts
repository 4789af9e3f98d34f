import { createHash } from 'node:crypto';

/** How long a key is remembered: a phone that comes back online after a week's holiday has sent its queue by then. */
export const IDEMPOTENCY_KEY_TTL_DAYS = 7;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The header's value, checked: a UUID (the client makes one per entry), else `invalid`; no header, `null`. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null | 'invalid' {
  if (header === undefined) return null;
  if (Array.isArray(header) || !UUID.test(header)) return 'invalid';
  return header.toLowerCase();
}

/** JSON with object keys sorted, so the same body hashes the same whatever order the client wrote its fields in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same": method, the route with its parameters filled in, and the body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}
