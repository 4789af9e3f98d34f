import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { districts, fundingPrograms, offices, partnerContacts, partners, users } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { hashPassword } from '../../src/modules/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import type { Role } from '../../src/shared/enums.js';
import type { TestApp } from './app.js';
import { login, type Session } from './app.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(5).toString('hex');

export type TestOffice = {
  officeId: string;
  districtIds: string[];
  partnerId: string;
  otherPartnerId: string;
  guideId: string;
  emails: Record<'coordinator' | 'guide' | 'partner' | 'otherPartner', string>;
  sessions: Record<'coordinator' | 'guide' | 'partner' | 'otherPartner', Session>;
};

/**
 * A fresh office on every call (Outline-style factories): two districts, two partners with a contact account each,
 * a guide with an account, and a coordinator, all signed in. Tests need no cleanup and cannot see each other.
 */
/** Consent and confidentiality pledge on record (version and date): what the matching's consent gate needs. */
export const ON_RECORD = {
  consent: { version: '2026-01', language: 'de', givenAt: '2025-05-01' },
  confidentialityPledgeAt: '2025-05-01',
  confidentialityPledgeVersion: '2026-01',
} as const;

/**
 * The time zone of test offices: one where it is late morning to evening (11:00–20:59) on the UTC date of the test
 * app's clock (real or fixed), whenever the suite runs. The product counts "today" and "now" in the office's zone; a
 * test that logs an activity "today, 09:00–10:30" (or 14:00–14:30 on the evening clock of requests.ts) in a
 * deployment that starts today must meet neither 01:40 in Berlin (in the future) nor Berlin's next day on a nightly
 * CI run. The offset stays within -3 … +11 hours, so an instant a test pins at 12:00 UTC is on the same local day.
 */
export function testTimeZone(now = new Date()): string {
  const offset = Math.min(11, 20 - now.getUTCHours());
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export async function createOffice(t: TestApp, name = `Testbüro ${unique()}`): Promise<TestOffice> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const services = createServices(t.ctx);
  const tag = unique();
  const emails = {
    coordinator: `koordination-${tag}@test.example`,
    guide: `lotse-${tag}@test.example`,
    partner: `partner-${tag}@test.example`,
    otherPartner: `partner2-${tag}@test.example`,
  };
  const ids = await inScope(t.ctx.database.db, 'system', async (tx) => {
    const { office } = await services.offices.createInTx(tx, SYSTEM_ACTOR, { name, city: 'Teststadt' });
    await tx
      .update(offices)
      .set({
        settings: sql`coalesce(${offices.settings}, '{}'::jsonb) || jsonb_build_object('timeZone', ${testTimeZone(t.ctx.now())}::text)`,
      })
      .where(eq(offices.id, office.id));
    const districtRows = await tx
      .insert(districts)
      .values([
        { officeId: office.id, name: 'Nordviertel', lat: 52.4, lon: 9.7 },
        { officeId: office.id, name: 'Südviertel', lat: 52.3, lon: 9.75 },
      ])
      .returning();
    const [partner, otherPartner] = await tx
      .insert(partners)
      .values([
        { officeId: office.id, name: `AWO Test ${tag}`, type: 'welfare_association', districtId: districtRows[0].id },
        { officeId: office.id, name: `Schule Test ${tag}`, type: 'school_kita' },
      ])
      .returning();
    await services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
      email: emails.coordinator,
      displayName: 'Koordination Test',
      role: 'coordinator',
      officeId: office.id,
      passwordHash: hash,
    });
    return {
      officeId: office.id,
      districtIds: districtRows.map((d) => d.id),
      partnerId: partner.id,
      otherPartnerId: otherPartner.id,
    };
  });
  // The guide is created through the API as a coordinator would, then linked to an account.
  const coordinator = await login(t.app, emails.coordinator, TEST_PASSWORD);
  const guideRes = await t.app.inject({
    method: 'POST',
    url: '/api/v1/guides',
    headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf },
    payload: {
      firstName: 'Testa',
      lastName: `Lotsin ${tag}`,
      email: emails.guide,
      languages: [
        { code: 'ar', level: 'native' },
        { code: 'de', level: 'C1' },
      ],
      countries: ['SY'],
      homeDistrictId: ids.districtIds[0],
      serviceDistrictIds: ids.districtIds,
      availability: [{ weekday: 2, from: '09:00', to: '12:00' }],
      status: 'active',
      certifiedAt: '2025-06-01',
      ...ON_RECORD,
      fields: ['authorities'],
      specializations: ['parents'],
    },
  });
  if (guideRes.statusCode !== 201) throw new Error(`guide create failed: ${guideRes.body}`);
  const guideId = guideRes.json().id as string;
  await inScope(t.ctx.database.db, 'system', async (tx) => {
    const make = (email: string, role: Role, extra: { partnerId?: string; guideId?: string }) =>
      services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
        email,
        displayName: email.split('@')[0],
        role,
        officeId: ids.officeId,
        passwordHash: hash,
        ...extra,
      });
    await make(emails.guide, 'guide', { guideId });
    const p1 = await make(emails.partner, 'partner_contact', { partnerId: ids.partnerId });
    const p2 = await make(emails.otherPartner, 'partner_contact', { partnerId: ids.otherPartnerId });
    await tx.insert(partnerContacts).values([
      {
        officeId: ids.officeId,
        partnerId: ids.partnerId,
        name: 'Kontakt Eins',
        email: emails.partner,
        userId: p1.user.id,
      },
      {
        officeId: ids.officeId,
        partnerId: ids.otherPartnerId,
        name: 'Kontakt Zwei',
        email: emails.otherPartner,
        userId: p2.user.id,
      },
    ]);
  });
  const sessions = {
    coordinator,
    guide: await login(t.app, emails.guide, TEST_PASSWORD),
    partner: await login(t.app, emails.partner, TEST_PASSWORD),
    otherPartner: await login(t.app, emails.otherPartner, TEST_PASSWORD),
  };
  return {
    officeId: ids.officeId,
    districtIds: ids.districtIds,
    partnerId: ids.partnerId,
    otherPartnerId: ids.otherPartnerId,
    guideId,
    emails,
    sessions,
  };
}

