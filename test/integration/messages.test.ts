/**
 * Issue 12 §3: messages to guides. The recipient list is frozen when a message is sent, opted-out guides get it in
 * the app only (and still get mail about their own offers), every mail has exactly one recipient, threads are
 * private to their guide and the coordinators, and a filter reaches exactly the guides the guide list shows.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, messageRecipients, notifications, outbox } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { mailsTo, parseMail } from '../helpers/mail.js';
import { requestBody } from '../helpers/requests.js';

type Guide = { guideId: string; session: Session; email: string };
let t: TestApp;
let office: TestOffice;
let reader: Guide;
let optedOut: Guide;
let paused: Guide;
let noEmailGuideId: string;
let messageId: string;

const coordinator = () => client(t.app, office.sessions.coordinator);
const as = (g: Guide) => client(t.app, g.session);
const TIGRINYA = [
  { code: 'ti', level: 'native' },
  { code: 'ar', level: 'native' },
];

const system = <T>(work: Parameters<typeof inScope<T>>[2]) => inScope(t.ctx.database.db, 'system', work);

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  reader = await createGuideWithAccount(t, office, { languages: TIGRINYA });
  optedOut = await createGuideWithAccount(t, office, { languages: TIGRINYA });
  paused = await createGuideWithAccount(t, office, { languages: TIGRINYA, status: 'paused' });
  const res = await coordinator().post('/guides', {
    firstName: 'Ohne',
    lastName: 'Adresse',
    languages: [{ code: 'ti', level: 'native' }],
    status: 'active',
    certifiedAt: '2025-01-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  noEmailGuideId = res.json().id;
  const opt = await as(optedOut).call('PUT', '/me/message-settings', { broadcastOptOut: true });
  expect(opt.statusCode, opt.body).toBe(200);
  expect(opt.json()).toEqual({ broadcastOptOut: true });
});
afterAll(() => t.close());

describe('the live recipient count', () => {
  it('equals the guide list count for the same filter, and splits mail from in-app only', async () => {
    for (const query of ['language=ti', 'language=ti&status=active', 'language=ti&hasCapacity=true', '']) {
      const list = await coordinator().get(`/guides?${query}&limit=1`);
      const preview = await coordinator().get(`/messages/recipients?${query}`);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().total, query).toBe(list.json().total);
    }
    const preview = (await coordinator().get('/messages/recipients?language=ti')).json();
    expect(preview).toEqual({ total: 4, byMail: 2, inAppOnly: 2, optedOut: 1, noEmail: 1 });
  });

  it('filters by course: guides enrolled in or having completed it', async () => {
    const course = await coordinator().post('/courses', {
      title: 'Basisqualifizierung',
      type: 'basic',
      teachingUnits: 8,
      capacity: 4,
      status: 'open',
    });
    expect(course.statusCode, course.body).toBe(201);
    const courseId = course.json().id;
    expect((await coordinator().post(`/courses/${courseId}/enrolments`, { guideId: reader.guideId })).statusCode).toBe(
      201,
    );
    const preview = (await coordinator().get(`/messages/recipients?courseId=${courseId}`)).json();
    expect(preview.total).toBe(1);
  });

  it('is for coordinators only', async () => {
    expectProblem(await as(reader).get('/messages/recipients'), 403, 'forbidden');
  });
});

describe('sending', () => {
  it('freezes the list, mails each mail-recipient alone, and notifies accounts in the app', async () => {
    const before = t.sentMail.length;
    const res = await coordinator().post('/messages', {
      subject: 'Wer spricht Tigrinya und hat im Dezember Zeit?',
      body: 'Liebe Lots*innen,\nwir suchen Begleitung für Familien aus Eritrea.',
      filter: { language: 'ti', status: ['active', 'paused'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const message = res.json();
    messageId = message.id;
    expect(message.counts).toMatchObject({ total: 4, byMail: 2, optedOut: 1, noEmail: 1, mailSent: 2 });
    expect(message.recipients.map((r: { guideId: string }) => r.guideId).sort()).toEqual(
      [reader.guideId, optedOut.guideId, paused.guideId, noEmailGuideId].sort(),
    );
    const channel = Object.fromEntries(
      message.recipients.map((r: { guideId: string; channel: string }) => [r.guideId, r.channel]),
    );
    expect(channel[optedOut.guideId]).toBe('opted_out');
    expect(channel[noEmailGuideId]).toBe('no_email');

    // Exactly two mails, each with one To: address and no Cc/Bcc.
    const sent = await Promise.all(t.sentMail.slice(before).map(parseMail));
    expect(sent.map((m) => m.to).sort()).toEqual([reader.email, paused.email].sort());
    for (const raw of t.sentMail.slice(before)) expect(raw.toString()).not.toMatch(/^(Cc|Bcc):/im);
    expect(sent[0].subject).toContain('Wer spricht Tigrinya');
    expect(sent[0].text).toContain(`/my/messages/${messageId}`);
    expect(await mailsTo(t, optedOut.email)).toEqual([]);

    const rows = await system((tx) =>
      tx
        .select({ to: outbox.to })
        .from(messageRecipients)
        .innerJoin(outbox, eq(outbox.id, messageRecipients.outboxId))
        .where(eq(messageRecipients.messageId, messageId)),
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.to).not.toMatch(/[,;\s]/);

    // In the app: every recipient with an account, the opted-out guide too.
    const notified = await system((tx) =>
      tx
        .select({ link: notifications.link })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, 'message_received'),
            inArray(notifications.userId, [reader.session.userId, optedOut.session.userId, paused.session.userId]),
          ),
        ),
    );
    expect(notified).toHaveLength(3);
    expect((await as(optedOut).get('/me/messages')).json()).toMatchObject({ total: 1, unread: 1 });

    const audit = await system((tx) => tx.select().from(auditEvents).where(eq(auditEvents.entityId, messageId)));
    expect(audit.map((a) => a.action)).toContain('message.sent');
  });

  it('does not change the list afterwards: a guide added or changed later is not on it', async () => {
    const late = await createGuideWithAccount(t, office, { languages: TIGRINYA });
    const patch = await coordinator().patch(`/guides/${reader.guideId}`, {
      languages: [{ code: 'de', level: 'native' }],
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const detail = (await coordinator().get(`/messages/${messageId}`)).json();
    expect(detail.recipients).toHaveLength(4);
    expect(detail.recipients.map((r: { guideId: string }) => r.guideId)).toContain(reader.guideId);
    expect(detail.recipients.map((r: { guideId: string }) => r.guideId)).not.toContain(late.guideId);
    expect((await as(late).get('/me/messages')).json()).toMatchObject({ total: 0, items: [] });
    expectProblem(await as(late).get(`/me/messages/${messageId}`), 404, 'not_found');
    expect((await as(reader).get('/me/messages')).json().total).toBe(1);
  });

  it('refuses a filter that reaches nobody, and a course of no office', async () => {
    expectProblem(
      await coordinator().post('/messages', { subject: 'Leer', body: 'x', filter: { language: 'zu' } }),
      409,
      'message_no_recipients',
    );
    const res = await coordinator().post('/messages', {
      subject: 'Kurs',
      body: 'x',
      filter: { courseId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]?.path).toBe('filter.courseId');
  });

  it('lists sent messages with delivery counts', async () => {
    const list = (await coordinator().get('/messages')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: messageId, counts: { total: 4, byMail: 2, optedOut: 1, noEmail: 1 } });
  });
});

describe('opt-out', () => {
  it('never affects mail about the guide’s own offers', async () => {
    const req = await client(t.app, office.sessions.partner).post('/requests', requestBody(office));
    expect(req.statusCode, req.body).toBe(201);
    const requestId = req.json().id;
    await coordinator().post(`/requests/${requestId}/status`, { status: 'in_review' });
    const offer = await coordinator().post(`/requests/${requestId}/offers`, { guideIds: [optedOut.guideId] });
    expect(offer.statusCode, offer.body).toBe(201);
    const mails = await mailsTo(t, optedOut.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/\/offers\/answer\//);
  });

  it('is shown to coordinators on the guide record', async () => {
    expect((await coordinator().get(`/guides/${optedOut.guideId}`)).json().broadcastOptOut).toBe(true);
    expect((await coordinator().get(`/guides/${reader.guideId}`)).json().broadcastOptOut).toBe(false);
    expect((await as(optedOut).get('/me/message-settings')).json()).toEqual({ broadcastOptOut: true });
  });
});

describe('threads', () => {
  it('a guide reads the message, replies, and the coordinators are told', async () => {
    const read = await as(reader).post(`/me/messages/${messageId}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const reply = await as(reader).post(`/me/messages/${messageId}/replies`, { body: 'Ich habe im Dezember Zeit.' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().posts).toMatchObject([{ authorRole: 'guide', body: 'Ich habe im Dezember Zeit.' }]);
    const told = await system((tx) =>
      tx
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.kind, 'message_reply'), eq(notifications.userId, office.sessions.coordinator.userId)),
        ),
    );
    expect(told).toHaveLength(1);
    expect(told[0].link).toBe(`/messages/${messageId}`);
  });

  it('the coordinator sees the reply in the thread and answers; the guide reads the answer', async () => {
    const detail = (await coordinator().get(`/messages/${messageId}`)).json();
    const thread = detail.recipients.find((r: { guideId: string }) => r.guideId === reader.guideId);
    expect(thread.posts).toHaveLength(1);
    expect(thread.readAt).not.toBeNull();
    expect(detail.counts).toMatchObject({ read: 1, replied: 1 });
    const answer = await coordinator().post(`/messages/${messageId}/threads/${reader.guideId}`, {
      body: 'Danke, wir melden uns.',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const mine = (await as(reader).get(`/me/messages/${messageId}`)).json();
    expect(mine.posts.map((p: { authorRole: string }) => p.authorRole)).toEqual(['guide', 'coordinator']);
  });

  it('is private: another recipient sees neither the thread nor the recipient list', async () => {
    const other = await as(optedOut).get(`/me/messages/${messageId}`);
    expect(other.statusCode).toBe(200);
    expect(other.json().posts).toEqual([]);
    expect(other.body).not.toContain('Ich habe im Dezember Zeit');
    expect(other.body).not.toContain(reader.email);
    expect(other.json()).not.toHaveProperty('recipients');
    expectProblem(await as(optedOut).get(`/messages/${messageId}`), 403, 'forbidden');
    expectProblem(
      await as(optedOut).post(`/messages/${messageId}/threads/${reader.guideId}`, { body: 'Hallo' }),
      403,
      'forbidden',
    );
    // A thread of a guide who is not on the list does not exist.
    const late = await createGuideWithAccount(t, office);
    expectProblem(
      await coordinator().post(`/messages/${messageId}/threads/${late.guideId}`, { body: 'Hallo' }),
      404,
      'not_found',
    );
    expectProblem(await as(late).post(`/me/messages/${messageId}/replies`, { body: 'Hallo' }), 404, 'not_found');
  });
});

describe('anonymisation', () => {
  it("erases a guide's replies; their place on the frozen list stays", async () => {
    const res = await coordinator().post(`/guides/${reader.guideId}/anonymise`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await coordinator().get(`/messages/${messageId}`)).json();
    expect(detail.recipients).toHaveLength(4);
    const thread = detail.recipients.find((r: { guideId: string }) => r.guideId === reader.guideId);
    expect(thread.posts.map((p: { authorRole: string }) => p.authorRole)).toEqual(['coordinator']);
    expect(JSON.stringify(detail)).not.toContain('Ich habe im Dezember Zeit');
  });
});

describe('input', () => {
  it('rejects NUL, empty and oversized texts', async () => {
    for (const body of [
      { subject: 'a\u0000b', body: 'x' },
      { subject: '', body: 'x' },
      { subject: 'x', body: ' ' },
      { subject: 'x', body: 'y'.repeat(8001) },
      { subject: 'x', body: 'y', filter: { status: ['nope'] } },
      { subject: 'x', body: 'y', extra: 1 },
    ])
      expectProblem(await coordinator().post('/messages', body), 400);
  });
});
