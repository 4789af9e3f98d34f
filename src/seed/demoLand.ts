/**
 * The Land view's demo (issue 13 §3, invented): the programme "Integrationslotsen Niedersachsen (Demo)" funds the
 * Hannover office and the Landkreis Osnabrück office, and a funder account of the Land compares them. Osnabrück is
 * small on purpose (eight guides, a dozen requests over two years): several of its cells fall below five, so the
 * demo shows the suppression at work.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  districts,
  fundingPrograms,
  guides,
  hourCategories,
  hourEntries,
  offices,
  partners,
  users,
} from '../db/schema/index.js';
import { addDays } from '../domain/dates.js';
import { ensureDefaultHourCategories } from '../modules/timesheets/repository.js';
import { seedRequestHistory } from './demoHistory.js';

export const DEMO_PROGRAMME = { name: 'Integrationslotsen Niedersachsen (Demo)', region: 'Niedersachsen' } as const;

type LandSeed = {
  officeIds: string[];
  /** The small office that gets its own requests, deployments and hours here. */
  smallOfficeId: string;
  funderEmail: string;
  passwordHash: string;
  today: string;
};

export async function seedDemoLand(tx: Tx, spec: LandSeed) {
  const [programme] = await tx.insert(fundingPrograms).values(DEMO_PROGRAMME).returning();
  await tx.update(offices).set({ programmeId: programme.id }).where(inArray(offices.id, spec.officeIds));
  await tx.insert(users).values({
    email: spec.funderEmail,
    displayName: 'Land Niedersachsen – Förderreferat',
    role: 'funder',
    officeId: null,
    programmeId: programme.id,
    passwordHash: spec.passwordHash,
    locale: 'de',
  });

  const officeId = spec.smallOfficeId;
  const pool = await tx
    .select({ id: guides.id, status: guides.status })
    .from(guides)
    .where(eq(guides.officeId, officeId))
    .orderBy(asc(guides.lastName));
  const [partner] = await tx.select().from(partners).where(eq(partners.officeId, officeId)).limit(1);
  const [district] = await tx.select().from(districts).where(eq(districts.officeId, officeId)).limit(1);
  if (!partner || !district || pool.length < 6) return { programmeId: programme.id };

  // Twelve requests over two years, eight of them with a deployment after 2 to 20 days.
  const ages = [700, 610, 540, 455, 390, 300, 240, 170, 120, 80, 45, 20];
  const daysToMatch = [3, 9, 2, 14, 6, null, 20, 5, null, 4, null, null];
  await seedRequestHistory(tx, {
    officeId,
    today: spec.today,
    past: ages.map((age, i) => ({ age, daysToMatch: daysToMatch[i] })),
    guideIds: pool.slice(0, 6).map((g) => g.id),
    partnerIds: [partner.id],
    districtIds: [district.id],
    languages: ['ar'],
    outcomes: ['goal_reached'],
    activitiesPerDeployment: 0,
  });

  // Hours: six guides log a few deployment and plenum hours in most months of the last two years.
  await ensureDefaultHourCategories(tx, officeId);
  const cats = await tx
    .select({ id: hourCategories.id, key: hourCategories.key })
    .from(hourCategories)
    .where(and(eq(hourCategories.officeId, officeId), inArray(hourCategories.key, ['deployment', 'plenum'])));
  const entries: (typeof hourEntries.$inferInsert)[] = [];
  for (let g = 0; g < 6; g++)
    for (let month = 0; month < 24; month++) {
      if ((month + g) % 4 === 3) continue;
      entries.push({
        officeId,
        guideId: pool[g].id,
        categoryId: cats[(month + g) % cats.length].id,
        date: addDays(spec.today, -(month * 30 + 3 + g)),
        minutes: 60 * (2 + ((g + month) % 3)),
        note: null,
      });
    }
  await tx.insert(hourEntries).values(entries);
  return { programmeId: programme.id };
}
