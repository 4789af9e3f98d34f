/**
 * A small office with hand-counted figures for the reports (issue 13): guides, requests, deployments, hours, money
 * and courses in 2025 (the period) and 2024 (the previous period). Rows go in directly under the system scope, as a
 * year of work would have left them; the expected figures are written out by hand in test/integration/reports.test.ts.
 * Every instant is at 12:00 UTC, which is the same calendar day in every test office's time zone (factories.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import {
  activities,
  assignments,
  courseAttendance,
  courseCertificates,
  courseEnrolments,
  courseFunding,
  courseSessions,
  courses,
  expenseClaims,
  fundingRuleSets,
  guides,
  hourCategories,
  hourEntries,
  payoutRuns,
  requests,
  serviceDirectory,
  timeSheets,
} from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { FUNDING_TEMPLATES } from '../../src/domain/courses/funding.js';
import type { TestOffice } from './factories.js';

const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const code = () => randomBytes(8).toString('hex');

export type ReportFixture = Awaited<ReturnType<typeof seedReportFixture>>;

export async function seedReportFixture(database: Database, office: TestOffice) {
  const { officeId, partnerId, otherPartnerId, districtIds } = office;
  const [d1, d2] = districtIds;
  return inScope(database.db, 'system', async (tx) => {
    const guide = (over: Partial<typeof guides.$inferInsert>) => ({
      officeId,
      firstName: 'Fix',
      lastName: `Tur ${code()}`,
      status: 'active' as const,
      certifiedAt: '2024-01-15',
      ...over,
    });
    const [g1, g2, g3, g4] = await tx
      .insert(guides)
      .values([
        guide({
          gender: 'female',
          birthYear: 1990,
          migrationBackground: 'yes',
          statisticsConsentAt: '2025-01-05',
          countries: ['SY'],
          languageCodes: ['ar', 'de'],
          languages: [
            { code: 'ar', level: 'native' },
            { code: 'de', level: 'C1' },
          ],
        }),
        guide({
          gender: 'male',
          birthYear: 1960,
          migrationBackground: 'no',
          statisticsConsentAt: '2025-01-05',
          languageCodes: ['de'],
        }),
        guide({ gender: 'female', countries: ['AF', 'IR'], languageCodes: ['fa', 'de'] }),
        guide({ gender: 'female', countries: ['TR'], languageCodes: ['tr'] }),
      ])
      .returning();
    const [service] = await tx
      .insert(serviceDirectory)
      .values({ officeId, name: `Migrationsberatung ${code()}` })
      .returning();

    const request = (over: Partial<typeof requests.$inferInsert> & { filed: string }) => ({
      officeId,
      partnerId,
      districtId: d1,
      field: 'authorities',
      type: 'accompaniment',
      title: 'Begleitung',
      description: 'Fixture',
      startsOn: over.filed,
      frequency: 'once',
      expectedHours: 2,
      minorsInvolved: false,
      personInitials: 'A. B.',
      personAgeGroup: 'adult',
      personHousehold: 'individual',
      personHouseholdSize: 1,
      personConsentGiven: true,
      createdAt: noon(over.filed),
      statusChangedAt: noon(over.filed),
      ...over,
    });
    const [r1, r2, r3, r4, r5, r6] = await tx
      .insert(requests)
      .values([
        request({ filed: '2025-02-01', status: 'active', languages: ['ar'] }),
        request({
          filed: '2025-03-01',
          type: 'language_mediation',
          districtId: d2,
          personHousehold: 'family',
          personHouseholdSize: 4,
          languages: ['fa'],
          status: 'closed',
        }),
        request({
          filed: '2025-04-01',
          type: 'orientation',
          field: 'health',
          partnerId: otherPartnerId,
          personHousehold: 'family',
          personHouseholdSize: 3,
          languages: ['ar', 'de'],
          status: 'closed',
        }),
        request({
          filed: '2025-05-01',
          partnerId: otherPartnerId,
          districtId: d2,
          status: 'no_match',
          statusReason: 'Keine Sprache verfügbar',
          statusChangedAt: noon('2025-05-20'),
        }),
        request({
          filed: '2025-06-01',
          status: 'cancelled',
          statusReason: 'Termin entfallen',
          statusChangedAt: noon('2025-06-05'),
        }),
        request({ filed: '2024-06-01', type: 'orientation', languages: ['tr'], status: 'closed' }),
      ])
      .returning();

    const [a1, a2, a3, a4] = await tx
      .insert(assignments)
      .values([
        { officeId, requestId: r1.id, guideId: g1.id, partnerId, status: 'active', startedAt: noon('2025-02-04') },
        {
          officeId,
          requestId: r2.id,
          guideId: g3.id,
          partnerId,
          status: 'closed',
          startedAt: noon('2025-03-11'),
          closedAt: noon('2025-06-01'),
          outcome: 'goal_reached',
        },
        {
          officeId,
          requestId: r3.id,
          guideId: g2.id,
          partnerId: otherPartnerId,
          status: 'closed',
          startedAt: noon('2025-04-02'),
          closedAt: noon('2025-05-01'),
          outcome: 'referred',
          referredServiceId: service.id,
        },
        {
          officeId,
          requestId: r6.id,
          guideId: g4.id,
          partnerId,
          status: 'closed',
          startedAt: noon('2024-06-05'),
          closedAt: noon('2024-12-01'),
          outcome: 'ended_early',
        },
      ])
      .returning();
    const activity = (assignmentId: string, guideId: string, date: string, minutes: number) => ({
      officeId,
      assignmentId,
      guideId,
      date,
      startTime: '10:00',
      endTime: '12:00',
      minutes,
      type: 'accompaniment',
    });
    await tx
      .insert(activities)
      .values([
        activity(a1.id, g1.id, '2025-02-10', 90),
        activity(a2.id, g3.id, '2025-03-15', 60),
        activity(a3.id, g2.id, '2025-04-10', 30),
        activity(a4.id, g4.id, '2024-07-01', 120),
      ]);

    const [category] = await tx
      .insert(hourCategories)
      .values({ officeId, key: `plenum_${code()}`, label: 'Plenum (Fixture)', kind: 'plenum', sortOrder: 1 })
      .returning();
    const [, , h3] = await tx
      .insert(hourEntries)
      .values([
        { officeId, guideId: g1.id, categoryId: category.id, date: '2025-03-01', minutes: 120 },
        { officeId, guideId: g2.id, categoryId: category.id, date: '2025-05-01', minutes: 60 },
        { officeId, guideId: g3.id, categoryId: category.id, date: '2025-06-01', minutes: 45 },
      ])
      .returning();
    // A reversed entry counts for nothing: neither its minutes nor as activity of its guide.
    await tx.insert(hourEntries).values({
      officeId,
      guideId: g3.id,
      categoryId: category.id,
      date: '2025-06-01',
      minutes: -45,
      reversesEntryId: h3.id,
    });

    const [run] = await tx
      .insert(payoutRuns)
      .values({ officeId, paidOn: '2025-05-01', reference: `RUN-${code()}`, claimCount: 1, totalCents: 800 })
      .returning();
    await tx.insert(expenseClaims).values([
      {
        officeId,
        guideId: g1.id,
        date: '2025-02-10',
        assignmentId: a1.id,
        transport: 'publicTransport',
        ticketCents: 1250,
        amountCents: 1250,
        status: 'approved',
      },
      {
        officeId,
        guideId: g2.id,
        date: '2025-04-10',
        assignmentId: a3.id,
        transport: 'publicTransport',
        ticketCents: 800,
        amountCents: 800,
        status: 'paid',
        paidOn: '2025-05-01',
        payoutRunId: run.id,
      },
      {
        officeId,
        guideId: g1.id,
        date: '2025-03-01',
        hourCategoryId: category.id,
        transport: 'publicTransport',
        ticketCents: 500,
        amountCents: 500,
        status: 'submitted',
      },
    ]);
    await tx.insert(timeSheets).values([
      { officeId, guideId: g1.id, month: '2025-02', status: 'approved', approvedMinutes: 210 },
      { officeId, guideId: g2.id, month: '2025-05', status: 'submitted' },
    ]);

    const [k1, k2] = await tx
      .insert(courses)
      .values([
        { officeId, title: `Basiskurs ${code()}`, type: 'basic', teachingUnits: 8, capacity: 12, status: 'finished' },
        { officeId, title: `Aufbaukurs ${code()}`, type: 'basic', teachingUnits: 2, capacity: 12, status: 'finished' },
      ])
      .returning();
    const session = (courseId: string, day: string, teachingUnits: number, trainerNames: string | null = null) => ({
      officeId,
      courseId,
      startsAt: noon(day),
      endsAt: new Date(noon(day).getTime() + 3 * 3_600_000),
      teachingUnits,
      trainerNames,
    });
    const [s1, s2, s3] = await tx
      .insert(courseSessions)
      .values([
        // Two teachers at once on the first day: 4 UE at 50 €, then 4 UE at 25 € (Niedersachsen).
        session(k1.id, '2025-03-01', 4, 'A. Beispiel, O. Muster'),
        session(k1.id, '2025-03-15', 4, 'A. Beispiel'),
        session(k2.id, '2024-11-01', 2),
      ])
      .returning();
    // The funders' published numbers as the office's rule sets; k1 under Niedersachsen with 700 € materials (600 €
    // fundable), k2 under Hessen WIR with 2 UE (fewer than 20: nothing fundable).
    await tx.insert(fundingRuleSets).values([
      { officeId, name: 'Niedersachsen', validFrom: '2024-01-01', ...FUNDING_TEMPLATES.niedersachsen },
      { officeId, name: 'Hessen WIR', validFrom: '2024-01-01', ...FUNDING_TEMPLATES.hessen_wir },
    ]);
    await tx.insert(courseFunding).values([
      { officeId, courseId: k1.id, ruleSetName: 'Niedersachsen', materialsCents: 70000 },
      { officeId, courseId: k2.id, ruleSetName: 'Hessen WIR', materialsCents: 0 },
    ]);
    const completed = (courseId: string, guideId: string, day: string) => ({
      officeId,
      courseId,
      guideId,
      status: 'completed' as const,
      completedAt: noon(day),
    });
    const [e1, e2, e3, , e5] = await tx
      .insert(courseEnrolments)
      .values([
        completed(k1.id, g1.id, '2025-03-31'),
        completed(k1.id, g2.id, '2025-03-31'),
        completed(k1.id, g3.id, '2025-03-31'),
        { officeId, courseId: k1.id, guideId: g4.id, status: 'withdrawn', withdrawnAt: noon('2025-02-20') },
        completed(k2.id, g1.id, '2024-11-30'),
      ])
      .returning();
    const mark = (sessionId: string, enrolmentId: string, guideId: string, present: boolean) => ({
      officeId,
      sessionId,
      enrolmentId,
      guideId,
      present,
    });
    await tx
      .insert(courseAttendance)
      .values([
        mark(s1.id, e1.id, g1.id, true),
        mark(s1.id, e2.id, g2.id, true),
        mark(s1.id, e3.id, g3.id, true),
        mark(s2.id, e1.id, g1.id, true),
        mark(s2.id, e2.id, g2.id, false),
        mark(s2.id, e3.id, g3.id, true),
        mark(s3.id, e5.id, g1.id, false),
      ]);
    const certificate = (courseId: string, enrolmentId: string, guideId: string, lastDay: string, revoked = false) => ({
      officeId,
      courseId,
      enrolmentId,
      guideId,
      code: code(),
      holderName: 'Fix Tur',
      courseTitle: courseId === k1.id ? k1.title : k2.title,
      teachingUnits: 8,
      lastDay,
      issuedAt: noon(lastDay),
      ...(revoked ? { revokedAt: noon('2025-04-10'), revokedReason: 'Fehler' } : {}),
    });
    await tx
      .insert(courseCertificates)
      .values([
        certificate(k1.id, e1.id, g1.id, '2025-03-31'),
        certificate(k1.id, e2.id, g2.id, '2025-03-31'),
        certificate(k1.id, e3.id, g3.id, '2025-03-31', true),
        certificate(k2.id, e5.id, g1.id, '2024-11-30'),
      ]);
    return {
      guides: { g1, g2, g3, g4 },
      requests: { r1, r2, r3, r4, r5, r6 },
      service,
      category,
      courses: { k1, k2 },
      districts: { d1, d2 },
    };
  });
}
