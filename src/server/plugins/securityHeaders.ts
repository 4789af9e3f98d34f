import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine injects CSS variables at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Server-rendered public pages (modules/publicHelp/pages.ts) run no script at all and post only to themselves. */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Headers on every response; API responses are never cached, since most carry personal data. With an https
 * PUBLIC_URL, browsers are told to use https only for a year (HSTS), so a first plain-http request on a hostile
 * network cannot be intercepted later. Not for http: a local or intranet installation must stay reachable.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // The API reference sets its own, stricter-for-its-needs CSP (swagger-ui staticCSP).
    if (!request.url.startsWith('/api/docs'))
      reply.header('content-security-policy', request.routeOptions.config?.htmlPage ? PAGE_CSP : CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('permissions-policy', 'geolocation=(), camera=(), microphone=()');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
