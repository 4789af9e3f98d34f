import type nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { JobRunner, QUEUES } from '../../src/jobs/runner.js';
import { createServices } from '../../src/server/services.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { mailsTo } from '../helpers/mail.js';
import { requestBody } from '../helpers/requests.js';

/**
 * The job queue on the test database (PGlite, or PostgreSQL with DATABASE_URL): mail delivery with retries and
 * backoff, failure and "send again", the sweeper for mail whose job got lost, and the scheduled jobs run by hand.
 */
let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let runner: JobRunner;
/** How many of the next deliveries fail; -1 fails all of them. */
let failures = 0;

beforeAll(async () => {
  t = await createTestApp({
    mailTransport: (capture) =>
      ({
        sendMail: async (mail: nodemailer.SendMailOptions) => {
          if (failures !== 0) {
            if (failures > 0) failures--;
            // A transport that echoes the message, as some relays do: the link must not reach the outbox.
            throw new Error(`550 mailbox unavailable; message was: ${mail.text}`);
          }
          return capture.sendMail(mail);
        },
      }) as unknown as nodemailer.Transporter,
  });
  A = await createOffice(t);
  B = await createOffice(t);
  runner = new JobRunner(t.ctx, createServices(t.ctx), {
    schedules: false,
    pollingIntervalSeconds: 0.5,
    mailRetryLimit: 2,
    mailRetryDelaySeconds: 1,
    instance: 'test',
  });
  await runner.start();
}, 60_000);
afterAll(async () => {
  await runner?.stop(2_000);
  await t?.close();
});

type OutboxItem = { id: string; to: string; status: string; error: string | null; attempts: number };
async function outboxOf(office: TestOffice, to: string): Promise<OutboxItem[]> {
  const res = await client(t.app, office.sessions.coordinator).get(`/outbox?to=${encodeURIComponent(to)}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const until = <T>(work: () => Promise<T>) => vi.waitFor(work, { timeout: 25_000, interval: 200 });

describe('mail on the job queue', () => {
  it('retries a failed delivery with backoff, marks it failed after the last attempt, and a coordinator sends it again', async () => {
    failures = -1;
    const to = A.emails.coordinator;
    const asked = await client(t.app).post('/auth/password-reset', { email: to });
    expect(asked.statusCode).toBeLessThan(300);
    const failed = await until(async () => {
      const [message] = await outboxOf(A, to);
      expect(message?.status).toBe('failed');
      return message;
    });
    // The first attempt and two retries; the error says why, without the link the transport echoed.
    expect(failed.attempts).toBe(3);
    expect(failed.error).toContain('550 mailbox unavailable');
    expect(failed.error).not.toMatch(/\/[A-Za-z0-9_-]{32,}/);
    expect(failed.error).toContain('[Link nur für');
    expect(await mailsTo(t, to)).toHaveLength(0);

    // Only the office's coordinator may send it again, and only a failed message.
    expect((await client(t.app, B.sessions.coordinator).post(`/outbox/${failed.id}/resend`)).statusCode).toBe(404);
    expect((await client(t.app, A.sessions.guide).post(`/outbox/${failed.id}/resend`)).statusCode).toBe(403);
    failures = 0;
    const resent = await client(t.app, A.sessions.coordinator).post(`/outbox/${failed.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    const [mail] = await until(async () => {
      const received = await mailsTo(t, to);
      expect(received).toHaveLength(1);
      return received;
    });
    // The recipient gets the real link (kept sealed through the failure), and it works.
    const token = mail.text.match(/\/([A-Za-z0-9_-]{32,})/)?.[1];
    expect(token).toBeTruthy();
    expect((await client(t.app).get(`/auth/tokens/${token}`)).statusCode).toBe(200);
    const [sent] = await outboxOf(A, to);
    expect(sent).toMatchObject({ status: 'sent', error: null, attempts: 1 });
    expect((await client(t.app, A.sessions.coordinator).post(`/outbox/${failed.id}/resend`)).statusCode).toBe(409);
  });

  it('a transient failure is retried and the mail arrives once', async () => {
    failures = 1;
    const to = A.emails.partner;
    expect((await client(t.app).post('/auth/password-reset', { email: to })).statusCode).toBeLessThan(300);
    await until(async () => expect(await mailsTo(t, to)).toHaveLength(1));
    const [message] = await until(async () => {
      const items = await outboxOf(A, to);
      expect(items[0]?.status).toBe('sent');
      return items;
    });
    expect(message.attempts).toBe(2);
    // Nothing more is coming: the job is done, and a sweep finds nothing of it to enqueue again.
    await runner.sweepMail();
    expect(await mailsTo(t, to)).toHaveLength(1);
  });

  it('the sweeper enqueues queued mail whose job got lost (a crash between commit and enqueue), once', async () => {
    const to = `verloren-${A.officeId.slice(0, 8)}@test.example`;
    const id = await inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
      t.ctx.mailer.enqueue(tx, { officeId: A.officeId, to, subject: 'Verloren', text: 'Hallo', locale: 'de' }),
    );
    await t.ctx.database.exec(`update outbox set created_at = now() - interval '1 hour' where id = '${id}'`);
    expect(await runner.sweepMail()).toBeGreaterThanOrEqual(1);
    // A second sweep while the job lives does not enqueue it again.
    await runner.sweepMail();
    await until(async () => expect((await outboxOf(A, to))[0]?.status).toBe('sent'));
    await runner.sweepMail();
    expect(await mailsTo(t, to)).toHaveLength(1);
  });
});

