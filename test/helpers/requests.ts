import { expect } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { client, type TestApp } from './app.js';
import type { TestOffice } from './factories.js';

/** Today as the server sees it in a test office: the UTC date, midday there (factories.ts, testTimeZone). */
export const today = new Date().toISOString().slice(0, 10);
export const inDays = (n: number) => addDays(today, n);
/**
 * A clock in this evening (18:30 UTC; 20:30 in a test office, see testTimeZone), so activities of earlier today are
 * not "in the future";
 * it advances a second at each reading, so events keep their order on the timeline.
 */
export function thisEvening() {
  let at = Date.parse(`${today}T18:30:00Z`);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

/** A complete request as a partner would file it. */
export function requestBody(office: TestOffice, over: Record<string, unknown> = {}) {
  return {
    field: 'authorities',
    type: 'accompaniment',
    title: 'Begleitung zur Ausländerbehörde',
    description: 'Termin zur Verlängerung, Familie braucht Orientierung im Amt.',
    districtId: office.districtIds[0],
    startsOn: today,
    endsOn: inDays(90),
    frequency: 'weekly',
    expectedHours: 6,
    slots: [{ weekday: 2, from: '09:30', to: '11:00' }],
    languages: ['ar'],
    minorsInvolved: false,
    person: {
      initials: 'A. K.',
      ageGroup: 'adult',
      languages: ['ar'],
      household: 'family',
      householdSize: 4,
      consentGiven: true,
      consentVersion: '2026-01',
      consentLanguage: 'ar',
    },
    ...over,
  };
}

/** A request of the office's partner with an offer to the office's guide, sent without the ranking. */
export async function offerToOfficeGuide(t: TestApp, office: TestOffice, title: string) {
  const coordinator = client(t.app, office.sessions.coordinator);
  const created = await coordinator.post('/requests', {
    ...requestBody(office, { title }),
    partnerId: office.partnerId,
  });
  expect(created.statusCode, created.body).toBe(201);
  const sent = await coordinator.post(`/requests/${created.json().id}/offers`, {
    guideIds: [office.guideId],
    message: '',
    overrideReason: 'Test ohne Ranking',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return {
    offerId: sent.json().items[0].id as string,
    expiresAt: sent.json().items[0].expiresAt as string,
    requestId: created.json().id as string,
  };
}

/** The office's guide accepts such an offer: a deployment with a draft agreement nobody has confirmed yet. */
export async function acceptedAssignment(t: TestApp, office: TestOffice, title: string): Promise<string> {
  const { offerId } = await offerToOfficeGuide(t, office, title);
  const accepted = await client(t.app, office.sessions.guide).post(`/offers/${offerId}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  return accepted.json().assignmentId;
}
