/**
 * `npm run bench:load`: HTTP load on a real server process (the compiled build, `node dist/main.js start`) with
 * autocannon, on embedded PGlite (in its worker thread) and, when DATABASE_URL or PG_BASE_URL is set, on
 * PostgreSQL. The Hannover demo plus 2,000 synthetic guides; 5 s per scenario. A bare Fastify + driver server
 * (bench/bare.ts) sends the guide list's SQL for comparison. Writes bench/results/load.md. Not part of CI.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { districts, offices } from '../src/db/schema/index.js';
import { inScope } from '../src/db/scope.js';
import { openRuntime } from '../src/runtime.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demoData.js';
import { seedDemo } from '../src/seed/seed.js';
import { insertSyntheticAssignments, insertSyntheticGuides } from './synthetic.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
/** `BENCH_TARGETS=postgres` (or `pglite`) runs one database only; both by default. */
const TARGETS = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const EXTRA_GUIDES = 2_000;
const root = new URL('..', import.meta.url).pathname;
const METRICS_TOKEN = randomBytes(24).toString('hex');

type Row = {
  target: string;
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
};
const rows: Row[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** Demo data plus synthetic guides and deployments in the Hannover office; returns that office's id. */
async function prepare(env: Record<string, string>): Promise<string> {
  const ctx = await openRuntime(loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env }));
  try {
    await seedDemo(ctx);
    return await inScope(ctx.database.db, 'system', async (tx) => {
      const [office] = await tx.select().from(offices).where(eq(offices.city, 'Hannover'));
      const ids = (await tx.select().from(districts).where(eq(districts.officeId, office.id))).map((d) => d.id);
      await insertSyntheticGuides(tx, office.id, ids, EXTRA_GUIDES, 7);
      await insertSyntheticAssignments(tx, office.id, ids[0], 300);
      return office.id;
    });
  } finally {
    await ctx.database.exec('analyze');
    await ctx.database.close();
  }
}