describe('scheduled jobs', () => {
  const runsOf = async (job: string) =>
    t.ctx.database.rows<{ outcome: string | null }>(
      `select outcome from job_runs where job = '${job}' and instance = 'test' order by started_at`,
    );

  it('offer expiry runs as a job and expires an overdue offer (reads never do)', async () => {
    const coordinator = client(t.app, A.sessions.coordinator);
    const created = await coordinator.post('/requests', { ...requestBody(A), partnerId: A.partnerId });
    expect(created.statusCode, created.body).toBe(201);
    const sent = await coordinator.post(`/requests/${created.json().id}/offers`, {
      guideIds: [A.guideId],
      message: '',
      overrideReason: 'Test ohne Ranking',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const offerId = sent.json().items[0].id;
    await t.ctx.database.exec(`update offers set expires_at = now() - interval '1 minute' where id = '${offerId}'`);
    const stored = async () =>
      (await t.ctx.database.rows<{ status: string }>(`select status from offers where id = '${offerId}'`))[0].status;
    expect(await stored()).toBe('pending');
    const before = (await runsOf(QUEUES.offerExpiry)).length;
    await runner.runNow(QUEUES.offerExpiry);
    await until(async () => {
      const runs = await runsOf(QUEUES.offerExpiry);
      expect(runs.length).toBe(before + 1);
      expect(runs.at(-1)?.outcome).toMatch(/^ok/);
    });
    expect(await stored()).toBe('expired');
    const request = await coordinator.get(`/requests/${created.json().id}`);
    expect(request.json().status).toBe('in_review');
  });

  it('reminders: the guide is reminded of an unanswered offer and the coordinator gets a digest, once per day', async () => {
    const coordinator = client(t.app, B.sessions.coordinator);
    const created = await coordinator.post('/requests', {
      ...requestBody(B, { title: 'Erinnerungsprobe' }),
      partnerId: B.partnerId,
    });
    const sent = await coordinator.post(`/requests/${created.json().id}/offers`, {
      guideIds: [B.guideId],
      message: '',
      overrideReason: 'Test ohne Ranking',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const offerId = sent.json().items[0].id;
    await t.ctx.database.exec(`update offers set created_at = now() - interval '2 days' where id = '${offerId}'`);
    // The offer mail itself goes through the queue too.
    await until(async () => expect(await mailsTo(t, B.emails.guide)).toHaveLength(1));

    await runner.runNow(QUEUES.reminders);
    const reminder = await until(async () => {
      const [latest] = await mailsTo(t, B.emails.guide);
      // The request's title is "Erinnerungsprobe": the reminder is told apart by its subject's start.
      expect(latest?.subject.startsWith('Erinnerung:')).toBe(true);
      return latest;
    });
    expect(reminder.text).toContain('Erinnerungsprobe');
    expect(reminder.text).toContain(`/my/offers/${offerId}`);
    const digest = await until(async () => {
      const [latest] = await mailsTo(t, B.emails.coordinator);
      expect(latest?.subject).toContain('Aufmerksamkeit');
      return latest;
    });
    expect(digest.text).toContain('Erinnerungsprobe');

    // A second run the same day mails nothing new about the same offer.
    const runs = (await runsOf(QUEUES.reminders)).length;
    await runner.runNow(QUEUES.reminders);
    await until(async () => expect((await runsOf(QUEUES.reminders)).length).toBe(runs + 1));
    // Whatever the second run queued has been delivered before counting.
    await until(async () =>
      expect(await t.ctx.database.rows(`select id from outbox where status = 'queued'`)).toEqual([]),
    );
    const reminders = (await mailsTo(t, B.emails.guide)).filter((m) => m.subject.startsWith('Erinnerung:'));
    expect(reminders).toHaveLength(1);
  });

  it('retention runs as a scheduled job on the queue and records what it did', async () => {
    const before = (await runsOf(QUEUES.retention)).length;
    await runner.runNow(QUEUES.retention);
    await until(async () => {
      const runs = await runsOf(QUEUES.retention);
      expect(runs.length).toBe(before + 1);
      expect(runs.at(-1)?.outcome).toMatch(/^ok \{"backgroundChecksDeleted":\d+,"guidesAnonymised":\d+/);
    });
  });
});
