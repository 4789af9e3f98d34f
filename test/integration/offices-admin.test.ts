/** Issue 7, section 6: the platform admin's offices page: real counts, coordinators, invitations, deactivation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, linkToken, tag } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { lastMailTo } from '../helpers/mail.js';

let t: TestApp;
let office: TestOffice;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  admin = await createPlatformAdmin(t);
});
afterAll(() => t.close());

describe('the offices page', () => {
  it('regression: shows the real number of guides, accounts and coordinators per office (not 0), and no personal data', async () => {
    await createGuideWithAccount(t, office);
    const res = await client(t.app, admin).get('/offices');
    const row = res.json().items.find((o: { id: string }) => o.id === office.officeId);
    // The factory office: 2 guides (one made here), 5 accounts (coordinator, 2 guides, 2 partner contacts).
    expect(row).toMatchObject({ guideCount: 2, userCount: 5, coordinatorCount: 1, deactivatedAt: null });
    expect(JSON.stringify(res.json())).not.toContain('@test.example');
  });

  it('lists the coordinators, invites a second one, and resends an invitation with a fresh link', async () => {
    const api = client(t.app, admin);
    const listed = (await api.get(`/offices/${office.officeId}/coordinators`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ email: office.emails.coordinator, status: 'active' })]);
    const email = `zweite-${tag()}@test.example`;
    const invited = await api.post(`/offices/${office.officeId}/coordinators`, {
      email,
      displayName: 'Zweite Koordination',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().status).toBe('invited');
    const first = linkToken((await lastMailTo(t, email)).text, 'invitation');
    const resent = await api.post(
      `/offices/${office.officeId}/coordinators/${invited.json().id}/resend-invitation`,
      {},
    );
    expect(resent.statusCode, resent.body).toBe(200);
    const second = linkToken((await lastMailTo(t, email)).text, 'invitation');
    expect(second).not.toBe(first);
    expect((await client(t.app).get(`/auth/tokens/${first}`)).statusCode).toBe(404);
    expect((await client(t.app).post(`/auth/tokens/${second}/password`, { password: TEST_PASSWORD })).statusCode).toBe(
      204,
    );
    expectProblem(
      await api.post(`/offices/${office.officeId}/coordinators/${invited.json().id}/resend-invitation`, {}),
      409,
      'invitation_not_open',
    );
    expect(
      (await api.get('/offices')).json().items.find((o: { id: string }) => o.id === office.officeId).coordinatorCount,
    ).toBe(2);
  });

  it('deactivates an office: its accounts are signed out and cannot sign in; reactivating lets them back', async () => {
    const other = await createOffice(t);
    const api = client(t.app, admin);
    const off = await api.post(`/offices/${other.officeId}/deactivate`, {});
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().deactivatedAt).toBeTruthy();
    expectProblem(await client(t.app, other.sessions.coordinator).get('/me'), 401, 'unauthenticated');
    const refused = await client(t.app).post('/auth/login', {
      email: other.emails.coordinator,
      password: TEST_PASSWORD,
    });
    expectProblem(refused, 403, 'office_deactivated');
    // Other offices are untouched.
    expect((await client(t.app, office.sessions.coordinator).get('/me')).statusCode).toBe(200);
    expect((await api.post(`/offices/${other.officeId}/reactivate`, {})).json().deactivatedAt).toBeNull();
    await login(t.app, other.emails.coordinator, TEST_PASSWORD);
  });

  it('is for the platform admin only', async () => {
    expectProblem(
      await client(t.app, office.sessions.coordinator).get(`/offices/${office.officeId}/coordinators`),
      403,
    );
    expectProblem(
      await client(t.app, office.sessions.coordinator).post(`/offices/${office.officeId}/deactivate`, {}),
      403,
    );
  });
});
