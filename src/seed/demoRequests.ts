import { eq } from 'drizzle-orm';
import { serviceDirectory, users } from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import type { Actor, AppContext } from '../server/context.js';
import { createServices } from '../server/services.js';
import type { Locale } from '../shared/enums.js';
import { DEMO_ACCOUNTS } from './demoData.js';

/** A moment `days` from now at a local hour (Europe/Berlin is UTC+1 or +2; the hour is approximate on purpose). */
const at = (ctx: AppContext, days: number, hour: number) => {
  const d = new Date(ctx.now().getTime() + days * 86_400_000);
  d.setUTCHours(hour - 1, 0, 0, 0);
  return d;
};
const isoDay = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Invented services for referrals: no real phone numbers (the 555 range is fictional). */
const SERVICES = [
  {
    name: 'Rechtsberatung für Geflüchtete (Beispielverein)',
    topics: ['court', 'lawyer', 'residence_law'],
    phone: '+49 511 555 2001',
  },
  {
    name: 'Migrationsberatung für Erwachsene (MBE)',
    topics: ['residence_law', 'money_matters'],
    phone: '+49 511 555 2002',
  },
  { name: 'Schuldnerberatung der Stadt', topics: ['debt_counselling', 'money_matters'], phone: '+49 511 555 2003' },
  { name: 'Psychosoziales Zentrum für Geflüchtete', topics: ['psychotherapy'], phone: '+49 511 555 2004' },
  {
    name: 'Gesundheitsamt – Sprechstunde mit Dolmetschdienst',
    topics: ['medical_diagnosis'],
    phone: '+49 511 555 2005',
  },
  { name: 'Opferhilfe und Polizeiliche Beratungsstelle', topics: ['police'], phone: '+49 511 555 2006' },
] as const;

type SeedRequest = {
  title: string;
  description: string;
  field: string;
  type: 'accompaniment' | 'language_mediation' | 'orientation';
  matters?: ('court' | 'medical_diagnosis')[];
  district: number;
  languages: string[];
  urgency: 'low' | 'normal' | 'high' | 'urgent';
  minors: boolean;
  person: {
    initials: string;
    ageGroup: 'child' | 'youth' | 'adult' | 'senior';
    household: 'individual' | 'family';
    size: number;
    languages: string[];
  };
  stage: 'new' | 'in_review' | 'offered' | 'matched' | 'active' | 'closed';
  /** The demo guide (lotsin@hannover.example) gets this one: she has an open offer and a running deployment. */
  forDemoGuide?: boolean;
};

