import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** SHA-256 of an endpoint (hex): the key of a subscription that can be shown, compared and logged. */
export const endpointHash = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether the server may POST to an endpoint. Push services are public https hosts; anything else would let a user
 * make the server call into its own network (SSRF). Outside production a loopback http endpoint is allowed, for the
 * test push endpoint of the integration tests and local trials.
 */
export function endpointAllowed(endpoint: string, env: 'development' | 'production' | 'test'): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (env !== 'production' && LOOPBACK.has(host)) return url.protocol === 'http:' || url.protocol === 'https:';
  if (url.protocol !== 'https:') return false;
  // IP literals and single-label names are never push services.
  if (isIP(host.replace(/^\[|\]$/g, '')) || !host.includes('.') || host.endsWith('.localhost')) return false;
  return true;
}
