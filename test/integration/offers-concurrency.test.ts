import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { requestBody } from '../helpers/requests.js';

/**
 * The first acceptance wins. On PostgreSQL (DATABASE_URL) the accepts below run on separate pooled connections at
 * the same moment; on PGlite they are serialised by the engine, and the same assertions must hold.
 */
let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
});
afterAll(() => t.close());

async function offeredRequest(guideIds: string[], title = 'Begleitung', guidesNeeded = 1) {
  const coordinator = client(t.app, office.sessions.coordinator);
  const created = await coordinator.post('/requests', {
    ...requestBody(office, { title, guidesNeeded }),
    partnerId: office.partnerId,
  });
  expect(created.statusCode).toBe(201);
  const sent = await coordinator.post(`/requests/${created.json().id}/offers`, {
    guideIds,
    message: '',
    overrideReason: 'Test: alle fragen',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return { requestId: created.json().id as string, offers: sent.json().items as { id: string; guideId: string }[] };
}

describe('offers under concurrency', () => {
  it('two guides accepting the same request at the same moment produce exactly one deployment', async () => {
    const guides = await Promise.all(
      Array.from({ length: 4 }, () => createGuideWithAccount(t, office, { maxActiveAssignments: 5 })),
    );
    for (let round = 0; round < 3; round++) {
      const { requestId, offers } = await offeredRequest(
        guides.map((g) => g.guideId),
        `Gleichzeitig ${round}`,
      );
      const results = await Promise.all(
        guides.map((g) => {
          const offer = offers.find((o) => o.guideId === g.guideId) as { id: string };
          return client(t.app, g.session).post(`/offers/${offer.id}/accept`, {});
        }),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const assignments = await client(t.app, office.sessions.coordinator).get('/assignments?limit=200');
      expect(assignments.json().items.filter((a: { requestId: string }) => a.requestId === requestId)).toHaveLength(1);
      const history = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}/offers`);
      const states = history
        .json()
        .items.map((o: { status: string }) => o.status)
        .sort();
      expect(states).toEqual(['accepted', 'superseded', 'superseded', 'superseded']);
    }
  });

  it('a request for two guides: five accepting at the same moment produce exactly two deployments', async () => {
    const guides = await Promise.all(
      Array.from({ length: 5 }, () => createGuideWithAccount(t, office, { maxActiveAssignments: 5 })),
    );
    for (let round = 0; round < 3; round++) {
      const { requestId, offers } = await offeredRequest(
        guides.map((g) => g.guideId),
        `Tandem ${round}`,
        2,
      );
      const results = await Promise.all(
        guides.map((g) => {
          const offer = offers.find((o) => o.guideId === g.guideId) as { id: string };
          return client(t.app, g.session).post(`/offers/${offer.id}/accept`, {});
        }),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409, 409]);
      for (const lost of results.filter((r) => r.statusCode === 409)) expect(lost.json().code).toBe('offer_superseded');
      const assignments = await client(t.app, office.sessions.coordinator).get(`/assignments?requestId=${requestId}`);
      expect(assignments.json().total).toBe(2);
      const request = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}`);
      expect(request.json().status).toBe('matched');
    }
  });

  it('a guide can never go over capacity through parallel acceptances', async () => {
    const guide = await createGuideWithAccount(t, office, { maxActiveAssignments: 1 });
    const requests = await Promise.all([0, 1, 2].map((i) => offeredRequest([guide.guideId], `Kapazität ${i}`)));
    const results = await Promise.all(
      requests.map((r) => client(t.app, guide.session).post(`/offers/${r.offers[0].id}/accept`, {})),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual([
      'capacity_reached',
      'capacity_reached',
    ]);
    const mine = await client(t.app, guide.session).get('/assignments');
    expect(mine.json().total).toBe(1);
  });

  it('a declined or withdrawn last offer sends the request back to review', async () => {
    const guide = await createGuideWithAccount(t, office);
    const { requestId, offers } = await offeredRequest([guide.guideId], 'Ablehnung');
    const declined = await client(t.app, guide.session).post(`/offers/${offers[0].id}/decline`, {
      reason: 'Keine Zeit',
    });
    expect(declined.json().status).toBe('declined');
    const request = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}`);
    expect(request.json().status).toBe('in_review');
  });
});
