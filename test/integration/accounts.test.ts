/**
 * Accounts by e-mail: invitations (guides and partner contacts), one-time links, password rules and password
 * reset. Links are read from the mail the recipient received (the outbox shows them only as placeholders).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/shared/i18n/index.js';
import { expectProblem, linkToken, mutableClock, outboxFor, tag } from '../helpers/api.js';
import { client, createTestApp, login, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createPlatformAdmin, TEST_PASSWORD, type TestOffice } from '../helpers/factories.js';
import { lastMailTo, mailsTo } from '../helpers/mail.js';

const PUBLIC_URL = 'http://localhost:3000';
const clock = mutableClock();
let t: TestApp;
let o: TestOffice;
let officeName: string;
let admin: Session;

let ipCounter = 1;
const freshIp = () => `10.1.0.${ipCounter++}`;
const tokenInfo = (token: string, lang = 'de') =>
  t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}`, headers: { 'accept-language': lang } });
const setPassword = (token: string, password: string, lang = 'de') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/tokens/${token}/password`,
    payload: { password },
    headers: { 'accept-language': lang },
  });
const requestReset = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress: freshIp() });
const loginStatus = async (email: string, password: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: freshIp(),
    })
  ).statusCode;

/** A guide profile in the given language, and an invitation for it. */
async function inviteGuide(locale: 'de' | 'en' | 'ar') {
  const email = `einladung-${locale}-${tag()}@test.example`;
  const coordinator = client(t.app, o.sessions.coordinator);
  const guide = await coordinator.post('/guides', { firstName: 'Neu', lastName: `Lotse ${tag()}`, email, locale });
  expect(guide.statusCode, guide.body).toBe(201);
  const invited = await coordinator.post('/users', {
    email,
    displayName: 'Neue Lotsin',
    role: 'guide',
    guideId: guide.json().id,
  });
  expect(invited.statusCode, invited.body).toBe(201);
  return { email, guideId: guide.json().id as string, user: invited.json() };
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  o = await createOffice(t);
  admin = await createPlatformAdmin(t);
  officeName = (await client(t.app, o.sessions.coordinator).get('/me')).json().me.office.name;
});
afterAll(() => t.close());

