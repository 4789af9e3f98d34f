import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import nodemailer from 'nodemailer';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { Mailer } from '../../src/modules/mail/mailer.js';
import { type BuildOptions, buildApp } from '../../src/server/app.js';
import type { AppContext } from '../../src/server/context.js';

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  /** Every message the app sent, as raw RFC 822 bytes in sending order: what recipients receive (test/helpers/mail.ts). */
  sentMail: Buffer[];
  close(): Promise<void>;
};

export type TestAppOverrides = {
  now?: () => Date;
  env?: Record<string, string>;
  logger?: BuildOptions['logger'];
  /** Wraps the capturing transport, e.g. to make it fail (the mail queue's retries). */
  mailTransport?: (capture: nodemailer.Transporter) => nodemailer.Transporter;
};

/** The key the test apps seal mail secrets with; a test that reads the database sees only what it seals. */
export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** A migrated database (a fresh PGlite copy, or the run's PostgreSQL database) and the app on top of it. */
export async function createTestApp(overrides: TestAppOverrides = {}): Promise<TestApp> {
  const url = inject('testDatabaseUrl');
  const template = inject('pgliteTemplate');
  const database = url
    ? await openDatabase({ databaseUrl: url })
    : await openDatabase({
        memory: true,
        pgliteLoadDataDir: new Blob([readFileSync(template)]),
        // In-process PGlite starts faster; TEST_PGLITE_WORKER=1 runs the suite through the server's worker thread.
        worker: process.env.TEST_PGLITE_WORKER === '1',
      });
  return createAppOn(database, overrides);
}

/** The app on a database the caller opened (e.g. one a backup was restored into); `close` closes both. */
export async function createAppOn(database: Database, overrides: TestAppOverrides = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: process.env.TEST_LOG ? 'error' : 'silent',
    APP_SECRET: TEST_APP_SECRET,
    ...overrides.env,
  });
  // Mail is really sent, to a transport that keeps the raw messages: tests read links the way a recipient does.
  const sentMail: Buffer[] = [];
  const capture = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const ctx: AppContext = {
    config,
    database,
    mailer: new Mailer({
      from: config.mailFrom,
      appSecret: config.appSecret,
      transport: overrides.mailTransport ? overrides.mailTransport(capture) : capture,
      sink: (raw) => {
        sentMail.push(raw);
      },
    }),
    now: overrides.now ?? (() => new Date()),
  };
  const app = await buildApp(ctx, {
    webRoot: '/nonexistent',
    logger: overrides.logger ?? Boolean(process.env.TEST_LOG),
  });
  await app.ready();
  return {
    app,
    ctx,
    database,
    sentMail,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type Session = { cookie: string; csrf: string; userId: string };

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ln_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return { cookie: `ln_session=${cookie.value}`, csrf: body.csrfToken, userId: body.me.id };
}

/** Small request helper: JSON in, the session cookie and CSRF header attached. */
export function client(app: FastifyInstance, session?: Session) {
  const call = (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url: url.startsWith('/api') ? url : `/api/v1${url}`,
      payload: payload as InjectOptions['payload'],
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...headers,
      },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('POST', url, payload ?? {}, headers),
    patch: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('PATCH', url, payload ?? {}, headers),
    put: (url: string, payload?: unknown, headers?: Record<string, string>) => call('PUT', url, payload ?? {}, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
    call,
  };
}
