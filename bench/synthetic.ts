import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../src/db/client.js';
import { assignments, guides, partners, requests } from '../src/db/schema/index.js';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_SPECIALIZATIONS, LANGUAGE_CODES } from '../src/shared/reference-data.js';

/** Deterministic synthetic guides for benchmarks: realistic list sizes, no real names. */
export async function insertSyntheticGuides(tx: Tx, officeId: string, districtIds: string[], count: number, seed = 1) {
  let a = seed;
  const rnd = () => {
    a = (a * 1664525 + 1013904223) % 4294967296;
    return a / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const languagesPool = LANGUAGE_CODES.slice(0, 20);
  const statuses = ['active', 'active', 'active', 'paused', 'in_training', 'interested', 'left'] as const;
  for (let offset = 0; offset < count; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - offset) }, (_, i) => {
      const langs = [...new Set([pick(languagesPool), pick(languagesPool), 'de'])];
      const home = pick(districtIds);
      return {
        officeId,
        firstName: `Vorname${offset + i}`,
        lastName: `Nachname${(offset + i) % 997}`,
        languages: langs.map((code, index) => ({ code, level: index === 0 ? 'native' : 'B2' })),
        languageCodes: langs,
        countries: ['SY'],
        specializations: [pick(DEFAULT_SPECIALIZATIONS).key],
        fields: [pick(DEFAULT_FIELDS_OF_ACTION).key, pick(DEFAULT_FIELDS_OF_ACTION).key].filter(
          (v, j, all) => all.indexOf(v) === j,
        ),
        homeDistrictId: home,
        serviceDistrictIds: [home, pick(districtIds)].filter((v, j, all) => all.indexOf(v) === j),
        availability: [{ weekday: 1 + Math.floor(rnd() * 5), from: '09:00', to: '12:00' }],
        maxActiveAssignments: 1 + Math.floor(rnd() * 3),
        status: pick(statuses),
        certifiedAt: '2025-01-01',
        backgroundCheckedAt: rnd() < 0.6 ? '2024-06-01' : null,
        backgroundRelevantConviction: false,
      };
    });
    await tx.insert(guides).values(batch);
  }
}

/** Past and running deployments for a share of the guides, so capacity and fairness have data to work on. */
export async function insertSyntheticAssignments(tx: Tx, officeId: string, districtId: string, count: number) {
  const [partner] = await tx
    .insert(partners)
    .values({ officeId, name: 'Synthetische Einsatzstelle', type: 'other' })
    .returning();
  const guideRows = await tx.select({ id: guides.id }).from(guides).where(eq(guides.officeId, officeId)).limit(count);
  for (let offset = 0; offset < guideRows.length; offset += 500) {
    const chunk = guideRows.slice(offset, offset + 500);
    const requestRows = await tx
      .insert(requests)
      .values(
        chunk.map((_, i) => ({
          officeId,
          partnerId: partner.id,
          field: 'authorities',
          type: 'accompaniment',
          title: `Synthetisch ${offset + i}`,
          description: 'Synthetische Anfrage für Benchmarks.',
          districtId,
          startsOn: '2026-01-01',
          frequency: 'weekly',
          expectedHours: 4,
          minorsInvolved: false,
          personInitials: 'S.',
          personAgeGroup: 'adult',
          personHousehold: 'individual',
          personConsentGiven: true,
          status: 'active' as const,
        })),
      )
      .returning({ id: requests.id });
    await tx.insert(assignments).values(
      chunk.map((g, i) => ({
        officeId,
        requestId: requestRows[i].id,
        guideId: g.id,
        partnerId: partner.id,
        status: i % 3 === 0 ? ('closed' as const) : ('active' as const),
        startedAt: new Date(Date.now() - (i % 300) * 86_400_000),
      })),
    );
  }
  await tx.execute(sql`update guides g set active_assignments = (
    select count(*) from assignments a where a.guide_id = g.id and a.status in ('pending_agreement', 'active'))
    where g.office_id = ${officeId}`);
}
