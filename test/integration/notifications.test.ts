import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays, addMonths, todayIso } from '../../src/domain/dates.js';
import { runDailyReminders } from '../../src/jobs/reminders.js';
import { mailImmediateNotifications, mailNotificationDigests } from '../../src/modules/notifications/mailing.js';
import { type NewNotification, notify } from '../../src/modules/notifications/notify.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, createTrainer, type TestOffice } from '../helpers/factories.js';
import { mailsTo } from '../helpers/mail.js';
import { offerToOfficeGuide } from '../helpers/requests.js';

/**
 * The notification centre, mail by preference and every reminder once (issue 12 §4). The jobs run directly on an
 * injected clock (ctx.now); each test has its own office, so a centre or a digest holds only that test's items.
 * Running a job twice proves "once": one notification and one mail, whatever the reruns.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

const at = (instant: Date) => ({ ...t.ctx, now: () => instant });
const dayAt = (day: string) => new Date(`${day}T10:00:00Z`);

const put = (
  office: TestOffice,
  kind: NewNotification['kind'],
  session: Session,
  over: Partial<NewNotification> = {},
) =>
  inScope(t.ctx.database.db, 'system', (tx) =>
    notify(tx, {
      officeId: office.officeId,
      userIds: [session.userId],
      kind,
      params: { title: `Titel ${kind}`, guide: 'Amal Test', date: '2027-01-05' },
      link: '/assignments',
      ...over,
    }),
  );

async function centre(session: Session, query = '') {
  const res = await client(t.app, session).get(`/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; kind: string; readAt: string | null; link: string | null }[];
    total: number;
    unread: number;
  };
}
const unread = async (session: Session) => (await client(t.app, session).get('/notifications/unread-count')).json();
const notificationsOf = async (userId: string, kind?: string) =>
  t.ctx.database.rows<{ kind: string; params: Record<string, string>; link: string | null }>(
    `select kind, params, link from notifications where user_id = '${userId}'${kind ? ` and kind = '${kind}'` : ''}`,
  );

describe('the notification centre', () => {
  it('lists own notifications unread first or newest first, counts unread, marks one and all read', async () => {
    const office = await createOffice(t);
    const me = office.sessions.coordinator;
    const [first] = await put(office, 'review_due', me);
    const [second] = await put(office, 'background_check_due', me);
    const [third] = await put(office, 'message_reply', me);
    expect(await unread(me)).toEqual({ unread: 3 });

    const marked = await client(t.app, me).post(`/notifications/${second}/read`, {});
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1 });
    // Again: idempotent, nothing more to mark.
    expect((await client(t.app, me).post(`/notifications/${second}/read`, {})).json()).toEqual({ marked: 0 });
    expect(await unread(me)).toEqual({ unread: 2 });

    const unreadFirst = await centre(me);
    expect(unreadFirst.total).toBe(3);
    expect(unreadFirst.unread).toBe(2);
    expect(unreadFirst.items.map((n) => n.id).slice(2)).toEqual([second]);
    const newest = await centre(me, '?order=newest_first');
    expect(newest.items.map((n) => n.id)).toEqual([third, second, first]);
    const page = await centre(me, '?order=newest_first&limit=1&offset=1');
    expect(page.items.map((n) => n.id)).toEqual([second]);
    expect(page.total).toBe(3);

    expect((await client(t.app, me).post('/notifications/read-all', {})).json()).toEqual({ marked: 2 });
    expect(await unread(me)).toEqual({ unread: 0 });
  });

  it("a user never sees another's notifications: 404 for another's id, even in the same office", async () => {
    const office = await createOffice(t);
    const [guides] = await put(office, 'time_sheet_due', office.sessions.guide);
    const other = await createOffice(t);
    for (const session of [office.sessions.coordinator, office.sessions.partner, other.sessions.guide]) {
      expectProblem(await client(t.app, session).post(`/notifications/${guides}/read`, {}), 404);
      expect((await centre(session)).items.map((n) => n.id)).not.toContain(guides);
    }
    // Marking all read elsewhere leaves the guide's unread.
    await client(t.app, office.sessions.coordinator).post('/notifications/read-all', {});
    expect(await unread(office.sessions.guide)).toEqual({ unread: 1 });
  });

  it('every role has a centre and preferences: coordinator, guide, partner, trainer, platform admin', async () => {
    const office = await createOffice(t);
    const trainer = await createTrainer(t, office.officeId);
    const admin = await createPlatformAdmin(t);
    await inScope(t.ctx.database.db, 'system', (tx) =>
      notify(tx, { officeId: null, userIds: [admin.userId], kind: 'message_reply', params: { title: 'Plattform' } }),
    );
    for (const session of [
      office.sessions.coordinator,
      office.sessions.guide,
      office.sessions.partner,
      trainer.session,
      admin,
    ]) {
      await put(office, 'event_changed', session).catch(() => undefined);
      const api = client(t.app, session);
      for (const url of ['/notifications', '/notifications/unread-count', '/me/notification-preferences'])
        expect((await api.get(url)).statusCode, url).toBe(200);
      const saved = await api.put('/me/notification-preferences', {
        items: [{ kind: 'event_changed', channel: 'off' }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    expect((await centre(admin)).items.map((n) => n.kind)).toContain('message_reply');
  });
});

describe('preferences', () => {
  it('defaults: immediate for the own offers and messages, digest for the rest; coordinators get a digest', async () => {
    const office = await createOffice(t);
    const channels = async (session: Session) =>
      Object.fromEntries(
        (await client(t.app, session).get('/me/notification-preferences'))
          .json()
          .items.map((p: { kind: string; channel: string }) => [p.kind, p.channel]),
      );
    const guide = await channels(office.sessions.guide);
    expect(guide.offer_unanswered).toBe('immediate');
    expect(guide.message_received).toBe('immediate');
    expect(guide.time_sheet_due).toBe('digest');
    const coordinator = await channels(office.sessions.coordinator);
    expect(coordinator.offer_unanswered).toBe('digest');
    expect(coordinator.review_due).toBe('digest');
    expect(coordinator.message_reply).toBe('immediate');
  });

  it("'off' is refused for a mandatory kind (400, nothing saved), allowed for others, and audited", async () => {
    const office = await createOffice(t);
    const api = client(t.app, office.sessions.guide);
    const refused = await api.put('/me/notification-preferences', {
      items: [
        { kind: 'event_tomorrow', channel: 'off' },
        { kind: 'agreement_unconfirmed', channel: 'off' },
      ],
    });
    expectProblem(refused, 400);
    expect(refused.json().code).toBe('notification_mandatory');
    expect(refused.json().errors?.[0]?.path ?? JSON.stringify(refused.json())).toContain('items.1.channel');
    const after = (await api.get('/me/notification-preferences')).json().items;
    expect(after.find((p: { kind: string }) => p.kind === 'event_tomorrow')).toMatchObject({
      channel: 'digest',
      isDefault: true,
    });
    expect(after.find((p: { kind: string }) => p.kind === 'agreement_unconfirmed')).toMatchObject({ mandatory: true });

    const saved = await api.put('/me/notification-preferences', {
      items: [
        { kind: 'event_tomorrow', channel: 'off' },
        { kind: 'agreement_unconfirmed', channel: 'digest' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.find((p: { kind: string }) => p.kind === 'event_tomorrow').channel).toBe('off');
    const audit = await t.ctx.database.rows<{ changes: unknown }>(
      `select changes from audit_events where action = 'notification_preferences.updated'
         and entity_id = '${office.sessions.guide.userId}'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({
      notificationPreferences: {
        from: { event_tomorrow: 'digest', agreement_unconfirmed: 'immediate' },
        to: { event_tomorrow: 'off', agreement_unconfirmed: 'digest' },
      },
    });
  });

  it('are honoured: immediate → one mail now, digest → one digest mail, off → none, sender-mailed → none', async () => {
    const office = await createOffice(t);
    const guide = office.sessions.guide;
    const api = client(t.app, guide);
    expect(
      (
        await api.put('/me/notification-preferences', {
          items: [
            { kind: 'event_changed', channel: 'digest' },
            { kind: 'event_tomorrow', channel: 'off' },
            { kind: 'review_due', channel: 'immediate' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const before = (await mailsTo(t, office.emails.guide)).length;
    await put(office, 'review_due', guide, { params: { title: 'Sofort-Sache', guide: 'Amal', date: '2027-01-05' } });
    await put(office, 'event_changed', guide, { params: { title: 'Plenum im Rathaus' } });
    await put(office, 'time_sheet_due', guide, { params: { month: '2026-11', date: '2026-12-10' } });
    await put(office, 'event_tomorrow', guide, { params: { title: 'Abgeschaltet' } });
    await put(office, 'message_received', guide, { params: { title: 'Rundbrief' } });

    // Twice, as a rerun or a second instance would: one mail.
    await mailImmediateNotifications(t.ctx);
    await mailImmediateNotifications(t.ctx);
    let mails = (await mailsTo(t, office.emails.guide)).slice(0, -before || undefined);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Überprüfung eines Einsatzes steht an');
    expect(mails[0].text).toContain('„Sofort-Sache“');
    expect(mails[0].text).toContain(`${t.ctx.config.publicUrl}/assignments`);

    await mailNotificationDigests(t.ctx);
    await mailNotificationDigests(t.ctx);
    mails = (await mailsTo(t, office.emails.guide)).slice(0, -before || undefined);
    expect(mails).toHaveLength(2);
    const [digest] = mails;
    expect(digest.subject).toBe('Lotsennetz: 2 Punkte brauchen Ihre Aufmerksamkeit');
    expect(digest.text).toContain('Plenum im Rathaus');
    expect(digest.text).toContain('2026-11');
    expect(digest.text).not.toContain('Abgeschaltet');
    expect(digest.text).not.toContain('Rundbrief');
    expect(digest.text).toContain(`${t.ctx.config.publicUrl}/me/notifications`);
    // Everything is still in the centre, mailed or not.
    expect((await centre(guide)).total).toBe(5);
  });

  it('the digest skips what was read in the app already, in the recipient’s language', async () => {
    const office = await createOffice(t);
    expect((await client(t.app, office.sessions.coordinator).patch('/me', { locale: 'en' })).statusCode).toBe(200);
    const [read] = await put(office, 'review_due', office.sessions.coordinator, {
      params: { title: 'Gelesen', guide: 'X', date: '2027-01-05' },
    });
    await put(office, 'background_check_due', office.sessions.coordinator, {
      params: { guide: 'Yara Muster', date: '2027-01-05' },
    });
    await client(t.app, office.sessions.coordinator).post(`/notifications/${read}/read`, {});
    await mailNotificationDigests(t.ctx);
    const [digest] = await mailsTo(t, office.emails.coordinator);
    expect(digest.subject).toBe('Lotsennetz: 1 item needs your attention');
    expect(digest.text).toContain('Yara Muster (renewal due on');
    expect(digest.text).not.toContain('Gelesen');
  });
});

const offer = (office: TestOffice, title: string) => offerToOfficeGuide(t, office, title);

describe('a new offer', () => {
  it("is in the guide's centre, linking to the offer, and is not mailed a second time by the notification job", async () => {
    const office = await createOffice(t);
    const { offerId } = await offer(office, 'Begleitung zum Jobcenter');
    const mine = await centre(office.sessions.guide, '?order=newest_first');
    expect(mine.items[0]).toMatchObject({ kind: 'offer_new', link: `/my/offers/${offerId}`, readAt: null });
    const before = (await mailsTo(t, office.emails.guide)).length;
    await mailImmediateNotifications(t.ctx);
    expect(await mailsTo(t, office.emails.guide)).toHaveLength(before);
  });
});

describe('every reminder, once', () => {
  it('an unanswered offer: the guide after N hours, the coordinators M hours later, each once (office settings)', async () => {
    const office = await createOffice(t);
    const settings = await client(t.app, office.sessions.coordinator).patch('/settings', {
      reminders: {
        offerGuideAfterHours: 6,
        offerCoordinatorAfterHours: 12,
        agreementUnconfirmedAfterDays: 3,
        reviewAheadDays: 7,
        backgroundCheckWarnMonths: 3,
        timeSheetDeadlineDay: 10,
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const { offerId, requestId } = await offer(office, 'Begleitung zur Ausländerbehörde');
    const sent = Date.now();
    const hour = 3_600_000;
    const guideUser = office.sessions.guide.userId;
    const coordinatorUser = office.sessions.coordinator.userId;
    const guideMails = (await mailsTo(t, office.emails.guide)).length;

    await runDailyReminders(at(new Date(sent + 5 * hour)));
    expect(await notificationsOf(guideUser, 'offer_unanswered')).toEqual([]);
    for (const h of [7, 8]) await runDailyReminders(at(new Date(sent + h * hour)));
    expect(await notificationsOf(guideUser, 'offer_unanswered')).toEqual([
      expect.objectContaining({ link: `/my/offers/${offerId}` }),
    ]);
    expect(await notificationsOf(coordinatorUser, 'offer_unanswered')).toEqual([]);
    // One immediate mail to the guide, not two.
    expect(await mailsTo(t, office.emails.guide)).toHaveLength(guideMails + 1);

    for (const h of [18, 19]) await runDailyReminders(at(new Date(sent + h * hour)));
    expect(await notificationsOf(coordinatorUser, 'offer_unanswered')).toEqual([
      expect.objectContaining({ link: `/requests/${requestId}` }),
    ]);
    expect(await notificationsOf(guideUser, 'offer_unanswered')).toHaveLength(1);
    const digests = (await mailsTo(t, office.emails.coordinator)).filter((m) => m.text.includes('Ausländerbehörde'));
    expect(digests).toHaveLength(1);
  });

  it('a background check: N months ahead by the office setting, once', async () => {
    const office = await createOffice(t);
    const coordinator = client(t.app, office.sessions.coordinator);
    const today = todayIso();
    expect(
      (
        await coordinator.patch(`/guides/${office.guideId}`, {
          backgroundCheck: { checkedAt: today, relevantConviction: false },
        })
      ).statusCode,
    ).toBe(200);
    const reminders = (await coordinator.get('/settings')).json().reminders;
    expect(
      (await coordinator.patch('/settings', { reminders: { ...reminders, backgroundCheckWarnMonths: 6 } })).statusCode,
    ).toBe(200);
    const me = office.sessions.coordinator.userId;
    await runDailyReminders(at(dayAt(addDays(addMonths(today, 54), -1))));
    expect(await notificationsOf(me, 'background_check_due')).toEqual([]);
    for (const day of [addMonths(today, 54), addDays(addMonths(today, 54), 1)]) await runDailyReminders(at(dayAt(day)));
    const [note, ...more] = await notificationsOf(me, 'background_check_due');
    expect(more).toEqual([]);
    expect(note).toMatchObject({ params: { date: addMonths(today, 60) }, link: `/guides/${office.guideId}` });
  });

  it('a time sheet not submitted by the deadline day: to the guide with hours last month, once', async () => {
    const office = await createOffice(t);
    const guide = client(t.app, office.sessions.guide);
    const today = todayIso();
    const thisMonth = today.slice(0, 7);
    const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
    const category = (await guide.get('/hour-categories'))
      .json()
      .items.find((c: { kind: string; archivedAt: string | null }) => c.kind !== 'deployment' && !c.archivedAt);
    const logged = await guide.post('/hour-entries', {
      categoryId: category.id,
      date: `${lastMonth}-05`,
      minutes: 90,
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const me = office.sessions.guide.userId;

    await runDailyReminders(at(dayAt(`${thisMonth}-09`)));
    expect(await notificationsOf(me, 'time_sheet_due')).toEqual([]);
    for (const day of ['10', '11']) await runDailyReminders(at(dayAt(`${thisMonth}-${day}`)));
    expect(await notificationsOf(me, 'time_sheet_due')).toEqual([
      { kind: 'time_sheet_due', params: { month: lastMonth, date: `${thisMonth}-10` }, link: `/my/hours/${lastMonth}` },
    ]);
    // Digest by default: one digest mail naming the month, however often the job ran.
    const digests = (await mailsTo(t, office.emails.guide)).filter((m) => m.text.includes(lastMonth));
    expect(digests).toHaveLength(1);
    // A guide without hours last month hears nothing.
    const other = await createOffice(t);
    await runDailyReminders(at(dayAt(`${thisMonth}-12`)));
    expect(await notificationsOf(other.sessions.guide.userId, 'time_sheet_due')).toEqual([]);
  });
});