type Cannon = {
  url: string;
  connections: number;
  headers?: Record<string, string>;
  requests?: unknown[];
  duration?: number;
};
async function cannon(options: Cannon) {
  const result = await autocannon({ duration: DURATION, ...options } as autocannon.Options);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

async function record(target: string, scenario: string, options: Cannon) {
  const r = await cannon(options);
  rows.push({ target, scenario, connections: options.connections, ...r });
  console.log(`${target} · ${scenario}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, bad ${r.bad}`);
}

/** Our compiled server on `env`'s database, signed in as the Hannover coordinator. */
async function startOurs(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/main.js', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      METRICS_TOKEN,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${base}/api/v1/health`, child);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS.hannoverCoordinator, password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return { base, child, headers: { cookie, 'x-csrf-token': csrfToken } };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** bench/bare.ts on the same database and office. */
async function startBare(env: Record<string, string>, officeId: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), OFFICE_ID: officeId },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/health`, child);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { base, child };
}

async function benchServer(target: string, env: Record<string, string>) {
  const { base, child, headers } = await startOurs(env);
  try {
    const get = async (path: string) =>
      (await (await fetch(`${base}/api/v1${path}`, { headers })).json()) as { items: { id: string }[] };
    const request = (await get('/requests?limit=1')).items[0];
    const assignment = (await get('/assignments?limit=1&status=active')).items[0];
    const api = (path: string) => `${base}/api/v1${path}`;

    // Warm-up (not recorded): the first seconds of a fresh process and database measure caches, not the stack.
    await cannon({ url: api('/guides?limit=25'), connections: 10, headers, duration: 2 });
    await record(target, 'guide list', { url: api('/guides?limit=25'), connections: 10, headers });
    await record(target, 'name search', { url: api('/guides?q=ann&limit=25'), connections: 10, headers });
    await record(target, 'filters', {
      url: api('/guides?status=active&language=ar&hasCapacity=true&limit=25'),
      connections: 10,
      headers,
    });
    await record(target, 'candidates', {
      url: api(`/requests/${request.id}/candidates?limit=20`),
      connections: 10,
      headers,
    });
    // Every logged activity takes a free slot (the rules refuse overlaps and the future): 12 a day, going back.
    let slot = 0;
    const nextActivity = () => {
      const n = slot++;
      const day = new Date(Date.now() - (1 + Math.floor(n / 12)) * 86_400_000).toISOString().slice(0, 10);
      const hour = String(7 + (n % 12)).padStart(2, '0');
      return JSON.stringify({ date: day, startTime: `${hour}:00`, endTime: `${hour}:50`, type: 'accompaniment' });
    };
    await record(target, 'read/write mix (1 activity logged : 3 list reads)', {
      url: base,
      connections: 10,
      headers,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/assignments/${assignment.id}/activities`,
          headers: { ...headers, 'content-type': 'application/json' },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: nextActivity() }),
        },
        { method: 'GET', path: '/api/v1/guides?limit=25', headers },
        { method: 'GET', path: '/api/v1/requests?limit=25', headers },
        { method: 'GET', path: '/api/v1/assignments?limit=25', headers },
      ],
    });
    // While 20 connections ask for candidates: does the HTTP thread keep answering? /health/live (or, before it
    // exists, /metrics: neither touches the database) shows the event loop; /health pings the database, so it
    // waits in the queue in front of PGlite's single connection like any query.
    type Probe = { path: string; headers: Record<string, string> };
    const live: Probe = (await fetch(`${base}/api/v1/health/live`)).ok
      ? { path: '/api/v1/health/live', headers: {} }
      : { path: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    const probes: Probe[] = [live, { path: '/api/v1/health', headers: {} }];
    for (const probe of probes) {
      const [health] = await Promise.all([
        cannon({ url: `${base}${probe.path}`, connections: 1, headers: probe.headers }),
        cannon({ url: api(`/requests/${request.id}/candidates?limit=20`), connections: 20, headers }),
      ]);
      const scenario = `GET ${probe.path} while 20 connections load candidates`;
      rows.push({ target, scenario, connections: 1, ...health });
      console.log(`${target} · ${scenario}: p99 ${health.p99} ms, ${health.rps.toFixed(0)} req/s`);
    }
  } finally {
    await stop(child);
  }
}

async function benchBare(target: string, env: Record<string, string>, officeId: string) {
  const { base, child } = await startBare(env, officeId);
  try {
    await cannon({ url: `${base}/guides`, connections: 10, duration: 2 });
    await record(`${target}, bare`, 'guide list', { url: `${base}/guides`, connections: 10 });
    await record(`${target}, bare`, 'name search', { url: `${base}/guides?q=ann`, connections: 10 });
    const [health] = await Promise.all([
      cannon({ url: `${base}/health`, connections: 1 }),
      cannon({ url: `${base}/guides`, connections: 20 }),
    ]);
    rows.push({
      target: `${target}, bare`,
      scenario: 'GET /health while 20 connections load the guide list',
      connections: 1,
      ...health,
    });
  } finally {
    await stop(child);
  }
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
type Share = { target: string; scenario: string; ours: number[]; bare: number[] };
const shares: Share[] = [];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Our share of the bare handler, measured fairly: both servers run side by side and take turns, A B B A, for
 * several rounds, so a machine that gets busier or quieter during the run shifts both alike. Each round's ratio
 * is ours ÷ bare in that round; the result is the median of the rounds.
 */
async function benchShare(target: string, env: Record<string, string>, officeId: string) {
  const ours = await startOurs(env);
  const bare = await startBare(env, officeId).catch(async (error) => {
    await stop(ours.child);
    throw error;
  });
  try {
    const scenarios = [
      { name: 'guide list', ours: '/api/v1/guides?limit=25', bare: '/guides' },
      { name: 'name search', ours: '/api/v1/guides?q=ann&limit=25', bare: '/guides?q=ann' },
    ];
    for (const s of scenarios) {
      const share: Share = { target, scenario: s.name, ours: [], bare: [] };
      const runOurs = async () =>
        share.ours.push((await cannon({ url: `${ours.base}${s.ours}`, connections: 10, headers: ours.headers })).rps);
      const runBare = async () =>
        share.bare.push((await cannon({ url: `${bare.base}${s.bare}`, connections: 10 })).rps);
      await cannon({ url: `${ours.base}${s.ours}`, connections: 10, headers: ours.headers, duration: 2 });
      await cannon({ url: `${bare.base}${s.bare}`, connections: 10, duration: 2 });
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) {
          await runOurs();
          await runBare();
        } else {
          await runBare();
          await runOurs();
        }
      }
      shares.push(share);
      const ratios = share.ours.map((o, i) => o / share.bare[i]);
      console.log(
        `${target} · share, ${s.name}: rounds ${ratios.map((r) => `${Math.round(r * 100)} %`).join(', ')}; median ${Math.round(median(ratios) * 100)} %`,
      );
    }
  } finally {
    await stop(ours.child);
    await stop(bare.child);
  }
}

execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });

if (TARGETS.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotsennetz-load-'));
  try {
    const env = { DATA_DIR: dataDir };
    const officeId = await prepare(env);
    await benchServer('PGlite (worker thread)', env);
    await benchBare('PGlite (in-process)', env, officeId);
    await benchShare('PGlite', env, officeId);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const pgBase = process.env.DATABASE_URL ?? (process.env.PG_BASE_URL ? `${process.env.PG_BASE_URL}/postgres` : '');
if (pgBase && TARGETS.includes('postgres')) {
  const name = `lotsennetz_load_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  try {
    const env = { DATABASE_URL: url.toString() };
    const officeId = await prepare(env);
    await benchServer('PostgreSQL', env);
    await benchBare('PostgreSQL', env, officeId);
    await benchShare('PostgreSQL', env, officeId);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('Neither DATABASE_URL nor PG_BASE_URL set: PostgreSQL skipped.');
}

const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
writeFileSync(
  join(root, 'bench/results/load.md'),
  `# HTTP load benchmark

Date: ${new Date().toISOString()}
Machine: ${machine}
Load average (1/5/15 min) at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' / ',
    )}${loadavg()[0] > cpus().length ? ' — the machine was busy with other work: compare rows of one run, not absolute numbers' : ''}
Method: \`npm run bench:load\` — the compiled server (\`node dist/main.js start\`) on the Hannover demo plus
${EXTRA_GUIDES.toLocaleString('en')} synthetic guides, signed in as its coordinator; autocannon, ${DURATION} s per scenario.
"bare" is bench/bare.ts: Fastify and the driver sending the guide list's SQL in the same RLS transaction, without
validation, sessions, services or Drizzle: the difference to it is our share. Latencies in milliseconds;
"bad" counts non-2xx responses, errors and timeouts.

| target | scenario | connections | req/s | p50 ms | p99 ms | bad |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.target} | ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.bad} |`).join('\n')}

## Our share of the bare handler (target: 80 %)

Both servers run side by side and take turns (A B B A …), ${ROUNDS} rounds of ${DURATION} s per scenario and side, 10
connections; each round's share is ours ÷ bare in that round, and the result is the median of the rounds.

| target | scenario | ours req/s per round | bare req/s per round | share per round | median share |
|---|---|---|---|---|---|
${shares
  .map((s) => {
    const ratios = s.ours.map((o, i) => o / s.bare[i]);
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    return `| ${s.target} | ${s.scenario} | ${list(s.ours)} | ${list(s.bare)} | ${ratios.map((r) => `${Math.round(r * 100)} %`).join(', ')} | **${Math.round(median(ratios) * 100)} %** |`;
  })
  .join('\n')}
`,
);
console.log('Written to bench/results/load.md');
