import { count, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { districts, guideStatusHistory, guides, offices, partners } from '../db/schema/index.js';
import { inScope } from '../db/scope.js';
import { addMonths, todayIso } from '../domain/dates.js';
import { hashPassword } from '../modules/auth/tokens.js';
import { partnerRepository } from '../modules/partners/repository.js';
import type { AppContext } from '../server/context.js';
import { SYSTEM_ACTOR } from '../server/context.js';
import { createServices } from '../server/services.js';
import { LOCALES, type Locale } from '../shared/enums.js';
import { DEFAULT_FIELDS_OF_ACTION, DEFAULT_SPECIALIZATIONS } from '../shared/reference-data.js';
import { seedApplicants } from './demoApplicants.js';
import { seedConsent } from './demoConsent.js';
import { seedDemoCourses } from './demoCourses.js';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  HANNOVER_DISTRICTS,
  HANNOVER_PARTNERS,
  ORIGINS,
  OSNABRUECK_DISTRICTS,
  OSNABRUECK_PARTNERS,
} from './demoData.js';
import { seedDemoDirectory } from './demoDirectory.js';
import { seedDemoEvents } from './demoEvents.js';
import { seedDemoExpenses } from './demoExpenses.js';
import { seedHannoverHistory } from './demoHistory.js';
import { seedDemoHours } from './demoHours.js';
import { seedDemoLand } from './demoLand.js';
import { seedDemoMessages } from './demoMessages.js';
import { seedDemoNotifications } from './demoNotifications.js';
import { seedDemoPauses } from './demoPauses.js';
import { seedDemoPublicRequests } from './demoPublicRequests.js';
import { approveDemoRecognitionMonths, seedDemoRecognition } from './demoRecognition.js';
import { seedDemoRequests } from './demoRequests.js';
import { seedDemoRooms } from './demoRooms.js';

/**
 * The UI language a seeded guide prefers: a guide whose first language is one of the UI languages reads it half of
 * the time, the others German (a fifth of them English). `roll` is drawn for every non-Arabic guide, as before the
 * seven languages, so the rest of the demo stays the same.
 */
function preferredLocale(firstLanguage: string, roll: number): Locale {
  const own = firstLanguage === 'prs' ? 'fa' : firstLanguage;
  if ((LOCALES as readonly string[]).includes(own) && own !== 'de' && own !== 'en' && roll < 0.5) return own as Locale;
  return roll < 0.2 ? 'en' : 'de';
}

/** Deterministic PRNG, so every fresh demo looks the same (and screenshots are comparable). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], max: number): T[] => {
    const n = 1 + Math.floor(next() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  return { next, pick, some };
}

const LEVELS_SECOND = ['C2', 'C1', 'B2', 'B1'] as const;

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const [{ n }] = await inScope(ctx.database.db, 'system', (tx) => tx.select({ n: count() }).from(offices));
  return n === 0;
}

type OfficeSeed = {
  name: string;
  city: string;
  districts: ReadonlyArray<{ name: string; lat: number; lon: number }>;
  partners: ReadonlyArray<{ name: string; type: string; district: string; street: string; postalCode: string }>;
  guideCount: number;
  seed: number;
};

/** Names already given in this demo, across offices: no two demo guides share a name. */
const usedNames = new Set<string>();

