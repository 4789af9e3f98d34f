/**
 * Issue 10 §2: courses with sessions, enrolment with a waiting list and moving up, the sustainability module's
 * eligibility (6 months after the first activity), attendance, completion and its effects on the guide, the trainer
 * role, and the iCal feeds parsed back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/dates.js';
import { sendCourseSessionReminders } from '../../src/modules/courses/reminders.js';
import { expectProblem, outboxFor } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createTrainer, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let trainer: { userId: string; email: string; session: Session };
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  trainer = await createTrainer(t, office.officeId);
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);
const put = (session: Session, url: string, body: unknown) => client(t.app, session).call('PUT', url, body);

async function createCourse(over: Record<string, unknown> = {}) {
  const res = await coordinator().post('/courses', {
    title: 'Basisqualifizierung Frühjahr',
    type: 'basic',
    teachingUnits: 8,
    capacity: 2,
    status: 'open',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; completionMinAttendancePercent: number };
}

async function addSession(courseId: string, day: string, over: Record<string, unknown> = {}) {
  const res = await coordinator().post(`/courses/${courseId}/sessions`, {
    startsAt: `${day}T16:00:00+01:00`,
    endsAt: `${day}T19:00:00+01:00`,
    room: 'Raum 1, Freiwilligenzentrum',
    topic: 'Rolle und Grenzen',
    teachingUnits: 4,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function enrol(courseId: string, guideId: string, status = 201) {
  const res = await coordinator().post(`/courses/${courseId}/enrolments`, { guideId });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** VEVENTs of an iCalendar text: their properties by name (lines unfolded). */
function parseIcs(text: string) {
  expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0]] = line.slice(i + 1).replace(/\\,/g, ',');
    }
  }
  return events;
}

