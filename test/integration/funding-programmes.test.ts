/**
 * Funder accounts of a funding programme (issue 13 §3): the platform admin invites one by mail with the existing
 * invitation flow, the funder sets a password from the link and sees only its programme's figures; a deactivated
 * funder is signed out and cannot sign in again.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTokens, outbox, users } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { expectProblem, linkToken, tag } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { lastMailTo } from '../helpers/mail.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let C: TestOffice;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  [A, B, C] = [await createOffice(t), await createOffice(t), await createOffice(t)];
  admin = await createPlatformAdmin(t);
});
afterAll(() => t.close());

const officeName = async (o: TestOffice) => (await client(t.app, admin).get(`/offices/${o.officeId}`)).json().name;

describe('funder accounts of a programme', () => {
  it('invites a funder by mail; the funder signs in from the link and sees only its programme', async () => {
    const api = client(t.app, admin);
    const mine = (await api.post('/funding-programmes', { name: `WIR ${tag()}`, region: 'Hessen' })).json();
    const other = (await api.post('/funding-programmes', { name: `Andere ${tag()}`, region: 'Bayern' })).json();
    expect(
      (await api.put(`/funding-programmes/${mine.id}/offices`, { officeIds: [A.officeId, B.officeId] })).statusCode,
    ).toBe(200);
    await api.put(`/funding-programmes/${other.id}/offices`, { officeIds: [C.officeId] });

    const email = `foerder-${tag()}@test.example`;
    const invited = await api.post(`/funding-programmes/${mine.id}/funders`, {
      email,
      displayName: 'Förderreferat Hessen',
      locale: 'en',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({
      email,
      displayName: 'Förderreferat Hessen',
      locale: 'en',
      status: 'invited',
    });
    const listed = await api.get(`/funding-programmes/${mine.id}/funders`);
    expect(listed.json()).toEqual({ total: 1, items: [invited.json()] });
    expect((await api.get(`/funding-programmes/${other.id}/funders`)).json().total).toBe(0);
    const programmes = (await api.get('/funding-programmes')).json().items;
    expect(programmes.find((p: { id: string }) => p.id === mine.id).funderCount).toBe(1);

    // Bound to the programme and to no office; the link's token is stored hashed and the outbox holds a placeholder.
    const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
    await inScope(t.ctx.database.db, 'system', async (tx) => {
      const [row] = await tx.select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({
        role: 'funder',
        programmeId: mine.id,
        officeId: null,
        passwordHash: null,
        locale: 'en',
      });
      const stored = await tx.select().from(authTokens).where(eq(authTokens.userId, row.id));
      expect(stored).toHaveLength(1);
      expect(stored[0].id).not.toContain(token);
      const mails = await tx.select().from(outbox).where(eq(outbox.to, email));
      expect(mails).toHaveLength(1);
      expect(mails[0].officeId).toBeNull();
      expect(JSON.stringify(mails[0])).not.toContain(token);
    });

    expect((await client(t.app).post(`/auth/tokens/${token}/password`, { password: TEST_PASSWORD })).statusCode).toBe(
      204,
    );
    const session = await login(t.app, email, TEST_PASSWORD);
    const me = (await client(t.app, session).get('/me')).json().me;
    expect(me).toMatchObject({ role: 'funder', abilities: { 'land.view': true } });
    const figures = await client(t.app, session).get('/land/figures?from=2024-01-01&to=2024-12-31');
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json().programme.id).toBe(mine.id);
    expect(
      figures
        .json()
        .offices.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([A.officeId, B.officeId].sort());
    expect(figures.body).not.toContain(await officeName(C));
    expect((await api.get(`/funding-programmes/${mine.id}/funders`)).json().items[0].status).toBe('active');
    // The funder administers nothing.
    expectProblem(await client(t.app, session).get(`/funding-programmes/${mine.id}/funders`), 403);
  });

  it('deactivates a funder: its session ends, it cannot sign in, and its open invitation link stops working', async () => {
    const api = client(t.app, admin);
    const programme = (await api.post('/funding-programmes', { name: `P ${tag()}`, region: 'Sachsen' })).json();
    const signedIn = `aktiv-${tag()}@test.example`;
    const pending = `offen-${tag()}@test.example`;
    const first = (
      await api.post(`/funding-programmes/${programme.id}/funders`, { email: signedIn, displayName: 'Aktiv' })
    ).json();
    const second = (
      await api.post(`/funding-programmes/${programme.id}/funders`, { email: pending, displayName: 'Offen' })
    ).json();
    expect(first.locale).toBe('de');
    const token = linkToken((await lastMailTo(t, signedIn)).text, 'invitation');
    await client(t.app).post(`/auth/tokens/${token}/password`, { password: TEST_PASSWORD });
    const session = await login(t.app, signedIn, TEST_PASSWORD);
    const pendingToken = linkToken((await lastMailTo(t, pending)).text, 'invitation');

    const off = await api.post(`/funding-programmes/${programme.id}/funders/${first.id}/deactivate`, {});
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().status).toBe('disabled');
    expectProblem(await client(t.app, session).get('/me'), 401, 'unauthenticated');
    expectProblem(
      await client(t.app).post('/auth/login', { email: signedIn, password: TEST_PASSWORD }),
      403,
      'account_disabled',
    );
    await api.post(`/funding-programmes/${programme.id}/funders/${second.id}/deactivate`, {});
    expectProblem(await client(t.app).get(`/auth/tokens/${pendingToken}`), 404, 'token_invalid');
    // Deactivated accounts are listed but no longer counted; deactivating again changes nothing.
    expect(
      (await api.get('/funding-programmes')).json().items.find((p: { id: string }) => p.id === programme.id)
        .funderCount,
    ).toBe(0);
    const again = await api.post(`/funding-programmes/${programme.id}/funders/${first.id}/deactivate`, {});
    expect(again.json()).toEqual(off.json());
    const audit = (await api.get('/audit-events?action=funding_programme.funder_deactivated')).json().items;
    expect(audit.filter((e: { entityId: string }) => e.entityId === first.id)).toHaveLength(1);
  });

  it('answers 404 for an unknown programme or an account of another programme, 409 for a taken address', async () => {
    const api = client(t.app, admin);
    const p1 = (await api.post('/funding-programmes', { name: `Q ${tag()}`, region: 'Bremen' })).json();
    const p2 = (await api.post('/funding-programmes', { name: `R ${tag()}`, region: 'Bremen' })).json();
    const f = (
      await api.post(`/funding-programmes/${p1.id}/funders`, { email: `q-${tag()}@test.example`, displayName: 'Q' })
    ).json();
    expectProblem(await api.post(`/funding-programmes/${p2.id}/funders/${f.id}/deactivate`, {}), 404);
    expectProblem(
      await api.post(`/funding-programmes/${p1.id}/funders/${A.sessions.coordinator.userId}/deactivate`, {}),
      404,
    );
    expectProblem(await api.get(`/funding-programmes/${randomUUID()}/funders`), 404);
    expectProblem(
      await api.post(`/funding-programmes/${randomUUID()}/funders`, {
        email: `x-${tag()}@test.example`,
        displayName: 'X',
      }),
      404,
    );
    expectProblem(
      await api.post(`/funding-programmes/${p2.id}/funders`, { email: A.emails.coordinator, displayName: 'Doppelt' }),
      409,
      'email_taken',
    );
    const badName = await api.post(`/funding-programmes/${p1.id}/funders`, {
      email: `z-${tag()}@test.example`,
      displayName: 'a\u0000b',
    });
    expect(expectProblem(badName, 400).errors?.[0]?.path).toBe('displayName');
    const badMail = await api.post(`/funding-programmes/${p1.id}/funders`, { email: 'kein-mail', displayName: 'Z' });
    expect(expectProblem(badMail, 400).errors?.[0]?.path).toBe('email');
  });

  it('is refused to coordinators and to a funder (403)', async () => {
    const programme = (
      await client(t.app, admin).post('/funding-programmes', { name: `S ${tag()}`, region: 'Berlin' })
    ).json();
    const api = client(t.app, A.sessions.coordinator);
    expectProblem(await api.get(`/funding-programmes/${programme.id}/funders`), 403);
    expectProblem(
      await api.post(`/funding-programmes/${programme.id}/funders`, {
        email: `y-${tag()}@test.example`,
        displayName: 'Y',
      }),
      403,
    );
  });
});
