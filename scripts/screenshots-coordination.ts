/**
 * The request lifecycle pages for scripts/screenshots.ts: a Dari request nobody speaks, a request without the
 * person's consent, a tandem request offered to the demo guide (offer page and e-mail link page), and a deployment
 * with a second agreement version, activities and one approval. Created through the API of a fresh demo server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export type CoordinationIds = {
  deployedRequest: string;
  unconfirmedAssignment: string;
  dariRequest: string;
  noConsentRequest: string;
  tandemRequest: string;
  offer: string;
  offerLink: string;
  assignment: string;
};

type Api = <T>(page: Page, path: string, init?: { method: string; body?: unknown; csrf?: string }) => Promise<T>;
type Login = (page: Page, email: string) => Promise<void>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Offer links are for their recipient only (the outbox shows a placeholder): the demo delivers mail as .eml files into
 * DATA_DIR/demo-mailbox. Pass the server's DATA_DIR in the environment to get a real link page.
 */
function newestOfferLink(): string | null {
  const dir = process.env.DATA_DIR ? join(process.env.DATA_DIR, 'demo-mailbox') : null;
  if (!dir) return null;
  try {
    const files = readdirSync(dir).sort().reverse();
    for (const file of files) {
      // Quoted-printable: soft line breaks and "=3D" for "=".
      const text = readFileSync(join(dir, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const match = text.match(/\/offers\/answer\/[A-Za-z0-9_-]{20,}/);
      if (match && /lotsin@hannover\.example/.test(text)) return match[0];
    }
  } catch {
    return null;
  }
  return null;
}

export async function prepareCoordination(browser: Browser, api: Api, login: Login): Promise<CoordinationIds> {
  const coordinator = await (await browser.newContext()).newPage();
  await login(coordinator, 'koordination@hannover.example');
  const guide = await (await browser.newContext()).newPage();
  await login(guide, 'lotsin@hannover.example');
  const partner = await (await browser.newContext()).newPage();
  await login(partner, 'awo@hannover.example');

  const csrf = async (page: Page) => (await api<{ csrfToken: string }>(page, '/me')).csrfToken;
  const [c, g, p] = [await csrf(coordinator), await csrf(guide), await csrf(partner)];
  const partnerId = (await api<{ me: { partnerId: string } }>(partner, '/me')).me.partnerId;
  const guideId = (await api<{ me: { guideId: string } }>(guide, '/me')).me.guideId;
  const districts = (await api<{ items: { id: string; name: string }[] }>(coordinator, '/districts')).items;
  await api(coordinator, `/guides/${guideId}`, {
    method: 'PATCH',
    body: { maxActiveAssignments: 10, shareContact: 'phone' },
    csrf: c,
  });

  const base = {
    partnerId,
    field: 'authorities',
    type: 'accompaniment',
    districtId: districts[0].id,
    startsOn: day(2),
    endsOn: day(60),
    frequency: 'weekly',
    expectedHours: 6,
    minorsInvolved: false,
  };
  const request = async (body: Record<string, unknown>) =>
    (await api<{ id: string }>(coordinator, '/requests', { method: 'POST', body: { ...base, ...body }, csrf: c })).id;

  const dariRequest = await request({
    title: 'Begleitung zur Ausländerbehörde (Dari)',
    description: 'Termin zur Verlängerung des Aufenthaltstitels; Unterlagen vorher gemeinsam sortieren.',
    languages: ['prs'],
    urgency: 'urgent',
    slots: [{ weekday: 2, from: '09:00', to: '11:00' }],
    person: { initials: 'M. H.', ageGroup: 'adult', languages: ['prs'], household: 'individual', consentGiven: true },
  });
  const noConsentRequest = await request({
    title: 'Anmeldung beim Sportverein',
    description: 'Den Verein kennenlernen und die Anmeldung für die Tochter ausfüllen.',
    languages: ['ar'],
    person: {
      initials: 'R. K.',
      ageGroup: 'adult',
      languages: ['ar'],
      household: 'family',
      householdSize: 4,
      consentGiven: false,
    },
  });
  const tandemRequest = await request({
    title: 'Elternabend in der Grundschule (Tandem)',
    description: 'Zwei Lots:innen begleiten mehrere Familien zum Elternabend und übersetzen die wichtigsten Punkte.',
    languages: ['ar', 'kmr'],
    guidesNeeded: 2,
    specialization: 'parents',
    place: 'Grundschule am Lindener Markt',
    meetingPoint: 'Haupteingang, Bank am Fahrradständer',
    onSiteContact: 'Frau Meier, Schulsozialarbeit, Raum 12',
    slots: [
      { weekday: 2, from: '17:30', to: '19:30' },
      { weekday: 4, from: '16:00', to: '17:00' },
    ],
    person: {
      initials: 'Familien A.',
      ageGroup: 'adult',
      languages: ['ar'],
      household: 'family',
      householdSize: 5,
      consentGiven: true,
    },
  });
  const offered = await api<{ items: { id: string }[] }>(coordinator, `/requests/${tandemRequest}/offers`, {
    method: 'POST',
    body: {
      guideIds: [guideId],
      message: 'Hättest du Zeit? Frau Meier freut sich auf euch.',
      overrideReason: 'Screenshots: die Demo-Lotsin',
      expiresInHours: 48,
    },
    csrf: c,
  });
  const link = newestOfferLink() ?? '/offers/answer/unknown-token-000000000000';

  // A deployment: offered, accepted, confirmed by the guide, changed by the coordinator (version 2), activities.
  const deploymentRequest = await request({
    title: 'Begleitung zur Familienkasse',
    description: 'Kindergeldantrag gemeinsam ausfüllen und zur Familienkasse begleiten.',
    languages: ['ar'],
    startsOn: day(-20),
    person: {
      initials: 'E. T.',
      ageGroup: 'adult',
      languages: ['ar'],
      household: 'family',
      householdSize: 3,
      consentGiven: true,
    },
  });
  const second = await api<{ items: { id: string }[] }>(coordinator, `/requests/${deploymentRequest}/offers`, {
    method: 'POST',
    body: { guideIds: [guideId], message: '', overrideReason: 'Screenshots: die Demo-Lotsin' },
    csrf: c,
  });
  await api(guide, `/offers/${second.items[0].id}/accept`, { method: 'POST', body: {}, csrf: g });
  const assignment = (await api<{ assignmentId: string }>(guide, `/offers/${second.items[0].id}`)).assignmentId;
  // The draft (nobody confirmed yet) is edited in place: the deployment began three weeks ago.
  await api(coordinator, `/assignments/${assignment}/agreement`, {
    method: 'PATCH',
    body: { startsOn: day(-20), reviewOn: day(10) },
    csrf: c,
  });
  await api(guide, `/assignments/${assignment}/agreement/confirm`, { method: 'POST', body: { version: 1 }, csrf: g });
  await api(partner, `/assignments/${assignment}/agreement/confirm`, { method: 'POST', body: { version: 1 }, csrf: p });
  await api(coordinator, `/assignments/${assignment}/agreement`, {
    method: 'PATCH',
    body: { frequency: 'biweekly', changeNote: 'Auf Wunsch der Familie nur noch alle zwei Wochen.' },
    csrf: c,
  });
  await api(guide, `/assignments/${assignment}/agreement/confirm`, { method: 'POST', body: { version: 2 }, csrf: g });
  for (const [date, from, to, type, note] of [
    [day(-22), '18:00', '19:00', 'preparation', 'Formulare vorab gelesen'],
    [day(-14), '09:00', '11:30', 'accompaniment', 'Termin bei der Familienkasse, Antrag abgegeben'],
    [day(-7), '10:00', '10:30', 'phone', 'Rückfrage zur Bescheinigung'],
  ] as const) {
    await api(guide, `/assignments/${assignment}/activities`, {
      method: 'POST',
      body: {
        date,
        startTime: from,
        endTime: to,
        type,
        km: type === 'accompaniment' ? 6.5 : 0,
        expensesCents: type === 'accompaniment' ? 280 : 0,
        note,
      },
      csrf: g,
    });
  }
  const activities = await api<{ items: { id: string; date: string }[] }>(
    coordinator,
    `/assignments/${assignment}/activities`,
  );
  const oldest = [...activities.items].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (oldest)
    await api(coordinator, `/assignments/${assignment}/activities/approve`, {
      method: 'POST',
      body: { activityIds: [oldest.id] },
      csrf: c,
    });

  // The demo's deployment whose agreement nobody confirmed yet: closing it asks for an explicit acknowledgement.
  const pending = await api<{ items: { id: string }[] }>(coordinator, '/assignments?status=pending_agreement&limit=1');

  for (const page of [coordinator, guide, partner]) await page.context().close();
  return {
    deployedRequest: deploymentRequest,
    unconfirmedAssignment: pending.items[0]?.id ?? assignment,
    dariRequest,
    noConsentRequest,
    tandemRequest,
    offer: offered.items[0].id,
    offerLink: link,
    assignment,
  };
}

type Shot = {
  name: string;
  path: (ids: { coordination: CoordinationIds }) => string;
  act?: (page: Page) => Promise<void>;
};

export const COORDINATION_SHOTS: Record<'coordinator' | 'guide' | 'partner' | 'anonymous', Shot[]> = {
  coordinator: [
    { name: 'coordination-dashboard', path: () => '/' },
    { name: 'coordination-request-dari', path: (ids) => `/requests/${ids.coordination.dariRequest}` },
    {
      name: 'coordination-request-offer-dialog',
      path: (ids) => `/requests/${ids.coordination.dariRequest}`,
      act: async (page) => {
        await page.locator('.candidate-card input[type=checkbox]:not([disabled])').first().check();
        await page.locator('.selection-bar button').last().click();
        await page.getByRole('dialog').waitFor();
      },
    },
    { name: 'coordination-request-no-consent', path: (ids) => `/requests/${ids.coordination.noConsentRequest}` },
    { name: 'coordination-request-tandem', path: (ids) => `/requests/${ids.coordination.tandemRequest}` },
    { name: 'coordination-request-deployed', path: (ids) => `/requests/${ids.coordination.deployedRequest}` },
    { name: 'coordination-request-edit', path: (ids) => `/requests/${ids.coordination.tandemRequest}/edit` },
    { name: 'coordination-request-new', path: () => '/requests/new' },
    { name: 'coordination-assignment-coordinator', path: (ids) => `/assignments/${ids.coordination.assignment}` },
    {
      name: 'coordination-assignment-edit',
      path: (ids) => `/assignments/${ids.coordination.assignment}`,
      act: async (page) => {
        await page.locator('#asg-agreement').locator('xpath=ancestor::section').locator('button').first().click();
        await page.getByRole('dialog').waitFor();
      },
    },
    {
      name: 'coordination-assignment-close',
      path: (ids) => `/assignments/${ids.coordination.assignment}`,
      act: async (page) => {
        const section = page.locator('#asg-close').locator('xpath=ancestor::section');
        await section.locator('button').last().click();
        await section.locator('input[type=radio]').first().check();
        await section.locator('button[type=submit]').click();
        await page.getByRole('dialog').waitFor();
      },
    },
    {
      name: 'coordination-assignment-unconfirmed-close',
      path: (ids) => `/assignments/${ids.coordination.unconfirmedAssignment}`,
      act: async (page) => {
        const section = page.locator('#asg-close').locator('xpath=ancestor::section');
        await section.locator('button').last().click();
        await section.locator('input[type=radio]').first().check();
        await section.locator('button[type=submit]').click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('button.mantine-Button-root').last().click();
        await dialog.locator('input[type=checkbox]').waitFor();
      },
    },
  ],
  guide: [
    { name: 'coordination-offer', path: (ids) => `/my/offers/${ids.coordination.offer}` },
    { name: 'coordination-my-offers', path: () => '/my/offers' },
    { name: 'coordination-assignment-guide', path: (ids) => `/assignments/${ids.coordination.assignment}` },
  ],
  partner: [{ name: 'coordination-assignment-partner', path: (ids) => `/assignments/${ids.coordination.assignment}` }],
  anonymous: [{ name: 'coordination-offer-link', path: (ids) => ids.coordination.offerLink }],
};
