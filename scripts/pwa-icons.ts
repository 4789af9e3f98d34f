/**
 * Renders the PWA icons in src/web/public/icons from the favicon's shapes with Debian's Chromium (the browser the
 * tests use), so no image library and no download is needed. Run after changing the logo, then commit the PNGs:
 *   npx tsx scripts/pwa-icons.ts
 * "any" icons are the favicon as it is (rounded square); "maskable" ones fill the whole square with the background
 * and keep the arrow inside the central 80 % safe zone, since launchers cut them to circles or squircles.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_CANDIDATES } from '../test/e2e/globalSetup.js';

const root = new URL('..', import.meta.url).pathname;
const favicon = readFileSync(join(root, 'src/web/public/favicon.svg'), 'utf8');
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(favicon)?.[1] ?? '#0f5b66';
const arrow = /<path[^>]*\/>/.exec(favicon)?.[0] ?? '';
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.62) translate(-16 -16)">${arrow}</g></svg>`;

const icons: { file: string; size: number; svg: string }[] = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-192.png', size: 192, svg: maskable },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
  { file: 'apple-touch-icon.png', size: 180, svg: maskable },
];

const executablePath = CHROMIUM_CANDIDATES.find(Boolean);
const browser = await chromium.launch({
  executablePath: executablePath ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const outDir = join(root, 'src/web/public/icons');
mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  const svg = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({
    path: join(outDir, icon.file),
    omitBackground: true,
    clip: { x: 0, y: 0, width: icon.size, height: icon.size },
  });
  await page.close();
}
await browser.close();
console.log(`Icons written to ${outDir}`);
