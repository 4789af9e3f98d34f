/**
 * Issue 12 §1: events and series through the API. Recurrence (first Tuesday, 18:00 Berlin across DST), an exception,
 * a series edit "this and following", invitations with mail and .ics parsed back, answers by link and in the app,
 * capacity, attendance booking hours, minutes for the audience only, the personal feed parsed back, and the
 * "event tomorrow" reminder sent once.
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEventReminders } from '../../src/modules/events/reminders.js';
import { expectProblem, mutableClock } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { acceptedAssignment } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let a: { guideId: string; session: Session; email: string };
let b: { guideId: string; session: Session; email: string };
const clock = mutableClock();
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  office = await createOffice(t);
  other = await createOffice(t);
  a = await createGuideWithAccount(t, office);
  b = await createGuideWithAccount(t, office);
  // The recurrence is in the office's wall-clock time; the expectations below are Berlin's.
  const res = await client(t.app, office.sessions.coordinator).patch('/settings', { timeZone: 'Europe/Berlin' });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);
type Ev = { id: string; startsAt: string; recurrenceId: string | null; isException: boolean; cancelled: boolean };

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: calendar.getAllSubcomponents('vevent').map((v) => ({
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    })),
  };
}

async function received(to: string) {
  const out = [];
  for (const raw of t.sentMail) {
    const mail = await simpleParser(raw);
    const address = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
    if (address === to) out.push(mail);
  }
  return out;
}

async function list(from: string, to: string, session = office.sessions.coordinator) {
  const res = await client(t.app, session).get(`/events?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  // The calendar buckets days in the office's zone, not the browser's.
  expect(res.json().timeZone).toBe('Europe/Berlin');
  return res.json().items as Ev[];
}

describe('a monthly Plenum series', () => {
  it('creates twelve first Tuesdays at 18:00 Berlin, winter and summer', async () => {
    const res = await coordinator().post('/events', {
      type: 'plenum',
      title: 'Plenum 2027',
      place: 'Neues Rathaus',
      audience: 'invited',
      invitedGuideIds: [a.guideId, b.guideId],
      recurrence: {
        rrule: 'FREQ=MONTHLY;BYDAY=+1TU',
        startDate: '2027-01-01',
        startTime: '18:00',
        durationMinutes: 120,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().startsAt).toBe('2027-01-05T17:00:00.000Z');
    expect(res.json().rrule).toBe('FREQ=MONTHLY;BYDAY=+1TU');
    const items = await list('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z');
    const plenum = items.filter((e) => e.recurrenceId);
    expect(plenum).toHaveLength(12);
    expect(plenum[6].startsAt).toBe('2027-07-06T16:00:00.000Z');
  });

  it('invites by mail in the guide language with an .ics (METHOD:REQUEST, one UID per occurrence)', async () => {
    const mails = (await received(a.email)).filter((m) => m.subject?.includes('Plenum 2027'));
    expect(mails).toHaveLength(12);
    const uids = new Set<string>();
    for (const mail of mails) {
      expect(mail.subject).toBe('Einladung: Plenum 2027');
      const ics = mail.attachments.find((x) => x.filename === 'einladung.ics');
      expect(ics).toBeDefined();
      const parsed = parseIcs(ics?.content.toString('utf8') ?? '');
      expect(parsed.method).toBe('REQUEST');
      expect(parsed.events).toHaveLength(1);
      uids.add(parsed.events[0].uid);
    }
    expect(uids.size).toBe(12);
    expect(mails[0].text).toMatch(/\/events\/rsvp\/[A-Za-z0-9_-]{20,}/);
  });

  it('moves one occurrence and cancels another (exceptions keep their recurrence id)', async () => {
    const items = await list('2027-05-01T00:00:00Z', '2027-07-01T00:00:00Z');
    const [may, june] = items;
    const moved = await coordinator().patch(`/events/${may.id}`, {
      scope: 'this',
      startsAt: '2027-05-11T16:00:00Z',
      endsAt: '2027-05-11T18:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ isException: true, recurrenceId: may.recurrenceId });
    const cancelled = await coordinator().patch(`/events/${june.id}`, { scope: 'this', cancelled: true });
    expect(cancelled.json().cancelled).toBe(true);
  });

  it('changes this and following: later occurrences at 19:00, earlier ones untouched', async () => {
    const [september] = await list('2027-09-01T00:00:00Z', '2027-10-01T00:00:00Z');
    const res = await coordinator().patch(`/events/${september.id}`, { scope: 'following', startTime: '19:00' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().startsAt).toBe('2027-09-07T17:00:00.000Z');
    expect(res.json().seriesId).not.toBe(september.id);
    const all = (await list('2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).filter((e) => e.recurrenceId);
    expect(all).toHaveLength(12);
    expect(all.find((e) => e.startsAt.startsWith('2027-08'))?.startsAt).toBe('2027-08-03T16:00:00.000Z');
    expect(all.find((e) => e.startsAt.startsWith('2027-12'))?.startsAt).toBe('2027-12-07T18:00:00.000Z');
    expect(all.find((e) => e.startsAt.startsWith('2027-05'))?.isException).toBe(true);
  });

  it('refuses rules it does not support', async () => {
    const res = await coordinator().post('/events', {
      type: 'plenum',
      title: 'Stündlich',
      audience: 'all_guides',
      recurrence: { rrule: 'FREQ=HOURLY', startDate: '2027-01-01', startTime: '18:00', durationMinutes: 60 },
    });
    expectProblem(res, 400, 'validation_failed');
  });
});

describe('answers, capacity, attendance and minutes', () => {
  let eventId: string;
  it('answers by link without signing in, and in the app; yes respects the capacity', async () => {
    const res = await coordinator().post('/events', {
      type: 'supervision',
      title: 'Supervision klein',
      audience: 'invited',
      invitedGuideIds: [a.guideId, b.guideId],
      capacity: 1,
      startsAt: '2026-01-13T17:00:00Z',
      endsAt: '2026-01-13T18:30:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    const mail = (await received(a.email)).find((m) => m.subject === 'Einladung: Supervision klein');
    const token = mail?.text?.match(/\/events\/rsvp\/([A-Za-z0-9_-]+)/)?.[1] as string;
    const anonymous = client(t.app);
    const shown = await anonymous.get(`/event-links/${token}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ title: 'Supervision klein', response: null });
    const answered = await anonymous.post(`/event-links/${token}`, { response: 'yes' });
    expect(answered.json().response).toBe('yes');
    expectProblem(
      await client(t.app, b.session).post(`/events/${eventId}/rsvp`, { response: 'yes' }),
      409,
      'event_full',
    );
    const maybe = await client(t.app, b.session).post(`/events/${eventId}/rsvp`, { response: 'maybe' });
    expect(maybe.json()).toMatchObject({ myResponse: 'maybe', counts: { yes: 1, maybe: 1, no: 0, open: 0 } });
    expectProblem(await anonymous.get('/event-links/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 404, 'token_invalid');
  });

  it('attendance books the hours in the matching category once', async () => {
    const res = await client(t.app, office.sessions.coordinator).call('PUT', `/events/${eventId}/attendance`, {
      items: [
        { guideId: a.guideId, attended: true },
        { guideId: b.guideId, attended: false },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { guideId: a.guideId, attended: true, hoursBooked: true, reason: null },
      { guideId: b.guideId, attended: false, hoursBooked: false, reason: 'not_attended' },
    ]);
    const again = await client(t.app, office.sessions.coordinator).call('PUT', `/events/${eventId}/attendance`, {
      items: [{ guideId: a.guideId, attended: true }],
    });
    expect(again.json().items[0]).toMatchObject({ hoursBooked: true, reason: 'already_booked' });
    const hours = await client(t.app, a.session).get('/me/hours?month=2026-01');
    if (hours.statusCode === 200) expect(JSON.stringify(hours.json())).toContain('Supervision klein');
  });

  it('shows minutes to the audience only', async () => {
    await coordinator().patch(`/events/${eventId}`, { minutes: 'Protokoll: Fallbesprechung.' });
    expect((await client(t.app, a.session).get(`/events/${eventId}`)).json().minutes).toBe(
      'Protokoll: Fallbesprechung.',
    );
    const outsider = await createGuideWithAccount(t, office);
    expect((await client(t.app, outsider.session).get(`/events/${eventId}`)).statusCode).toBe(404);
    expect((await client(t.app, other.sessions.coordinator).get(`/events/${eventId}`)).statusCode).toBe(404);
  });
});

describe('personal calendar feed', () => {
  it('serves the guide events behind a renewable secret URL, parsed back', async () => {
    const res = await client(t.app, a.session).post('/me/calendar-feed', {});
    expect(res.statusCode, res.body).toBe(200);
    const path = new URL(res.json().url).pathname.replace('/api/v1', '');
    const feed = await client(t.app).get(path);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const parsed = parseIcs(feed.body);
    expect(parsed.events.some((e) => e.summary === 'Plenum 2027')).toBe(true);
    expect(parsed.events.some((e) => e.start === '2027-01-05T17:00:00.000Z')).toBe(true);
    // Cancelled occurrences are not in the feed.
    expect(parsed.events.some((e) => e.start.startsWith('2027-06'))).toBe(false);
    const renewed = await client(t.app, a.session).post('/me/calendar-feed', {});
    expect((await client(t.app).get(path)).statusCode).toBe(404);
    expect(renewed.json().url).not.toBe(res.json().url);
  });

  it("holds the guide's deployment appointments (rooms booked for their deployments), not others' or cancelled ones", async () => {
    const assignmentId = await acceptedAssignment(t, office, 'Begleitung zum Standesamt');
    const room = await coordinator().post('/rooms', { name: `Beratungsraum ${Date.now()}` });
    expect(room.statusCode, room.body).toBe(201);
    const book = async (title: string, startsAt: string, endsAt: string) => {
      const res = await coordinator().post('/room-bookings', {
        roomId: room.json().id,
        startsAt,
        endsAt,
        title,
        purpose: 'assignment',
        assignmentId,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await book('Gespräch Standesamt', '2027-02-10T09:00:00Z', '2027-02-10T10:00:00Z');
    const cancelled = await book('Gespräch abgesagt', '2027-02-11T09:00:00Z', '2027-02-11T10:00:00Z');
    expect((await coordinator().post(`/room-bookings/${cancelled}/cancel`, {})).statusCode).toBe(200);

    const feedOf = async (session: Session) => {
      const res = await client(t.app, session).post('/me/calendar-feed', {});
      const feed = await client(t.app).get(new URL(res.json().url).pathname.replace('/api/v1', ''));
      expect(feed.statusCode, feed.body).toBe(200);
      return parseIcs(feed.body).events;
    };
    const mine = await feedOf(office.sessions.guide);
    expect(mine.filter((e) => e.summary.startsWith('Gespräch'))).toEqual([
      expect.objectContaining({ summary: 'Gespräch Standesamt', start: '2027-02-10T09:00:00.000Z' }),
    ]);
    // Another guide of the office does not get it.
    expect((await feedOf(a.session)).some((e) => e.summary.startsWith('Gespräch'))).toBe(false);
  });
});

describe('event tomorrow', () => {
  it('notifies the guides who said yes or maybe, once, even when run twice', async () => {
    const res = await coordinator().post('/events', {
      type: 'info_evening',
      title: 'Infoabend morgen',
      audience: 'invited',
      invitedGuideIds: [a.guideId],
      startsAt: '2027-03-10T17:00:00Z',
      endsAt: '2027-03-10T19:00:00Z',
    });
    const id = res.json().id;
    await client(t.app, a.session).post(`/events/${id}/rsvp`, { response: 'yes' });
    const saved = clock.now();
    clock.set(new Date('2027-03-09T09:00:00Z'));
    try {
      const firstRun = await sendEventReminders(t.ctx);
      const secondRun = await sendEventReminders(t.ctx);
      expect(firstRun.notified).toBeGreaterThanOrEqual(1);
      expect(secondRun.notified).toBe(0);
    } finally {
      clock.set(saved);
    }
  });
});

describe('the room of one occurrence follows its changes', () => {
  const bookings = async (roomId: string) =>
    (
      await coordinator().get(
        `/room-bookings?roomId=${roomId}&from=${encodeURIComponent('2027-04-01T00:00:00Z')}&to=${encodeURIComponent('2027-04-30T00:00:00Z')}`,
      )
    )
      .json()
      .items.map((b: { startsAt: string; endsAt: string; title: string }) => [b.startsAt, b.endsAt, b.title]);

  it('moves, changes and frees the booking, and says the office time zone', async () => {
    const hall = (await coordinator().post('/rooms', { name: 'Ratssaal', capacity: 80 })).json();
    const small = (await coordinator().post('/rooms', { name: 'Kleiner Raum', capacity: 10 })).json();
    const res = await coordinator().post('/events', {
      type: 'supervision',
      title: 'Supervision April',
      audience: 'invited',
      invitedGuideIds: [a.guideId],
      roomId: hall.id,
      startsAt: '2027-04-13T16:00:00Z',
      endsAt: '2027-04-13T18:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ roomName: 'Ratssaal', timeZone: 'Europe/Berlin' });
    const id = res.json().id;
    expect(await bookings(hall.id)).toEqual([
      ['2027-04-13T16:00:00.000Z', '2027-04-13T18:00:00.000Z', 'Supervision April'],
    ]);

    // Moved by an hour: the booking moves with it.
    const moved = await coordinator().patch(`/events/${id}`, {
      startsAt: '2027-04-13T17:00:00Z',
      endsAt: '2027-04-13T19:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await bookings(hall.id)).toEqual([
      ['2027-04-13T17:00:00.000Z', '2027-04-13T19:00:00.000Z', 'Supervision April'],
    ]);

    // Another room: the hall is free, the small room booked; a taken room is refused naming the booking.
    expect((await coordinator().patch(`/events/${id}`, { roomId: small.id })).statusCode).toBe(200);
    expect(await bookings(small.id)).toHaveLength(1);
    expect(await bookings(hall.id)).toEqual([]);
    const other = await coordinator().post('/room-bookings', {
      roomId: hall.id,
      startsAt: '2027-04-13T17:30:00Z',
      endsAt: '2027-04-13T18:30:00Z',
      title: 'Sprechstunde',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(await bookings(hall.id)).toEqual([['2027-04-13T17:30:00.000Z', '2027-04-13T18:30:00.000Z', 'Sprechstunde']]);
    const taken = await coordinator().patch(`/events/${id}`, { roomId: hall.id });
    expect(expectProblem(taken, 409).code).toBe('room_double_booked');
    expect(await bookings(small.id)).toHaveLength(1);

    // Cancelled: the room is free again.
    const cancelled = await coordinator().patch(`/events/${id}`, { cancelled: true });
    expect(cancelled.json()).toMatchObject({ cancelled: true, roomName: 'Kleiner Raum' });
    expect(await bookings(small.id)).toEqual([]);
  });
});

describe('cancelling this and all following occurrences of a series', () => {
  const changed = async (session: Session) =>
    (await client(t.app, session).get('/notifications?limit=100'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'event_changed') as {
      params: Record<string, string>;
      link: string;
    }[];

  it('cancels the later occurrences, frees their rooms, ends the series, notifies once and is idempotent', async () => {
    const room = (await coordinator().post('/rooms', { name: 'Gruppenraum 2028', capacity: 20 })).json();
    const res = await coordinator().post('/events', {
      type: 'supervision',
      title: 'Supervision 2028',
      audience: 'invited',
      invitedGuideIds: [a.guideId, b.guideId],
      roomId: room.id,
      recurrence: {
        rrule: 'FREQ=MONTHLY;BYDAY=+2WE',
        startDate: '2028-01-01',
        startTime: '17:00',
        durationMinutes: 90,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const seriesId = res.json().seriesId as string;
    const ofSeries = async () =>
      (await list('2028-01-01T00:00:00Z', '2029-01-15T00:00:00Z')).filter(
        (e) => (e as Ev & { seriesId: string }).seriesId === seriesId,
      );
    const before = await ofSeries();
    expect(before).toHaveLength(12);
    // Straight from the table: the bookings API shows one or two months at a time.
    const bookings = () =>
      t.ctx.database.rows<{ startsAt: string }>(
        `select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startsAt" from room_bookings
         where room_id = '${room.id}' and cancelled_at is null order by starts_at`,
      );
    expect(await bookings()).toHaveLength(12);

    // a says yes to July and maybe to October, b says no: only a hears of the cancellation, and once.
    const july = before[6];
    expect(july.startsAt.startsWith('2028-07')).toBe(true);
    expect((await client(t.app, a.session).post(`/events/${july.id}/rsvp`, { response: 'yes' })).statusCode).toBe(200);
    expect(
      (await client(t.app, a.session).post(`/events/${before[9].id}/rsvp`, { response: 'maybe' })).statusCode,
    ).toBe(200);
    expect((await client(t.app, b.session).post(`/events/${before[8].id}/rsvp`, { response: 'no' })).statusCode).toBe(
      200,
    );
    const aBefore = (await changed(a.session)).length;
    const bBefore = (await changed(b.session)).length;

    const june = before[5];
    // Cancelling is not mixed with other changes.
    const mixed = await coordinator().patch(`/events/${june.id}`, { scope: 'following', cancelled: true, title: 'X' });
    expect(expectProblem(mixed, 400).code).toBe('validation_failed');

    const cancelled = await coordinator().patch(`/events/${june.id}`, { scope: 'following', cancelled: true });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: june.id, cancelled: true, seriesId });

    const after = await ofSeries();
    expect(after).toHaveLength(12);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(after.slice(0, 5).every((e) => !e.cancelled)).toBe(true);
    expect(after.slice(5).every((e) => e.cancelled)).toBe(true);
    expect((await bookings()).map((x) => x.startsAt)).toEqual(before.slice(0, 5).map((e) => e.startsAt));

    const aNotes = await changed(a.session);
    expect(aNotes.length - aBefore).toBe(1);
    expect(aNotes.filter((n) => n.params.title === 'Supervision 2028')).toHaveLength(1);
    expect((await changed(b.session)).length).toBe(bBefore);

    // The series ends before June: its rule stops and nothing after it is generated again.
    const detail = (await coordinator().get(`/events/${before[0].id}`)).json();
    expect(detail.rrule).toMatch(/UNTIL=2028/);

    // A second call changes nothing and notifies nobody again.
    const again = await coordinator().patch(`/events/${july.id}`, { scope: 'following', cancelled: true });
    expect(again.statusCode, again.body).toBe(200);
    const repeated = await coordinator().patch(`/events/${june.id}`, { scope: 'following', cancelled: true });
    expect(repeated.statusCode, repeated.body).toBe(200);
    expect((await ofSeries()).map((e) => [e.id, e.cancelled])).toEqual(after.map((e) => [e.id, e.cancelled]));
    expect((await changed(a.session)).length - aBefore).toBe(1);
    expect((await bookings()).length).toBe(5);
  });
});

describe('guide groups', () => {
  it('creates, renames and re-members a group; a group audience invites its members at creation', async () => {
    const created = await coordinator().post('/event-groups', { name: 'Supervision Nord', guideIds: [a.guideId] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;

    const renamed = await coordinator().patch(`/event-groups/${id}`, {
      name: 'Supervision Nord-West',
      guideIds: [a.guideId, b.guideId],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id, name: 'Supervision Nord-West', description: null });
    expect([...renamed.json().guideIds].sort()).toEqual([a.guideId, b.guideId].sort());

    // Only the description: the members stay.
    const described = await coordinator().patch(`/event-groups/${id}`, { description: 'Treffen im Rathaus' });
    expect(described.json()).toMatchObject({ name: 'Supervision Nord-West', description: 'Treffen im Rathaus' });
    expect(described.json().guideIds).toHaveLength(2);

    const listed = (await coordinator().get('/event-groups')).json().items.find((g: { id: string }) => g.id === id);
    expect(listed.guideIds).toHaveLength(2);

    const event = await coordinator().post('/events', {
      type: 'supervision',
      title: 'Gruppensupervision',
      audience: 'group',
      groupId: id,
      startsAt: '2027-11-10T16:00:00Z',
      endsAt: '2027-11-10T18:00:00Z',
    });
    expect(event.statusCode, event.body).toBe(201);
    expect(event.json().invitations).toHaveLength(2);

    const unknownGuide = await coordinator().patch(`/event-groups/${id}`, { guideIds: [other.guideId] });
    expect(expectProblem(unknownGuide, 400).code).toBe('validation_failed');
    expect(expectProblem(await coordinator().patch(`/event-groups/${id}`, {}), 400).code).toBe('validation_failed');
    const missing = await coordinator().patch('/event-groups/5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b', { name: 'X' });
    expect(missing.statusCode).toBe(404);
    expect((await client(t.app, a.session).patch(`/event-groups/${id}`, { name: 'Lotsin' })).statusCode).toBe(403);
  });
});
