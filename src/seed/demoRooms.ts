/**
 * Demo rooms (invented, issue 12 §2) of the Hannover office: a seminar room at the adult education centre, the
 * quiet counselling room of the office, the room the demo course meets in and a group room at the AWO (a partner's
 * room), with bookings this week and next: a conversation of a running deployment, the course's next sessions and
 * the office's own meetings. Every booking goes through bookRoom, like the app's. The events helper seeds the
 * "Ratssaal-Foyer" with its Plenum; it is not made here.
 */
import { and, asc, eq, gt, like } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { assignments, courseSessions, partners, rooms } from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';
import { bookRoom } from '../modules/rooms/bookings.js';

/** Monday of the week of an ISO day (weeks start on Monday, as in the week view). */
function mondayOf(today: string) {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday);
}

export async function seedDemoRooms(
  tx: Tx,
  input: { officeId: string; coordinatorUserId: string; today: string; now: Date },
) {
  const { officeId, coordinatorUserId, today } = input;
  const [awo] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.officeId, officeId), like(partners.name, 'AWO%')));
  const [vhs, quiet, course, awoRoom] = await tx
    .insert(rooms)
    .values([
      {
        officeId,
        name: 'VHS Raum 2.14',
        location: 'Volkshochschule, Burgstraße 14, 2. OG (Aufzug)',
        capacity: 20,
        stepFree: true,
        equipment: ['projector', 'whiteboard', 'wifi'],
      },
      {
        officeId,
        name: 'Beratungsraum Lotsenbüro',
        location: 'Lotsenbüro, Erdgeschoss, Raum 0.03',
        capacity: 4,
        stepFree: true,
        equipment: ['wifi'],
        notes: 'Ruhiger Raum für vertrauliche Gespräche; Schlüssel am Empfang.',
      },
      {
        officeId,
        name: 'Freiwilligenzentrum, Raum 2',
        location: 'Freiwilligenzentrum, 1. OG (nur über Treppe)',
        capacity: 16,
        stepFree: false,
        equipment: ['projector', 'flipchart', 'hearing_loop'],
      },
      {
        officeId,
        name: 'Gruppenraum AWO Migrationsdienste',
        location: 'AWO Migrationsdienste, Erdgeschoss',
        capacity: 12,
        stepFree: true,
        equipment: ['kitchen', 'flipchart', 'wifi'],
        partnerId: awo?.id ?? null,
      },
    ])
    .returning();
  const monday = mondayOf(today);
  const at = (offset: number, time: string) => new Date(`${addDays(monday, offset)}T${time}:00+01:00`);
  const book = (
    room: { id: string },
    offset: number,
    from: string,
    to: string,
    title: string,
    link:
      | { purpose: 'assignment'; assignmentId: string }
      | { purpose: 'course_session'; courseSessionId: string }
      | null,
  ) =>
    bookRoom(tx, {
      officeId,
      roomId: room.id,
      startsAt: at(offset, from),
      endsAt: at(offset, to),
      title,
      ...(link ?? { purpose: 'other' as const }),
      bookedBy: coordinatorUserId,
    });

  // The office's own week: the team meeting on Mondays and the guides' office hour on Thursdays.
  for (const week of [0, 7]) {
    await book(quiet, week, '10:00', '11:30', 'Teamsitzung Koordination', null);
    await book(vhs, week + 3, '16:00', '18:00', 'Sprechstunde für Lots:innen', null);
  }
  await book(vhs, 9, '18:00', '20:30', 'Infoabend: Ehrenamt als Integrationslots:in', null);
  await book(awoRoom, 2, '14:00', '16:00', 'Kollegiale Beratung (Gruppe Nord)', null);

  // A conversation in a quiet room for a running deployment (the first active one of the demo).
  const [deployment] = await tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.officeId, officeId), eq(assignments.status, 'active')))
    .orderBy(asc(assignments.startedAt))
    .limit(1);
  if (deployment) {
    await book(quiet, 1, '14:00', '15:00', 'Gespräch zum Einsatz (Lotsin und Familie)', {
      purpose: 'assignment',
      assignmentId: deployment.id,
    });
    await book(quiet, 8, '09:30', '10:30', 'Zwischengespräch zum Einsatz', {
      purpose: 'assignment',
      assignmentId: deployment.id,
    });
  }

  // The demo course's coming sessions meet in the room named in their session (demoCourses.ts).
  const sessions = await tx
    .select({ id: courseSessions.id, startsAt: courseSessions.startsAt, endsAt: courseSessions.endsAt })
    .from(courseSessions)
    .where(
      and(
        eq(courseSessions.officeId, officeId),
        eq(courseSessions.room, course.name),
        gt(courseSessions.startsAt, input.now),
      ),
    )
    .orderBy(asc(courseSessions.startsAt));
  for (const session of sessions) {
    await bookRoom(tx, {
      officeId,
      roomId: course.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      title: 'Basisqualifizierung – Kursabend',
      purpose: 'course_session',
      courseSessionId: session.id,
      bookedBy: coordinatorUserId,
    });
  }
}
