import { inScope } from '../../src/db/scope.js';
import { hashPassword } from '../../src/modules/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../src/server/context.js';
import { createServices } from '../../src/server/services.js';
import { client, login, type Session, type TestApp } from './app.js';
import { ON_RECORD, TEST_PASSWORD, type TestOffice } from './factories.js';

let hash: Promise<string> | undefined;

/** Another active, certified guide with an account in the office, signed in. */
export async function createGuideWithAccount(
  t: TestApp,
  office: TestOffice,
  over: Record<string, unknown> = {},
): Promise<{ guideId: string; session: Session; email: string }> {
  hash ??= hashPassword(TEST_PASSWORD);
  const email = `lotse-${Math.random().toString(36).slice(2, 10)}@test.example`;
  const res = await client(t.app, office.sessions.coordinator).post('/guides', {
    firstName: 'Weitere',
    lastName: `Lotsin ${email.slice(6, 12)}`,
    email,
    languages: [{ code: 'ar', level: 'native' }],
    homeDistrictId: office.districtIds[0],
    serviceDistrictIds: [office.districtIds[0]],
    status: 'active',
    certifiedAt: '2025-01-01',
    ...ON_RECORD,
    fields: ['authorities'],
    maxActiveAssignments: 2,
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`guide create failed: ${res.body}`);
  const guideId = res.json().id as string;
  const services = createServices(t.ctx);
  const passwordHash = await hash;
  await inScope(t.ctx.database.db, 'system', (tx) =>
    services.users.createInvitedUser(tx, SYSTEM_ACTOR, {
      email,
      displayName: email,
      role: 'guide',
      officeId: office.officeId,
      guideId,
      passwordHash,
    }),
  );
  return { guideId, email, session: await login(t.app, email, TEST_PASSWORD) };
}
