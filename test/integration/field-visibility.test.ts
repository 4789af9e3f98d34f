/**
 * Issue 9, §4: what each role sees of a person, enforced by the server. Partner contacts see a guide's first name
 * and the one contact channel the guide shares, only while the deployment runs; guides see the accompanied person's
 * minimal data, only for their own offers and deployments. Every response a role can fetch is searched, PDFs
 * included (read back as text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { pdfText } from '../helpers/pdf.js';
import { requestBody, thisEvening, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let requestId: string;
let offerId: string;
let assignmentId: string;
let guideLastName: string;
const PHONE = '+49 511 555 0199';
const INTERNAL_NOTE = 'Interne Notiz der Koordination 7Q';

const coordinator = () => client(t.app, office.sessions.coordinator);
const guide = () => client(t.app, office.sessions.guide);
const partner = () => client(t.app, office.sessions.partner);

/** Everything a caller reads about the deployment, as one text (JSON bodies and PDF text). */
async function everythingSeenBy(api: ReturnType<typeof client>, urls: string[]) {
  const parts: string[] = [];
  for (const url of urls) {
    const res = await api.get(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    parts.push(url.endsWith('.pdf') ? await pdfText(res.rawPayload) : res.body);
  }
  return parts.join('\n');
}

const partnerUrls = () => [
  '/assignments',
  `/assignments/${assignmentId}`,
  `/assignments/${assignmentId}/agreement/versions`,
  `/assignments/${assignmentId}/activities`,
  `/assignments/${assignmentId}/agreement.pdf`,
  '/requests',
  `/requests/${requestId}`,
];

beforeAll(async () => {
  t = await createTestApp({ now: thisEvening() });
  office = await createOffice(t);
  guideLastName = (await coordinator().get(`/guides/${office.guideId}`)).json().lastName;
  expect((await guide().patch(`/guides/${office.guideId}`, { shareContact: 'phone', phone: PHONE })).statusCode).toBe(
    200,
  );
  const created = await coordinator().post('/requests', {
    ...requestBody(office, { startsOn: addDays(today, -7), notes: INTERNAL_NOTE }),
    partnerId: office.partnerId,
  });
  expect(created.statusCode, created.body).toBe(201);
  requestId = created.json().id;
  const sent = await coordinator().post(`/requests/${requestId}/offers`, {
    guideIds: [office.guideId],
    overrideReason: 'Test: direkt anfragen',
  });
  offerId = sent.json().items[0].id;
  const accepted = await guide().post(`/offers/${offerId}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  assignmentId = accepted.json().assignmentId;
  // The guide confirms: the confirmation carries the guide's account name, which partners must not read either.
  expect((await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('partner contacts', () => {
  it("see the guide's first name and the shared phone, never the last name, e-mail or account name, PDF included", async () => {
    const seen = await everythingSeenBy(partner(), partnerUrls());
    expect(seen).toContain('Testa');
    expect(seen).toContain(PHONE);
    expect(seen).not.toContain(guideLastName);
    expect(seen).not.toContain(office.emails.guide);
    // The guide's account name (the part before the @) is what "confirmed by" stores.
    expect(seen).not.toContain(office.emails.guide.split('@')[0]);
    // Regression: the agreement PDF printed the full name for the partner.
    const pdf = await pdfText((await partner().get(`/assignments/${assignmentId}/agreement.pdf`)).rawPayload);
    expect(pdf).toContain('Testa');
    expect(pdf).not.toContain(guideLastName);
    // The office reads the full name in the same PDF.
    expect(await pdfText((await coordinator().get(`/assignments/${assignmentId}/agreement.pdf`)).rawPayload)).toContain(
      guideLastName,
    );
  });

  it('see only the channel the guide shares: e-mail instead of phone, then nothing once the deployment is closed', async () => {
    await guide().patch(`/guides/${office.guideId}`, { shareContact: 'email' });
    const byMail = await everythingSeenBy(partner(), partnerUrls());
    expect(byMail).toContain(office.emails.guide);
    expect(byMail).not.toContain(PHONE);
    await guide().patch(`/guides/${office.guideId}`, { shareContact: 'phone' });
    const closed = await coordinator().post(`/assignments/${assignmentId}/close`, {
      outcome: 'goal_reached',
      acknowledgeUnconfirmed: true,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await everythingSeenBy(partner(), partnerUrls());
    expect(after).not.toContain(PHONE);
    expect(after).not.toContain(office.emails.guide);
    expect((await partner().get(`/assignments/${assignmentId}`)).json().guideContact).toBeNull();
  });

  it('of another partner see nothing of the deployment or the guide', async () => {
    const other = client(t.app, office.sessions.otherPartner);
    expect((await other.get(`/assignments/${assignmentId}`)).statusCode).toBe(404);
    expect((await other.get(`/assignments/${assignmentId}/agreement.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/requests/${requestId}`)).statusCode).toBe(404);
    expect((await other.get('/assignments')).body).not.toContain('Testa');
  });
});

describe('guides', () => {
  it("see the accompanied person's minimal data for their own offer and deployment only", async () => {
    const urls = [
      '/me/offers',
      `/offers/${offerId}`,
      '/assignments',
      `/assignments/${assignmentId}`,
      `/assignments/${assignmentId}/agreement/versions`,
      `/assignments/${assignmentId}/agreement.pdf`,
    ];
    const seen = await everythingSeenBy(guide(), urls);
    // The initials, on the agreement they sign, are the minimum; household, age group, consent and the office's
    // internal notes are not theirs to read.
    expect(seen).toContain('A. K.');
    expect(seen).not.toContain(INTERNAL_NOTE);
    for (const url of urls.filter((u) => !u.endsWith('.pdf'))) {
      const body = (await guide().get(url)).json();
      const keys = JSON.stringify(body).match(/"(\w+)":/g) ?? [];
      for (const key of ['"person":', '"household":', '"householdSize":', '"ageGroup":', '"consentGiven":', '"notes":'])
        expect(keys, `${url} ${key}`).not.toContain(key);
    }
    // The request itself (with the person's details) is the office's and the partner's.
    expect([403, 404]).toContain((await guide().get(`/requests/${requestId}`)).statusCode);
  });

  it("of the same office see nothing of another guide's offer or deployment", async () => {
    const other = await createGuideWithAccount(t, office);
    const api = client(t.app, other.session);
    for (const url of [
      `/offers/${offerId}`,
      `/assignments/${assignmentId}`,
      `/assignments/${assignmentId}/agreement.pdf`,
      `/assignments/${assignmentId}/activities`,
      `/guides/${office.guideId}`,
    ])
      expect((await api.get(url)).statusCode, url).toBe(404);
    const lists = (await api.get('/assignments')).body + (await api.get('/me/offers')).body;
    expect(lists).not.toContain(assignmentId);
    expect(lists).not.toContain('A. K.');
  });
});
