/**
 * Issue 14 §3: the public front door. The "ask for help" form (JSON API and server-rendered HTML without
 * JavaScript) creates a request in status "new" without a partner; the person's name and contact are for the
 * office's coordinators only; spam protection (honeypot, fill time, throttle per address); the public home pages;
 * no cookie; retention and the Art. 15 file cover the contact.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, offices, outbox, requestContacts } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { LOCALES } from '../../src/shared/enums.js';
import { translate } from '../../src/shared/i18n/index.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createFunder, createOffice, type TestOffice } from '../helpers/factories.js';
import { mailsTo } from '../helpers/mail.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let slug: string;
let otherSlug: string;
let consentTextId: string;
/** The test clock runs ahead of the wall clock by `shift` ms: the form's minimum fill time passes without waiting. */
let shift = 0;
let ipCounter = 0;
const nextIp = () => `10.14.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const coordinator = (o: TestOffice = office) => client(t.app, o.sessions.coordinator);
const pub = () => client(t.app);

async function publishPersonConsent(o: TestOffice) {
  const api = coordinator(o);
  const texts = {
    de: {
      title: 'Einwilligung der begleiteten Person',
      body: 'Ich willige ein, dass meine Angaben verarbeitet werden.',
    },
    ar: { title: 'موافقة الشخص المرافَق', body: 'أوافق على معالجة بياناتي لغرض المرافقة.' },
  };
  const draft = await api.post('/consent-texts', { kind: 'person_consent', texts });
  expect(draft.statusCode, draft.body).toBe(201);
  expect((await api.post(`/consent-texts/${draft.json().id}/publish`)).statusCode).toBe(200);
  return draft.json().id as string;
}

async function slugOf(officeId: string) {
  const [row] = await inScope(t.ctx.database.db, 'system', (tx) =>
    tx.select({ slug: offices.slug }).from(offices).where(eq(offices.id, officeId)),
  );
  return row.slug as string;
}

async function formToken(s = slug) {
  const res = await pub().get(`/public/offices/${s}/help-form?language=de`);
  expect(res.statusCode, res.body).toBe(200);
  shift += 5_000; // a person takes longer than the minimum fill time
  return res.json().formToken as string;
}

const body = (token: string, over: Record<string, unknown> = {}) => ({
  name: 'Amina Yusuf',
  ageGroup: 'adult',
  householdSize: 3,
  minorsInvolved: true,
  field: 'authorities',
  type: 'accompaniment',
  description: 'Termin beim Jobcenter am Dienstag, ich brauche Begleitung.',
  languages: ['ar', 'de'],
  districtId: office.districtIds[0],
  contactChannel: 'phone',
  contactValue: '+49 511 987654',
  language: 'de',
  consentTextId,
  consentGiven: true,
  formToken: token,
  website: '',
  ...over,
});

function post(payload: unknown, s = slug, ip = nextIp(), headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/offices/${s}/help-requests`,
    payload: payload as Record<string, unknown>,
    remoteAddress: ip,
    headers,
  });
}

/** The newest public request of the office, as the coordinator reads it. */
async function newestPublic(o: TestOffice = office) {
  const list = await coordinator(o).get('/requests?limit=200');
  expect(list.statusCode, list.body).toBe(200);
  const items = (list.json().items as { id: string; origin: string; createdAt: string }[])
    .filter((r) => r.origin === 'public')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return items[0];
}

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return params.toString();
};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(Date.now() + shift) });
  office = await createOffice(t);
  other = await createOffice(t);
  consentTextId = await publishPersonConsent(office);
  await publishPersonConsent(other);
  slug = await slugOf(office.officeId);
  otherSlug = await slugOf(other.officeId);
});
afterAll(() => t.close());

