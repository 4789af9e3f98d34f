/**
 * Demo courses (invented): a running basic qualification in Hannover with its trainer, sessions (two held, with
 * attendance, the rest ahead) and participants from the guides still in training.
 */
import type { Tx } from '../db/client.js';
import { courseAttendance, courseEnrolments, courseSessions, courses, courseTrainers } from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';

type GuideRef = { id: string; status: string };

export async function seedDemoCourses(
  tx: Tx,
  input: { officeId: string; trainerUserId: string; guides: readonly GuideRef[]; today: string },
) {
  const { officeId, trainerUserId, today } = input;
  const [course] = await tx
    .insert(courses)
    .values({
      officeId,
      title: 'Basisqualifizierung Integrationslots:innen – Herbstkurs',
      type: 'basic',
      description: 'Zwölf Abende: Rolle und Grenzen, Behördenwege, interkulturelle Kommunikation, Datenschutz.',
      teachingUnits: 48,
      capacity: 12,
      feeCents: null,
      status: 'running',
    })
    .returning();
  await tx.insert(courseTrainers).values({ officeId, courseId: course.id, userId: trainerUserId });
  const topics = ['Rolle und Grenzen', 'Behördenwege', 'Interkulturelle Kommunikation', 'Datenschutz'];
  const sessions = await tx
    .insert(courseSessions)
    .values(
      [-14, -7, 7, 14].map((offset, i) => ({
        officeId,
        courseId: course.id,
        startsAt: new Date(`${addDays(today, offset)}T17:00:00+01:00`),
        endsAt: new Date(`${addDays(today, offset)}T20:00:00+01:00`),
        room: 'Freiwilligenzentrum, Raum 2',
        topic: topics[i],
        teachingUnits: 4,
        trainerNames: 'Kursleitung Hannover',
      })),
    )
    .returning();
  const participants = input.guides.filter((g) => g.status === 'in_training' || g.status === 'interested').slice(0, 6);
  if (!participants.length) return;
  const enrolments = await tx
    .insert(courseEnrolments)
    .values(participants.map((g) => ({ officeId, courseId: course.id, guideId: g.id, status: 'enrolled' as const })))
    .returning();
  await tx.insert(courseAttendance).values(
    sessions.slice(0, 2).flatMap((s, si) =>
      enrolments.map((e, ei) => ({
        officeId,
        sessionId: s.id,
        enrolmentId: e.id,
        guideId: e.guideId,
        present: !(si === 1 && ei === 0),
        minutesMissed: si === 0 && ei === 1 ? 30 : 0,
        recordedBy: trainerUserId,
      })),
    ),
  );
}
