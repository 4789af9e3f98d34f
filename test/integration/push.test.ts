/**
 * Issue 14 §2: Web Push. A local HTTPS server plays the push service (the test push endpoint); a guide subscribes
 * with real ECDH keys, a coordinator sends an offer, and the push job delivers exactly one encrypted request with a
 * VAPID Authorization header. The test decrypts it (RFC 8291, aes128gcm) and reads what the device would show.
 */
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, globalAgent, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import webpush from 'web-push';
import { runCli } from '../../src/cli/commands.js';
import { loadConfig } from '../../src/config.js';
import { pushNotifications } from '../../src/modules/push/sending.js';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { offerToOfficeGuide } from '../helpers/requests.js';

type Received = { url: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

const vapid = webpush.generateVAPIDKeys();
let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let server: Server;
let origin: string;
let certDir: string;
const received: Received[] = [];
/** What the test push endpoint answers next (201 = accepted, as push services do). */
let answer = 201;
const savedCa = globalAgent.options.ca;

beforeAll(async () => {
  // A throwaway self-signed certificate for 127.0.0.1: web-push speaks HTTPS only, like every push service.
  certDir = mkdtempSync(join(tmpdir(), 'push-endpoint-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(join(certDir, 'cert.pem'));
  server = createServer({ key: readFileSync(join(certDir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The app's requests go through Node's global agent: it trusts the test certificate (this test process only).
  globalAgent.options.ca = cert;
  t = await createTestApp({ env: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey } });
  office = await createOffice(t);
  other = await createOffice(t);
});
afterAll(async () => {
  globalAgent.options.ca = savedCa;
  await t.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(certDir, { recursive: true, force: true });
});

/** A browser's push subscription: a P-256 key pair and a 16-byte auth secret, as PushManager.subscribe makes them. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: (endpoint: string) => ({
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    }),
  };
}

/** RFC 8291 + RFC 8188: the user agent's side of aes128gcm (one record). */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/** The VAPID header (RFC 8292): `vapid t=<JWT signed ES256>, k=<public key>`; the signature is checked here. */
function checkVapid(header: string | string[] | undefined, audience: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(String(header));
  expect(match, String(header)).not.toBeNull();
  const [jwt, k] = [match?.[1] as string, match?.[2] as string];
  expect(k).toBe(vapid.publicKey);
  const [head, claims, signature] = jwt.split('.');
  expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toMatchObject({ alg: 'ES256', typ: 'JWT' });
  const payload = JSON.parse(Buffer.from(claims, 'base64url').toString());
  expect(payload.aud).toBe(audience);
  expect(payload.sub).toBe('mailto:no-reply@lotsennetz.example');
  expect(payload.exp * 1000).toBeGreaterThan(Date.now());
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(valid).toBe(true);
}

describe('Web Push', () => {
  it('pushes a new offer to the guide’s device once, encrypted, with VAPID, and without personal data', async () => {
    const guide = client(t.app, office.sessions.guide);
    const listed = await guide.get('/me/push-subscriptions');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ enabled: true, publicKey: vapid.publicKey, items: [], total: 0 });
    const keys = browserKeys();
    const endpoint = `${origin}/push/${tag()}`;
    const subscribed = await guide.post('/me/push-subscriptions', {
      ...keys.json(endpoint),
      deviceLabel: 'Firefox · Android',
    });
    expect(subscribed.statusCode, subscribed.body).toBe(201);
    // The owner's list names the device, never the endpoint or the keys.
    const mine = await guide.get('/me/push-subscriptions');
    expect(mine.json().items).toHaveLength(1);
    expect(mine.body).not.toContain(endpoint);
    expect(mine.body).not.toContain(keys.json(endpoint).keys.auth);

    const title = `Begleitung Jobcenter ${tag()}`;
    received.length = 0;
    const { offerId } = await offerToOfficeGuide(t, office, title);
    expect(await pushNotifications(t.ctx)).toEqual({ pushed: 1, failed: 0, removed: 0 });
    // A second run (a retry, another instance) pushes nothing again.
    expect(await pushNotifications(t.ctx)).toEqual({ pushed: 0, failed: 0, removed: 0 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(`${origin}${request.url}`).toBe(endpoint);
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    checkVapid(request.headers.authorization, origin);
    const text = decrypt(request.body, keys.ecdh, keys.auth);
    const payload = JSON.parse(text);
    expect(Object.keys(payload).sort()).toEqual(['body', 'kind', 'tag', 'title', 'url']);
    expect(payload).toMatchObject({ kind: 'offer_new', title: 'Neues Einsatzangebot', url: `/my/offers/${offerId}` });
    // No personal data: not the request's title, not the guide's or anyone's name or address.
    expect(text).not.toContain(title);
    expect(text).not.toMatch(/@|Lotsin|Koordination/);
    expect(text).not.toContain(office.emails.guide);

    const after = (await guide.get('/me/push-subscriptions')).json().items[0];
    expect(after.lastSuccessAt).not.toBeNull();
    // The audit trail records the device, never the endpoint.
    const audit = await client(t.app, office.sessions.coordinator).get('/audit-events?action=push_subscription.added');
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.length).toBeGreaterThan(0);
    expect(audit.body).not.toContain(endpoint);
  });

  it('follows the notification preference: a kind the user wants in the digest is not pushed', async () => {
    const guide = client(t.app, office.sessions.guide);
    const saved = await guide.put('/me/notification-preferences', {
      items: [{ kind: 'offer_new', channel: 'digest' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    received.length = 0;
    await offerToOfficeGuide(t, office, `Digest ${tag()}`);
    expect(await pushNotifications(t.ctx)).toEqual({ pushed: 0, failed: 0, removed: 0 });
    expect(received).toHaveLength(0);
    await guide.put('/me/notification-preferences', { items: [{ kind: 'offer_new', channel: 'immediate' }] });
  });

  it('an endpoint that answers 410 is gone: its subscription is deleted; a 500 is recorded as a failure', async () => {
    const guide = client(t.app, office.sessions.guide);
    const id = (await guide.get('/me/push-subscriptions')).json().items[0].id as string;
    received.length = 0;
    answer = 500;
    await offerToOfficeGuide(t, office, `Fehler ${tag()}`);
    expect(await pushNotifications(t.ctx)).toEqual({ pushed: 0, failed: 1, removed: 0 });
    const failed = (await guide.get('/me/push-subscriptions')).json().items[0];
    expect(failed.id).toBe(id);
    expect(failed.lastFailureAt).not.toBeNull();
    answer = 410;
    await offerToOfficeGuide(t, office, `Weg ${tag()}`);
    expect(await pushNotifications(t.ctx)).toEqual({ pushed: 0, failed: 0, removed: 1 });
    expect(received).toHaveLength(2);
    expect((await guide.get('/me/push-subscriptions')).json().items).toEqual([]);
    answer = 201;
  });

  it('only the owner lists or deletes a subscription; a device subscribed again belongs to the new account', async () => {
    const guide = client(t.app, office.sessions.guide);
    const keys = browserKeys();
    const endpoint = `${origin}/push/${tag()}`;
    const created = await guide.post('/me/push-subscriptions', keys.json(endpoint));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    for (const s of [
      office.sessions.coordinator,
      office.sessions.partner,
      other.sessions.coordinator,
      other.sessions.guide,
    ]) {
      const stranger = client(t.app, s);
      expect((await stranger.get('/me/push-subscriptions')).body).not.toContain(id);
      expectProblem(await stranger.delete(`/me/push-subscriptions/${id}`), 404, 'not_found');
    }
    // Subscribing the same device twice keeps one row.
    expect((await guide.post('/me/push-subscriptions', keys.json(endpoint))).statusCode).toBe(201);
    expect((await guide.get('/me/push-subscriptions')).json().items).toHaveLength(1);
    // The coordinator of another office signs in on the same browser and subscribes it: it is theirs now.
    const taken = await client(t.app, other.sessions.coordinator).post('/me/push-subscriptions', keys.json(endpoint));
    expect(taken.statusCode).toBe(201);
    expect((await guide.get('/me/push-subscriptions')).json().items).toEqual([]);
    expect(
      (await client(t.app, other.sessions.coordinator).delete(`/me/push-subscriptions/${taken.json().id}`)).statusCode,
    ).toBe(204);
  });

  it('refuses endpoints the server must not call and keys that are not P-256', async () => {
    const guide = client(t.app, office.sessions.guide);
    const keys = browserKeys();
    const codes = async (body: unknown) =>
      expectProblem(await guide.post('/me/push-subscriptions', body), 400, 'validation_failed').errors?.map(
        (e) => `${e.path}:${e.code}`,
      );
    expect(await codes(keys.json('https://10.0.0.7/push/x'))).toEqual(['endpoint:pushEndpointNotAllowed']);
    expect(await codes(keys.json('http://push.example.com/x'))).toEqual(['endpoint:pushEndpointNotAllowed']);
    const json = keys.json(`${origin}/push/${tag()}`);
    expect(await codes({ ...json, keys: { ...json.keys, p256dh: 'AAAA' } })).toEqual(['keys.p256dh:pushKeyInvalid']);
    expect(await codes({ ...json, keys: { ...json.keys, auth: 'AAAA' } })).toEqual(['keys.auth:pushKeyInvalid']);
    expect((await codes({ ...json, keys: { ...json.keys, auth: 'not base64!' } }))?.[0]).toMatch(/^keys\.auth:/);
  });
});

describe("the guide's Art. 15 file", () => {
  it('lists their pauses and push devices, without the endpoint or the keys', async () => {
    const guide = client(t.app, office.sessions.guide);
    const keys = browserKeys();
    const endpoint = `${origin}/push/${tag()}`;
    const sub = await guide.post('/me/push-subscriptions', { ...keys.json(endpoint), deviceLabel: 'Chrome · Android' });
    expect(sub.statusCode, sub.body).toBe(201);
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const pause = await guide.post(`/guides/${office.guideId}/pauses`, { startsOn: day, endsOn: day, reason: 'Kur' });
    expect(pause.statusCode, pause.body).toBe(201);
    for (const res of [
      await guide.get('/me/data-export.json'),
      await client(t.app, office.sessions.coordinator).get(`/privacy/guides/${office.guideId}/export.json`),
    ]) {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const file = res.json() as { sections: { table: string; rows: Record<string, unknown>[] }[] };
      const rows = (table: string) => file.sections.filter((s) => s.table === table).flatMap((s) => s.rows);
      expect(rows('guide_pauses')).toContainEqual(expect.objectContaining({ id: pause.json().id, reason: 'Kur' }));
      const device = rows('push_subscriptions').find((r) => r.id === sub.json().id);
      expect(device).toMatchObject({ device_label: 'Chrome · Android' });
      expect(Object.keys(device ?? {})).not.toEqual(expect.arrayContaining(['endpoint']));
      expect(res.body).not.toContain(endpoint);
      expect(res.body).not.toContain(keys.json(endpoint).keys.p256dh);
      expect(res.body).not.toContain(keys.json(endpoint).keys.auth);
    }
    await guide.delete(`/me/push-subscriptions/${sub.json().id}`);
  });
});

describe('without VAPID keys push is off', () => {
  it('says so and refuses a subscription with 409', async () => {
    const off = await createTestApp();
    try {
      const o = await createOffice(off);
      const guide = client(off.app, o.sessions.guide);
      expect((await guide.get('/me/push-subscriptions')).json()).toEqual({
        enabled: false,
        publicKey: null,
        items: [],
        total: 0,
      });
      expectProblem(
        await guide.post('/me/push-subscriptions', browserKeys().json('https://push.example.com/x')),
        409,
        'push_not_configured',
      );
      expect(await pushNotifications(off.ctx)).toEqual({ pushed: 0, failed: 0, removed: 0 });
    } finally {
      await off.close();
    }
  });
});

describe('lotsennetz push keys', () => {
  it('prints a VAPID key pair that the configuration accepts', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    try {
      expect(await runCli(['push', 'keys'], {})).toBe(0);
    } finally {
      log.mockRestore();
    }
    const env = Object.fromEntries(
      lines
        .join('\n')
        .split('\n')
        .map((l) => l.split('=') as [string, string]),
    );
    const cfg = loadConfig({ VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: env.VAPID_PRIVATE_KEY });
    expect(cfg.vapid?.publicKey).toBe(env.VAPID_PUBLIC_KEY);
    expect(Buffer.from(env.VAPID_PUBLIC_KEY, 'base64url')).toHaveLength(65);
    expect(Buffer.from(env.VAPID_PRIVATE_KEY, 'base64url')).toHaveLength(32);
  });
});
