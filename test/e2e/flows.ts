import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { gotoLive, loginAs, mailDir, newPage, setLocale } from './browser.js';

/** Steps the browser tests share: the demo accounts, API calls as the SPA makes them, and a request filed. */
export const PARTNER = 'awo@hannover.example';
export const COORDINATOR = 'koordination@hannover.example';
export const GUIDE = 'lotsin@hannover.example';
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** JSON API call with the page's session cookie and CSRF token, as the SPA makes it. */
export async function api<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

export async function signedIn(browser: Browser, email: string, locale: 'de' | 'ar' = 'de') {
  const session = await newPage(browser);
  await loginAs(session.page, email);
  await setLocale(session.page, locale);
  return session;
}

export async function visit(page: Page, path: string) {
  await gotoLive(page, path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** A request filed through the API; `languages` are the ones the guide must speak. */
export async function fileRequest(page: Page, body: Record<string, unknown>) {
  const districts = (await api<{ items: { id: string }[] }>(page, 'GET', '/districts')).json.items;
  const languages = (body.languages as string[] | undefined) ?? ['de'];
  const filed = await api<{ id: string }>(page, 'POST', '/requests', {
    field: 'authorities',
    type: 'accompaniment',
    description: 'Gemeinsam Unterlagen sortieren und zum Termin begleiten.',
    districtId: districts[0].id,
    startsOn: day(0),
    endsOn: day(60),
    frequency: 'weekly',
    expectedHours: 4,
    minorsInvolved: false,
    person: { initials: 'E. T.', ageGroup: 'adult', languages, household: 'individual', consentGiven: true },
    ...body,
  });
  expect(filed.status).toBe(201);
  return filed.json.id;
}

/** The newest mail the server sent to `address` (its demo mailbox), waiting until it arrives. */
export async function mailTo(address: string, after = 0): Promise<string> {
  const dir = mailDir();
  for (let i = 0; i < 60; i++) {
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .reverse();
    } catch {
      files = [];
    }
    const texts: string[] = [];
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(join(dir, file)));
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value);
      if (to.some((a) => a.address?.toLowerCase() === address.toLowerCase())) texts.push(parsed.text ?? '');
    }
    if (texts.length > after) return texts[0];
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail to ${address}`);
}