describe('inviting a guide', () => {
  let invitation: Awaited<ReturnType<typeof inviteGuide>>;
  let token: string;

  it('creates an invited account and mails a one-time link in the guide’s language', async () => {
    invitation = await inviteGuide('en');
    expect(invitation.user).toMatchObject({ email: invitation.email, role: 'guide', status: 'invited' });
    const mails = await mailsTo(t, invitation.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe(translate('en', 'mail.inviteSubject', { office: officeName }));
    expect(mail.subject).not.toBe(translate('de', 'mail.inviteSubject', { office: officeName }));
    expect(mail.text).toContain(translate('en', 'mail.greeting', { name: 'Neue Lotsin' }));
    expect(mail.text).toContain(`${PUBLIC_URL}/invitation/`);
    token = linkToken(mail.text, 'invitation');
    expect(token.length).toBeGreaterThanOrEqual(40);
  });

  it('writes the mail in Arabic for an Arabic-speaking guide, and in German by default', async () => {
    const arabic = await inviteGuide('ar');
    const arMail = await lastMailTo(t, arabic.email);
    expect(arMail.subject).toBe(translate('ar', 'mail.inviteSubject', { office: officeName }));
    expect(arMail.text).toMatch(/[\u0600-\u06FF]/);
    const german = await inviteGuide('de');
    const deMail = await lastMailTo(t, german.email);
    expect(deMail.subject).toBe(translate('de', 'mail.inviteSubject', { office: officeName }));
  });

  it('lets the link be checked before the form is shown', async () => {
    const res = await tokenInfo(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ email: invitation.email, displayName: 'Neue Lotsin', kind: 'invite' });
  });

  it('refuses a password under 12 characters with a translated message, and keeps the link usable', async () => {
    const messages: Record<string, string> = {};
    for (const lang of ['de', 'en', 'ar']) {
      const body = expectProblem(await setPassword(token, 'elf-zeichen', lang), 400, 'validation_failed');
      expect(body.errors).toEqual([{ path: 'password', code: 'passwordTooShort', message: expect.any(String) }]);
      messages[lang] = body.errors?.[0].message ?? '';
    }
    expect(messages.de).toBe(translate('de', 'validation.passwordTooShort'));
    expect(messages.en).toBe(translate('en', 'validation.passwordTooShort'));
    expect(messages.ar).toMatch(/[\u0600-\u06FF]/);
    expect(new Set(Object.values(messages)).size).toBe(3);
    expect((await tokenInfo(token)).statusCode).toBe(200);
  });

  it('sets the password, after which the guide signs in and is linked to the profile', async () => {
    const passphrase = 'Mein Weg führt über die Leine-Brücke, jeden Dienstag um neun 🚲';
    const res = await setPassword(token, passphrase);
    expect(res.statusCode, res.body).toBe(204);
    const session = await login(t.app, invitation.email, passphrase);
    const me = (await client(t.app, session).get('/me')).json().me;
    expect(me).toMatchObject({ role: 'guide', guideId: invitation.guideId, office: { id: o.officeId } });
    const profile = await client(t.app, session).get(`/guides/${invitation.guideId}`);
    expect(profile.statusCode).toBe(200);
    const users = (await client(t.app, o.sessions.coordinator).get('/users')).json().items;
    expect(users.find((u: { email: string }) => u.email === invitation.email).status).toBe('active');
  });

  it('works once only: a reused link answers 404 token_invalid', async () => {
    expectProblem(await tokenInfo(token), 404, 'token_invalid');
    expectProblem(await setPassword(token, 'ein anderes langes Passwort'), 404, 'token_invalid');
    expect(await loginStatus(invitation.email, 'ein anderes langes Passwort')).toBe(401);
  });

  it('answers 404 token_invalid for a token that never existed', async () => {
    expectProblem(await tokenInfo('x'.repeat(43)), 404, 'token_invalid');
    expectProblem(await setPassword('x'.repeat(43), 'ein ausreichend langes Passwort'), 404, 'token_invalid');
  });

  it('refuses a second account for an e-mail address that is taken (409, translated)', async () => {
    const res = await client(t.app, o.sessions.coordinator).post('/users', {
      email: invitation.email,
      displayName: 'Doppelt',
      role: 'coordinator',
    });
    const body = expectProblem(res, 409, 'email_taken');
    expect(body.errors?.[0]).toMatchObject({ path: 'email', code: 'email_taken' });
    expect(body.errors?.[0].message, 'a message, not a raw catalogue key').not.toMatch(/^validation\./);
  });
});

describe('invitation links expire', () => {
  it('after 72 hours: the link works just before and answers 404 token_invalid after', async () => {
    clock.set(new Date());
    const invitation = await inviteGuide('de');
    const token = linkToken((await lastMailTo(t, invitation.email)).text, 'invitation');
    // No sign-in happens while the clock is ahead: a login would sweep sessions it believes expired.
    try {
      clock.advanceMinutes(72 * 60 - 1);
      expect((await tokenInfo(token)).statusCode).toBe(200);
      clock.advanceMinutes(2);
      expectProblem(await tokenInfo(token), 404, 'token_invalid');
      expectProblem(await setPassword(token, 'zu spät, aber lang genug'), 404, 'token_invalid');
    } finally {
      clock.set(new Date());
    }
    expect(await loginStatus(invitation.email, 'zu spät, aber lang genug')).toBe(401);
  });
});

