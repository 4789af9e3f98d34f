import type { Tx } from '../src/db/client.js';
import { guides } from '../src/db/schema/index.js';
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
  const statuses = ['active', 'active', 'active', 'paused', 'in_training', 'interested', 'left'];
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
      };
    });
    await tx.insert(guides).values(batch);
  }
}