function guideRows(officeId: string, districtIds: string[], spec: OfficeSeed, today: string) {
  const r = random(spec.seed);
  const fieldKeys = DEFAULT_FIELDS_OF_ACTION.map((f) => f.key);
  const specKeys = DEFAULT_SPECIALIZATIONS.map((s) => s.key);
  const rows: (typeof guides.$inferInsert)[] = [];
  for (let i = 0; i < spec.guideCount; i++) {
    // Walk the origins in order first so that every country appears, then at random.
    // Most guides are women (about 78 % in the published figures); names fit the gender, and none repeats.
    const gender = r.next() < 0.78 ? 'female' : r.next() < 0.95 ? 'male' : 'diverse';
    let origin = i < ORIGINS.length ? ORIGINS[(i * 7) % ORIGINS.length] : r.pick(ORIGINS);
    let firstName = '';
    let lastName = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      const pool =
        gender === 'male' ? origin.male : gender === 'female' ? origin.female : [...origin.female, ...origin.male];
      firstName = r.pick(pool);
      lastName = r.pick(gender === 'female' && origin.lastFemale ? origin.lastFemale : origin.last);
      if (!usedNames.has(`${firstName} ${lastName}`)) break;
      origin = r.pick(ORIGINS);
    }
    usedNames.add(`${firstName} ${lastName}`);
    const languages = origin.languages.map((code, index) => ({
      code,
      level: index === 0 ? 'native' : r.pick(LEVELS_SECOND),
    }));
    if (!languages.some((l) => l.code === 'de'))
      languages.push({ code: 'de', level: r.pick(['C2', 'C1', 'B2', 'B1'] as const) });
    if (r.next() < 0.35 && !languages.some((l) => l.code === 'en'))
      languages.push({ code: 'en', level: r.pick(LEVELS_SECOND) });
    const roll = r.next();
    // Mostly active; a few paused, in training, interested or gone, as in a real pool.
    const status =
      roll < 0.72 ? 'active' : roll < 0.8 ? 'paused' : roll < 0.9 ? 'in_training' : roll < 0.96 ? 'interested' : 'left';
    const certified = status === 'active' || status === 'paused' || status === 'left';
    const certifiedAt = certified ? addMonths(today, -Math.floor(3 + r.next() * 100)) : null;
    const checkRoll = r.next();
    // Some checks are current, some due or expired, some missing.
    const checkedAt =
      certified && checkRoll < 0.75
        ? addMonths(today, -Math.floor(checkRoll < 0.15 ? 57 + r.next() * 8 : r.next() * 50))
        : null;
    const home = r.pick(districtIds);
    const service = [...new Set([home, ...r.some(districtIds, 3)])];
    const availability = Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => {
      const weekday = 1 + Math.floor(r.next() * 6);
      const start = 8 + Math.floor(r.next() * 9);
      const hours = 2 + Math.floor(r.next() * 3);
      const hh = (h: number) => `${String(Math.min(h, 23)).padStart(2, '0')}:00`;
      return { weekday, from: hh(start), to: hh(start + hours) };
    }).filter((slot, index, all) => all.findIndex((s) => s.weekday === slot.weekday) === index);
    const n = String(i + 1).padStart(2, '0');
    rows.push({
      officeId,
      firstName,
      lastName,
      email: `lotse${n}@${spec.city.toLowerCase().replace(/[^a-z]/g, '')}.example`,
      phone: `+49 511 555 ${String(1000 + i)}`,
      locale: origin.languages[0] === 'ar' ? 'ar' : preferredLocale(origin.languages[0], r.next()),
      languages,
      languageCodes: languages.map((l) => l.code),
      countries: [origin.country],
      specializations: r.next() < 0.5 ? r.some(specKeys, 2) : [],
      fields: r.some(fieldKeys, 4),
      homeDistrictId: home,
      serviceDistrictIds: service,
      availability,
      maxActiveAssignments: r.pick([1, 1, 2, 2, 2, 3, 4]),
      gender,
      status,
      certifiedAt,
      backgroundCheckedAt: checkedAt,
      backgroundIssuedAt: checkedAt ? addMonths(checkedAt, -1) : null,
      backgroundRelevantConviction: checkedAt ? false : null,
      consentVersion: '2026-01',
      consentLanguage: 'de',
      consentGivenAt: certifiedAt ?? addMonths(today, -1),
      confidentialityPledgeAt: certifiedAt,
      confidentialityPledgeVersion: certifiedAt ? '2026-01' : null,
      notes: r.next() < 0.2 ? 'Bevorzugt Einsätze am Vormittag.' : null,
    });
  }
  // The office's ceiling is the capacity it set: guides may lower their capacity themselves, not raise it.
  return rows.map((row) => ({ ...row, capacityCeiling: row.maxActiveAssignments }));
}

async function seedOffice(tx: Tx, ctx: AppContext, spec: OfficeSeed) {
  const services = createServices(ctx);
  const { office } = await services.offices.createInTx(tx, SYSTEM_ACTOR, { name: spec.name, city: spec.city });
  const districtRows = await tx
    .insert(districts)
    .values(spec.districts.map((d) => ({ ...d, officeId: office.id })))
    .returning();
  const districtByName = new Map(districtRows.map((d) => [d.name, d.id]));
  const partnerRows = await tx
    .insert(partners)
    .values(
      spec.partners.map((p) => ({
        officeId: office.id,
        name: p.name,
        type: p.type,
        street: p.street,
        postalCode: p.postalCode,
        city: spec.city === 'Hannover' ? 'Hannover' : p.district,
        districtId: districtByName.get(p.district) ?? null,
        email: `kontakt${p.postalCode}@partner.example`,
        phone: `+49 511 444 ${p.postalCode.slice(-3)}`,
      })),
    )
    .returning();
  const guideInsert = await tx
    .insert(guides)
    .values(
      guideRows(
        office.id,
        districtRows.map((d) => d.id),
        spec,
        todayIso(ctx.now()),
      ),
    )
    .returning();
  // Each seeded guide's status history starts with the status they have.
  await tx
    .insert(guideStatusHistory)
    .values(guideInsert.map((g) => ({ officeId: office.id, guideId: g.id, status: g.status, at: g.statusChangedAt })));
  return { office, partners: partnerRows, guides: guideInsert, services, districtIds: districtRows.map((d) => d.id) };
}

