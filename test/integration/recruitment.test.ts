/**
 * Issue 10 §1: the public "become a guide" form (validation, spam protection, throttle, double opt-in) and the
 * recruitment pipeline (steps, conversations, dropping out with a reason, acceptance as a guide, isolation).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicants, offices } from '../../src/db/schema/index.js';
import { inScope } from '../../src/db/scope.js';
import { createServices } from '../../src/server/services.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { lastMailTo, mailsTo } from '../helpers/mail.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let slug: string;
let consentTextId: string;
/** The test clock runs ahead of the wall clock by `shift` milliseconds (fill time of the form). */
let shift = 0;
let ipCounter = 0;
const today = new Date().toISOString().slice(0, 10);

const coordinator = () => client(t.app, office.sessions.coordinator);
const otherCoordinator = () => client(t.app, other.sessions.coordinator);
const pub = client.bind(null);

async function publishConsent(o: TestOffice) {
  const api = client(t.app, o.sessions.coordinator);
  const texts = {
    de: {
      title: 'Einwilligung Datenschutz',
      body: 'Ich willige in die Verarbeitung meiner Angaben zur Gewinnung ein.',
    },
    ar: { title: 'الموافقة على حماية البيانات', body: 'أوافق على معالجة بياناتي لغرض الاستقطاب والتنسيق.' },
  };
  const draft = await api.post('/consent-texts', { kind: 'guide_consent', texts });
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

async function formOf(s = slug, language = 'de') {
  const res = await pub(t.app).get(`/public/offices/${s}/volunteer-form?language=${language}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    formToken: string;
    consent: { textId: string; version: number } | null;
    districts: { id: string }[];
  };
}

const applicantBody = (token: string, over: Record<string, unknown> = {}) => ({
  firstName: 'Samira',
  lastName: `Beispiel-${Math.random().toString(36).slice(2, 8)}`,
  email: `samira-${Math.random().toString(36).slice(2, 8)}@test.example`,
  phone: '+49 511 123',
  languages: [
    { code: 'ar', level: 'native' },
    { code: 'de', level: 'B2' },
  ],
  districtIds: [office.districtIds[0]],
  availability: [{ weekday: 3, from: '16:00', to: '18:00' }],
  motivation: 'Ich möchte anderen den Start erleichtern.',
  language: 'de',
  consentTextId,
  consentGiven: true,
  formToken: token,
  website: '',
  ...over,
});

/** Posts the form from its own client address (the throttle counts per address). */
function submit(body: unknown, s = slug, ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/offices/${s}/applicants`,
    payload: body as Record<string, unknown>,
    remoteAddress: ip,
  });
}

/** Fills the form as a person does: fetch, wait, send. Returns the body sent. */
async function apply(over: Record<string, unknown> = {}) {
  const form = await formOf();
  shift += 5_000;
  const body = applicantBody(form.formToken, over);
  const res = await submit(body);
  expect(res.statusCode, res.body).toBe(202);
  return body;
}

async function confirmFromMail(address: string) {
  const mail = await lastMailTo(t, address);
  const token = /\/volunteer\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token, mail.text).toBeTruthy();
  const res = await pub(t.app).post('/public/applicants/confirm', { token });
  expect(res.statusCode, res.body).toBe(204);
  return token as string;
}

async function findByEmail(address: string) {
  const res = await coordinator().get(`/applicants?q=${encodeURIComponent(address)}`);
  expect(res.statusCode, res.body).toBe(200);
  const [item] = res.json().items;
  return item as { id: string; status: string; emailConfirmedAt: string | null; guideId: string | null };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(Date.now() + shift) });
  office = await createOffice(t);
  other = await createOffice(t);
  consentTextId = await publishConsent(office);
  slug = await slugOf(office.officeId);
});
afterAll(() => t.close());

