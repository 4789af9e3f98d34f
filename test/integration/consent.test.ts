/**
 * Issue 9 §1: consent texts as versions (immutable once published), consent records and their withdrawal, the
 * matching gate they feed, and the confirmation of a new version by guides in the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { pdfText } from '../helpers/pdf.js';
import { inDays, requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);

const texts = (n: number) => ({
  de: {
    title: `Einwilligung Datenschutz ${n}`,
    body: `Ich willige ein, dass meine Daten verarbeitet werden (Fassung ${n}).`,
  },
  en: { title: `Data protection consent ${n}`, body: `I consent to the processing of my data (version ${n}).` },
  ar: { title: 'الموافقة على حماية البيانات', body: 'أوافق على معالجة بياناتي الشخصية لغرض التنسيق.' },
});

async function publish(kind: string, n = 1) {
  const draft = await coordinator().post('/consent-texts', { kind, texts: texts(n), changeNote: `Neu ${n}` });
  expect(draft.statusCode, draft.body).toBe(201);
  const published = await coordinator().post(`/consent-texts/${draft.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as { id: string; version: number; state: string; publishedAt: string };
}

async function record(body: Record<string, unknown>) {
  const res = await coordinator().post('/consent-records', {
    language: 'de',
    givenAt: today,
    method: 'paper',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; withdrawnAt: string | null };
}

async function fileRequest() {
  const res = await coordinator().post('/requests', { ...requestBody(office), partnerId: office.partnerId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function candidateGates(requestId: string, guideId: string) {
  const res = await coordinator().get(`/requests/${requestId}/candidates?limit=150`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as {
    eligible: { guideId: string }[];
    notEligible: { guideId: string; gates: { gate: string; passed: boolean }[] }[];
  };
  if (body.eligible.some((c) => c.guideId === guideId)) return 'eligible';
  return body.notEligible
    .find((c) => c.guideId === guideId)
    ?.gates.filter((g) => !g.passed)
    .map((g) => g.gate);
}

describe('consent texts', () => {
  it('numbers versions per kind; a draft can change, a published version cannot (service and database)', async () => {
    const api = coordinator();
    const first = await api.post('/consent-texts', { kind: 'person_consent', texts: texts(1) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: 1,
      state: 'draft',
      publishedAt: null,
      languages: ['de', 'en', 'ar'],
    });
    const edited = await api.patch(`/consent-texts/${first.json().id}`, { texts: { de: texts(9).de } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().languages).toEqual(['de']);

    const published = await api.post(`/consent-texts/${first.json().id}/publish`);
    expect(published.json()).toMatchObject({ state: 'published', publishedAt: today });
    expectProblem(
      await api.patch(`/consent-texts/${first.json().id}`, { texts: texts(2) }),
      409,
      'consent_text_published',
    );
    expectProblem(await api.post(`/consent-texts/${first.json().id}/publish`), 409, 'consent_text_published');
    await expect(
      t.database.exec(`update consent_texts set change_note = 'heimlich' where id = '${first.json().id}'`),
    ).rejects.toThrow(/published/);

    const second = await publish('person_consent', 2);
    expect(second.version).toBe(2);
    const list = (await api.get('/consent-texts?kind=person_consent')).json();
    expect(list.items.map((x: { version: number; state: string }) => [x.version, x.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(list.items[1].texts.de.title).toBe('Einwilligung Datenschutz 9');
  });

  it('renders each version and language as a PDF for signing', async () => {
    const text = await publish('confidentiality_pledge');
    const de = await coordinator().get(`/consent-texts/${text.id}/document.pdf?language=de`);
    expect(de.statusCode).toBe(200);
    expect(de.headers['content-type']).toBe('application/pdf');
    expect(de.headers['content-disposition']).toContain(`Fassung-${text.version}-de.pdf`);
    const deText = await pdfText(de.rawPayload);
    expect(deText).toContain(`Einwilligung Datenschutz 1 Fassung ${text.version} Verschwiegenheitserklärung`);
    expect(deText).toContain('Ich willige ein, dass meine Daten verarbeitet werden (Fassung 1).');
    expect(deText).toContain('Lotsin / Lotse Ort, Datum Unterschrift');
    const ar = await pdfText(
      (await coordinator().get(`/consent-texts/${text.id}/document.pdf?language=ar`)).rawPayload,
    );
    expect(ar).toContain('أوافق على معالجة بياناتي الشخصية لغرض التنسيق');
    expect(ar).toContain('المكان، التاريخ');
    expect(ar).not.toContain('Unterschrift');
    // A guide may print the texts they sign; partners none.
    expect((await client(t.app, office.sessions.guide).get(`/consent-texts/${text.id}/document.pdf`)).statusCode).toBe(
      200,
    );
    expectProblem(await client(t.app, office.sessions.partner).get(`/consent-texts/${text.id}/document.pdf`), 403);
    // A language the version does not have.
    const deOnly = await coordinator().post('/consent-texts', { kind: 'person_consent', texts: { de: texts(1).de } });
    expectProblem(await coordinator().get(`/consent-texts/${deOnly.json().id}/document.pdf?language=ar`), 404);
    const draftPdf = await pdfText(
      (await coordinator().get(`/consent-texts/${deOnly.json().id}/document.pdf`)).rawPayload,
    );
    expect(draftPdf).toContain('Entwurf – noch nicht veröffentlicht');
  });

  it('refuses bad input', async () => {
    const api = coordinator();
    expectProblem(await api.post('/consent-texts', { kind: 'guide_consent', texts: { en: texts(1).en } }), 400);
    expectProblem(await api.post('/consent-texts', { kind: 'other', texts: texts(1) }), 400);
    expectProblem(
      await api.post('/consent-texts', { kind: 'guide_consent', texts: { de: { title: 'x', body: 'zu kurz' } } }),
      400,
    );
    expectProblem(
      await api.post('/consent-texts', { kind: 'guide_consent', texts: { ...texts(1), fr: texts(1).en } }),
      400,
    );
    expectProblem(await api.patch(`/consent-texts/${crypto.randomUUID()}`, {}), 400);
    expectProblem(await api.patch(`/consent-texts/${crypto.randomUUID()}`, { changeNote: 'x' }), 404);
    const nul = await api.post('/consent-texts', {
      kind: 'guide_consent',
      texts: { de: { title: 'Titel', body: 'Ein Text mit \u0000 darin, lang genug.' } },
    });
    expectProblem(nul, 400);

    const text = await publish('guide_consent');
    const draft = (await api.post('/consent-texts', { kind: 'guide_consent', texts: texts(2) })).json();
    const base = { textId: text.id, guideId: office.guideId, language: 'de', givenAt: today, method: 'paper' };
    const fieldCodes = async (body: Record<string, unknown>) => {
      const res = await api.post('/consent-records', body);
      return expectProblem(res, 400).errors?.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    };
    expect(await fieldCodes({ ...base, requestId: await fileRequest() })).toBeDefined();
    expect(await fieldCodes({ ...base, guideId: undefined })).toBeDefined();
    expect(await fieldCodes({ ...base, givenAt: inDays(2) })).toEqual(['givenAt:inFuture']);
    expect(await fieldCodes({ ...base, givenAt: '1850-01-01' })).toBeDefined();
    expect(await fieldCodes({ ...base, method: 'fax' })).toBeDefined();
    expect(await fieldCodes({ ...base, textId: draft.id })).toEqual(['textId:consentTextDraft']);
    expect(await fieldCodes({ ...base, guideId: crypto.randomUUID() })).toEqual(['guideId:guideUnknown']);
    const person = await publish('person_consent');
    expect(await fieldCodes({ ...base, textId: person.id })).toEqual(['textId:consentTextKind']);

    const given = await record({ textId: text.id, guideId: office.guideId, givenAt: inDays(-10) });
    const withdraw = (body: Record<string, unknown>) => api.post(`/consent-records/${given.id}/withdraw`, body);
    expectProblem(await withdraw({ withdrawnAt: inDays(-11), method: 'paper' }), 400);
    expectProblem(await withdraw({ withdrawnAt: inDays(3), method: 'paper' }), 400);
    expectProblem(await withdraw({ withdrawnAt: today }), 400);
    const pledge = await publish('confidentiality_pledge');
    const signed = await record({ textId: pledge.id, guideId: office.guideId });
    expectProblem(
      await api.post(`/consent-records/${signed.id}/withdraw`, { withdrawnAt: today, method: 'paper' }),
      409,
      'consent_not_withdrawable',
    );
  });
});

describe('consent records, the matching gate and withdrawal', () => {
  it('no matching without consent and pledge on record; records put the guide into matching', async () => {
    const consentText = await publish('guide_consent');
    const pledgeText = await publish('confidentiality_pledge');
    const { guideId } = await createGuideWithAccount(t, office, {
      lastName: `Ohne ${tag()}`,
      consent: null,
      confidentialityPledgeAt: null,
      confidentialityPledgeVersion: null,
    });
    const requestId = await fileRequest();
    expect(await candidateGates(requestId, guideId)).toEqual(['consent']);
    await record({ textId: consentText.id, guideId, language: 'ar' });
    expect(await candidateGates(requestId, guideId)).toEqual(['consent']); // the pledge is still missing
    await record({ textId: pledgeText.id, guideId });
    expect(await candidateGates(requestId, guideId)).toBe('eligible');
    const guide = (await coordinator().get(`/guides/${guideId}`)).json();
    expect(guide.consent).toEqual({
      version: String(consentText.version),
      language: 'ar',
      givenAt: today,
      withdrawnAt: null,
    });
    expect(guide.confidentialityPledgeVersion).toBe(String(pledgeText.version));
    expect(guide.consentOnRecord).toBe(true);
  });

  it('a withdrawal removes the guide from matching, withdraws pending offers and records the date for retention', async () => {
    const consentText = await publish('guide_consent');
    const pledgeText = await publish('confidentiality_pledge');
    const { guideId, session } = await createGuideWithAccount(t, office, { lastName: `Widerruf ${tag()}` });
    const given = await record({ textId: consentText.id, guideId, givenAt: inDays(-30) });
    await record({ textId: pledgeText.id, guideId, givenAt: inDays(-30) });
    const requestId = await fileRequest();
    const sent = await coordinator().post(`/requests/${requestId}/offers`, { guideIds: [guideId] });
    expect(sent.statusCode, sent.body).toBe(201);
    const offerId = sent.json().items[0].id;

    // The guide withdraws in the app (the method is recorded as "app" whatever the client says).
    const res = await client(t.app, session).post(`/consent-records/${given.id}/withdraw`, {
      withdrawnAt: today,
      method: 'paper',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ withdrawnAt: today, withdrawalMethod: 'app' });

    const offer = (await coordinator().get(`/offers/${offerId}`)).json();
    expect(offer.status).toBe('withdrawn');
    const request = (await coordinator().get(`/requests/${requestId}`)).json();
    expect(request.status).toBe('in_review');
    expect(await candidateGates(requestId, guideId)).toEqual(['consent']);
    const [row] = await t.database.rows<{ consent_withdrawn_at: string }>(
      `select consent_withdrawn_at::text from guides where id = '${guideId}'`,
    );
    expect(row.consent_withdrawn_at).toBe(today);
    expect((await coordinator().get(`/guides/${guideId}`)).json().consent.withdrawnAt).toBe(today);
    expectProblem(
      await coordinator().post(`/consent-records/${given.id}/withdraw`, { withdrawnAt: today, method: 'paper' }),
      409,
      'consent_already_withdrawn',
    );
    const audit = (await coordinator().get(`/audit-events?entityId=${given.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['consent.withdrawn', 'consent.recorded']);

    // Consent given again later puts the guide back.
    await record({ textId: consentText.id, guideId });
    expect(await candidateGates(requestId, guideId)).toBe('eligible');
  });

  it("a withdrawal typed into the guide's form withdraws the open records too", async () => {
    const consentText = await publish('guide_consent');
    const { guideId } = await createGuideWithAccount(t, office, { lastName: `Formular ${tag()}` });
    const given = await record({ textId: consentText.id, guideId, givenAt: inDays(-5) });
    const guide = (await coordinator().get(`/guides/${guideId}`)).json();
    const patched = await coordinator().patch(`/guides/${guideId}`, {
      consent: { ...guide.consent, withdrawnAt: inDays(-1) },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const list = (await coordinator().get(`/consent-records?guideId=${guideId}`)).json();
    expect(list.items.find((r: { id: string }) => r.id === given.id)).toMatchObject({
      withdrawnAt: inDays(-1),
      withdrawalMethod: 'paper',
    });
  });

  it("records the accompanied person's consent on the request; its withdrawal withdraws pending offers and stops new ones", async () => {
    const personText = await publish('person_consent');
    const consentText = await publish('guide_consent');
    const pledgeText = await publish('confidentiality_pledge');
    const { guideId } = await createGuideWithAccount(t, office, { lastName: `Person ${tag()}` });
    await record({ textId: consentText.id, guideId });
    await record({ textId: pledgeText.id, guideId });
    const requestId = await fileRequest();
    const given = await record({ textId: personText.id, requestId, language: 'ar' });
    let request = (await coordinator().get(`/requests/${requestId}`)).json();
    expect(request.person).toMatchObject({
      consentGiven: true,
      consentVersion: String(personText.version),
      consentLanguage: 'ar',
    });
    const sent = await coordinator().post(`/requests/${requestId}/offers`, { guideIds: [guideId] });
    expect(sent.statusCode, sent.body).toBe(201);
    const offerId = sent.json().items[0].id;
    const withdrawn = await coordinator().post(`/consent-records/${given.id}/withdraw`, {
      withdrawnAt: today,
      method: 'paper',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    request = (await coordinator().get(`/requests/${requestId}`)).json();
    expect(request.person.consentGiven).toBe(false);
    expect((await coordinator().get(`/offers/${offerId}`)).json().status).toBe('withdrawn');
    expect(request.status).toBe('in_review');
    expectProblem(
      await coordinator().post(`/requests/${requestId}/offers`, {
        guideIds: [office.guideId],
        overrideReason: 'Testfall',
      }),
      409,
      'person_consent_missing',
    );
    const list = (await coordinator().get(`/consent-records?requestId=${requestId}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'person_consent', withdrawnAt: today, withdrawalMethod: 'paper' });
  });
});

describe('a new version asks guides to confirm it', () => {
  it('lists who has not confirmed; the guide confirms in the app; the list shrinks', async () => {
    const fresh = await createOffice(t);
    const api = client(t.app, fresh.sessions.coordinator);
    const guide = client(t.app, fresh.sessions.guide);
    const make = async (n: number) => {
      const draft = (await api.post('/consent-texts', { kind: 'guide_consent', texts: texts(n) })).json();
      return (await api.post(`/consent-texts/${draft.id}/publish`)).json();
    };
    const v1 = await make(1);
    // The factory's guide has consent on record (typed in before texts existed): they are asked to confirm too.
    const pending = async () => {
      const res = await api.get('/consent-texts/pending-confirmations');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    expect(await pending()).toEqual([
      expect.objectContaining({
        guideId: fresh.guideId,
        kind: 'guide_consent',
        confirmedVersion: null,
        currentVersion: 1,
      }),
    ]);
    const mine = (await guide.get('/me/consents')).json();
    expect(mine.pending.map((x: { id: string }) => x.id)).toEqual([v1.id]);
    expect(mine.pending[0].texts.ar.title).toBe('الموافقة على حماية البيانات');

    const confirmed = await guide.post('/me/consents', { textId: v1.id, language: 'ar' });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ method: 'app', givenAt: today, language: 'ar', version: 1 });
    expect(await pending()).toEqual([]);
    expectProblem(await guide.post('/me/consents', { textId: v1.id, language: 'ar' }), 409);

    const v2 = await make(2);
    expect(await pending()).toEqual([
      expect.objectContaining({ guideId: fresh.guideId, confirmedVersion: 1, currentVersion: 2, currentTextId: v2.id }),
    ]);
    expect((await guide.post('/me/consents', { textId: v2.id, language: 'de' })).statusCode).toBe(201);
    expect(await pending()).toEqual([]);
    const detail = (await api.get(`/guides/${fresh.guideId}`)).json();
    expect(detail.consent).toMatchObject({ version: '2', language: 'de', withdrawnAt: null });
    const records = (await guide.get('/me/consents')).json().records;
    expect(records.map((r: { version: number; method: string }) => [r.version, r.method])).toEqual([
      [2, 'app'],
      [1, 'app'],
    ]);
    // Unknown and other offices' texts look the same: not found.
    expectProblem(await guide.post('/me/consents', { textId: crypto.randomUUID(), language: 'de' }), 404);
    const other = await publish('guide_consent');
    expectProblem(await guide.post('/me/consents', { textId: other.id, language: 'de' }), 404);
    expectProblem(await guide.post('/me/consents', { textId: v2.id, language: 'fr' }), 400);
  });
});

describe('roles', () => {
  it('a guide cannot manage texts or record for others; a partner reads no consent at all', async () => {
    const text = await publish('guide_consent');
    const guide = client(t.app, office.sessions.guide);
    const partner = client(t.app, office.sessions.partner);
    expectProblem(await guide.post('/consent-texts', { kind: 'guide_consent', texts: texts(1) }), 403);
    expectProblem(await guide.post(`/consent-texts/${text.id}/publish`), 403);
    expectProblem(await guide.get('/consent-texts'), 403);
    expectProblem(await guide.get('/consent-texts/pending-confirmations'), 403);
    expectProblem(
      await guide.post('/consent-records', {
        textId: text.id,
        guideId: office.guideId,
        language: 'de',
        givenAt: today,
        method: 'app',
      }),
      403,
    );
    const { guideId: otherGuide } = await createGuideWithAccount(t, office, { ...ON_RECORD });
    const otherRecord = await record({ textId: text.id, guideId: otherGuide });
    expect((await guide.get(`/consent-records?guideId=${otherGuide}`)).json()).toEqual({ items: [], total: 0 });
    expectProblem(
      await guide.post(`/consent-records/${otherRecord.id}/withdraw`, { withdrawnAt: today, method: 'app' }),
      404,
    );
    for (const url of [
      '/consent-texts',
      `/consent-records?guideId=${otherGuide}`,
      '/consent-texts/pending-confirmations',
      '/me/consents',
    ])
      expectProblem(await partner.get(url), 403);
    expectProblem(
      await partner.post(`/consent-records/${otherRecord.id}/withdraw`, { withdrawnAt: today, method: 'app' }),
      403,
    );
    expectProblem(await coordinator().get('/me/consents'), 403);
  });
});