/** Seeds the Hannover demo office, a second office (Landkreis Osnabrück) and the demo accounts of the README. */
export async function seedDemo(ctx: AppContext): Promise<{ offices: number; guides: number }> {
  usedNames.clear();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await inScope(ctx.database.db, 'system', async (tx) => {
    const hannover = await seedOffice(tx, ctx, {
      name: 'Koordinierungsstelle Integrationslots:innen Hannover',
      city: 'Hannover',
      districts: HANNOVER_DISTRICTS,
      partners: HANNOVER_PARTNERS,
      guideCount: 60,
      seed: 2007,
    });
    const osnabrueck = await seedOffice(tx, ctx, {
      name: 'Integrationslotsen Landkreis Osnabrück',
      city: 'Osnabrück',
      districts: OSNABRUECK_DISTRICTS,
      partners: OSNABRUECK_PARTNERS,
      guideCount: 8,
      seed: 49074,
    });
    const users = hannover.services.users;
    const create = (input: Parameters<typeof users.createInvitedUser>[2]) =>
      users.createInvitedUser(tx, SYSTEM_ACTOR, { ...input, passwordHash });

    await create({
      email: DEMO_ACCOUNTS.admin,
      displayName: 'Plattform-Administration',
      role: 'platform_admin',
      officeId: null,
    });
    const hannoverCoordinator = await create({
      email: DEMO_ACCOUNTS.hannoverCoordinator,
      displayName: 'Koordination Hannover',
      role: 'coordinator',
      officeId: hannover.office.id,
    });
    // The demo guide is the first active guide of the Hannover pool; her profile gets the demo address.
    const demoGuide = hannover.guides.find((g) => g.status === 'active') ?? hannover.guides[0];
    await tx
      .update(guides)
      // The demo guide reads German, whatever her first language: the README's tour is in German.
      .set({ email: DEMO_ACCOUNTS.hannoverGuide, locale: 'de', maxActiveAssignments: 3, capacityCeiling: 3 })
      .where(eq(guides.id, demoGuide.id));
    await create({
      email: DEMO_ACCOUNTS.hannoverGuide,
      displayName: `${demoGuide.firstName} ${demoGuide.lastName}`,
      role: 'guide',
      officeId: hannover.office.id,
      guideId: demoGuide.id,
      locale: 'de',
    });
    // One signed-in guide per other UI language, on the guide's own address, so every language can be tried out.
    // A guide who reads the language already, else one whose first language it is (Dari speakers read Persian).
    const firstLanguageIs = (g: (typeof hannover.guides)[number], locale: Locale) =>
      g.languageCodes[0] === locale || (locale === 'fa' && g.languageCodes[0] === 'prs');
    const taken = new Set([demoGuide.id]);
    for (const locale of LOCALES.filter((l) => l !== 'de')) {
      // Active guides first; a paused or training guide signs in as well.
      const candidates = hannover.guides
        .filter((g) => g.status !== 'left' && g.email && !taken.has(g.id))
        .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
      const guide = candidates.find((g) => g.locale === locale) ?? candidates.find((g) => firstLanguageIs(g, locale));
      if (!guide?.email) continue;
      taken.add(guide.id);
      if (guide.locale !== locale) await tx.update(guides).set({ locale }).where(eq(guides.id, guide.id));
      await create({
        email: guide.email,
        displayName: `${guide.firstName} ${guide.lastName}`,
        role: 'guide',
        officeId: hannover.office.id,
        guideId: guide.id,
        locale,
      });
    }
    await seedConsent(tx, hannover.office.id, hannover.guides, todayIso(ctx.now()), [demoGuide.id]);
    await seedApplicants(
      tx,
      hannover.office.id,
      hannover.districtIds,
      hannoverCoordinator.user.id,
      todayIso(ctx.now()),
    );
    const awo = hannover.partners.find((p) => p.name.startsWith('AWO')) ?? hannover.partners[0];
    const awoUser = await create({
      email: DEMO_ACCOUNTS.hannoverPartner,
      displayName: 'Kontakt AWO Migrationsdienste',
      role: 'partner_contact',
      officeId: hannover.office.id,
      partnerId: awo.id,
    });
    const contact = await partnerRepository.insertContact(tx, {
      officeId: hannover.office.id,
      partnerId: awo.id,
      name: 'Kontakt AWO Migrationsdienste',
      email: DEMO_ACCOUNTS.hannoverPartner,
    });
    await partnerRepository.linkContactUser(tx, contact.id, awoUser.user.id);
    // A trainer (Kursleitung) who sees only the course she teaches, and the running demo course.
    const trainer = await create({
      email: DEMO_ACCOUNTS.hannoverTrainer,
      displayName: 'Kursleitung Hannover',
      role: 'trainer',
      officeId: hannover.office.id,
    });
    await seedDemoCourses(tx, {
      officeId: hannover.office.id,
      trainerUserId: trainer.user.id,
      guides: hannover.guides,
      today: todayIso(ctx.now()),
    });
    await seedDemoEvents(tx, {
      officeId: hannover.office.id,
      guides: hannover.guides,
      today: todayIso(ctx.now()),
      timeZone: 'Europe/Berlin',
    });
    // Two years of past requests and deployments, so a year's report and its comparison show real figures; before
    // any month is approved, since approved months take no new activities.
    await seedHannoverHistory(tx, hannover.office.id, todayIso(ctx.now()), [DEMO_ACCOUNTS.hannoverGuide]);
    await seedDemoRecognition(tx, {
      officeId: hannover.office.id,
      guides: hannover.guides,
      demoGuideId: demoGuide.id,
      coordinatorUserId: hannoverCoordinator.user.id,
      today: todayIso(ctx.now()),
    });
    await create({
      email: DEMO_ACCOUNTS.osnabrueckCoordinator,
      displayName: 'Koordination Osnabrück',
      role: 'coordinator',
      officeId: osnabrueck.office.id,
    });
    await seedDemoDirectory(tx, { hannoverOfficeId: hannover.office.id, osnabrueckOfficeId: osnabrueck.office.id });
    return {
      offices: 2,
      guides: hannover.guides.length + osnabrueck.guides.length,
      osnabrueckOfficeId: osnabrueck.office.id,
      hannover: {
        officeId: hannover.office.id,
        partnerIds: hannover.partners.map((p) => p.id),
        districtIds: hannover.districtIds,
        coordinatorUserId: hannoverCoordinator.user.id,
      },
    };
  });
  // Phase two runs through the services, in their own transactions, after the base data committed.
  await seedDemoRequests(ctx, result.hannover.officeId, result.hannover.partnerIds, result.hannover.districtIds);
  await seedDemoPublicRequests(ctx, result.hannover.officeId, result.hannover.districtIds);
  await seedDemoHours(ctx, result.hannover.officeId);
  await inScope(ctx.database.db, 'system', (tx) =>
    approveDemoRecognitionMonths(tx, { officeId: result.hannover.officeId, today: todayIso(ctx.now()) }),
  );
  // Expense claims need the deployments phase two made.
  await inScope(ctx.database.db, 'system', (tx) =>
    seedDemoExpenses(tx, {
      officeId: result.hannover.officeId,
      coordinatorUserId: result.hannover.coordinatorUserId,
      today: todayIso(ctx.now()),
    }),
  );
  await seedDemoNotifications(ctx, result.hannover.officeId);
  // Rooms with bookings this week and next: a conversation of a demo deployment and the demo course's sessions.
  await inScope(ctx.database.db, 'system', (tx) =>
    seedDemoRooms(tx, {
      officeId: result.hannover.officeId,
      coordinatorUserId: result.hannover.coordinatorUserId,
      today: todayIso(ctx.now()),
      now: ctx.now(),
    }),
  );
  await seedDemoMessages(ctx, result.hannover.officeId);
  // A guide's holiday in the coming weeks (issue 14), entered as the guide would on their profile.
  await inScope(ctx.database.db, 'system', (tx) =>
    seedDemoPauses(tx, { officeId: result.hannover.officeId, today: todayIso(ctx.now()) }),
  );
  // The Land view: both offices in one programme, the Land's funder account, and Osnabrück's own small history.
  await inScope(ctx.database.db, 'system', (tx) =>
    seedDemoLand(tx, {
      officeIds: [result.hannover.officeId, result.osnabrueckOfficeId],
      smallOfficeId: result.osnabrueckOfficeId,
      funderEmail: DEMO_ACCOUNTS.funder,
      passwordHash,
      today: todayIso(ctx.now()),
    }),
  );
  return { offices: result.offices, guides: result.guides };
}