describe('public form', () => {
  it('every office has a slug derived from its name', () => {
    expect(slug).toMatch(/^testbuero-[0-9a-f]+$/);
  });

  it('shows the office, its districts and the consent text in force in the requested language', async () => {
    const form = await formOf(slug, 'ar');
    expect(form.consent?.textId).toBe(consentTextId);
    expect((form.consent as unknown as { language: string }).language).toBe('ar');
    expect(form.districts.map((d) => d.id).sort()).toEqual([...office.districtIds].sort());
    const en = await formOf(slug, 'en'); // no English text: German is shown
    expect((en.consent as unknown as { language: string }).language).toBe('de');
    expect((await pub(t.app).get('/public/offices/gibt-es-nicht/volunteer-form')).statusCode).toBe(404);
  });

  it('an office without a consent text in force offers no consent, and refuses applications', async () => {
    const otherSlug = await slugOf(other.officeId);
    const form = await formOf(otherSlug);
    expect(form.consent).toBeNull();
    shift += 5_000;
    const res = await submit(applicantBody(form.formToken, { districtIds: [] }), otherSlug);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('consentTextId');
  });

  it('validates the input: consent is required, districts must be the office’s own', async () => {
    const form = await formOf();
    shift += 5_000;
    const noConsent = await submit({ ...applicantBody(form.formToken), consentGiven: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().code).toBe('validation_failed');
    const foreign = await submit(applicantBody(form.formToken, { districtIds: [other.districtIds[0]] }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ path: 'districtIds.0', code: 'districtUnknown' });
    const badEmail = await submit(applicantBody(form.formToken, { email: 'keine-adresse' }));
    expect(badEmail.statusCode).toBe(400);
  });

  it('rejects a filled honeypot and a form sent too fast, with stable codes, and stores nothing', async () => {
    const form = await formOf();
    const tooFast = applicantBody(form.formToken);
    const fast = await submit(tooFast);
    expect(fast.statusCode).toBe(400);
    expect(fast.json().code).toBe('form_too_fast');
    shift += 5_000;
    const bot = applicantBody(form.formToken, { website: 'https://spam.example' });
    const honey = await submit(bot);
    expect(honey.statusCode).toBe(400);
    expect(honey.json().code).toBe('spam_rejected');
    const forged = await submit(applicantBody(`${office.officeId}.1.abc`));
    expect(forged.json().code).toBe('form_expired');
    const foreignToken = (await formOf(await slugOf(other.officeId))).formToken;
    shift += 5_000;
    expect((await submit(applicantBody(foreignToken))).json().code).toBe('form_expired');
    for (const b of [tooFast, bot]) expect(await findByEmail(b.email as string)).toBeUndefined();
    expect(await mailsTo(t, tooFast.email as string)).toEqual([]);
  });

  it('throttles applications per client address', async () => {
    const form = await formOf();
    shift += 5_000;
    const ip = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await submit(applicantBody(form.formToken), slug, ip)).statusCode).toBe(202);
    const sixth = await submit(applicantBody(form.formToken), slug, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('rate_limited');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(applicantBody(form.formToken), slug, '192.0.2.78')).statusCode).toBe(202);
  });

  it('double opt-in: the mailed link confirms once; the token is stored only as a hash', async () => {
    const body = await apply();
    const before = await findByEmail(body.email as string);
    expect(before).toMatchObject({ status: 'interested', emailConfirmedAt: null });
    const token = await confirmFromMail(body.email as string);
    const [row] = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.select().from(applicants).where(eq(applicants.id, before.id)),
    );
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.confirmTokenHash).toBeNull();
    expect(row.consentVersion).toBe(1);
    expect((await findByEmail(body.email as string)).emailConfirmedAt).not.toBeNull();
    const again = await pub(t.app).post('/public/applicants/confirm', { token });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('token_invalid');
  });

  it('answers the same for an address that applied before, without a second record', async () => {
    const body = await apply();
    const form = await formOf();
    shift += 5_000;
    const res = await submit({ ...applicantBody(form.formToken), email: body.email });
    expect(res.statusCode).toBe(202);
    const list = await coordinator().get(`/applicants?q=${encodeURIComponent(body.email as string)}`);
    expect(list.json().total).toBe(1);
    expect((await mailsTo(t, body.email as string)).length).toBe(2); // a fresh link, same answer
  });
});

