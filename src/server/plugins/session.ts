import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../../modules/auth/service.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'ln_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes open without a session (health, login, password links, OpenAPI). Everything else needs one. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    officeName: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session cookie on every API request and enforces CSRF on cookie-authenticated writes. */
export function registerSession(app: FastifyInstance, auth: AuthService, secureCookies: boolean) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('officeName', null);
  app.decorateRequest('csrfToken', null);

  // onRequest runs before body parsing and validation: an anonymous caller learns nothing about the input rules.
  app.addHook('onRequest', async (request, reply) => {
    // The API reference (/api/docs) is public like the OpenAPI document it renders.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const isPublic = request.routeOptions.config?.public === true || !request.routeOptions.url;
    const token = request.cookies[SESSION_COOKIE];
    const info = token ? await auth.resolveSession(token) : null;
    if (token && !info) clearSessionCookie(reply, secureCookies);
    if (!info) {
      if (!isPublic) throw new AppError(401, 'unauthenticated');
      return;
    }
    request.actor = info.actor;
    request.sessionId = info.sessionId;
    request.officeName = info.officeName;
    request.csrfToken = info.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== info.csrfToken) {
      throw new AppError(403, 'csrf_failed');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, 'unauthenticated');
  return request.actor;
}
