import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { sendProblem } from './plugins/errorHandler.js';

/**
 * Prometheus metrics of one server process. Labels never carry personal data or ids: routes are patterns
 * (`/api/v1/guides/:id`), queues and mail failures are counted by name and kind only.
 *
 * The background jobs and the mailer report through the small API below (`ctx.metrics`), so they need not know
 * prom-client.
 */
export type AppMetrics = {
  readonly registry: Registry;
  /** Jobs waiting in a queue, as the queue reports it (set on every poll). */
  jobQueueDepth(queue: string, depth: number): void;
  /** A job that failed (and will be retried or given up). */
  jobFailed(queue: string): void;
  /** A message the mailer could not hand to the SMTP server. */
  mailFailed(kind: string): void;
  /** Reads the database pool on every scrape. */
  observeDatabase(database: Database): void;
};

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const queueDepth = new Gauge({
    name: 'lotsennetz_job_queue_depth',
    help: 'Jobs waiting per queue',
    labelNames: ['queue'],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'lotsennetz_job_failures_total',
    help: 'Failed job runs per queue',
    labelNames: ['queue'],
    registers: [registry],
  });
  const mailFailures = new Counter({
    name: 'lotsennetz_mail_failures_total',
    help: 'Messages the SMTP server did not accept, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  let database: Database | undefined;
  const pool = (name: string, help: string, read: (stats: ReturnType<Database['poolStats']>) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['database'],
      registers: [registry],
      collect() {
        if (!database) return;
        this.set({ database: database.kind }, read(database.poolStats()));
      },
    });
  pool('lotsennetz_db_pool_size', 'Connections the pool may open (DATABASE_POOL_SIZE; 1 for PGlite)', (s) => s.size);
  pool('lotsennetz_db_pool_connections', 'Connections open', (s) => s.total);
  pool('lotsennetz_db_pool_idle', 'Connections open and idle', (s) => s.idle);
  pool('lotsennetz_db_pool_waiting', 'Queries waiting for a connection', (s) => s.waiting);
  return {
    registry,
    jobQueueDepth: (queue, depth) => queueDepth.set({ queue }, depth),
    jobFailed: (queue) => jobFailures.inc({ queue }),
    mailFailed: (kind) => mailFailures.inc({ kind }),
    observeDatabase: (db) => {
      database = db;
    },
  };
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Request durations by route pattern and status, and `GET /metrics` for the scraper. Without METRICS_TOKEN the
 * endpoint does not exist (404); with it, `Authorization: Bearer <token>` is required (401 otherwise): the
 * numbers tell an outsider how busy an office is and which software runs.
 */
export function registerMetrics(app: FastifyInstance, metrics: AppMetrics, token: string | undefined) {
  const duration = new Histogram({
    name: 'lotsennetz_http_request_duration_seconds',
    help: 'HTTP request durations by route pattern',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    if (route === '/metrics') return;
    duration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!token) return sendProblem(request, reply, 404, 'not_found');
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !sameSecret(given, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(request, reply, 401, 'unauthenticated');
    }
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