describe('pipeline', () => {
  it('records steps with date and note; dropping out needs a reason', async () => {
    const body = await apply();
    const { id } = await findByEmail(body.email as string);
    const noReason = await coordinator().post(`/applicants/${id}/steps`, { status: 'dropped_out', on: today });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('dropOutReason');
    const future = await coordinator().post(`/applicants/${id}/steps`, { status: 'enrolled', on: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    const active = await coordinator().post(`/applicants/${id}/steps`, { status: 'active', on: today });
    expect(active.statusCode).toBe(409);
    expect(active.json().code).toBe('applicant_not_accepted');
    const dropped = await coordinator().post(`/applicants/${id}/steps`, {
      status: 'dropped_out',
      on: today,
      note: 'Telefonat',
      dropOutReason: 'Keine Zeit mehr',
    });
    expect(dropped.statusCode, dropped.body).toBe(201);
    expect(dropped.json()).toMatchObject({ status: 'dropped_out', dropOutReason: 'Keine Zeit mehr' });
    expect(dropped.json().steps.map((s: { status: string }) => s.status)).toEqual(['dropped_out', 'interested']);
    const list = await coordinator().get('/applicants?status=dropped_out');
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(id);
    expect(list.json().formSlug).toBe(slug);
  });

  it('a conversation is recorded with date, who held it and the outcome, and moves the applicant on', async () => {
    const body = await apply();
    const { id } = await findByEmail(body.email as string);
    const heldBy = office.sessions.coordinator.userId;
    const wrongHost = await coordinator().post(`/applicants/${id}/conversations`, {
      heldOn: today,
      heldBy: other.sessions.coordinator.userId,
      outcome: 'suitable',
    });
    expect(wrongHost.statusCode).toBe(400);
    const res = await coordinator().post(`/applicants/${id}/conversations`, {
      heldOn: today,
      heldBy,
      outcome: 'suitable',
      note: 'Sehr offen, spricht Arabisch und Deutsch.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('conversation_held');
    expect(res.json().conversations[0]).toMatchObject({ heldOn: today, heldBy, outcome: 'suitable' });
  });

  it('accepting creates a guide with the same data and queues the invitation mail', async () => {
    const body = await apply({ language: 'ar' });
    await confirmFromMail(body.email as string);
    const { id } = await findByEmail(body.email as string);
    const early = await coordinator().post(`/applicants/${id}/accept`);
    expect(early.statusCode).toBe(409);
    await coordinator().post(`/applicants/${id}/conversations`, {
      heldOn: today,
      heldBy: office.sessions.coordinator.userId,
      outcome: 'suitable',
    });
    await coordinator().post(`/applicants/${id}/steps`, { status: 'enrolled', on: today, note: 'Basiskurs Frühjahr' });
    const res = await coordinator().post(`/applicants/${id}/accept`);
    expect(res.statusCode, res.body).toBe(201);
    const guideId = res.json().guideId as string;
    const guide = (await coordinator().get(`/guides/${guideId}`)).json();
    expect(guide).toMatchObject({
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email,
      phone: body.phone,
      locale: 'ar',
      status: 'in_training',
      languages: body.languages,
      serviceDistrictIds: body.districtIds,
      availability: body.availability,
    });
    const records = (await coordinator().get(`/consent-records?guideId=${guideId}`)).json();
    expect(records.items[0]).toMatchObject({ textId: consentTextId, method: 'app', language: 'ar' });
    const invitation = await lastMailTo(t, body.email as string);
    expect(invitation.text).toMatch(/\/invitation\/[A-Za-z0-9_-]+/);
    expect((await coordinator().get(`/applicants/${id}`)).json().guideId).toBe(guideId);
    const twice = await coordinator().post(`/applicants/${id}/accept`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('applicant_already_accepted');
    // The guide follows the pipeline: active needs the certificate first, as for every guide.
    expectProblem(
      await coordinator().post(`/applicants/${id}/steps`, { status: 'active', on: today }),
      409,
      'certificate_required',
    );
    expect((await coordinator().get(`/applicants/${id}`)).json().status).toBe('enrolled');
    const certified = await coordinator().post(`/applicants/${id}/steps`, { status: 'certified', on: today });
    expect(certified.statusCode, certified.body).toBe(201);
    expect((await coordinator().get(`/guides/${guideId}`)).json()).toMatchObject({
      status: 'in_training',
      certifiedAt: today,
    });
    const active = await coordinator().post(`/applicants/${id}/steps`, { status: 'active', on: today });
    expect(active.statusCode, active.body).toBe(201);
    expect((await coordinator().get(`/guides/${guideId}`)).json().status).toBe('active');
    // Anonymising the guide later deletes the application they came from, with its history.
    expect((await coordinator().post(`/guides/${guideId}/anonymise`)).statusCode).toBe(200);
    expect((await coordinator().get(`/applicants/${id}`)).statusCode).toBe(404);
  });

  it('deleting removes the applicant and their history', async () => {
    const body = await apply();
    const { id } = await findByEmail(body.email as string);
    expect((await coordinator().delete(`/applicants/${id}`)).statusCode).toBe(204);
    expect((await coordinator().get(`/applicants/${id}`)).statusCode).toBe(404);
  });

  it('other offices, guides and partners see nothing', async () => {
    const body = await apply();
    const { id } = await findByEmail(body.email as string);
    expect((await otherCoordinator().get(`/applicants/${id}`)).statusCode).toBe(404);
    expect((await otherCoordinator().post(`/applicants/${id}/accept`)).statusCode).toBe(404);
    expect((await otherCoordinator().delete(`/applicants/${id}`)).statusCode).toBe(404);
    const theirs = (await otherCoordinator().get('/applicants')).json();
    expect(theirs.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await client(t.app, office.sessions.guide).get('/applicants')).statusCode).toBe(403);
    expect((await client(t.app, office.sessions.partner).get(`/applicants/${id}`)).statusCode).toBe(403);
  });
});

describe('retention', () => {
  it('the daily job deletes unconfirmed applications after 30 days and dropped-out ones after 180', async () => {
    const unconfirmed = await apply();
    const confirmed = await apply();
    await confirmFromMail(confirmed.email as string);
    const dropped = await apply();
    await confirmFromMail(dropped.email as string);
    const droppedId = (await findByEmail(dropped.email as string)).id;
    await coordinator().post(`/applicants/${droppedId}/steps`, {
      status: 'dropped_out',
      on: today,
      dropOutReason: 'Umzug',
    });
    const services = createServices(t.ctx);
    const only = { officeIds: [office.officeId] };
    await services.retention.applySchedule(new Date(Date.now() + 31 * 86_400_000), only);
    expect(await findByEmail(unconfirmed.email as string)).toBeUndefined();
    expect(await findByEmail(confirmed.email as string)).toBeDefined();
    expect(await findByEmail(dropped.email as string)).toBeDefined();
    await services.retention.applySchedule(new Date(Date.now() + 181 * 86_400_000), only);
    expect(await findByEmail(dropped.email as string)).toBeUndefined();
    expect(await findByEmail(confirmed.email as string)).toBeDefined();
  });
});
