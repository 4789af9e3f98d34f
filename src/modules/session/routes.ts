import { z } from 'zod';
import { ping } from '../../db/client.js';
import { pendingMigrations } from '../../db/migrate.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../server/plugins/session.js';
import type { RouteModule } from '../../server/routing.js';
import {
  invitationSchema,
  loginInput,
  loginResponse,
  passwordResetRequestInput,
  setPasswordInput,
  tokenParams,
  updateMeInput,
} from '../../shared/auth.js';
import { problemSchema } from '../../shared/common.js';
import { presentMe } from './me.js';

const tags = ['Auth'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 429: problemSchema };

export const sessionRoutes: RouteModule = (api, { auth, ctx }) => {
  const secure = ctx.config.publicUrl.startsWith('https://');

  api.get('/health', {
    config: { public: true },
    schema: {
      tags: ['System'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.string() }), 503: problemSchema },
    },
    handler: async (_req, reply) => {
      if (!(await ping(ctx.database.db)))
        return reply
          .code(503)
          .send({ type: 'about:blank', title: 'database unavailable', status: 503, code: 'internal_error' });
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  });

  // For load balancers and orchestrators: `live` says the process answers (restart it if not), `ready` that it can
  // serve (take it out of rotation if not): the database answers and has every migration this code expects.
  api.get('/health/live', {
    config: { public: true },
    schema: {
      tags: ['System'],
      summary: 'Liveness: the process is up',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });

  api.get('/health/ready', {
    config: { public: true },
    schema: {
      tags: ['System'],
      summary: 'Readiness: the database answers and its migrations are current',
      response: { 200: z.object({ status: z.literal('ok'), database: z.string() }), 503: problemSchema },
    },
    handler: async (_req, reply) => {
      const unavailable = (title: string) =>
        reply.code(503).send({ type: 'about:blank', title, status: 503, code: 'internal_error' });
      if (!(await ping(ctx.database.db))) return unavailable('database unavailable');
      const pending = await pendingMigrations(ctx.database).catch(() => ['?']);
      if (pending.length) return unavailable('database migrations pending');
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  });

  api.post('/auth/login', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: loginInput,
      response: { 200: loginResponse, ...errors },
    },
    handler: async (req, reply) => {
      const { token, csrfToken, actor, officeName } = await auth.login(req.body.email, req.body.password, req.ip);
      setSessionCookie(reply, token, secure, ctx.config.sessionAbsoluteMs);
      return { me: presentMe(actor, officeName), csrfToken };
    },
  });

  api.post('/auth/logout', {
    schema: { tags, summary: 'Sign out; the session ends on the server', response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await auth.logout(req.sessionId as string, requireActor(req));
      clearSessionCookie(reply, secure);
      return reply.code(204).send(null);
    },
  });

  api.get('/me', {
    schema: {
      tags,
      summary: 'The signed-in user, their office and abilities',
      response: { 200: loginResponse, ...errors },
    },
    handler: (req) => ({ me: presentMe(requireActor(req), req.officeName), csrfToken: req.csrfToken as string }),
  });

  api.patch('/me', {
    schema: {
      tags,
      summary: "Change the signed-in user's UI language",
      body: updateMeInput,
      response: { 200: loginResponse, ...errors },
    },
    handler: async (req) => {
      const actor = requireActor(req);
      await auth.setLocale(actor, req.body.locale);
      return {
        me: presentMe({ ...actor, locale: req.body.locale }, req.officeName),
        csrfToken: req.csrfToken as string,
      };
    },
  });

  api.post('/auth/password-reset', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Request a password-reset link by e-mail (same answer whether or not the address exists)',
      body: passwordResetRequestInput,
      response: { 202: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await auth.requestPasswordReset(req.body.email, req.ip);
      return reply.code(202).send(null);
    },
  });

  api.get('/auth/tokens/:token', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Check an invitation or reset link before showing the form',
      params: tokenParams,
      response: { 200: invitationSchema, ...errors },
    },
    handler: (req) => auth.describeToken(req.params.token),
  });

  api.post('/auth/tokens/:token/password', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Set a password with an invitation or reset link (single use)',
      params: tokenParams,
      body: setPasswordInput,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await auth.setPasswordWithToken(req.params.token, req.body.password);
      return reply.code(204).send(null);
    },
  });
};
