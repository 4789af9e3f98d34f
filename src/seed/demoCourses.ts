/**
 * Demo courses (invented): a running basic qualification in Hannover with its trainer, sessions (two held, with
 * attendance, the rest ahead) and participants from the guides still in training; and a finished spring course
 * whose participants completed it, with their certificates, reported under the office's Niedersachsen rule set.
 */

import { randomInt } from 'node:crypto';
import type { Tx } from '../db/client.js';
import {
  courseAttendance,
  courseCertificates,
  courseEnrolments,
  courseFunding,
  courseSessions,
  courses,
  courseTrainers,
  fundingRuleSets,
} from '../db/schema/index.js';
import { FUNDING_TEMPLATES } from '../domain/courses/funding.js';
import { addDays } from '../domain/dates.js';
import { CERTIFICATE_CODE_ALPHABET } from '../shared/certificates.js';

type GuideRef = { id: string; status: string; firstName: string; lastName: string };

export async function seedDemoCourses(
  tx: Tx,
  input: { officeId: string; trainerUserId: string; guides: readonly GuideRef[]; today: string },
) {
  const { officeId, trainerUserId, today } = input;
  await seedFinishedCourse(tx, input);
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

const code = () =>
  Array.from({ length: 10 }, () => CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)]).join('');

/** The spring course: 12 sessions × 4 UE, held by two trainers in the first session, everyone completed. */
async function seedFinishedCourse(
  tx: Tx,
  input: { officeId: string; trainerUserId: string; guides: readonly GuideRef[]; today: string },
) {
  const { officeId, trainerUserId, today } = input;
  const [ruleSet] = await tx
    .insert(fundingRuleSets)
    .values({ officeId, name: 'Niedersachsen', validFrom: '2024-01-01', ...FUNDING_TEMPLATES.niedersachsen })
    .returning();
  const first = addDays(today, -250);
  const [course] = await tx
    .insert(courses)
    .values({
      officeId,
      title: 'Basisqualifizierung Integrationslots:innen – Frühjahrskurs',
      type: 'basic',
      description: 'Zwölf Abende, abgeschlossen mit Zertifikat.',
      teachingUnits: 48,
      capacity: 12,
      status: 'finished',
      finishedAt: new Date(`${addDays(first, 77)}T20:00:00+01:00`),
    })
    .returning();
  await tx.insert(courseTrainers).values({ officeId, courseId: course.id, userId: trainerUserId });
  await tx
    .insert(courseFunding)
    .values({ officeId, courseId: course.id, ruleSetName: ruleSet.name, materialsCents: 42000 });
  const topics = [
    'Rolle und Grenzen',
    'Behördenwege',
    'Aufenthaltsrecht im Überblick',
    'Interkulturelle Kommunikation',
    'Schule und Kita',
    'Arbeit und Anerkennung',
    'Gesundheitswesen',
    'Wohnen',
    'Datenschutz und Schweigepflicht',
    'Gesprächsführung',
    'Selbstfürsorge',
    'Abschluss und Ausblick',
  ];
  const sessions = await tx
    .insert(courseSessions)
    .values(
      topics.map((topic, i) => ({
        officeId,
        courseId: course.id,
        startsAt: new Date(`${addDays(first, i * 7)}T17:00:00+01:00`),
        endsAt: new Date(`${addDays(first, i * 7)}T20:00:00+01:00`),
        room: 'Volkshochschule, Raum 104',
        topic,
        teachingUnits: 4,
        trainerNames: i === 0 ? 'Kursleitung Hannover, Koordination Hannover' : 'Kursleitung Hannover',
      })),
    )
    .returning();
  const participants = input.guides.filter((g) => g.status === 'active').slice(0, 8);
  if (!participants.length) return;
  const completedAt = course.finishedAt as Date;
  const enrolments = await tx
    .insert(courseEnrolments)
    .values(
      participants.map((g) => ({
        officeId,
        courseId: course.id,
        guideId: g.id,
        status: 'completed' as const,
        enrolledAt: new Date(`${addDays(first, -14)}T10:00:00+01:00`),
        completedAt,
      })),
    )
    .returning();
  await tx.insert(courseAttendance).values(
    sessions.flatMap((s, si) =>
      enrolments.map((e, ei) => ({
        officeId,
        sessionId: s.id,
        enrolmentId: e.id,
        guideId: e.guideId,
        // Everyone stays above 80 %: one evening missed here and there, some minutes late.
        present: !(si === (ei % 6) + 3 && ei % 2 === 0),
        minutesMissed: si === 1 && ei === 1 ? 20 : 0,
        recordedBy: trainerUserId,
        recordedAt: s.endsAt,
      })),
    ),
  );
  const byGuide = new Map(participants.map((g) => [g.id, g]));
  await tx.insert(courseCertificates).values(
    enrolments.map((e) => {
      const guide = byGuide.get(e.guideId) as GuideRef;
      return {
        officeId,
        courseId: course.id,
        enrolmentId: e.id,
        guideId: e.guideId,
        code: code(),
        holderName: `${guide.firstName} ${guide.lastName}`,
        courseTitle: course.title,
        teachingUnits: course.teachingUnits,
        firstDay: first,
        lastDay: addDays(first, 77),
        issuedAt: completedAt,
        issuedBy: trainerUserId,
      };
    }),
  );
}