describe('password reset', () => {
  it('answers 202 with the same empty body for known and unknown addresses, and mails only the known one', async () => {
    const unknownEmail = `unbekannt-${tag()}@test.example`;
    const known = await requestReset(o.emails.partner);
    const unknown = await requestReset(unknownEmail);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    const mails = await mailsTo(t, o.emails.partner);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(translate('de', 'mail.resetSubject'));
    expect(mails[0].text).toContain(`${PUBLIC_URL}/reset-password/`);
    // Nothing went to the unknown address, neither sent nor stored for an office or the platform.
    expect(await mailsTo(t, unknownEmail)).toEqual([]);
    expect(await outboxFor(t.app, admin, unknownEmail)).toEqual([]);
  });

  it('sets a new password, ends every existing session, and retires the old password', async () => {
    const email = o.emails.partner;
    const before = await login(t.app, email, TEST_PASSWORD);
    expect((await requestReset(email)).statusCode).toBe(202);
    const token = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    expect((await tokenInfo(token)).json()).toMatchObject({ email, kind: 'reset' });
    const newPassword = `neues Passwort ${tag()}`;
    expect((await setPassword(token, newPassword)).statusCode).toBe(204);
    expectProblem(await client(t.app, before).get('/me'), 401, 'unauthenticated');
    expectProblem(await client(t.app, o.sessions.partner).get('/me'), 401, 'unauthenticated');
    expect(await loginStatus(email, TEST_PASSWORD)).toBe(401);
    expect(await loginStatus(email, newPassword)).toBe(200);
    expectProblem(await setPassword(token, 'noch ein neues Passwort'), 404, 'token_invalid');
  });

  it('makes an earlier reset link invalid when a new one is requested', async () => {
    const email = o.emails.otherPartner;
    await requestReset(email);
    const first = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    await requestReset(email);
    const second = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    expect(second).not.toBe(first);
    expectProblem(await tokenInfo(first), 404, 'token_invalid');
    expect((await tokenInfo(second)).statusCode).toBe(200);
  });

  it('expires after 2 hours', async () => {
    const email = o.emails.otherPartner;
    clock.set(new Date());
    await requestReset(email);
    const token = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    try {
      clock.advanceMinutes(2 * 60 + 1);
      expectProblem(await tokenInfo(token), 404, 'token_invalid');
      expectProblem(await setPassword(token, 'zu spät, aber lang genug'), 404, 'token_invalid');
    } finally {
      clock.set(new Date());
    }
  });

  it('sends nothing to a disabled account (and still answers 202)', async () => {
    const { email, user } = await inviteGuide('de');
    const coordinator = client(t.app, o.sessions.coordinator);
    expect((await coordinator.patch(`/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    const before = (await mailsTo(t, email)).length;
    expect((await requestReset(email)).statusCode).toBe(202);
    expect(await mailsTo(t, email)).toHaveLength(before);
    expect(await outboxFor(t.app, o.sessions.coordinator, email)).toHaveLength(before);
  });
});

describe('links issued before an account was disabled', () => {
  it('regression: a reset link issued before the account was disabled stops working, also after it is enabled again', async () => {
    const email = `wieder-aktiv-${tag()}@test.example`;
    const coordinator = client(t.app, o.sessions.coordinator);
    const invited = await coordinator.post('/users', { email, displayName: 'Wieder Aktiv', role: 'coordinator' });
    expect(invited.statusCode).toBe(201);
    const invitation = linkToken((await lastMailTo(t, email)).text, 'invitation');
    expect((await setPassword(invitation, TEST_PASSWORD)).statusCode).toBe(204);
    expect((await requestReset(email)).statusCode).toBe(202);
    const reset = linkToken((await lastMailTo(t, email)).text, 'reset-password');

    expect((await coordinator.patch(`/users/${invited.json().id}`, { disabled: true })).statusCode).toBe(200);
    expectProblem(await tokenInfo(reset), 404, 'token_invalid');
    expect((await coordinator.patch(`/users/${invited.json().id}`, { disabled: false })).statusCode).toBe(200);
    expectProblem(await tokenInfo(reset), 404, 'token_invalid');
    expectProblem(await setPassword(reset, 'vom alten Link gesetzt'), 404, 'token_invalid');
    expect(await loginStatus(email, TEST_PASSWORD)).toBe(200);
  });

  it('regression: an invitation link issued before the account was disabled stops working, also after it is enabled again', async () => {
    const { email, user } = await inviteGuide('de');
    const invitation = linkToken((await lastMailTo(t, email)).text, 'invitation');
    const coordinator = client(t.app, o.sessions.coordinator);
    expect((await coordinator.patch(`/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await coordinator.patch(`/users/${user.id}`, { disabled: false })).statusCode).toBe(200);
    expectProblem(await tokenInfo(invitation), 404, 'token_invalid');
    expectProblem(await setPassword(invitation, 'vom alten Link gesetzt'), 404, 'token_invalid');
    // A fresh reset link works: the person is not stuck.
    expect((await requestReset(email)).statusCode).toBe(202);
    const reset = linkToken((await lastMailTo(t, email)).text, 'reset-password');
    expect((await setPassword(reset, TEST_PASSWORD)).statusCode).toBe(204);
    expect(await loginStatus(email, TEST_PASSWORD)).toBe(200);
  });
});

describe('inviting a partner contact', () => {
  let added: LightMyRequestResponse;
  const email = `kontakt-${tag()}@test.example`;

  it('adds the contact with an invited account and mails the link', async () => {
    added = await client(t.app, o.sessions.coordinator).post(`/partners/${o.partnerId}/contacts`, {
      name: 'Frau Kontakt',
      email,
      phone: '+49 511 4711',
      invite: true,
    });
    expect(added.statusCode, added.body).toBe(201);
    const contact = added.json().contacts.find((c: { email: string }) => c.email === email);
    expect(contact).toMatchObject({ name: 'Frau Kontakt', accountStatus: 'invited' });
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Frau Kontakt');
  });

  it('lets the contact set a password and then see their own organisation, but not the other one', async () => {
    const token = linkToken((await lastMailTo(t, email)).text, 'invitation');
    expect((await tokenInfo(token)).json()).toEqual({ email, displayName: 'Frau Kontakt', kind: 'invite' });
    expect((await setPassword(token, TEST_PASSWORD)).statusCode).toBe(204);
    const session = await login(t.app, email, TEST_PASSWORD);
    const api = client(t.app, session);
    expect((await api.get('/me')).json().me).toMatchObject({ role: 'partner_contact', partnerId: o.partnerId });
    const own = await api.get(`/partners/${o.partnerId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().contacts.find((c: { email: string }) => c.email === email).accountStatus).toBe('active');
    expectProblem(await api.get(`/partners/${o.otherPartnerId}`), 404, 'not_found');
  });

  it('adds a contact without an account when invite is false, and mails nothing', async () => {
    const plain = `ohne-konto-${tag()}@test.example`;
    const res = await client(t.app, o.sessions.coordinator).post(`/partners/${o.partnerId}/contacts`, {
      name: 'Herr Ohne Konto',
      email: plain,
      invite: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contacts.find((c: { email: string }) => c.email === plain).accountStatus).toBe('none');
    expect(await mailsTo(t, plain)).toEqual([]);
    expect(await outboxFor(t.app, o.sessions.coordinator, plain)).toEqual([]);
    expect(await loginStatus(plain, TEST_PASSWORD)).toBe(401);
  });

  it('refuses to invite an address that already has an account, and adds no contact (409)', async () => {
    const before = (await client(t.app, o.sessions.coordinator).get(`/partners/${o.otherPartnerId}`)).json();
    const res = await client(t.app, o.sessions.coordinator).post(`/partners/${o.otherPartnerId}/contacts`, {
      name: 'Schon vorhanden',
      email,
      invite: true,
    });
    expectProblem(res, 409, 'email_taken');
    const after = (await client(t.app, o.sessions.coordinator).get(`/partners/${o.otherPartnerId}`)).json();
    expect(after.contacts).toEqual(before.contacts);
  });
});

describe('inviting an address that has an account in another office', () => {
  let other: TestOffice;
  const coordinator = () => client(t.app, o.sessions.coordinator);
  const invite = (email: string) =>
    coordinator().post('/users', { email, displayName: 'Neue Kollegin', role: 'coordinator' });
  /** A record with the parts that must differ (id, address, times) blanked. */
  const blank = (record: Record<string, unknown>) => ({
    ...record,
    id: 'ID',
    email: 'EMAIL',
    to: 'TO',
    entityId: 'ID',
    createdAt: 'T',
    sentAt: 'T',
    at: 'T',
  });

  beforeAll(async () => {
    other = await createOffice(t);
  });

  it('regression: answers exactly as for a new address, and nothing the office sees afterwards tells them apart (account enumeration)', async () => {
    const fresh = `frisch-${tag()}@test.example`;
    const taken = other.emails.coordinator;
    const a = await invite(fresh);
    const b = await invite(taken);
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    expect(blank(b.json())).toEqual(blank(a.json()));
    expect(b.json().email).toBe(taken);

    // The accounts list shows both the same way.
    const users = (await coordinator().get('/users')).json().items as Record<string, unknown>[];
    const rowOf = (email: string) => users.find((u) => u.email === email) as Record<string, unknown>;
    expect(rowOf(taken)).toEqual(b.json());
    expect(blank(rowOf(taken))).toEqual(blank(rowOf(fresh)));

    // The outbox shows the same invitation to both.
    const [mailA] = await outboxFor(t.app, o.sessions.coordinator, fresh);
    const [mailB] = await outboxFor(t.app, o.sessions.coordinator, taken);
    expect(blank(mailB)).toEqual(blank(mailA));

    // The audit log records the same.
    const auditOf = async (id: string) =>
      (await coordinator().get(`/audit-events?entityId=${id}`)).json().items.map(blank);
    expect(await auditOf(b.json().id)).toEqual(await auditOf(a.json().id));

    // Inviting again answers the same 409 (the office has both addresses now), and both can be disabled.
    expectProblem(await invite(fresh), 409, 'email_taken');
    expectProblem(await invite(taken), 409, 'email_taken');
    for (const id of [a.json().id, b.json().id]) {
      const res = await coordinator().patch(`/users/${id}`, { disabled: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('disabled');
    }
  });

  it('creates no second account: the owner keeps theirs, gets no link, and reads that nothing was created', async () => {
    const owner = other.emails.guide;
    expect((await invite(owner)).statusCode).toBe(201);
    const mail = await lastMailTo(t, owner);
    expect(mail.subject).toBe(translate('de', 'mail.inviteSubject', { office: officeName }));
    expect(mail.text).toContain(translate('de', 'mail.inviteExistingAccount', { office: officeName }));
    expect(mail.text).not.toMatch(/\/invitation\//);
    // The owner still signs in, into their own office, with their own role.
    const session = await login(t.app, owner, TEST_PASSWORD);
    expect((await client(t.app, session).get('/me')).json().me).toMatchObject({
      role: 'guide',
      office: { id: other.officeId },
    });
    // Their office sees their account unchanged, and no account anywhere can be reached with that address but theirs.
    const theirs = (await client(t.app, other.sessions.coordinator).get('/users')).json().items;
    expect(theirs.filter((u: { email: string }) => u.email === owner)).toMatchObject([
      { status: 'active', role: 'guide' },
    ]);
    expect((await requestReset(owner)).statusCode).toBe(202);
    expect(linkToken((await lastMailTo(t, owner)).text, 'reset-password')).toBeTruthy();
    expect(await outboxFor(t.app, other.sessions.coordinator, owner)).toHaveLength(1);
  });

  it('looks the same for a partner contact invitation', async () => {
    const add = (email: string) =>
      coordinator().post(`/partners/${o.partnerId}/contacts`, { name: 'Frau Doppelt', email, invite: true });
    const freshEmail = `kontakt-neu-${tag()}@test.example`;
    const fresh = await add(freshEmail);
    const taken = await add(other.emails.partner);
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(taken.statusCode, taken.body).toBe(201);
    const contactOf = (res: LightMyRequestResponse, email: string) =>
      res.json().contacts.find((c: { email: string }) => c.email === email);
    expect(blank(contactOf(taken, other.emails.partner))).toEqual(blank(contactOf(fresh, freshEmail)));
    expect(contactOf(taken, other.emails.partner).accountStatus).toBe('invited');
  });
});
