import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';
import { pdfText } from '../helpers/pdf.js';
import { inDays, requestBody, thisEvening, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp({ now: thisEvening() });
  office = await createOffice(t);
});
afterAll(() => t.close());

describe('the request-to-deployment cycle: partner files → coordinator offers → guide accepts → agreement → activities → close', () => {
  let requestId: string;
  let offerId: string;
  let assignmentId: string;

  it('a partner contact files a request for their own organisation', async () => {
    const res = await client(t.app, office.sessions.partner).post('/requests', requestBody(office));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.partnerId).toBe(office.partnerId);
    expect(body.status).toBe('new');
    expect(body.outOfScope).toEqual([]);
    requestId = body.id;
  });

  it('the other partner of the same office cannot see it', async () => {
    const res = await client(t.app, office.sessions.otherPartner).get(`/requests/${requestId}`);
    expect(res.statusCode).toBe(404);
    const list = await client(t.app, office.sessions.otherPartner).get('/requests');
    expect(list.json().items.map((r: { id: string }) => r.id)).not.toContain(requestId);
  });

  it('the coordinator reviews it and ranks candidates with explanations', async () => {
    const api = client(t.app, office.sessions.coordinator);
    expect((await api.post(`/requests/${requestId}/status`, { status: 'in_review' })).json().status).toBe('in_review');
    const res = await api.get(`/requests/${requestId}/candidates`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const top = body.eligible[0];
    expect(top.guideId).toBe(office.guideId);
    expect(top.criteria.map((c: { criterion: string }) => c.criterion)).toEqual([
      'language',
      'distance',
      'skills',
      'availability',
      'gender',
      'fairness',
      'continuity',
    ]);
    expect(top.criteria.find((c: { criterion: string }) => c.criterion === 'language').score).toBe(1);
  });

  it('sends an offer; the guide is mailed in their language with single-use links', async () => {
    const res = await client(t.app, office.sessions.coordinator).post(`/requests/${requestId}/offers`, {
      guideIds: [office.guideId],
      message: 'Passt das für dich?',
    });
    expect(res.statusCode).toBe(201);
    offerId = res.json().items[0].id;
    const mail = await lastMailTo(t, office.emails.guide);
    expect(mail.text).toMatch(/\/offers\/answer\/[\w-]+\?answer=accept/);
    // The coordinator's outbox shows the same mail without the links.
    const outbox = await client(t.app, office.sessions.coordinator).get(
      `/outbox?to=${encodeURIComponent(office.emails.guide)}`,
    );
    expect(outbox.json().items[0].text).not.toMatch(/\/offers\/answer\//);
    const request = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}`);
    expect(request.json().status).toBe('offered');
  });

  it('the guide accepts in the app: a deployment with a draft agreement starts', async () => {
    const res = await client(t.app, office.sessions.guide).post(`/offers/${offerId}/accept`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('accepted');
    assignmentId = res.json().assignmentId;
    expect(assignmentId).toBeTruthy();
    const again = await client(t.app, office.sessions.guide).post(`/offers/${offerId}/accept`, {});
    expect(again.statusCode).toBe(409);
  });

  it('guide and partner confirm the agreement; the deployment becomes active', async () => {
    await client(t.app, office.sessions.coordinator).patch(`/assignments/${assignmentId}/agreement`, {
      goal: 'Die Familie kann Termine bei der Ausländerbehörde selbst wahrnehmen.',
      steps: [{ title: 'Unterlagen sortieren' }, { title: 'Termin gemeinsam wahrnehmen' }],
      contactChannels: 'Telefon, Messenger',
    });
    const confirm = (session: typeof office.sessions.guide) =>
      client(t.app, session).post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 });
    const byGuide = await confirm(office.sessions.guide);
    expect(byGuide.statusCode, byGuide.body).toBe(200);
    // The button disappears once the user confirmed: the ability says so.
    expect(byGuide.json().abilities.confirm).toBe(false);
    const res = await confirm(office.sessions.partner);
    expect(res.json().status).toBe('active');
    expect(res.json().agreement.guideConfirmedAt).toBeTruthy();
    expect(res.json().agreement.guideConfirmedBy).toBeTruthy();
    expect(res.json().agreement.partnerConfirmedAt).toBeTruthy();
  });

  it('the agreement PDF is a real PDF with the complete German text', async () => {
    const res = await client(t.app, office.sessions.coordinator).get(`/assignments/${assignmentId}/agreement.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Vereinbarung über eine Begleitung durch Integrationslots:innen');
    expect(text).toContain('Die Familie kann Termine bei der Ausländerbehörde selbst wahrnehmen.');
    expect(text).toMatch(/1\. Unterlagen sortieren\s+offen/);
    expect(text).toContain('keine Rechts-, Steuer-, Schulden- oder medizinische Beratung');
    expect(text).toContain('Vertraulichkeit');
    expect(text).toContain('Begleitete Person: A. K.');
    expect(text).toMatch(/Fassung 1/);
    expect(res.headers['content-disposition']).toMatch(
      /filename="Vereinbarung-Begleitung-zur-Auslaenderbehoerde-Fassung-1-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
  });

  it('the guide logs activities; totals add up', async () => {
    const api = client(t.app, office.sessions.guide);
    const first = await api.post(`/assignments/${assignmentId}/activities`, {
      date: today,
      startTime: '09:30',
      endTime: '11:15',
      type: 'accompaniment',
      km: 7.5,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().minutes).toBe(105);
    await api.post(`/assignments/${assignmentId}/activities`, {
      date: today,
      startTime: '14:00',
      endTime: '14:30',
      type: 'phone',
      expensesCents: 450,
    });
    const bad = await api.post(`/assignments/${assignmentId}/activities`, {
      date: today,
      startTime: '12:00',
      endTime: '11:00',
      type: 'phone',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('endTime');
    const outside = await api.post(`/assignments/${assignmentId}/activities`, {
      date: inDays(-400),
      startTime: '09:00',
      endTime: '10:00',
      type: 'phone',
    });
    expect(outside.json().errors[0].code).toBe('outsideAgreement');
    const assignment = await api.get(`/assignments/${assignmentId}`);
    expect(assignment.json().totals).toEqual({ activities: 2, minutes: 135, km: 7.5, expensesCents: 450 });
    const perGuide = await client(t.app, office.sessions.coordinator).get('/activity-totals');
    expect(perGuide.json().items).toEqual([
      expect.objectContaining({ guideId: office.guideId, minutes: 135, km: 7.5 }),
    ]);
  });

  it('the coordinator closes it with an outcome; the request is closed', async () => {
    const res = await client(t.app, office.sessions.coordinator).post(`/assignments/${assignmentId}/close`, {
      outcome: 'goal_reached',
      guideFeedback: 'Gut gelaufen.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('closed');
    const request = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}`);
    expect(request.json().status).toBe('closed');
    const statuses = request
      .json()
      .timeline.filter((e: { kind: string }) => e.kind === 'status')
      .map((e: { toStatus: string }) => e.toStatus);
    expect(statuses.reverse()).toEqual(['in_review', 'offered', 'matched', 'active', 'closed']);
  });

  it('the partner reads, in the request history, the first name of the guide who accepted, not the surname', async () => {
    const asPartner = await client(t.app, office.sessions.partner).get(`/requests/${requestId}`);
    const asOffice = await client(t.app, office.sessions.coordinator).get(`/requests/${requestId}`);
    type Event = { toStatus: string | null; actorName: string | null };
    const matched = (events: Event[]) => events.find((e) => e.toStatus === 'matched')?.actorName;
    expect(matched(asPartner.json().timeline)).toBe('Testa');
    // The office keeps the name as recorded (here the guide account's display name).
    expect(matched(asOffice.json().timeline)).not.toBe('Testa');
    expect(matched(asOffice.json().timeline)).toBeTruthy();
    expect(JSON.stringify(asPartner.json().timeline)).not.toMatch(/Lotsin /);
  });

  it('keeps the deployment as evidence: its guide can be retired but not deleted', async () => {
    const res = await client(t.app, office.sessions.coordinator).delete(`/guides/${office.guideId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].code).toBe('guideHasDeployments');
    const assignment = await client(t.app, office.sessions.coordinator).get(`/assignments/${assignmentId}`);
    expect(assignment.statusCode).toBe(200);
  });
});