/** A platform admin account for the offices routes (signed in; `email` for tests that sign in again). */
export async function createPlatformAdmin(t: TestApp): Promise<Session & { email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const email = `admin-${unique()}@test.example`;
  const services = createServices(t.ctx);
  await inScope(t.ctx.database.db, 'system', (tx) =>
    services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
      email,
      displayName: 'Admin',
      role: 'platform_admin',
      officeId: null,
      passwordHash: hash,
    }),
  );
  return { ...(await login(t.app, email, TEST_PASSWORD)), email };
}

/** A trainer account of the office (courses: sees only the courses they teach), signed in. */
export async function createTrainer(
  t: TestApp,
  officeId: string,
): Promise<{ userId: string; email: string; session: Session }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const email = `trainer-${unique()}@test.example`;
  const services = createServices(t.ctx);
  await inScope(t.ctx.database.db, 'system', (tx) =>
    services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
      email,
      displayName: `Kursleitung ${email.slice(8, 13)}`,
      role: 'trainer',
      officeId,
      passwordHash: hash,
    }),
  );
  const session = await login(t.app, email, TEST_PASSWORD);
  return { userId: session.userId, email, session };
}

/**
 * A funding programme with the given offices and a signed-in funder of it (issue 13 §3). Written in the system scope
 * like the seed: the admin API for programmes is tested on its own (land.test.ts).
 */
export async function createFunder(
  t: TestApp,
  officeIds: string[],
): Promise<{ programmeId: string; email: string; session: Session }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const email = `funder-${unique()}@test.example`;
  const programmeId = await inScope(t.ctx.database.db, 'system', async (tx) => {
    const [programme] = await tx
      .insert(fundingPrograms)
      .values({ name: `Programm ${unique()}`, region: 'Niedersachsen' })
      .returning();
    if (officeIds.length)
      await tx.update(offices).set({ programmeId: programme.id }).where(inArray(offices.id, officeIds));
    await tx.insert(users).values({
      email,
      displayName: 'Förderreferat',
      role: 'funder',
      officeId: null,
      programmeId: programme.id,
      passwordHash: hash,
    });
    return programme.id;
  });
  return { programmeId, email, session: await login(t.app, email, TEST_PASSWORD) };
}
