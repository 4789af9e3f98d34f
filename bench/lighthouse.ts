/**
 * Lighthouse (issue 14 §4) on the built product with the demo data: the sign-in page, the coordinator's guide list,
 * a guide's "my offers" on a phone, and the public "ask for help" page. Also asks Chromium whether the app is
 * installable (Lighthouse 12 dropped its PWA category, so the browser's own installability check stands in).
 *
 *   npx tsx bench/lighthouse.ts        (part of `npm run bench`; needs Chromium, builds dist/ when missing)
 *
 * Writes bench/results/lighthouse.md and lighthouse.json. Exits 0 even when a target is missed: the file says so.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PASSWORD = 'lotsen-demo-2026';
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof TARGETS;

type Target = { name: string; path: string; user?: string; formFactor: 'desktop' | 'mobile' };
const PAGES: Target[] = [
  { name: 'Sign-in', path: '/login', formFactor: 'desktop' },
  { name: 'Guide list (coordinator)', path: '/guides', user: 'koordination@hannover.example', formFactor: 'desktop' },
  { name: "A guide's offers (phone)", path: '/my/offers', user: 'lotsin@hannover.example', formFactor: 'mobile' },
  {
    name: 'Ask for help (public, phone)',
    path: process.env.LH_HELP_PATH ?? '/public/hannover/help',
    formFactor: 'mobile',
  },
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startServer(): Promise<{ base: string; stop: () => void }> {
  if (!existsSync('dist/main.js') || !existsSync('dist/web/index.html')) {
    execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lotsennetz-lh-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js', 'start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    const ready = await fetch(`${base}/api/v1/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function sessionCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ln_session='));
  if (!res.ok || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return cookie.split(';')[0];
}

/** Chromium's own installability verdict for the page (manifest, icons, service worker), in a normal profile. */
async function installability(url: string): Promise<string[]> {
  // A persistent profile: Playwright's ordinary contexts are incognito, which Chromium never calls installable.
  const profile = mkdtempSync(join(tmpdir(), 'lotsennetz-lh-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS.filter((f) => f !== '--headless=new'),
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    // The service worker has to control the page before Chromium calls the app installable.
    await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true));
    await page.reload();
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const { base, stop } = await startServer();
// The browser runs in the offices' time zone, as a guide's phone in Germany does: a page the server rendered then
// hydrates once, instead of a second render to switch the times to another zone (ADR 0013).
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: FLAGS,
  envVars: { ...process.env, TZ: 'Europe/Berlin' },
});
type Metrics = { fcp?: string; lcp?: string; tbt?: string; cls?: string };
const rows: { page: Target; scores: Record<Category, number | null>; metrics?: Metrics; error?: string }[] = [];
try {
  for (const target of PAGES) {
    try {
      const cookie = target.user ? await sessionCookie(base, target.user) : undefined;
      const result = await lighthouse(
        `${base}${target.path}`,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(TARGETS),
          formFactor: target.formFactor,
          screenEmulation:
            target.formFactor === 'desktop'
              ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
              : undefined,
          throttlingMethod: 'simulate',
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        },
        target.formFactor === 'desktop'
          ? (await import('lighthouse/core/config/desktop-config.js')).default
          : undefined,
      );
      const categories = result?.lhr.categories ?? {};
      const score = (id: Category) => {
        const value = categories[id]?.score;
        return typeof value === 'number' ? Math.round(value * 100) : null;
      };
      const failed = Object.values(result?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      const audit = (id: string) => result?.lhr.audits[id]?.displayValue;
      rows.push({
        page: target,
        scores: {
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
        },
        metrics: {
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
        },
        error: failed.length ? `failed audits: ${failed.join(', ')}` : undefined,
      });
    } catch (error) {
      rows.push({
        page: target,
        scores: { performance: null, accessibility: null, 'best-practices': null },
        error: (error as Error).message,
      });
    }
    console.log(rows.at(-1));
  }
} finally {
  await chrome.kill();
}
const installErrors = await installability(`${base}/login`).catch((e: Error) => [`check failed: ${e.message}`]);
stop();

const mark = (value: number | null, target: number) =>
  value === null ? '–' : `${value}${value >= target ? '' : ' ✗'}`;
const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`;
writeFileSync(
  'bench/results/lighthouse.md',
  `# Lighthouse

Date: ${new Date().toISOString()}
Machine: ${machine}
Method: Lighthouse 12.2.3 in Debian's Chromium (headless), against \`node dist/main.js start\` with the demo data on
the embedded database; simulated throttling (Lighthouse's default mobile profile for phone pages, its desktop profile
otherwise); the browser in Europe/Berlin. \`/my/offers\` and \`/guides\` are rendered on the server first (ADR 0013). Targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}; ✗ marks a miss.

| page | path | form factor | performance | accessibility | best practices | FCP | LCP | TBT | CLS | notes |
|---|---|---|---|---|---|---|---|---|---|---|
${rows
  .map(
    (r) =>
      `| ${r.page.name} | \`${r.page.path}\` | ${r.page.formFactor} | ${mark(r.scores.performance, TARGETS.performance)} | ${mark(r.scores.accessibility, TARGETS.accessibility)} | ${mark(r.scores['best-practices'], TARGETS['best-practices'])} | ${r.metrics?.fcp ?? '–'} | ${r.metrics?.lcp ?? '–'} | ${r.metrics?.tbt ?? '–'} | ${r.metrics?.cls ?? '–'} | ${r.error ?? ''} |`,
  )
  .join('\n')}

Installable (Chromium's \`Page.getInstallabilityErrors\` on \`/login\`): ${installErrors.length === 0 ? 'yes' : `no: ${installErrors.join(', ')}`}
`,
);
writeFileSync('bench/results/lighthouse.json', `${JSON.stringify({ rows, installErrors }, null, 2)}\n`);
console.log('Written to bench/results/lighthouse.md');
