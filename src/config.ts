import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Environment contract. Documented in the README; a bad value stops the process with one line per problem. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Receipts' files go here instead of into the database (issue 11); back this folder up with the database. */
  RECEIPTS_DIR: z.string().min(1).optional(),
  WEB_DIR: z.string().min(1).default('./dist/web'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Lotsennetz <no-reply@lotsennetz.example>'),
  SEED_DEMO: booleanFlag.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Encrypts the secret links of queued mail; never stored in the database. At least 32 characters. */
  APP_SECRET: z.string().min(32, 'must have at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  TRUST_PROXY: z.string().optional(),
  /** PostgreSQL connections per server process; instances × pool size must stay below max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Bearer token for GET /metrics; unset, the endpoint does not exist (404). */
  METRICS_TOKEN: z.string().min(16, 'must have at least 16 characters').optional(),
  /** Web Push (issue 14): the VAPID key pair (`lotsennetz push keys`). Both or neither; unset, push is off. */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'must be the base64url public key (87 characters) from `lotsennetz push keys`')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the base64url private key (43 characters) from `lotsennetz push keys`')
    .optional(),
  /** Who push services may contact about this server: a mailto: or https: URL; default the address of MAIL_FROM. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: or https: URL')
    .optional(),
});

/**
 * Which proxies may set X-Forwarded-For: off, or a list of proxy addresses / CIDR ranges (and proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`). `true` (trust every hop) is refused: then any client could claim any
 * address and walk around the sign-in limits. A bare hop count is refused too: it cannot tell the proxy from a client
 * that connects directly (Fastify 5 ignores it and trusts nothing), so it would silently do nothing.
 */
export type TrustProxy = false | string[];

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(value: string | undefined): { value: TrustProxy } | { problem: string } {
  const text = value?.trim() ?? '';
  if (text === '' || ['false', '0', 'no', 'off'].includes(text.toLowerCase())) return { value: false };
  if (['true', 'yes', 'on', '*'].includes(text.toLowerCase()))
    return {
      problem:
        'TRUST_PROXY: "true" would let every client choose its own address; list the proxy addresses instead (e.g. 10.0.0.2 or 10.0.0.0/8)',
    };
  if (/^\d+$/.test(text))
    return {
      problem:
        'TRUST_PROXY: a hop count cannot tell the proxy from a client that connects directly; list the proxy addresses instead (e.g. 10.0.0.2 or 10.0.0.0/8)',
    };
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    if (PROXY_RANGE_NAMES.includes(entry)) return false;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    if (!family || rest.length) return true;
    if (bits === undefined) return false;
    const n = /^\d+$/.test(bits) ? Number(bits) : -1;
    return n < 0 || n > (family === 4 ? 32 : 128);
  });
  if (bad.length) return { problem: `TRUST_PROXY: not an IP address or CIDR range: ${bad.join(', ')}` };
  return { value: entries };
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Set: receipts' bytes are files in this folder; unset: in the database. */
  receiptsDir?: string;
  /** The built web app (vite build output) that the server serves. */
  webDir: string;
  databaseUrl?: string;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Demo data is never seeded for a production PostgreSQL database. */
  seedDemo: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  logLevel: string;
  /** From APP_SECRET; when unset (never in production) the runtime keeps a generated one in DATA_DIR/app-secret. */
  appSecret?: string;
  trustProxy: TrustProxy;
  databasePoolSize: number;
  metricsToken?: string;
  /** Web Push keys; undefined = push is off (the SPA says so, the notification centre works as before). */
  vapid?: { publicKey: string; privateKey: string; subject: string };
};

/** The address in "Name <address>", or the text itself. */
const mailAddressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const productionDatabase = Boolean(e.DATABASE_URL) && e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (productionDatabase && e.SEED_DEMO) {
    problems.push('SEED_DEMO: demo data (with known passwords) is never seeded into a production database');
  }
  if (e.NODE_ENV === 'production' && !e.APP_SECRET) {
    problems.push(
      'APP_SECRET: required in production (at least 32 random characters, the same on every server instance)',
    );
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY))
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both (a pair from `lotsennetz push keys`) or neither');
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  if (problems.length || 'problem' in trustProxy) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    receiptsDir: e.RECEIPTS_DIR ? resolve(e.RECEIPTS_DIR) : undefined,
    webDir: resolve(e.WEB_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    seedDemo: productionDatabase ? false : (e.SEED_DEMO ?? !e.DATABASE_URL),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    appSecret: e.APP_SECRET,
    trustProxy: trustProxy.value,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    metricsToken: e.METRICS_TOKEN,
    vapid:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? {
            publicKey: e.VAPID_PUBLIC_KEY,
            privateKey: e.VAPID_PRIVATE_KEY,
            subject: e.VAPID_SUBJECT ?? `mailto:${mailAddressOf(e.MAIL_FROM)}`,
          }
        : undefined,
  };
}
