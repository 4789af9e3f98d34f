/**
 * Issue 12 §2: rooms and bookings. Parallel requests for overlapping times in one room give exactly one booking and
 * a 409 naming it for every other; adjacent bookings both succeed; a cancelled booking frees the slot; the
 * exclusion constraint refuses an overlapping insert that bypasses the service. Runs on PGlite and on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { addDays } from '../../src/domain/dates.js';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
const coordinator = () => client(t.app, office.sessions.coordinator);
/** A day next week, so every booking lies in the future and in the plausible range. */
const day = addDays(new Date().toISOString().slice(0, 10), 8);
const at = (time: string, d = day) => `${d}T${time}:00Z`;

async function newRoom(body: Record<string, unknown> = {}) {
  const res = await coordinator().post('/rooms', { name: `Raum ${tag()}`, capacity: 12, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}
const book = (roomId: string, from: string, to: string, title = 'Gespräch') =>
  coordinator().post('/room-bookings', { roomId, startsAt: at(from), endsAt: at(to), title });

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
});
afterAll(() => t.close());

describe('rooms', () => {
  it('creates, lists, changes and archives a room; a room without bookings is deleted, one with bookings archived', async () => {
    const room = await newRoom({ stepFree: true, equipment: ['projector', 'wifi'], location: 'Rathaus, 2. OG' });
    const got = await coordinator().get(`/rooms/${room.id}`);
    expect(got.json()).toMatchObject({ stepFree: true, equipment: ['projector', 'wifi'], archived: false });
    const patched = await coordinator().patch(`/rooms/${room.id}`, { capacity: 30, stepFree: false });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ capacity: 30, stepFree: false });

    const empty = await newRoom();
    expect((await coordinator().delete(`/rooms/${empty.id}`)).json()).toEqual({ outcome: 'deleted' });
    expectProblem(await coordinator().get(`/rooms/${empty.id}`), 404);

    expect((await book(room.id, '08:00', '09:00')).statusCode).toBe(201);
    expect((await coordinator().delete(`/rooms/${room.id}`)).json()).toEqual({ outcome: 'archived' });
    const listed = (await coordinator().get('/rooms')).json().items.map((r: { id: string }) => r.id);
    expect(listed).not.toContain(room.id);
    const all = (await coordinator().get('/rooms?archived=include')).json().items.map((r: { id: string }) => r.id);
    expect(all).toContain(room.id);
    // An archived room takes no new bookings; its old bookings stay on record.
    const refused = expectProblem(await book(room.id, '12:00', '13:00'), 400, 'validation_failed');
    expect(refused.errors?.map((e) => e.code)).toEqual(['roomArchived']);
    const audit = (await coordinator().get(`/audit-events?entityId=${room.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(
      expect.arrayContaining(['room.created', 'room.updated', 'room_booking.created', 'room.archived']),
    );
  });

  it("refuses a partner of another office as the room's owner, like one that does not exist", async () => {
    const res = await coordinator().post('/rooms', { name: 'Fremder Raum', partnerId: other.partnerId });
    expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(['partnerId']);
    const own = await coordinator().post('/rooms', { name: `AWO-Saal ${tag()}`, partnerId: office.partnerId });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().partnerName).toBeTruthy();
  });
});

describe('bookings', () => {
  it('of many parallel requests for overlapping times, exactly one is booked; the others get 409 naming it', async () => {
    const room = await newRoom();
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        book(room.id, `10:${String(i * 5).padStart(2, '0')}`, `11:${String(i * 5).padStart(2, '0')}`, `Versuch ${i}`),
      ),
    );
    const created = attempts.filter((r) => r.statusCode === 201);
    const refused = attempts.filter((r) => r.statusCode !== 201);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(7);
    const winner = created[0].json();
    for (const res of refused) {
      const problem = expectProblem(res, 409, 'room_double_booked');
      const [error] = problem.errors ?? [];
      expect(error.code).toBe('roomDoubleBooked');
      expect((error as { params?: Record<string, string> }).params).toEqual({
        title: winner.title,
        startsAt: winner.startsAt,
        endsAt: winner.endsAt,
      });
      expect(error.message).toContain(winner.title);
    }
    const listed = await coordinator().get(
      `/room-bookings?roomId=${room.id}&from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:59'))}`,
    );
    expect(listed.json().items).toHaveLength(1);
  });

  it('books adjacent slots (10–11, 11–12) in one room, and the same slot in another room', async () => {
    const room = await newRoom();
    const second = await newRoom();
    expect((await book(room.id, '10:00', '11:00')).statusCode).toBe(201);
    expect((await book(room.id, '11:00', '12:00')).statusCode).toBe(201);
    expect((await book(second.id, '10:00', '12:00')).statusCode).toBe(201);
    expectProblem(await book(room.id, '10:59', '11:01'), 409, 'room_double_booked');
  });

  it('frees the slot when a booking is cancelled; cancelling again changes nothing', async () => {
    const room = await newRoom();
    const first = await book(room.id, '14:00', '16:00', 'Supervision');
    expect(first.statusCode, first.body).toBe(201);
    expectProblem(await book(room.id, '15:00', '17:00'), 409, 'room_double_booked');
    const cancelled = await coordinator().post(`/room-bookings/${first.json().id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().cancelledAt).toBeTruthy();
    const again = await coordinator().post(`/room-bookings/${first.json().id}/cancel`, {});
    expect(again.json().cancelledAt).toBe(cancelled.json().cancelledAt);
    expect((await book(room.id, '15:00', '17:00')).statusCode).toBe(201);
  });

  it('lists the week of all rooms, without cancelled bookings', async () => {
    const room = await newRoom();
    const kept = (await book(room.id, '09:00', '10:00', `Bleibt ${tag()}`)).json();
    const gone = (await book(room.id, '10:00', '11:00', `Storniert ${tag()}`)).json();
    await coordinator().post(`/room-bookings/${gone.id}/cancel`, {});
    const from = encodeURIComponent(`${day}T00:00:00Z`);
    const to = encodeURIComponent(`${addDays(day, 7)}T00:00:00Z`);
    const week = (await coordinator().get(`/room-bookings?from=${from}&to=${to}`)).json().items;
    const titles = week.map((b: { title: string }) => b.title);
    expect(titles).toContain(kept.title);
    expect(titles).not.toContain(gone.title);
    expect(week.find((b: { id: string }) => b.id === kept.id)).toMatchObject({ roomName: room.name, purpose: 'other' });
  });

  it('validates times, purposes and links', async () => {
    const room = await newRoom();
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await coordinator().post('/room-bookings', {
        roomId: room.id,
        startsAt: at('10:00'),
        endsAt: at('11:00'),
        title: 'Prüfung',
        ...body,
      });
      expect(expectProblem(res, 400).errors?.map((e) => e.path)).toContain(path);
    };
    await bad({ endsAt: at('09:00') }, 'endsAt');
    await bad({ endsAt: at('10:00') }, 'endsAt');
    await bad({ endsAt: `${addDays(day, 15)}T10:00:00Z` }, 'endsAt');
    await bad({ startsAt: '9999-01-01T10:00:00Z' }, 'startsAt');
    await bad({ purpose: 'event' }, 'purpose');
    await bad({ purpose: 'assignment' }, 'assignmentId');
    await bad({ purpose: 'other', courseSessionId: crypto.randomUUID() }, 'courseSessionId');
    // Another office's room and deployment answer like ones that do not exist.
    const foreignRoom = await client(t.app, other.sessions.coordinator).post('/rooms', { name: 'B-Raum' });
    await bad({ roomId: foreignRoom.json().id }, 'roomId');
    await bad({ purpose: 'assignment', assignmentId: crypto.randomUUID() }, 'assignmentId');
    const range = await coordinator().get(
      `/room-bookings?from=${encodeURIComponent(at('10:00'))}&to=${encodeURIComponent(`${addDays(day, 60)}T00:00:00Z`)}`,
    );
    expectProblem(range, 400);
  });

  it("links a booking to a session of one of the office's courses", async () => {
    const course = await coordinator().post('/courses', {
      title: `Kurs ${tag()}`,
      type: 'basic',
      teachingUnits: 4,
      capacity: 8,
      status: 'open',
    });
    expect(course.statusCode, course.body).toBe(201);
    const session = await coordinator().post(`/courses/${course.json().id}/sessions`, {
      startsAt: at('17:00'),
      endsAt: at('19:00'),
      teachingUnits: 2,
    });
    expect(session.statusCode, session.body).toBe(201);
    const room = await newRoom();
    const res = await coordinator().post('/room-bookings', {
      roomId: room.id,
      startsAt: at('17:00'),
      endsAt: at('19:00'),
      title: 'Kurstermin',
      purpose: 'course_session',
      courseSessionId: session.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ courseSessionId: session.json().id, courseId: course.json().id });
  });

  it('is for coordinators: guides and partner contacts get 403', async () => {
    for (const role of ['guide', 'partner'] as const) {
      const api = client(t.app, office.sessions[role]);
      expectProblem(await api.get('/rooms'), 403);
      expectProblem(await api.post('/rooms', { name: 'Unbefugt' }), 403);
    }
  });
});

describe('course sessions with a room', () => {
  it('books the room for a session, moves the booking with the session, refuses a clash and frees it on delete', async () => {
    const course = await coordinator().post('/courses', {
      title: `Raumkurs ${tag()}`,
      type: 'basic',
      teachingUnits: 4,
      capacity: 8,
      status: 'open',
    });
    expect(course.statusCode, course.body).toBe(201);
    const courseId = course.json().id;
    const room = await newRoom();
    const week = (roomId = room.id) =>
      coordinator().get(
        `/room-bookings?roomId=${roomId}&from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(`${addDays(day, 2)}T00:00:00Z`)}`,
      );
    const session = await coordinator().post(`/courses/${courseId}/sessions`, {
      startsAt: at('17:00'),
      endsAt: at('19:00'),
      teachingUnits: 2,
      roomId: room.id,
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().room).toBe(room.name);
    const sessionId = session.json().id;
    let items = (await week()).json().items;
    expect(items).toMatchObject([{ purpose: 'course_session', courseSessionId: sessionId, courseId }]);

    // Moved to the next day: the booking moves along.
    const moved = await coordinator().patch(`/courses/${courseId}/sessions/${sessionId}`, {
      startsAt: `${addDays(day, 1)}T17:00:00Z`,
      endsAt: `${addDays(day, 1)}T19:00:00Z`,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    items = (await week()).json().items;
    expect(items.map((b: { startsAt: string }) => b.startsAt)).toEqual([`${addDays(day, 1)}T17:00:00.000Z`]);

    // Moving onto another booking of the room is refused, naming it, and the session stays where it was.
    await book(room.id, '16:00', '18:00', 'Schon belegt');
    const clash = await coordinator().patch(`/courses/${courseId}/sessions/${sessionId}`, {
      startsAt: at('17:00'),
      endsAt: at('19:00'),
    });
    expect(expectProblem(clash, 409, 'room_double_booked').errors?.[0].message).toContain('Schon belegt');
    const detail = (await coordinator().get(`/courses/${courseId}`)).json();
    expect(detail.sessions[0].startsAt).toBe(`${addDays(day, 1)}T17:00:00.000Z`);

    // Another room: the first is freed. Then the session is deleted, and so is its booking.
    const other = await newRoom();
    const switched = await coordinator().patch(`/courses/${courseId}/sessions/${sessionId}`, { roomId: other.id });
    expect(switched.json().room).toBe(other.name);
    expect((await week()).json().items.filter((b: { purpose: string }) => b.purpose === 'course_session')).toEqual([]);
    expect((await week(other.id)).json().items).toHaveLength(1);
    expect((await coordinator().delete(`/courses/${courseId}/sessions/${sessionId}`)).statusCode).toBe(204);
    expect((await week(other.id)).json().items).toEqual([]);
  });
});

describe('the exclusion constraint below the service', () => {
  it('refuses an overlapping insert that bypasses the service, and accepts an adjacent or cancelled one', async () => {
    const room = await newRoom();
    expect((await book(room.id, '18:00', '20:00', 'Plenum')).statusCode).toBe(201);
    const db = t.ctx.database.db;
    const scope = { officeId: office.officeId };
    const insert = (from: string, to: string, cancelled = false) =>
      inScope(db, scope, (tx) =>
        tx.execute(sql`insert into room_bookings (office_id, room_id, starts_at, ends_at, title, purpose, cancelled_at)
          values (${office.officeId}, ${room.id}, ${at(from)}, ${at(to)}, 'Direkt', 'other',
          ${cancelled ? new Date().toISOString() : null})`),
      );
    await expect(insert('19:00', '21:00')).rejects.toSatisfy((e: unknown) => {
      const err = e as { code?: string; cause?: { code?: string } };
      return (err.code ?? err.cause?.code) === '23P01';
    });
    await expect(insert('19:00', '21:00', true)).resolves.toBeDefined();
    await expect(insert('20:00', '21:00')).resolves.toBeDefined();
  });
});
