/**
 * Past requests and closed deployments for the demo (issue 13 "two years of history", invented), so that a year's
 * report and its comparison with the year before show real figures. Written straight into the tables, as history
 * that happened before the demo's "now": requests filed on a past day, matched after some days (or never), the
 * deployment closed three weeks later with an outcome and two approved activities.
 */
import { and, asc, eq, isNull, notInArray, or } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { activities, assignments, districts, guides, partners, requests } from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';

/** One past request: how many days before today it was filed and after how many days it found a guide (or none). */
export type PastRequest = { age: number; daysToMatch: number | null };

type HistorySpec = {
  officeId: string;
  today: string;
  past: PastRequest[];
  /** Guides who took the deployments, in turn. */
  guideIds: string[];
  partnerIds: string[];
  districtIds: string[];
  /** The people's languages, in turn. */
  languages: string[];
  /** Outcomes in turn; 'referred' and 'ended_early' get their required note. */
  outcomes: ('goal_reached' | 'referred' | 'ended_early')[];
  /** Approved activities per deployment (none for the Land demo's small office, which logs hours instead). */
  activitiesPerDeployment: number;
};

const KINDS = [
  { field: 'authorities', type: 'accompaniment', title: 'Begleitung zur Ausländerbehörde' },
  { field: 'school_kita', type: 'language_mediation', title: 'Elterngespräch in der Grundschule' },
  { field: 'health_care', type: 'accompaniment', title: 'Termin in der Hausarztpraxis' },
  { field: 'orientation', type: 'orientation', title: 'Erste Orientierung im Stadtteil' },
  { field: 'training_work', type: 'accompaniment', title: 'Termin beim Jobcenter' },
  { field: 'housing', type: 'language_mediation', title: 'Gespräch mit der Hausverwaltung' },
] as const;

/** Day `offset` days before `today`, at 09:00 UTC (10:00 or 11:00 in Germany). */
const at = (today: string, offset: number) => new Date(`${addDays(today, -offset)}T09:00:00Z`);
const DAY = 86_400_000;

export async function seedRequestHistory(tx: Tx, spec: HistorySpec) {
  for (const [i, past] of spec.past.entries()) {
    const kind = KINDS[i % KINDS.length];
    const created = at(spec.today, past.age);
    const language = spec.languages[i % spec.languages.length];
    const family = i % 3 === 0;
    const [request] = await tx
      .insert(requests)
      .values({
        officeId: spec.officeId,
        partnerId: spec.partnerIds[i % spec.partnerIds.length],
        districtId: spec.districtIds[i % spec.districtIds.length],
        field: kind.field,
        type: kind.type,
        title: kind.title,
        description: 'Erfundene Demo-Anfrage aus den vergangenen zwei Jahren.',
        startsOn: addDays(spec.today, -past.age + 7),
        frequency: 'once',
        expectedHours: 3,
        languages: [language],
        minorsInvolved: false,
        personInitials: `${String.fromCharCode(65 + (i % 26))}. ${String.fromCharCode(90 - (i % 26))}.`,
        personAgeGroup: 'adult',
        personLanguages: [language],
        personHousehold: family ? 'family' : 'individual',
        personHouseholdSize: family ? 3 + (i % 3) : 1,
        personConsentGiven: true,
        status: past.daysToMatch === null ? (past.age > 60 ? 'no_match' : 'in_review') : 'closed',
        createdAt: created,
        statusChangedAt: created,
        updatedAt: created,
      })
      .returning({ id: requests.id });
    const wait = past.daysToMatch;
    if (wait === null) continue;
    const started = new Date(created.getTime() + wait * DAY);
    const outcome = spec.outcomes[i % spec.outcomes.length];
    const guideId = spec.guideIds[i % spec.guideIds.length];
    const [assignment] = await tx
      .insert(assignments)
      .values({
        officeId: spec.officeId,
        requestId: request.id,
        guideId,
        partnerId: spec.partnerIds[i % spec.partnerIds.length],
        status: 'closed',
        startedAt: started,
        closedAt: new Date(started.getTime() + 21 * DAY),
        outcome,
        referredTo: outcome === 'referred' ? 'Migrationsberatung (Demo)' : null,
        endedEarlyReason: outcome === 'ended_early' ? 'Die Familie ist umgezogen.' : null,
      })
      .returning({ id: assignments.id });
    if (spec.activitiesPerDeployment > 0)
      await tx.insert(activities).values(
        Array.from({ length: spec.activitiesPerDeployment }, (_, n) => ({
          officeId: spec.officeId,
          assignmentId: assignment.id,
          guideId,
          date: addDays(spec.today, -past.age + wait + 2 + n * 7),
          startTime: '10:00',
          endTime: n % 2 === 0 ? '11:30' : '12:00',
          minutes: n % 2 === 0 ? 90 : 120,
          type: kind.type,
          approvedAt: new Date(started.getTime() + 22 * DAY),
        })),
      );
  }
}

/**
 * Hannover's two years before the demo's recent weeks: three requests a month from 30 to 730 days ago, four in five
 * matched after 1 to 19 days.
 */
export function hannoverPast(): PastRequest[] {
  return Array.from({ length: 72 }, (_, i) => ({
    age: 30 + i * 10 + (i % 4),
    daysToMatch: i % 5 === 4 ? null : 1 + ((i * 7) % 19),
  }));
}

/** Hannover's history, taken by twenty of its active guides; `keepOut` (the demo guide's e-mail) keeps her lists as the walkthrough describes them. */
export async function seedHannoverHistory(tx: Tx, officeId: string, today: string, keepOut: string[]) {
  const pool = await tx
    .select({ id: guides.id })
    .from(guides)
    .where(
      and(
        eq(guides.officeId, officeId),
        eq(guides.status, 'active'),
        or(isNull(guides.email), notInArray(guides.email, keepOut)),
      ),
    )
    .orderBy(asc(guides.lastName), asc(guides.id))
    .limit(20);
  const partnerRows = await tx.select({ id: partners.id }).from(partners).where(eq(partners.officeId, officeId));
  const districtRows = await tx.select({ id: districts.id }).from(districts).where(eq(districts.officeId, officeId));
  if (!pool.length || !partnerRows.length || !districtRows.length) return;
  await seedRequestHistory(tx, {
    officeId,
    today,
    past: hannoverPast(),
    guideIds: pool.map((g) => g.id),
    partnerIds: partnerRows.map((p) => p.id),
    districtIds: districtRows.map((d) => d.id),
    languages: ['ar', 'fa', 'tr', 'ru', 'uk', 'ku', 'ti', 'ro'],
    outcomes: ['goal_reached', 'referred', 'goal_reached', 'ended_early'],
    activitiesPerDeployment: 2,
  });
}
