/**
 * Two invented requests from the public "ask for help" form in the Hannover demo office (issue 14 §3): one by phone,
 * one through a counselling service. Written through the service's own use case, so origin, contact row, consent
 * record, timeline and audit are what a real submission leaves. The names and numbers are invented (555 range).
 */
import { eq } from 'drizzle-orm';
import { consentTexts, offices } from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import { PublicHelpService } from '../modules/publicHelp/service.js';
import type { AppContext } from '../server/context.js';

export async function seedDemoPublicRequests(ctx: AppContext, officeId: string, districtIds: string[]) {
  const service = new PublicHelpService(ctx);
  await inScope(ctx.database.db, { officeId }, async (tx) => {
    const [office] = await tx.select().from(offices).where(eq(offices.id, officeId));
    const texts = await tx.select().from(consentTexts).where(eq(consentTexts.officeId, officeId));
    const consent = texts
      .filter((c) => c.kind === 'person_consent' && c.publishedAt)
      .sort((a, b) => b.version - a.version)[0];
    if (!office?.slug || !consent) return; // without a published person consent text the form takes nothing
    const base = {
      consentTextId: consent.id,
      consentGiven: true as const,
      formToken: 'seed',
      minorsInvolved: false,
    };
    const target = { id: office.id, name: office.name, city: office.city, slug: office.slug };
    await service.recordIn(tx, target, {
      ...base,
      name: 'Rahima Sultani',
      ageGroup: 'adult',
      householdSize: 4,
      minorsInvolved: true,
      field: 'school_kita',
      type: 'language_mediation',
      description:
        'Elterngespräch in der Grundschule nächste Woche. Ich verstehe noch wenig Deutsch und brauche jemanden, der Dari spricht.',
      languages: ['prs', 'fa'],
      districtId: districtIds[0],
      contactChannel: 'phone',
      contactValue: '+49 511 555 3101',
      language: 'de',
    });
    await service.recordIn(tx, target, {
      ...base,
      name: 'O. K.',
      ageGroup: 'senior',
      householdSize: 1,
      field: 'authorities',
      type: 'accompaniment',
      description:
        'Termin bei der Rentenversicherung, ich möchte nicht allein hingehen. Ich spreche Ukrainisch und Russisch.',
      languages: ['uk', 'ru'],
      districtId: districtIds[1] ?? districtIds[0],
      contactChannel: 'institution',
      contactValue: 'Beispiel-Beratungsstelle Linden, +49 511 555 3102',
      language: 'en',
    });
  });
}
