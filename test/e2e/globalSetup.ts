import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { E2E_SERVERS } from './servers.js';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function findChromium(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p): p is string => Boolean(p && existsSync(p)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('server did not become healthy');
}

/**
 * Builds the SPA, starts one real server per test worker (see `startServer`), and hands their addresses and the
 * browser path to the tests. In CI a missing browser fails the run;
 * on a developer machine the browser tests are skipped with a loud warning.
 */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.CI) throw new Error('Chromium is required in CI for the browser tests (apt-get install chromium).');
    console.warn(
      '\n\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!!  BROWSER TESTS SKIPPED: no Chromium found (apt-get install chromium).     !!\n' +
        '!!  The API and unit tests ran; the browser suite did NOT.                     !!\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\n',
    );
    project.provide('e2eServers', []);
    project.provide('chromiumPath', '');
    return;
  }
  // A build of its own, so a developer's `vite build` during the run cannot pull the files from under the server.
  const webDir = mkdtempSync(join(tmpdir(), 'lotsennetz-e2e-web-'));
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', webDir, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  // The server's first render of some pages, where the server looks for it (src/server/plugins/firstRender.ts).
  execFileSync(
    'npx',
    ['vite', 'build', '--ssr', 'entry-server.tsx', '--logLevel', 'warn', '--outDir', `${webDir}-ssr`, '--emptyOutDir'],
    { stdio: 'inherit' },
  );

  const servers = await Promise.all(Array.from({ length: E2E_SERVERS }, () => startServer(webDir)));
  project.provide('chromiumPath', chromium);
  project.provide(
    'e2eServers',
    servers.map(({ baseUrl, mailDir }) => ({ baseUrl, mailDir })),
  );
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(webDir, { recursive: true, force: true });
    rmSync(`${webDir}-ssr`, { recursive: true, force: true });
  };
}

/**
 * One real server (embedded PGlite, or a fresh PostgreSQL database with DATABASE_URL) with the demo seeded. Each test
 * worker has a server of its own, so test files in parallel never see each other's changes to the demo accounts.
 */
async function startServer(webDir: string) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    WEB_DIR: webDir,
  };
  // The data directory also holds the demo mailbox (.eml files), where browser tests read mailed links.
  const dataDir = mkdtempSync(join(tmpdir(), 'lotsennetz-e2e-'));
  env.DATA_DIR = dataDir;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const name = `lotsennetz_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    delete env.DATABASE_URL;
  }
  // One process (node with the tsx loader), so that stopping it at teardown leaves nothing running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(baseUrl, child);
  return {
    baseUrl,
    mailDir: join(dataDir, 'demo-mailbox'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (dropDatabase) await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    /** One server per test worker: its address and its demo mailbox (every mail it sent, as .eml files). */
    e2eServers: { baseUrl: string; mailDir: string }[];
  }
}
