import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const APP_SECRET = 'k'.repeat(40);
const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
};

describe('configuration', () => {
  it('defaults to the embedded database with the demo seeded', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reports every bad value with its variable name', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^SMTP_URL:/m);
    }
  });

  it('never seeds demo data into a production PostgreSQL database', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/lotsen', APP_SECRET });
    expect(config.seedDemo).toBe(false);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/lotsen', SEED_DEMO: 'true', APP_SECRET }),
    ).toThrow(ConfigError);
  });

  it('does not seed PostgreSQL by default but allows it outside production', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('regression: production needs APP_SECRET, the key for secret links in queued mail (not in the database)', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toMatch(/^APP_SECRET:/m);
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', APP_SECRET: 'short' })).toMatch(
      /^APP_SECRET:/m,
    );
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', APP_SECRET }).appSecret).toBe(
      APP_SECRET,
    );
    // Outside production the runtime generates one and keeps it in DATA_DIR/app-secret.
    expect(loadConfig({}).appSecret).toBeUndefined();
  });

  it('regression: TRUST_PROXY is off by default and "true" is refused (a client could pick its own address)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET }).trustProxy).toBe(false);
    for (const value of ['true', 'TRUE', '*', 'yes'])
      expect(problemsOf({ TRUST_PROXY: value })).toMatch(/^TRUST_PROXY:/m);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    // A hop count cannot tell the proxy from a client that connects directly.
    for (const value of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '1', '2'])
      expect(problemsOf({ TRUST_PROXY: value }), value).toMatch(/^TRUST_PROXY:/m);
  });

  it('reads the pool size and the metrics token, with defaults and limits', () => {
    const defaults = loadConfig({});
    expect(defaults.databasePoolSize).toBe(10);
    expect(defaults.metricsToken).toBeUndefined();
    const set = loadConfig({ DATABASE_POOL_SIZE: '25', METRICS_TOKEN: 'scrape-token-0123456789' });
    expect(set.databasePoolSize).toBe(25);
    expect(set.metricsToken).toBe('scrape-token-0123456789');
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(problemsOf({ DATABASE_POOL_SIZE: '0' })).toContain('DATABASE_POOL_SIZE');
    expect(problemsOf({ DATABASE_POOL_SIZE: 'many' })).toContain('DATABASE_POOL_SIZE');
    expect(problemsOf({ DATABASE_POOL_SIZE: '2.5' })).toContain('DATABASE_POOL_SIZE');
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN: must have at least 16 characters');
  });

  it('reads the VAPID keys for Web Push as a pair; without them push is off', () => {
    const publicKey = `B${'a'.repeat(86)}`;
    const privateKey = 'k'.repeat(43);
    expect(loadConfig({}).vapid).toBeUndefined();
    expect(loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey }).vapid).toEqual({
      publicKey,
      privateKey,
      subject: 'mailto:no-reply@lotsennetz.example',
    });
    expect(
      loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'https://x.example' })
        .vapid?.subject,
    ).toBe('https://x.example');
    expect(problemsOf({ VAPID_PUBLIC_KEY: publicKey })).toContain('set both');
    expect(problemsOf({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: privateKey })).toContain('VAPID_PUBLIC_KEY');
    expect(problemsOf({ VAPID_SUBJECT: 'http://x.example' })).toContain('VAPID_SUBJECT');
  });
});