describe('the ask-for-help form (JSON)', () => {
  it('shows districts, fields of action, the person consent text in force and a form token', async () => {
    const res = await pub().get(`/public/offices/${slug}/help-form?language=ar`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.consent.textId).toBe(consentTextId);
    expect(f.consent.language).toBe('ar');
    expect(f.districts.map((d: { id: string }) => d.id).sort()).toEqual([...office.districtIds].sort());
    expect(f.fields.map((x: { key: string }) => x.key)).toContain('authorities');
    expect(f.languages).toEqual([...LOCALES]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await pub().get('/public/offices/gibt-es-nicht/help-form')).statusCode).toBe(404);
  });

  it('creates a request in status "new" without a partner; coordinators see origin and contact', async () => {
    const res = await post(
      body(await formToken(), { contactChannel: 'email', contactValue: 'amina@test.example', language: 'ar' }),
    );
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers['set-cookie']).toBeUndefined();
    const item = await newestPublic();
    const detail = await coordinator().get(`/requests/${item.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const r = detail.json();
    expect(r).toMatchObject({
      status: 'new',
      origin: 'public',
      partnerId: null,
      partnerName: null,
      field: 'authorities',
      type: 'accompaniment',
      minorsInvolved: true,
      districtId: office.districtIds[0],
      person: { initials: 'A. Y.', ageGroup: 'adult', household: 'family', householdSize: 3, consentGiven: true },
      publicContact: { name: 'Amina Yusuf', channel: 'email', value: 'amina@test.example', locale: 'ar' },
    });
    expect(r.person.languages).toEqual(['ar', 'de']);
    expect(r.person.consentLanguage).toBe('ar');
    expect(r.timeline.map((e: { kind: string }) => e.kind)).toContain('created');
    // The person's name and contact are in the contact row only: not in the title, not in the audit.
    expect(r.title).not.toContain('Amina');
    const audit = await inScope(t.ctx.database.db, { officeId: office.officeId }, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.entityId, item.id)),
    );
    const created = audit.find((a) => a.action === 'request.submitted_public');
    expect(created, JSON.stringify(audit)).toBeTruthy();
    expect(created?.actorUserId ?? null).toBeNull();
    expect(JSON.stringify(audit)).not.toMatch(/Amina|amina@test|Yusuf/);
    // The consent given on the form is on record, in the form's language.
    const consents = await coordinator().get(`/consent-records?requestId=${item.id}`);
    if (consents.statusCode === 200)
      expect(consents.json().items ?? consents.json()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'person_consent', language: 'ar' })]),
      );
  });

  it("mails a receipt in the person's language, with no link and no secret in the outbox", async () => {
    const mails = await mailsTo(t, 'amina@test.example');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(translate('ar', 'publicHelp.mail.subject', { office: '' }).trim());
    expect(mails[0].text).toContain(translate('ar', 'publicHelp.mail.next'));
    expect(mails[0].text).not.toMatch(/https?:\/\//);
    const rows = await inScope(t.ctx.database.db, { officeId: office.officeId }, (tx) =>
      tx.select().from(outbox).where(eq(outbox.to, 'amina@test.example')),
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toMatch(/https?:\/\//);
    // No mail when the person gave a phone number.
    const before = t.sentMail.length;
    expect((await post(body(await formToken()))).statusCode).toBe(202);
    expect(t.sentMail.length).toBe(before);
  });

  it('answers translated field errors with stable codes', async () => {
    const res = await post(
      body(await formToken(), {
        name: '',
        contactChannel: 'email',
        contactValue: 'keine-adresse',
        languages: [],
        consentGiven: false,
        description: 'kurz',
      }),
      slug,
      nextIp(),
      { 'accept-language': 'ar' },
    );
    const problem = expectProblem(res, 400, 'validation_failed');
    const byPath = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e]));
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['name', 'languages', 'consentGiven', 'description']));
    expect(byPath.consentGiven.message).toBe(translate('ar', 'validation.field.consentGiven.invalid_value'));
    // The contact is checked by its channel (once the rest of the form is complete).
    const mail = await post(
      body(await formToken(), { contactChannel: 'email', contactValue: 'keine-adresse' }),
      slug,
      nextIp(),
      {
        'accept-language': 'ar',
      },
    );
    const contact = expectProblem(mail, 400, 'validation_failed').errors?.find((e) => e.path === 'contactValue');
    expect(contact?.code).toBe('invalid_email');
    expect(contact?.message).toBe(translate('ar', 'validation.field.contactValue.invalid_email'));
    const phone = await post(body(await formToken(), { contactChannel: 'phone', contactValue: 'ruf mich an' }));
    expect(expectProblem(phone, 400).errors?.find((e) => e.path === 'contactValue')?.code).toBe('phone');
    // Unknown district and field of another office: field errors, nothing written.
    const foreign = await post(body(await formToken(), { districtId: other.districtIds[0], field: 'nicht_da' }));
    const p = expectProblem(foreign, 400, 'validation_failed');
    expect((p.errors ?? []).map((e) => e.path).sort()).toEqual(['districtId', 'field']);
  });

  it('refuses the honeypot, a form sent too fast, and a token of another office', async () => {
    expectProblem(await post(body(await formToken(), { website: 'http://spam.example' })), 400, 'spam_rejected');
    const res = await pub().get(`/public/offices/${slug}/help-form`);
    expectProblem(await post(body(res.json().formToken)), 400, 'form_too_fast');
    expectProblem(await post(body(await formToken(otherSlug))), 400, 'form_expired');
  });

  it('throttles one client address: 429 with retry-after after five requests', async () => {
    const ip = '10.99.0.1';
    for (let i = 0; i < 5; i++) expect((await post(body(await formToken()), slug, ip)).statusCode).toBe(202);
    const res = await post(body(await formToken()), slug, ip);
    expectProblem(res, 429, 'rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(body(await formToken()), slug, '10.99.0.2')).statusCode).toBe(202);
  });
});

describe('who sees the request and its contact', () => {
  let id: string;
  beforeAll(async () => {
    expect(
      (await post(body(await formToken(), { name: 'Farid Nazari', contactValue: '+49 511 555111' }))).statusCode,
    ).toBe(202);
    id = (await newestPublic()).id;
  });

  it("is in this office only: another office's coordinator gets 404 and does not list it", async () => {
    expect((await coordinator(other).get(`/requests/${id}`)).statusCode).toBe(404);
    const list = await coordinator(other).get('/requests?limit=200');
    expect(list.json().items.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('guides, partner contacts and funders never read the contact', async () => {
    const guide = await client(t.app, office.sessions.guide).get(`/requests/${id}`);
    expect([403, 404]).toContain(guide.statusCode);
    const partner = client(t.app, office.sessions.partner);
    expect((await partner.get(`/requests/${id}`)).statusCode).toBe(404);
    const own = await partner.get('/requests?limit=200');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(id);
    expect(own.body).not.toMatch(/Farid|555111/);
    const funder = await createFunder(t, [office.officeId]);
    const f = client(t.app, funder.session);
    expect([403, 404]).toContain((await f.get(`/requests/${id}`)).statusCode);
    const land = await f.get('/land/figures');
    expect(land.body).not.toMatch(/Farid|555111/);
    // The coordinator does.
    const c = await coordinator().get(`/requests/${id}`);
    expect(c.json().publicContact).toMatchObject({ name: 'Farid Nazari', value: '+49 511 555111' });
  });

  it("a guide offered the request reads initials, never the person's name or contact; the deployment has no partner", async () => {
    expect(
      (
        await post(
          body(await formToken(), {
            name: 'Karim Haddad',
            contactValue: '+49 511 555222',
            minorsInvolved: false,
            languages: ['de'],
          }),
        )
      ).statusCode,
    ).toBe(202);
    const fresh = (await newestPublic()).id;
    const api = coordinator();
    expect((await api.post(`/requests/${fresh}/status`, { status: 'in_review' })).statusCode).toBe(200);
    const sent = await api.post(`/requests/${fresh}/offers`, {
      guideIds: [office.guideId],
      message: '',
      overrideReason: 'Test ohne Ranking',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const guide = client(t.app, office.sessions.guide);
    const mine = await guide.get('/me/offers');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toMatch(/Karim|Haddad|555222/);
    const offer = await guide.get(`/offers/${sent.json().items[0].id}`);
    expect(offer.statusCode, offer.body).toBe(200);
    expect(offer.json().request.partnerName).toBeNull();
    expect(offer.body).not.toMatch(/Karim|Haddad|555222/);
    const accepted = await guide.post(`/offers/${sent.json().items[0].id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const assignmentId = accepted.json().assignmentId as string;
    const deployment = await api.get(`/assignments/${assignmentId}`);
    expect(deployment.statusCode, deployment.body).toBe(200);
    expect(deployment.json()).toMatchObject({ partnerId: null, partnerName: null });
    expect(deployment.body).not.toMatch(/Karim|555222/);
    // No partner contact owns a deployment without a partner.
    expect((await client(t.app, office.sessions.partner).get(`/assignments/${assignmentId}`)).statusCode).toBe(404);
    const pdf = await api.get(`/assignments/${assignmentId}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/pdf/);
  });

  it('the Art. 15 file of the request lists the contact; erasing the person deletes it', async () => {
    const file = await coordinator().get(`/privacy/requests/${id}/export.json`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.body).toContain('request_contacts');
    expect(file.body).toContain('Farid Nazari');
    const api = coordinator();
    const cancel = await api.post(`/requests/${id}/status`, { status: 'cancelled', reason: 'Person hat abgesagt' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const erase = await api.post(`/requests/${id}/anonymise-person`, {});
    expect([200, 204]).toContain(erase.statusCode);
    const rows = await inScope(t.ctx.database.db, { officeId: office.officeId }, (tx) =>
      tx.select().from(requestContacts).where(eq(requestContacts.requestId, id)),
    );
    expect(rows).toHaveLength(0);
    const after = await api.get(`/requests/${id}`);
    expect(after.json().publicContact).toBeNull();
    expect(after.body).not.toMatch(/Farid|555111/);
  });
});

describe('public pages (server-rendered HTML)', () => {
  const html = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('renders the form in German and Arabic (dir="rtl"), without script and without cookie', async () => {
    const de = await html(`/public/${slug}/help?lang=de`);
    expect(de.statusCode, de.body).toBe(200);
    expect(de.headers['content-type']).toMatch(/^text\/html/);
    expect(de.body).toContain('<html lang="de" dir="ltr">');
    expect(de.body).toContain(translate('de', 'publicHelp.form.submit'));
    expect(de.body).toContain('method="post"');
    expect(de.headers['set-cookie']).toBeUndefined();
    expect(String(de.headers['content-security-policy'])).toContain("script-src 'none'");
    // JavaScript on the public pages: none at all (the issue allows up to 50 KB for the forms).
    const scripts = [...de.body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.reduce((n, m) => n + m[0].length, 0)).toBeLessThan(50 * 1024);
    expect(scripts).toHaveLength(0);

    const ar = await html(`/public/${slug}/help?lang=ar`);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain(translate('ar', 'publicHelp.form.submit'));
    // Without ?lang the browser's language decides.
    const byHeader = await html(`/public/${slug}/help`, { 'accept-language': 'ar-SY,ar;q=0.9' });
    expect(byHeader.body).toContain('dir="rtl"');
    // Every UI language is offered in the switcher.
    for (const l of LOCALES) expect(de.body).toContain(`?lang=${l}"`);
  });

  it('escapes what it prints', async () => {
    const res = await html(`/public/${slug}/help?lang=<script>`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>');
  });

  it('posts without JavaScript: a valid form redirects to the thank-you page, an invalid one shows its errors', async () => {
    const page = await html(`/public/${slug}/help?lang=de`);
    const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1] as string;
    const textId = /name="consentTextId" value="([^"]+)"/.exec(page.body)?.[1] as string;
    expect(token && textId).toBeTruthy();
    shift += 5_000;
    const fields = {
      formToken: token,
      consentTextId: textId,
      website: '',
      name: 'M. K.',
      ageGroup: 'senior',
      householdSize: '1',
      field: 'health_care',
      type: 'language_mediation',
      description: 'Arzttermin nächste Woche, ich brauche jemanden zum Übersetzen.',
      languages: ['fa', 'prs'],
      districtId: office.districtIds[1],
      contactChannel: 'institution',
      contactValue: 'Beratungsstelle Linden, 0511 123456',
      consentGiven: 'true',
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: `/public/${slug}/help?lang=de`,
      payload: form({ ...fields, description: '', consentGiven: [] }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.body).toContain(translate('de', 'publicHelp.form.errorsTitle'));
    expect(bad.body).toContain(translate('de', 'validation.field.consentGiven.required'));
    expect(bad.body).toContain('href="#f-description"');
    expect(bad.body).toContain('value="M. K."'); // what was typed stays
    const fresh = /name="formToken" value="([^"]+)"/.exec(bad.body)?.[1] as string;
    shift += 5_000;
    const ok = await t.app.inject({
      method: 'POST',
      url: `/public/${slug}/help?lang=de`,
      payload: form({ ...fields, formToken: fresh }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/public/${slug}/help/sent?lang=de`);
    expect(ok.headers['set-cookie']).toBeUndefined();
    const sent = await html(ok.headers.location as string);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain(translate('de', 'publicHelp.sent.title'));
    const item = await newestPublic();
    const detail = (await coordinator().get(`/requests/${item.id}`)).json();
    expect(detail).toMatchObject({
      type: 'language_mediation',
      person: { languages: ['fa', 'prs'], initials: 'M. K.' },
    });
    expect(detail.publicContact).toMatchObject({
      channel: 'institution',
      value: 'Beratungsstelle Linden, 0511 123456',
    });

    // The honeypot through the page: refused, with a sentence above the form.
    shift += 5_000;
    const spam = await t.app.inject({
      method: 'POST',
      url: `/public/${slug}/help?lang=de`,
      payload: form({ ...fields, formToken: fresh, website: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(spam.statusCode).toBe(400);
    expect(spam.body).toContain(translate('de', 'errors.spam_rejected'));
  });

  it('the home pages link the form, the volunteer form and the directory; unknown offices are 404', async () => {
    const home = await html(`/public/${slug}?lang=de`);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`href="/public/${slug}/help?lang=de"`);
    expect(home.body).toContain(`href="/volunteer/${slug}"`);
    expect(home.body).toContain('href="/directory"');
    expect(home.headers['set-cookie']).toBeUndefined();
    const all = await html('/public?lang=ar');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('dir="rtl"');
    expect(all.body).toContain('href="/directory"');
    // Only offices listed in the public directory appear on the installation's page.
    expect(all.body).not.toContain(`/public/${slug}?`);
    const missing = await html('/public/gibt-es-nicht/help?lang=de');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
  });
});
