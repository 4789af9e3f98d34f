import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { assignmentRoutes } from '../modules/assignments/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { certificateRoutes } from '../modules/certificates/routes.js';
import { consentRoutes } from '../modules/consent/routes.js';
import { courseRoutes } from '../modules/courses/routes.js';
import { dashboardRoutes } from '../modules/dashboard/routes.js';
import { directoryRoutes } from '../modules/directory/routes.js';
import { eventRoutes } from '../modules/events/routes.js';
import { expenseRoutes } from '../modules/expenses/routes.js';
import { guidePauseRoutes } from '../modules/guidePauses/routes.js';
import { guideRoutes } from '../modules/guides/routes.js';
import { importRoutes } from '../modules/imports/routes.js';
import { landRoutes } from '../modules/land/routes.js';
import { outboxRoutes } from '../modules/mail/routes.js';
import { messageRoutes } from '../modules/messages/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { offerRoutes } from '../modules/offers/routes.js';
import { officeRoutes } from '../modules/offices/routes.js';
import { partnerRoutes } from '../modules/partners/routes.js';
import { privacyRoutes } from '../modules/privacy/routes.js';
import { registerPublicPages } from '../modules/publicHelp/pages.js';
import { publicHelpRoutes } from '../modules/publicHelp/routes.js';
import { pushRoutes } from '../modules/push/routes.js';
import { recognitionRoutes } from '../modules/recognition/routes.js';
import { recruitmentRoutes } from '../modules/recruitment/routes.js';
import { referenceRoutes } from '../modules/reference/routes.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { requestRoutes } from '../modules/requests/routes.js';
import { retentionRoutes } from '../modules/retention/routes.js';
import { roomRoutes } from '../modules/rooms/routes.js';
import { serviceDirectoryRoutes } from '../modules/services/routes.js';
import { sessionRoutes } from '../modules/session/routes.js';
import { settingsRoutes } from '../modules/settings/routes.js';
import { teamBudgetRoutes } from '../modules/teamBudget/routes.js';
import { timesheetRoutes } from '../modules/timesheets/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import type { AppContext } from './context.js';
import { errorSerializer, requestIdFor, requestSerializer } from './logging.js';
import { createMetrics, registerMetrics } from './metrics.js';
import { frameworkErrors, registerErrorHandler, registerNotFound } from './plugins/errorHandler.js';
import { firstRenderResponder, loadFirstRender } from './plugins/firstRender.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerInputHygiene } from './plugins/inputHygiene.js';
import { registerSecurityHeaders } from './plugins/securityHeaders.js';
import { registerSession } from './plugins/session.js';
import { collectRouteTable } from './routeTable.js';
import type { RouteModule } from './routing.js';
import { typed } from './routing.js';
import { createServices } from './services.js';

export const API_PREFIX = '/api/v1';
export const ROUTE_MODULES: RouteModule[] = [
  sessionRoutes,
  notificationRoutes,
  pushRoutes,
  officeRoutes,
  userRoutes,
  guideRoutes,
  guidePauseRoutes,
  partnerRoutes,
  importRoutes,
  referenceRoutes,
  auditRoutes,
  outboxRoutes,
  requestRoutes,
  offerRoutes,
  consentRoutes,
  assignmentRoutes,
  serviceDirectoryRoutes,
  settingsRoutes,
  dashboardRoutes,
  retentionRoutes,
  privacyRoutes,
  recruitmentRoutes,
  publicHelpRoutes,
  courseRoutes,
  eventRoutes,
  certificateRoutes,
  timesheetRoutes,
  teamBudgetRoutes,
  messageRoutes,
  expenseRoutes,
  recognitionRoutes,
  roomRoutes,
  directoryRoutes,
  reportRoutes,
  landRoutes,
];

export type BuildOptions = {
  /** `true`: JSON lines on stdout at LOG_LEVEL; an object: to the given stream (tests read what would be logged). */
  logger?: boolean | { stream: { write(line: string): unknown }; level?: string };
  webRoot?: string;
};

/** Tokens in URLs and the parameters of failed queries never reach the log (see logging.ts). */
function loggerOptions(ctx: AppContext, option: BuildOptions['logger']): FastifyServerOptions['logger'] {
  if (!option) return false;
  const base = {
    level: ctx.config.logLevel,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    serializers: { req: requestSerializer, err: errorSerializer },
  };
  return option === true ? base : { ...base, level: option.level ?? base.level, stream: option.stream };
}

/**
 * Vite names the files under assets/ by their content hash: a changed file gets a new name, so browsers may keep
 * them forever. Everything else (index.html above all, which names the current assets) is revalidated every time,
 * and the service worker (/sw.js, which lists the assets to keep offline) is never stored, so a release reaches every
 * installed app at its next start.
 */
export const staticCacheControl = (path: string): string =>
  path.endsWith(`${sep}sw.js`)
    ? 'no-store'
    : path.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';

/** The application as a plugin-free factory: `main.ts` listens, tests use `app.inject`. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx, options.logger),
    bodyLimit: 1_048_576,
    // Off unless TRUST_PROXY names the proxies (or a hop count): otherwise X-Forwarded-For is the client's choice,
    // and the sign-in and reset limits per address could be walked around by rotating it.
    trustProxy: ctx.config.trustProxy,
    frameworkErrors,
    // Every log line of a request carries its id, and the response returns it (x-request-id) for support reports.
    genReqId: (req) => requestIdFor(req.headers['x-request-id']),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any route is added: the table must see every route, plugin routes included.
  collectRouteTable(app);
  registerErrorHandler(app);
  registerInputHygiene(app);
  registerSecurityHeaders(app, { hsts: ctx.config.publicUrl.startsWith('https://') });
  // Before compression: its onSend hook reads the JSON answer to remember it for a repeated Idempotency-Key.
  registerIdempotency(app, ctx.database.db);
  const metrics = ctx.metrics ?? createMetrics();
  metrics.observeDatabase(ctx.database);
  registerMetrics(app, metrics, ctx.config.metricsToken);
  // API JSON and the SPA's files, brotli or gzip as the client prefers. Brotli at quality 5: most of the size gain
  // of 11 at a small part of its CPU, which matters when it runs per response.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(fastifyCookie);

  const services = createServices(ctx);
  registerSession(app, services.auth, ctx.config.publicUrl.startsWith('https://'));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotsennetz API',
        version: '1',
        description:
          'Coordination of Integrationslotsen programmes. Sign in with POST /auth/login; the session cookie authenticates ' +
          'further calls, and writes need the `x-csrf-token` header from the login or /me response. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ln_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      const zodApi = typed(api);
      for (const register of ROUTE_MODULES) register(zodApi, services);
      zodApi.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // The public front door as plain HTML (no SPA, no script, no cookie): /public, /public/{slug}, the help form.
  registerPublicPages(app, services.publicHelp);

  const webRoot = options.webRoot ?? ctx.config.webDir;
  const serveSpa = existsSync(join(webRoot, 'index.html'));
  if (serveSpa)
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', staticCacheControl(path));
        // The worker lives at the root, so its scope is the whole app; said explicitly for proxies that rewrite paths.
        if (path.endsWith(`${sep}sw.js`)) res.setHeader('service-worker-allowed', '/');
        if (path.endsWith('.webmanifest')) res.setHeader('content-type', 'application/manifest+json; charset=utf-8');
      },
    });
  const renderFirst = serveSpa ? await loadFirstRender(webRoot) : null;
  registerNotFound(app, serveSpa, renderFirst ? firstRenderResponder(app, renderFirst, webRoot) : undefined);
  return app;
}
