/**
 * What operations see of a running server: request ids in responses and log lines, the Prometheus endpoint behind
 * its token, compression, and cache headers for the built web app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createMetrics } from '../../src/server/metrics.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ logger: { stream: { write: (line) => lines.push(line) }, level: 'info' } });
  });
  afterAll(() => t.close());

  it('generates one per request and returns it in x-request-id', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const second = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it("keeps a proxy's well-formed id, and replaces one that could forge log lines or headers", async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'edge-7f3a9c21:01' },
    });
    expect(kept.headers['x-request-id']).toBe('edge-7f3a9c21:01');
    for (const bad of [
      'short',
      'a'.repeat(129),
      'id with spaces 123',
      '<script>alert(1)</script>',
      'x"}\\n{"level":60',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id'], bad).toMatch(UUID);
    }
  });

  it('puts the id on every log line of the request, in JSON, without the client address or URL tokens', async () => {
    lines.length = 0;
    const token = 'T0k3n-abcdefghijklmnopqrstuvwxyz0123456789AB';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/tokens/${token}`,
      remoteAddress: '203.0.113.77',
    });
    const id = res.headers['x-request-id'];
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const ofRequest = entries.filter((e) => e.reqId === id);
    expect(ofRequest.length).toBeGreaterThanOrEqual(2);
    expect(ofRequest.map((e) => e.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    const text = lines.join('\n');
    expect(text).not.toContain('203.0.113.77');
    expect(text).not.toContain(token);
  });
});

describe('GET /metrics', () => {
  let t: TestApp;
  let o: TestOffice;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
    t.ctx.metrics = createMetrics();
    await t.app.close();
    t.app = await buildApp(t.ctx, { webRoot: '/nonexistent' });
    o = await createOffice(t);
  });
  afterAll(() => t.close());

  it('asks for the token: none or a wrong one is 401 problem+json', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json().code).toBe('unauthenticated');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const basic = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.statusCode).toBe(401);
    expect(wrong.body).not.toContain('lotsennetz_');
  });

  it('reports request durations by route pattern, the database pool, and the job and mail hooks', async () => {
    const guideId = '0b0e3d5e-1111-4222-8333-444455556666';
    await client(t.app, o.sessions.coordinator).get(`/guides/${guideId}`);
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    t.ctx.metrics?.jobQueueDepth('mail-send', 3);
    t.ctx.metrics?.jobFailed('mail-send');
    t.ctx.metrics?.mailFailed('smtp_rejected');

    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toMatch(
      /lotsennetz_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/guides\/:id",status_code="404"\} 1/,
    );
    expect(text).toMatch(
      /lotsennetz_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status_code="200"\} 1/,
    );
    // Patterns, never the URL: no ids (and so no personal data) in label values.
    expect(text).not.toContain(guideId);
    expect(text).not.toContain(o.officeId);
    const kind = t.database.kind;
    expect(text).toMatch(new RegExp(`lotsennetz_db_pool_size\\{database="${kind}"\\} \\d+`));
    expect(text).toMatch(new RegExp(`lotsennetz_db_pool_idle\\{database="${kind}"\\} \\d+`));
    expect(text).toMatch(new RegExp(`lotsennetz_db_pool_waiting\\{database="${kind}"\\} \\d+`));
    expect(text).toContain('lotsennetz_job_queue_depth{queue="mail-send"} 3');
    expect(text).toContain('lotsennetz_job_failures_total{queue="mail-send"} 1');
    expect(text).toContain('lotsennetz_mail_failures_total{kind="smtp_rejected"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('does not exist without METRICS_TOKEN', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('lotsennetz_');
    } finally {
      await plain.close();
    }
  });
});

describe('compression and caching', () => {
  let t: TestApp;
  let web: FastifyInstance;
  let webRoot: string;
  const bundle = `export const messages = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Eintrag ${i}`))};\n`;
  const indexHtml = `<!doctype html><html><head><script type="module" src="/assets/index-B4x9Qz1k.js"></script></head><body>${'<!-- padding -->'.repeat(100)}</body></html>`;

  beforeAll(async () => {
    t = await createTestApp();
    webRoot = mkdtempSync(join(tmpdir(), 'lotsennetz-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), indexHtml);
    writeFileSync(join(webRoot, 'assets', 'index-B4x9Qz1k.js'), bundle);
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(webRoot, 'manifest.webmanifest'), '{"name":"Lotsennetz"}');
    web = await buildApp(t.ctx, { webRoot });
  });
  afterAll(async () => {
    await web.close();
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('compresses API responses with brotli or gzip, as the client accepts', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gzip = await t.app.inject({
      method: 'GET',
      url: '/api/v1/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(gzip.headers['cache-control']).toBe('no-store');
  });

  it('serves hashed assets immutable for a year, compressed', async () => {
    const res = await web.inject({
      method: 'GET',
      url: '/assets/index-B4x9Qz1k.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(bundle);
  });

  it('makes browsers revalidate index.html, at / and for SPA paths, and the other files', async () => {
    for (const url of ['/', '/index.html', '/guides/0b0e3d5e-1111-4222-8333-444455556666', '/favicon.svg']) {
      const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await web.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.rawPayload).toString()).toBe(indexHtml);
  });

  it('never stores the service worker, whose scope is the whole app, and names the type of the manifest', async () => {
    const sw = await web.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-store');
    expect(sw.headers['service-worker-allowed']).toBe('/');
    expect(sw.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    const manifest = await web.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.json()).toEqual({ name: 'Lotsennetz' });
  });
});
