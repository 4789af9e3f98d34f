import { chromium } from 'playwright-core';
import { axeFor } from './test/e2e/axe.js';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [user, paths, mobile] of [
  ['koordination@hannover.example', ['/', '/guides', '/requests', '/calendar', '/settings', '/reports'], false],
  ['lotsin@hannover.example', ['/', '/my/offers', '/my/timesheet'], true],
  [null, ['/login', '/volunteer/hannover', '/directory'], true],
] as const) {
  const ctx = await browser.newContext({ viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  if (user) {
    await page.goto('http://localhost:3300/login');
    await page.locator('input[type=email]').fill(user);
    await page.locator('input[type=password]').fill('lotsen-demo-2026');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  for (const p of paths) {
    await page.goto(`http://localhost:3300${p}`);
    await page.waitForLoadState('networkidle');
    const r = await axeFor(page).analyze();
    console.log(p, r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  }
  await ctx.close();
}
await browser.close();