const REQUESTS: SeedRequest[] = [
  {
    title: 'Begleitung zum Jobcenter',
    description: 'Erstgespräch im Jobcenter, Unterlagen für den Antrag zusammenstellen.',
    field: 'authorities',
    type: 'accompaniment',
    district: 0,
    languages: ['ar'],
    urgency: 'high',
    minors: false,
    person: { initials: 'M. A.', ageGroup: 'adult', household: 'individual', size: 1, languages: ['ar'] },
    stage: 'new',
  },
  {
    title: 'Elterngespräch in der Grundschule',
    description: 'Gespräch mit der Klassenlehrerin über den Übergang in die weiterführende Schule.',
    field: 'school_kita',
    type: 'language_mediation',
    district: 8,
    languages: ['fa'],
    urgency: 'normal',
    minors: true,
    person: { initials: 'F. R.', ageGroup: 'adult', household: 'family', size: 5, languages: ['prs', 'fa'] },
    stage: 'new',
  },
  {
    title: 'Anmeldung im Bürgeramt und Bankkonto',
    description: 'Wohnsitz anmelden und ein Basiskonto eröffnen; Orientierung im Stadtteil.',
    field: 'orientation',
    type: 'orientation',
    district: 1,
    languages: ['uk'],
    urgency: 'urgent',
    minors: false,
    person: { initials: 'O. K.', ageGroup: 'adult', household: 'family', size: 3, languages: ['uk', 'ru'] },
    stage: 'in_review',
  },
  {
    title: 'Begleitung zu einem Gerichtstermin',
    description: 'Die Familie hat eine Ladung erhalten und wünscht Begleitung.',
    field: 'authorities',
    type: 'accompaniment',
    matters: ['court'],
    district: 0,
    languages: ['tr'],
    urgency: 'normal',
    minors: false,
    person: { initials: 'A. Y.', ageGroup: 'adult', household: 'family', size: 4, languages: ['tr'] },
    stage: 'new',
  },
  {
    title: 'Wohnungssuche und Besichtigungen',
    description: 'Unterstützung beim Lesen von Anzeigen und bei zwei Besichtigungsterminen.',
    field: 'housing',
    type: 'accompaniment',
    district: 9,
    languages: ['ar', 'kmr'],
    urgency: 'normal',
    minors: false,
    person: { initials: 'D. S.', ageGroup: 'adult', household: 'family', size: 6, languages: ['kmr'] },
    stage: 'offered',
    forDemoGuide: true,
  },
  {
    title: 'Sportverein für Jugendliche finden',
    description: 'Zwei Jugendliche möchten im Fußballverein mittrainieren; Anmeldung begleiten.',
    field: 'leisure',
    type: 'orientation',
    district: 11,
    languages: ['ti'],
    urgency: 'low',
    minors: true,
    person: { initials: 'Y. T.', ageGroup: 'youth', household: 'family', size: 2, languages: ['ti'] },
    stage: 'offered',
  },
  {
    title: 'Kita-Anmeldung und Eingewöhnung',
    description: 'Kita-Platz über das Portal beantragen und die ersten Termine in der Kita begleiten.',
    field: 'school_kita',
    type: 'accompaniment',
    district: 4,
    languages: ['ar'],
    urgency: 'normal',
    minors: true,
    person: { initials: 'R. H.', ageGroup: 'adult', household: 'family', size: 4, languages: ['ar'] },
    stage: 'matched',
  },
  {
    title: 'Ausbildungsmesse und Bewerbungsunterlagen',
    description: 'Besuch der Ausbildungsmesse, danach Bewerbungsmappe gemeinsam ordnen.',
    field: 'training_work',
    type: 'orientation',
    district: 6,
    languages: ['ru'],
    urgency: 'normal',
    minors: false,
    person: { initials: 'I. P.', ageGroup: 'youth', household: 'individual', size: 1, languages: ['ru'] },
    stage: 'active',
    forDemoGuide: true,
  },
  {
    title: 'Deutschkurs finden und anmelden',
    description: 'Passenden Integrationskurs finden, Anmeldung bei der Volkshochschule begleiten.',
    field: 'language_support',
    type: 'orientation',
    district: 2,
    languages: ['fa'],
    urgency: 'normal',
    minors: false,
    person: { initials: 'S. N.', ageGroup: 'adult', household: 'individual', size: 1, languages: ['fa'] },
    stage: 'active',
  },
  {
    title: 'Termine bei der Familienkasse',
    description: 'Kindergeldantrag stellen und Nachfragen der Familienkasse verstehen.',
    field: 'authorities',
    type: 'accompaniment',
    district: 7,
    languages: ['bg'],
    urgency: 'high',
    minors: false,
    person: { initials: 'D. P.', ageGroup: 'adult', household: 'family', size: 4, languages: ['bg'] },
    stage: 'closed',
  },
];

/**
 * The request-to-deployment cycle in the demo: requests at every stage, offers, agreements, activities, a closed deployment
 * and the services directory, all made through the same services the API uses (so timelines and audit are real).
 */
