/**
 * Invented applicants for the Hannover demo (recruitment): a handful at every step of the pipeline, with dated steps,
 * get-to-know conversations and the form consent of the version in force. Names are made up.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { applicantConversations, applicantSteps, applicants, consentTexts, offices } from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';
import type { ApplicantStatus } from '../shared/recruitment.js';

type Spec = {
  first: string;
  last: string;
  locale: 'de' | 'en' | 'ar';
  languages: { code: string; level: string }[];
  status: ApplicantStatus;
  /** Days ago the application came in. */
  ago: number;
  motivation: string;
  confirmed?: boolean;
  reason?: string;
};

const SPECS: Spec[] = [
  {
    first: 'Leyla',
    last: 'Demirtaş',
    locale: 'de',
    languages: [
      { code: 'tr', level: 'native' },
      { code: 'de', level: 'C1' },
    ],
    status: 'interested',
    ago: 2,
    motivation: 'Ich bin selbst vor zwanzig Jahren hergekommen und möchte etwas zurückgeben.',
  },
  {
    first: 'Omid',
    last: 'Rahimi',
    locale: 'en',
    languages: [
      { code: 'fa', level: 'native' },
      { code: 'en', level: 'C1' },
      { code: 'de', level: 'B1' },
    ],
    status: 'interested',
    ago: 5,
    motivation: 'I would like to help families find their way through the offices.',
    confirmed: false,
  },
  {
    first: 'Hanna',
    last: 'Wiesenthal',
    locale: 'de',
    languages: [
      { code: 'de', level: 'native' },
      { code: 'uk', level: 'B2' },
    ],
    status: 'interested',
    ago: 1,
    motivation: 'Ich habe Zeit am Nachmittag und spreche etwas Ukrainisch.',
  },
  {
    first: 'Rania',
    last: 'Haddad',
    locale: 'ar',
    languages: [
      { code: 'ar', level: 'native' },
      { code: 'de', level: 'B2' },
    ],
    status: 'conversation_held',
    ago: 21,
    motivation: 'أرغب في مساعدة العائلات الجديدة في التعامل مع المدارس والدوائر.',
  },
  {
    first: 'Jonas',
    last: 'Brückner',
    locale: 'de',
    languages: [
      { code: 'de', level: 'native' },
      { code: 'ru', level: 'B1' },
    ],
    status: 'conversation_held',
    ago: 30,
    motivation: 'Als Rentner möchte ich mich sinnvoll engagieren.',
  },
  {
    first: 'Tigist',
    last: 'Alemu',
    locale: 'en',
    languages: [
      { code: 'am', level: 'native' },
      { code: 'ti', level: 'C1' },
      { code: 'de', level: 'B2' },
    ],
    status: 'enrolled',
    ago: 45,
    motivation: 'I want to support people from Eritrea and Ethiopia in Hannover.',
  },
  {
    first: 'Mehmet',
    last: 'Kaya',
    locale: 'de',
    languages: [
      { code: 'ku', level: 'native' },
      { code: 'tr', level: 'C2' },
      { code: 'de', level: 'C1' },
    ],
    status: 'enrolled',
    ago: 50,
    motivation: 'Ich dolmetsche oft in der Familie und kenne die Ämter.',
  },
  {
    first: 'Sofia',
    last: 'Moreno',
    locale: 'en',
    languages: [
      { code: 'es', level: 'native' },
      { code: 'de', level: 'C1' },
    ],
    status: 'certified',
    ago: 110,
    motivation: 'Helping others arrive helped me arrive too.',
  },
  {
    first: 'Daria',
    last: 'Kovalenko',
    locale: 'de',
    languages: [
      { code: 'uk', level: 'native' },
      { code: 'ru', level: 'native' },
      { code: 'de', level: 'B2' },
    ],
    status: 'dropped_out',
    ago: 60,
    motivation: 'Ich möchte Familien aus der Ukraine begleiten.',
    reason: 'Neue Arbeitsstelle, keine Zeit mehr',
  },
];

const FLOW: ApplicantStatus[] = ['interested', 'conversation_held', 'enrolled', 'certified'];

export async function seedApplicants(
  tx: Tx,
  officeId: string,
  districtIds: string[],
  coordinatorUserId: string,
  today: string,
) {
  // Short public form addresses for the demo offices: /volunteer/hannover.
  await tx.update(offices).set({ slug: 'hannover' }).where(eq(offices.id, officeId));
  const [text] = await tx
    .select()
    .from(consentTexts)
    .where(
      and(
        eq(consentTexts.officeId, officeId),
        eq(consentTexts.kind, 'guide_consent'),
        isNotNull(consentTexts.publishedAt),
      ),
    )
    .orderBy(desc(consentTexts.version))
    .limit(1);
  for (const [i, spec] of SPECS.entries()) {
    const applied = addDays(today, -spec.ago);
    const reached = spec.status === 'dropped_out' ? FLOW.slice(0, 2) : FLOW.slice(0, FLOW.indexOf(spec.status) + 1);
    const path: ApplicantStatus[] = spec.status === 'dropped_out' ? [...reached, 'dropped_out'] : reached;
    const stepDate = (n: number) => addDays(applied, Math.round((n * spec.ago) / Math.max(path.length, 1)));
    const [row] = await tx
      .insert(applicants)
      .values({
        officeId,
        firstName: spec.first,
        lastName: spec.last,
        email: `${spec.first.toLowerCase()}.${i}@bewerbung.example`,
        phone: i % 2 ? `+49 511 5550${i}` : null,
        locale: spec.locale,
        languages: spec.languages,
        districtIds: [districtIds[i % districtIds.length]],
        availability: [{ weekday: (i % 5) + 1, from: '15:00', to: '18:00' }],
        motivation: spec.motivation,
        consentTextId: text?.id ?? null,
        consentVersion: text?.version ?? null,
        consentLanguage: text?.texts[spec.locale] ? spec.locale : 'de',
        consentGivenAt: text ? new Date(`${applied}T10:00:00Z`) : null,
        status: spec.status,
        statusOn: stepDate(path.length - 1),
        dropOutReason: spec.reason ?? null,
        emailConfirmedAt: spec.confirmed === false ? null : new Date(`${applied}T10:30:00Z`),
        createdAt: new Date(`${applied}T10:00:00Z`),
      })
      .returning();
    for (const [n, status] of path.entries())
      await tx.insert(applicantSteps).values({
        officeId,
        applicantId: row.id,
        status,
        on: stepDate(n),
        note: status === 'enrolled' ? 'Basisqualifizierung Frühjahr' : null,
        recordedBy: n === 0 ? null : coordinatorUserId,
      });
    if (path.includes('conversation_held'))
      await tx.insert(applicantConversations).values({
        officeId,
        applicantId: row.id,
        heldOn: stepDate(1),
        heldBy: coordinatorUserId,
        outcome: 'suitable',
        note: 'Kennenlerngespräch im Büro, offen und zuverlässig.',
        recordedBy: coordinatorUserId,
      });
  }
}