describe('enrolment and the waiting list', () => {
  it('fills the places, waitlists the rest in order, and moves the first up when a place frees', async () => {
    const course = await createCourse();
    await addSession(course.id, addDays(today, 10));
    const guides = [
      office.guideId,
      ...(await Promise.all([1, 2, 3].map(() => createGuideWithAccount(t, office)))).map((g) => g.guideId),
    ];
    const enrolments = [];
    for (const g of guides) enrolments.push(await enrol(course.id, g));
    expect(enrolments.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // Twice is refused.
    expectProblem(
      await coordinator().post(`/courses/${course.id}/enrolments`, { guideId: guides[0] }),
      409,
      'already_enrolled',
    );

    const third = (await coordinator().get(`/guides/${guides[2]}`)).json();
    const waitMail = (await outboxFor(t.app, office.sessions.coordinator, third.email)).map((m) => m.subject);
    expect(waitMail.some((s) => s.startsWith('Warteliste'))).toBe(true);

    const withdrawn = await coordinator().post(`/courses/${course.id}/enrolments/${enrolments[0].id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const byGuide = new Map(
      (withdrawn.json().enrolments as { guideId: string; status: string; waitlistPosition: number | null }[]).map(
        (e) => [e.guideId, e],
      ),
    );
    expect(byGuide.get(guides[0])?.status).toBe('withdrawn');
    expect(byGuide.get(guides[2])).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    expect(byGuide.get(guides[3])).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(withdrawn.json().course).toMatchObject({ enrolledCount: 2, waitlistCount: 1 });
    const movedUp = await outboxFor(t.app, office.sessions.coordinator, third.email);
    expect(movedUp.some((m) => m.subject.startsWith('Sie haben einen Platz'))).toBe(true);

    // Withdrawing a waitlisted guide frees no place: nobody moves up.
    const fourth = enrolments[3];
    const again = await coordinator().post(`/courses/${course.id}/enrolments/${fourth.id}/withdraw`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().course).toMatchObject({ enrolledCount: 2, waitlistCount: 0 });
  });

  it('cancelling a course mails everyone enrolled or waiting, once, and nobody who withdrew', async () => {
    const course = await createCourse({ title: 'Elternlotsen Kompakt' });
    await addSession(course.id, addDays(today, 12));
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createGuideWithAccount(t, office)));
    const rows = [];
    for (const g of [a, b, c, d]) rows.push(await enrol(course.id, g.guideId));
    expect(rows.map((r) => r.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    // d withdraws before the cancellation: no mail for them.
    expect((await coordinator().post(`/courses/${course.id}/enrolments/${rows[3].id}/withdraw`)).statusCode).toBe(200);
    const emailOf = async (guideId: string) => (await coordinator().get(`/guides/${guideId}`)).json().email as string;
    const cancelledMails = async (guideId: string) =>
      (await outboxFor(t.app, office.sessions.coordinator, await emailOf(guideId))).filter(
        (m) => m.subject === 'Abgesagt: Elternlotsen Kompakt',
      );
    const res = await coordinator().patch(`/courses/${course.id}`, { status: 'cancelled' });
    expect(res.statusCode, res.body).toBe(200);
    // Saving the cancelled course again sends nothing more.
    expect((await coordinator().patch(`/courses/${course.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    for (const g of [a, b, c]) expect(await cancelledMails(g.guideId)).toHaveLength(1);
    expect(await cancelledMails(d.guideId)).toHaveLength(0);
  });

  it('refuses a guide of another office as unknown and a course that does not exist as 404', async () => {
    const other = await createOffice(t);
    const course = await createCourse();
    const res = await coordinator().post(`/courses/${course.id}/enrolments`, { guideId: other.guideId });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'guideId',
      code: 'guideUnknown',
    });
    expectProblem(
      await client(t.app, other.sessions.coordinator).post(`/courses/${course.id}/enrolments`, {
        guideId: other.guideId,
      }),
      404,
    );
  });
});

describe('sustainability module eligibility', () => {
  it('needs 6 months since the first activity, counted to the first session; no activity at all is not eligible', async () => {
    // A guide without any activity.
    const fresh = await createGuideWithAccount(t, office);
    const soon = await createCourse({ type: 'sustainability', title: 'Nachhaltigkeitsmodul', capacity: 10 });
    await addSession(soon.id, addMonths(today, 5));
    const none = expectProblem(
      await coordinator().post(`/courses/${soon.id}/enrolments`, { guideId: fresh.guideId }),
      409,
      'not_eligible_yet',
    );
    expect(none.errors?.[0]).toMatchObject({ path: 'guideId', code: 'noActivityYet' });

    // A deployment with an activity two days ago: eligible from 6 months after that day.
    const partner = client(t.app, office.sessions.partner);
    const request = await coordinator().post('/requests', {
      ...requestBody(office, { startsOn: addDays(today, -7), endsOn: addDays(today, 60) }),
      partnerId: office.partnerId,
    });
    expect(request.statusCode, request.body).toBe(201);
    const offer = await coordinator().post(`/requests/${request.json().id}/offers`, {
      guideIds: [fresh.guideId],
      message: 'Passt das?',
      overrideReason: 'Test: direkt anfragen',
    });
    expect(offer.statusCode, offer.body).toBe(201);
    const guide = client(t.app, fresh.session);
    const accepted = await guide.post(`/offers/${offer.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const assignmentId = accepted.json().assignmentId;
    await coordinator().patch(`/assignments/${assignmentId}/agreement`, { startsOn: addDays(today, -7) });
    expect((await guide.post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(200);
    expect((await partner.post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(200);
    const first = addDays(today, -2);
    const logged = await guide.post(`/assignments/${assignmentId}/activities`, {
      date: first,
      startTime: '10:00',
      endTime: '12:00',
      type: 'accompaniment',
    });
    expect(logged.statusCode, logged.body).toBe(201);

    const notYet = expectProblem(
      await coordinator().post(`/courses/${soon.id}/enrolments`, { guideId: fresh.guideId }),
      409,
      'not_eligible_yet',
    );
    expect(notYet.errors?.[0]).toMatchObject({ path: 'guideId', code: 'notEligibleYet' });
    // The message names the date from which the guide is eligible (in the reader's date format).
    const [y, m, d] = addMonths(first, 6).split('-');
    expect(notYet.errors?.[0].message).toContain(`${d}.${m}.${y}`);

    const later = await createCourse({ type: 'sustainability', title: 'Nachhaltigkeitsmodul Herbst', capacity: 10 });
    await addSession(later.id, addMonths(first, 6));
    expect((await enrol(later.id, fresh.guideId)).status).toBe('enrolled');
  });
});

describe('attendance, completion and its effects', () => {
  it('marks completion by the 80 % rule, certifies on a basic course and adds the specialisation of a module', async () => {
    const passing = await createGuideWithAccount(t, office, { status: 'in_training', certifiedAt: null });
    const failing = await createGuideWithAccount(t, office, { status: 'in_training', certifiedAt: null });
    const course = await createCourse({ capacity: 5, trainerIds: [trainer.userId] });
    const s1 = await addSession(course.id, addDays(today, -14));
    const s2 = await addSession(course.id, addDays(today, -7));
    await enrol(course.id, passing.guideId);
    await enrol(course.id, failing.guideId);

    // The trainer records the first session; the coordinator the second (from the paper list).
    const first = await put(trainer.session, `/courses/${course.id}/sessions/${s1.id}/attendance`, {
      rows: [
        { guideId: passing.guideId, present: true, minutesMissed: 0 },
        { guideId: failing.guideId, present: true, minutesMissed: 30 },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await put(office.sessions.coordinator, `/courses/${course.id}/sessions/${s2.id}/attendance`, {
      rows: [
        // 45 minutes missed of 4 UE: 3 UE, so 7 of 8 UE = 87.5 % ≥ 80 %.
        { guideId: passing.guideId, present: true, minutesMissed: 45 },
        { guideId: failing.guideId, present: false, minutesMissed: 0 },
      ],
    });
    expect(second.statusCode, second.body).toBe(200);
    const units = new Map(
      (second.json().enrolments as { guideId: string; attendedUnits: number }[]).map((e) => [
        e.guideId,
        e.attendedUnits,
      ]),
    );
    expect(units.get(passing.guideId)).toBe(7);
    expect(units.get(failing.guideId)).toBe(3.33);
    // Someone not enrolled cannot be recorded.
    const stranger = await put(office.sessions.coordinator, `/courses/${course.id}/sessions/${s2.id}/attendance`, {
      rows: [{ guideId: office.guideId, present: true, minutesMissed: 0 }],
    });
    expect(expectProblem(stranger, 400).errors?.[0]).toMatchObject({ path: 'rows.0.guideId', code: 'notEnrolled' });

    const finished = await coordinator().post(`/courses/${course.id}/finish`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({
      course: { status: 'finished' },
      completed: [passing.guideId],
      notCompleted: [failing.guideId],
    });
    const certified = (await coordinator().get(`/guides/${passing.guideId}`)).json();
    expect(certified.certifiedAt).toBe(today);
    expect((await coordinator().get(`/guides/${failing.guideId}`)).json().certifiedAt).toBeNull();

    // A finished course is evidence: no more attendance, enrolment or finishing.
    expectProblem(
      await put(office.sessions.coordinator, `/courses/${course.id}/sessions/${s2.id}/attendance`, {
        rows: [{ guideId: failing.guideId, present: true, minutesMissed: 0 }],
      }),
      409,
      'course_closed',
    );
    expectProblem(await coordinator().post(`/courses/${course.id}/finish`), 409, 'course_closed');

    // A specialisation module adds its specialisation once.
    const spec = await coordinator().post('/specializations', { key: 'health_guide', name: 'Gesundheitslotse' });
    expect(spec.statusCode, spec.body).toBe(201);
    const module = await createCourse({
      type: 'specialisation',
      grantsSpecialisation: 'health_guide',
      teachingUnits: 4,
    });
    const only = await addSession(module.id, addDays(today, -1));
    await enrol(module.id, passing.guideId);
    await put(office.sessions.coordinator, `/courses/${module.id}/sessions/${only.id}/attendance`, {
      rows: [{ guideId: passing.guideId, present: true, minutesMissed: 0 }],
    });
    expect((await coordinator().post(`/courses/${module.id}/finish`)).statusCode).toBe(200);
    expect((await coordinator().get(`/guides/${passing.guideId}`)).json().specializations).toContain('health_guide');
    const unknown = await coordinator().post('/courses', {
      title: 'X',
      type: 'specialisation',
      teachingUnits: 4,
      capacity: 4,
      grantsSpecialisation: 'no_such_key',
    });
    expect(expectProblem(unknown, 400).errors?.[0]).toMatchObject({ path: 'grantsSpecialisation' });
  });

  it('refuses to finish a course without sessions', async () => {
    const course = await createCourse();
    expectProblem(await coordinator().post(`/courses/${course.id}/finish`), 409, 'course_has_no_sessions');
  });
});

describe('the trainer role', () => {
  it('sees only the courses they teach, with names only, and cannot manage', async () => {
    const own = await createCourse({ title: 'Kurs der Kursleitung', trainerIds: [trainer.userId] });
    const foreign = await createCourse({ title: 'Kurs ohne diese Kursleitung' });
    await addSession(own.id, addDays(today, 3));
    await enrol(own.id, office.guideId);
    const api = client(t.app, trainer.session);
    const list = await api.get('/courses?limit=200');
    expect(list.statusCode, list.body).toBe(200);
    const ids = (list.json().items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(foreign.id);
    expectProblem(await api.get(`/courses/${foreign.id}`), 404);
    const detail = await api.get(`/courses/${own.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const guide = (await coordinator().get(`/guides/${office.guideId}`)).json();
    expect(detail.body).toContain(guide.lastName);
    expect(detail.body).not.toContain(guide.email);
    expect(Object.keys(detail.json().enrolments[0]).sort()).toEqual(
      [
        'attendedUnits',
        'completedAt',
        'courseId',
        'enrolledAt',
        'firstName',
        'guideId',
        'id',
        'lastName',
        'status',
        'waitlistPosition',
      ].sort(),
    );
    expect(detail.json().course.abilities).toMatchObject({ recordAttendance: true, update: false, finish: false });
    expectProblem(await api.post('/courses', { title: 'X', type: 'basic', teachingUnits: 4, capacity: 4 }), 403);
    expectProblem(await api.post(`/courses/${own.id}/enrolments`, { guideId: office.guideId }), 403);
    expectProblem(await api.get('/guides'), 403);
    const me = (await api.get('/me')).json();
    expect(me.me.abilities).toMatchObject({ 'courses.list': true, 'courses.manage': false, 'guides.list': false });
  });
});

describe('session reminders', () => {
  it('mail the participants the day before, once, whatever the reruns', async () => {
    const guide = await createGuideWithAccount(t, office);
    const course = await createCourse({ title: 'Kurs mit Erinnerung', capacity: 5 });
    const tomorrow = addDays(today, 1);
    await addSession(course.id, tomorrow, {
      startsAt: `${tomorrow}T12:00:00Z`,
      endsAt: `${tomorrow}T14:00:00Z`,
      topic: 'Erinnerungsabend',
    });
    await enrol(course.id, guide.guideId);
    await sendCourseSessionReminders(t.ctx);
    await sendCourseSessionReminders(t.ctx);
    const mails = (await outboxFor(t.app, office.sessions.coordinator, guide.email)).filter((m) =>
      m.subject.startsWith('Morgen:'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Morgen: Kurs mit Erinnerung: Erinnerungsabend');
  });
});

describe('trainers of another office', () => {
  it("see none of this office's courses (404, as if they did not exist)", async () => {
    const course = await createCourse({ title: 'Kurs nur für Büro A', trainerIds: [trainer.userId] });
    const session = await addSession(course.id, addDays(today, 4));
    const other = await createOffice(t);
    const foreign = (await createTrainer(t, other.officeId)).session;
    const api = client(t.app, foreign);
    expect((await api.get('/courses?limit=200')).json().items).toEqual([]);
    expect((await api.get('/courses/agenda?days=366')).json().items).toEqual([]);
    expectProblem(await api.get(`/courses/${course.id}`), 404);
    expectProblem(await api.get(`/courses/${course.id}/calendar.ics`), 404);
    expectProblem(
      await put(foreign, `/courses/${course.id}/sessions/${session.id}/attendance`, {
        rows: [{ guideId: office.guideId, present: true, minutesMissed: 0 }],
      }),
      404,
    );
  });
});

describe('iCal feeds', () => {
  it('gives a course feed and a guide feed that parse back to the sessions', async () => {
    const course = await createCourse({ title: 'Kurs mit Kalender', capacity: 5, trainerIds: [trainer.userId] });
    const day = addDays(today, 20);
    await addSession(course.id, day, { topic: 'Interkulturelle Kommunikation', room: 'Raum 2, Haus B' });
    await addSession(course.id, addDays(day, 7), { topic: 'Datenschutz' });
    const res = await coordinator().get(`/courses/${course.id}/calendar.ics`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = parseIcs(res.body);
    expect(events).toHaveLength(2);
    expect(events[0].SUMMARY).toBe('Kurs mit Kalender: Interkulturelle Kommunikation');
    expect(events[0].LOCATION).toBe('Raum 2, Haus B');
    expect(events[0].DTSTART).toBe(`${day.replaceAll('-', '')}T150000Z`);
    expect((await client(t.app, trainer.session).get(`/courses/${course.id}/calendar.ics`)).statusCode).toBe(200);

    const guide = await createGuideWithAccount(t, office);
    await enrol(course.id, guide.guideId);
    const mine = await client(t.app, guide.session).get('/me/courses/calendar.ics');
    expect(mine.statusCode, mine.body).toBe(200);
    const own = parseIcs(mine.body);
    expect(own.map((e) => e.SUMMARY)).toEqual([
      'Kurs mit Kalender: Interkulturelle Kommunikation',
      'Kurs mit Kalender: Datenschutz',
    ]);
    expectProblem(await coordinator().get('/me/courses/calendar.ics'), 403);
  });
});

describe('"Meine Kurse" of a guide', () => {
  it('lists the own enrolments with sessions, own attendance and progress, and nobody else’s', async () => {
    const guide = await createGuideWithAccount(t, office, { status: 'in_training', certifiedAt: null });
    const other = await createGuideWithAccount(t, office, { status: 'in_training', certifiedAt: null });
    const course = await createCourse({ title: 'Meine Basisqualifizierung', capacity: 5 });
    const past = await addSession(course.id, addDays(today, -7), { topic: 'Rolle und Grenzen' });
    const next = await addSession(course.id, addDays(today, 7), { topic: 'Behördenwege', room: null });
    await enrol(course.id, guide.guideId);
    await enrol(course.id, other.guideId);
    const recorded = await put(office.sessions.coordinator, `/courses/${course.id}/sessions/${past.id}/attendance`, {
      rows: [
        // 45 minutes missed of 4 UE: 3 UE attended.
        { guideId: guide.guideId, present: true, minutesMissed: 45 },
        { guideId: other.guideId, present: false, minutesMissed: 0 },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // A full course puts a later guide on the waiting list: that shows with the place.
    const full = await createCourse({ title: 'Volles Modul', type: 'specialisation', capacity: 1 });
    await enrol(full.id, other.guideId);
    await enrol(full.id, guide.guideId);

    const res = await client(t.app, guide.session).get('/me/courses');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      total: number;
      items: {
        title: string;
        enrolmentStatus: string;
        waitlistPosition: number | null;
        attendedUnits: number;
        requiredUnits: number;
        sessions: { id: string; topic: string | null; attendance: string | null; minutesMissed: number }[];
      }[];
    };
    expect(body.total).toBe(2);
    const basic = body.items.find((c) => c.title === 'Meine Basisqualifizierung');
    expect(basic).toMatchObject({ enrolmentStatus: 'enrolled', waitlistPosition: null, attendedUnits: 3 });
    // 80 % of 8 UE.
    expect(basic?.requiredUnits).toBe(6.4);
    expect(basic?.sessions).toEqual([
      expect.objectContaining({ id: past.id, topic: 'Rolle und Grenzen', attendance: 'present', minutesMissed: 45 }),
      expect.objectContaining({ id: next.id, topic: 'Behördenwege', attendance: null, minutesMissed: 0 }),
    ]);
    expect(body.items.find((c) => c.title === 'Volles Modul')).toMatchObject({
      enrolmentStatus: 'waitlisted',
      waitlistPosition: 1,
    });
    // The other guide's absence is theirs alone.
    const theirs = (await client(t.app, other.session).get('/me/courses')).json() as typeof body;
    expect(theirs.items.find((c) => c.title === 'Meine Basisqualifizierung')?.sessions[0].attendance).toBe('absent');

    // Withdrawn courses leave the list; coordinators and trainers have no "my courses".
    const enrolments = (await coordinator().get(`/courses/${full.id}`)).json().enrolments as {
      id: string;
      guideId: string;
    }[];
    const mine = enrolments.find((e) => e.guideId === guide.guideId) as { id: string };
    const withdrawn = await coordinator().post(`/courses/${full.id}/enrolments/${mine.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBeLessThan(300);
    expect(((await client(t.app, guide.session).get('/me/courses')).json() as typeof body).total).toBe(1);
    expectProblem(await coordinator().get('/me/courses'), 403);
    expectProblem(await client(t.app, trainer.session).get('/me/courses'), 403);
    const me = (await client(t.app, guide.session).get('/me')).json() as { me: { abilities: Record<string, boolean> } };
    expect(me.me.abilities['courses.own']).toBe(true);
  });
});