export async function seedDemoRequests(ctx: AppContext, officeId: string, partnerIds: string[], districtIds: string[]) {
  const [coordinatorUser, partnerUser] = await inScope(ctx.database.db, 'system', async (tx) => {
    const rows = await tx.select().from(users).where(eq(users.officeId, officeId));
    return [rows.find((u) => u.role === 'coordinator'), rows.find((u) => u.role === 'partner_contact')];
  });
  if (!coordinatorUser || !partnerUser?.partnerId) return;
  const actorOf = (u: typeof coordinatorUser): Actor => ({
    userId: u.id,
    role: u.role as Actor['role'],
    officeId,
    partnerId: u.partnerId,
    guideId: u.guideId,
    displayName: u.displayName,
    email: u.email,
    locale: u.locale as Locale,
  });
  const coordinator = actorOf(coordinatorUser);
  const demoGuideId = await inScope(ctx.database.db, 'system', async (tx) => {
    const [row] = await tx
      .select({ guideId: users.guideId })
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.hannoverGuide));
    return row?.guideId ?? null;
  });
  const partner = actorOf(partnerUser);

  await inScope(ctx.database.db, { officeId }, (tx) =>
    tx
      .insert(serviceDirectory)
      .values(SERVICES.map((s) => ({ ...s, topics: [...s.topics], officeId, languages: ['de', 'en', 'ar'] }))),
  );

  // Each request's story runs on its own clock, spread over recent weeks, so waiting times, "today" labels and
  // activity dates are believable: the services check dates against "now" as they would in real use.
  const AGE_DAYS: Record<SeedRequest['stage'], number> = {
    new: 1,
    in_review: 2,
    // Offers expire after 72 hours: the open ones were sent yesterday.
    offered: 1,
    matched: 6,
    active: 24,
    closed: 45,
  };
  for (const [index, r] of REQUESTS.entries()) {
    const createdAt = at(ctx, -(AGE_DAYS[r.stage] + (r.stage === 'offered' ? 0 : index % 3)), 9 + (index % 4));
    const step = (hoursLater: number) => {
      const now = new Date(createdAt.getTime() + hoursLater * 3_600_000);
      return createServices({ ...ctx, now: () => now });
    };
    const filer = index % 3 === 0 ? partner : coordinator;
    const created = await step(0).requests.create(filer, {
      partnerId: filer === partner ? undefined : partnerIds[index % partnerIds.length],
      guidesNeeded: 1,
      field: r.field,
      type: r.type,
      matters: r.matters ?? [],
      title: r.title,
      description: r.description,
      districtId: districtIds[r.district],
      startsOn: isoDay(createdAt, 3),
      endsOn: r.stage === 'closed' ? isoDay(createdAt, 35) : isoDay(createdAt, 100),
      frequency: 'weekly',
      expectedHours: 6,
      slots: [{ weekday: ((index % 5) + 1) as 1, from: '09:00', to: '12:00' }],
      languages: r.languages,
      urgency: r.urgency,
      minorsInvolved: r.minors,
      person: {
        initials: r.person.initials,
        ageGroup: r.person.ageGroup,
        languages: r.person.languages,
        household: r.person.household,
        householdSize: r.person.size,
        consentGiven: true,
        consentVersion: '2026-01',
        consentLanguage: r.person.languages[0],
      },
    });
    if (r.stage === 'new') continue;
    await step(2).requests.transition(coordinator, created.id, { status: 'in_review' });
    if (r.stage === 'in_review') {
      await step(3).requests.addMessage(coordinator, created.id, 'Bis wann wird die Begleitung spätestens gebraucht?');
      continue;
    }
    const ranking = await step(4).offers.candidates(coordinator, created.id, { limit: 20, offset: 0 });
    const picked = ranking.eligible
      .map((c) => c.guideId)
      .filter((id) => id !== demoGuideId)
      .slice(0, r.stage === 'offered' ? 2 : 1);
    if (r.forDemoGuide && demoGuideId) picked.unshift(demoGuideId);
    if (r.forDemoGuide && r.stage !== 'offered') picked.splice(1);
    if (picked.length === 0) continue;
    const sent = await step(4).offers.send(coordinator, created.id, {
      guideIds: picked,
      message: 'Hättest du Zeit für diese Begleitung?',
      overrideReason: picked.some(
        (id) => (ranking.eligible.find((c) => c.guideId === id)?.score ?? 0) < ranking.threshold,
      )
        ? 'Demo: beste verfügbare Lots:innen'
        : undefined,
    });
    if (r.stage === 'offered') continue;
    const offer = sent.items[0];
    // The guide acts for themselves: under their account when they have one, else under no user id at all.
    const account = await inScope(ctx.database.db, 'system', async (tx) => {
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.guideId, offer.guideId));
      return row?.id ?? null;
    });
    const guideActor: Actor = {
      ...coordinator,
      userId: account ?? offer.guideId,
      accountless: !account,
      role: 'guide',
      guideId: offer.guideId,
      displayName: offer.guideName,
    };
    const accepted = await step(9).offers.accept(guideActor, offer.id);
    const assignmentId = accepted.assignmentId as string;
    if (r.stage === 'matched') continue;
    await step(26).agreements.update(coordinator, assignmentId, {
      goal: `${r.title}: die begleitete Person kann die nächsten Schritte selbst gehen.`,
      steps: [
        { title: 'Kennenlernen und Unterlagen sichten', status: 'done' },
        { title: 'Termin gemeinsam wahrnehmen', status: 'in_progress' },
        { title: 'Nächste Schritte selbstständig planen', status: 'open' },
      ],
      contactChannels: 'Telefon und Messenger, werktags 9–18 Uhr',
    });
    await step(30).agreements.confirm(guideActor, assignmentId, 1);
    await step(50).agreements.confirm({ ...partner, partnerId: created.partnerId }, assignmentId, 1);
    // Preparation the day before the start, then the first accompaniment on the start day (logged that evening).
    const startsOn = isoDay(createdAt, 3);
    await step(24 * 3 + 12).activities.log(guideActor, assignmentId, {
      date: isoDay(createdAt, 2),
      startTime: '17:00',
      endTime: '17:30',
      type: 'preparation',
      km: 0,
      expensesCents: 0,
      note: null,
    });
    await step(24 * 3 + 12).activities.log(guideActor, assignmentId, {
      date: startsOn,
      startTime: '09:30',
      endTime: '11:45',
      type: 'accompaniment',
      km: 6.4,
      expensesCents: 560,
      note: null,
    });
    if (r.stage === 'closed') {
      await step(24 * 30).assignments.close(coordinator, assignmentId, {
        outcome: 'goal_reached',
        guideFeedback: 'Die Familie stellt Folgeanträge jetzt selbst.',
        partnerFeedback: 'Sehr hilfreich, danke!',
      });
    }
  }
}
