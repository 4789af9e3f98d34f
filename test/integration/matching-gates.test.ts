/**
 * Issue 6, section 2: matching gates and acceptance. Each `regression:` test failed on the code before the fix.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/db/scope.js';
import { evaluateGates } from '../../src/domain/matching/score.js';
import type { CandidateGuide } from '../../src/domain/matching/types.js';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, ON_RECORD, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { mailsTo } from '../helpers/mail.js';
import { requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
});
afterAll(() => t.close());

const coordinator = () => client(t.app, office.sessions.coordinator);

async function fileRequest(over: Record<string, unknown> = {}) {
  const res = await coordinator().post('/requests', { ...requestBody(office, over), partnerId: office.partnerId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function createGuide(body: Record<string, unknown>) {
  const res = await coordinator().post('/guides', {
    firstName: 'Gate',
    lastName: `Probe ${tag()}`,
    languages: [{ code: 'ar', level: 'native' }],
    homeDistrictId: office.districtIds[0],
    serviceDistrictIds: [office.districtIds[0]],
    fields: ['authorities'],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

type Candidates = {
  eligible: { guideId: string; score: number; cap: unknown; gates: { gate: string; passed: boolean }[] }[];
  notEligible: { guideId: string; gates: { gate: string; passed: boolean }[] }[];
  eligibleTotal: number;
  noGoodFit: boolean;
  accounting: {
    guides: number;
    ranked: number;
    notEligibleListed: number;
    notEligible: number;
    notConsidered: number;
    filteredOut: number;
    failedGates: Record<string, number>;
  };
  languageCoverage: { code: string; speakers: number; related: { code: string; speakers: number }[] }[];
  personConsentMissing: boolean;
};

async function candidates(requestId: string, query = ''): Promise<Candidates> {
  const res = await coordinator().get(`/requests/${requestId}/candidates?limit=150${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('hard gates over NULL and edge values (property-style, in the database)', () => {
  it('regression: a guide without a background check is listed as not eligible for minors, never dropped from both lists', async () => {
    const probe = await fresh();
    const noCheck = await createGuide({ ...probe.base, backgroundCheck: null });
    const requestId = await fileRequest({ minorsInvolved: true });
    const result = await candidates(requestId, `&q=${encodeURIComponent(probe.lastName)}`);
    const row = result.notEligible.find((c) => c.guideId === noCheck);
    expect(row, 'the guide without a check must be listed').toBeDefined();
    expect(row?.gates.find((g) => g.gate === 'backgroundCheck')?.passed).toBe(false);
  });

  /** Every combination below is one guide; the oracle is the pure scorer's gates, run on the same values. */
  const VARIANTS: { name: string; body: Record<string, unknown>; check?: 'null_conviction' }[] = [
    { name: 'complete', body: {} },
    { name: 'no background check', body: { backgroundCheck: null } },
    { name: 'expired check', body: { backgroundCheck: { checkedAt: '2019-01-02', relevantConviction: false } } },
    { name: 'conviction', body: { backgroundCheck: { checkedAt: '2025-06-01', relevantConviction: true } } },
    { name: 'no consent', body: { consent: null } },
    { name: 'no pledge', body: { confidentialityPledgeAt: null, confidentialityPledgeVersion: null } },
    { name: 'consent withdrawn', body: { consent: { ...ON_RECORD.consent, withdrawnAt: '2026-01-01' } } },
    { name: 'not certified', body: { status: 'in_training', certifiedAt: null } },
    { name: 'paused', body: { status: 'paused' } },
    { name: 'no capacity', body: { maxActiveAssignments: 0 } },
    { name: 'no languages', body: { languages: [] } },
    { name: 'check with unknown conviction (NULL)', body: {}, check: 'null_conviction' },
  ];

  let counter = 0;
  async function fresh() {
    counter++;
    const lastName = `Eigenschaft${counter}x${tag()}`;
    return {
      lastName,
      base: {
        lastName,
        status: 'active',
        certifiedAt: '2025-01-01',
        ...ON_RECORD,
        backgroundCheck: { checkedAt: '2025-06-01', relevantConviction: false },
        maxActiveAssignments: 2,
      } as Record<string, unknown>,
    };
  }

  it.each([
    [false, 'accompaniment'],
    [true, 'accompaniment'],
    [true, 'language_mediation'],
  ])(
    'with minors %s and type %s, each guide is eligible or not exactly as the pure gates say, and every guide is accounted for',
    async (minors, type) => {
      const probe = await fresh();
      const ids = new Map<string, (typeof VARIANTS)[number]>();
      for (const v of VARIANTS) {
        const id = await createGuide({ ...probe.base, firstName: v.name.slice(0, 40), ...v.body });
        ids.set(id, v);
        if (v.check === 'null_conviction') {
          // The API never stores a check without its conviction answer; old or imported rows might.
          await inScope(t.ctx.database.db, 'system', (tx) =>
            tx.execute(sql`update guides set background_relevant_conviction = null where id = ${id}`),
          );
        }
      }
      const requestId = await fileRequest({ minorsInvolved: minors, type, languages: ['ar'] });
      const result = await candidates(requestId, `&q=${encodeURIComponent(probe.lastName)}`);
      const listed = new Map([
        ...result.eligible.map((c) => [c.guideId, true] as const),
        ...result.notEligible.map((c) => [c.guideId, false] as const),
      ]);
      // Each guide lands in exactly one list.
      expect(result.eligible.length + result.notEligible.length).toBe(VARIANTS.length);
      expect(new Set([...listed.keys()])).toEqual(new Set(ids.keys()));
      // Every guide of the office: ranked + listed ineligible + not considered + filtered out.
      const a = result.accounting;
      expect(a.ranked + a.notEligibleListed + a.notConsidered + a.filteredOut).toBe(a.guides);
      expect(a.filteredOut).toBe(a.guides - VARIANTS.length);
      // The oracle: the pure scorer's gates on the same facts.
      for (const [id, v] of ids) {
        const body = { ...probe.base, ...v.body } as Record<string, unknown>;
        const consent = body.consent as { version: string; givenAt: string; withdrawnAt?: string } | null;
        const check = body.backgroundCheck as { checkedAt: string; relevantConviction: boolean } | null;
        const guide: CandidateGuide = {
          id,
          status: body.status as string,
          certifiedAt: (body.certifiedAt as string | null) ?? null,
          consent: consent
            ? { version: consent.version, givenAt: consent.givenAt, withdrawnAt: consent.withdrawnAt ?? null }
            : null,
          pledge: body.confidentialityPledgeAt
            ? { version: body.confidentialityPledgeVersion as string, at: body.confidentialityPledgeAt as string }
            : null,
          backgroundCheck: check
            ? { ...check, relevantConviction: v.check === 'null_conviction' ? true : check.relevantConviction }
            : null,
          languages: (body.languages as { code: string; level: string }[] | undefined) ?? [
            { code: 'ar', level: 'native' },
          ],
          gender: null,
          homeDistrictId: null,
          serviceDistrictIds: [],
          specializations: [],
          fields: [],
          availability: [],
          maxActiveAssignments: body.maxActiveAssignments as number,
          activeAssignments: 0,
          recentAssignments: 0,
          previousPartnerIds: [],
        };
        const gates = evaluateGates(
          guide,
          {
            type,
            languages: ['ar'],
            languageGate: true,
            districtId: null,
            field: null,
            specialization: null,
            preferredGender: null,
            minorsInvolved: minors,
            slots: [],
            partnerId: office.partnerId,
          },
          today,
        );
        expect(listed.get(id), `${v.name}`).toBe(gates.every((g) => g.passed));
      }
      // Per-gate counts add up to the listed failures.
      for (const [gate, count] of Object.entries(a.failedGates)) {
        const failing = result.notEligible.filter((c) => c.gates.some((g) => g.gate === gate && !g.passed)).length;
        expect(count, gate).toBe(failing);
      }
    },
  );
});

describe('consent', () => {
  it('regression: a guide with no consent record and no confidentiality pledge is not eligible', async () => {
    const lastName = `OhneEinwilligung ${tag()}`;
    const id = await createGuide({ lastName, status: 'active', certifiedAt: '2025-01-01' });
    const requestId = await fileRequest();
    const result = await candidates(requestId, `&q=${encodeURIComponent(lastName)}`);
    expect(result.eligible.map((c) => c.guideId)).not.toContain(id);
    expect(result.notEligible.find((c) => c.guideId === id)?.gates.find((g) => g.gate === 'consent')?.passed).toBe(
      false,
    );
    const offered = await coordinator().post(`/requests/${requestId}/offers`, {
      guideIds: [id],
      overrideReason: 'Test: trotzdem fragen',
    });
    expectProblem(offered, 409, 'conflict');
    expect(offered.json().errors[0].code).toBe('gate_consent');
  });

  it('regression: a pledge date without the version signed is refused', async () => {
    const res = await coordinator().post('/guides', {
      firstName: 'Halb',
      lastName: 'Erklärt',
      confidentialityPledgeAt: '2025-01-01',
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.errors?.[0].path).toBe('confidentialityPledgeVersion');
  });

  it('regression: a request whose person has not consented cannot be offered', async () => {
    const requestId = await fileRequest({
      person: { initials: 'N. N.', ageGroup: 'adult', languages: ['ar'], household: 'individual', consentGiven: false },
    });
    const res = await coordinator().post(`/requests/${requestId}/offers`, { guideIds: [office.guideId] });
    expectProblem(res, 409, 'person_consent_missing');
    expect((await candidates(requestId)).personConsentMissing).toBe(true);
  });
});

async function offeredTo(guideIds: string[], over: Record<string, unknown> = {}) {
  const requestId = await fileRequest(over);
  const sent = await coordinator().post(`/requests/${requestId}/offers`, {
    guideIds,
    overrideReason: 'Test: alle fragen',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return { requestId, offers: sent.json().items as { id: string; guideId: string }[] };
}

describe('acceptance', () => {
  it('regression: accepting re-checks the gates (consent withdrawn after the offer went out)', async () => {
    const guide = await createGuideWithAccount(t, office);
    const { offers } = await offeredTo([guide.guideId]);
    // A change that bypassed the service (an import, another instance mid-way): the gate must still hold.
    await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(sql`update guides set consent_withdrawn_at = ${today}::date where id = ${guide.guideId}`),
    );
    const res = await client(t.app, guide.session).post(`/offers/${offers[0].id}/accept`, {});
    const problem = expectProblem(res, 409, 'not_eligible');
    expect(problem.errors?.map((e) => e.code)).toEqual(['gate_consent']);
  });

  it.each([
    ['leaves', { status: 'left' }],
    ['pauses', { status: 'paused' }],
    ['withdraws consent', { consent: { ...ON_RECORD.consent, withdrawnAt: today } }],
  ])('regression: a guide who %s loses their pending offers at once, and cannot accept', async (_, patch) => {
    const guide = await createGuideWithAccount(t, office);
    const { requestId, offers } = await offeredTo([guide.guideId]);
    expect((await coordinator().patch(`/guides/${guide.guideId}`, patch)).statusCode).toBe(200);
    const history = (await coordinator().get(`/requests/${requestId}/offers`)).json().items;
    expect(history.map((o: { status: string }) => o.status)).toEqual(['withdrawn']);
    expect((await coordinator().get(`/requests/${requestId}`)).json().status).toBe('in_review');
    const res = await client(t.app, guide.session).post(`/offers/${offers[0].id}/accept`, {});
    expectProblem(res, 409, 'offer_withdrawn');
  });

  it('regression: a guide who lost the race gets offer_superseded by e-mail link, not token_invalid', async () => {
    const first = await createGuideWithAccount(t, office);
    const second = await createGuideWithAccount(t, office);
    const { requestId, offers } = await offeredTo([first.guideId, second.guideId]);
    const token = await offerLinkToken(second.email, requestId);
    expect(
      (
        await client(t.app, first.session).post(
          `/offers/${offers.find((o) => o.guideId === first.guideId)?.id}/accept`,
          {},
        )
      ).statusCode,
    ).toBe(200);
    const page = await client(t.app).get(`/offer-links/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ status: 'superseded', requestTitle: 'Begleitung zur Ausländerbehörde' });
    const late = await client(t.app).post(`/offer-links/${token}`, { answer: 'accept' });
    expectProblem(late, 409, 'offer_superseded');
    // The guide who lost the race was told at once that the request is filled.
    const [filled] = await mailsTo(t, second.email);
    expect(filled.subject).toBe('Vergeben: Begleitung zur Ausländerbehörde');
  });

  it('regression: the offer mail names times, meeting point and whom to ask, with the deadline in local time (no UTC, no ISO)', async () => {
    const guide = await createGuideWithAccount(t, office);
    await offeredTo([guide.guideId], {
      meetingPoint: 'Haupteingang, Aufzug B',
      onSiteContact: 'Frau Demir, Zimmer 12',
    });
    const mail = (await mailsTo(t, guide.email))[0];
    expect(mail.text).toContain('Treffpunkt: Haupteingang, Aufzug B');
    expect(mail.text).toContain('Ansprechperson vor Ort: Frau Demir, Zimmer 12');
    expect(mail.text).toMatch(/Zeiten: Di 09:30–11:00/);
    expect(mail.text).toMatch(/Bitte antworten Sie bis \w+, \d{1,2}\. \w+ \d{4} um \d{2}:\d{2}/);
    expect(mail.text).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}/);
  });

  it('regression: an answer by e-mail link is recorded as the guide, via e-mail link, never under a non-user id', async () => {
    const guide = await createGuideWithAccount(t, office);
    const { requestId } = await offeredTo([guide.guideId]);
    const token = await offerLinkToken(guide.email, requestId);
    expect((await client(t.app).post(`/offer-links/${token}`, { answer: 'accept' })).statusCode).toBe(200);
    const rows = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(sql`select e.actor_user_id, e.via, u.guide_id from audit_events e left join users u on u.id = e.actor_user_id
                     where e.action = 'offer.accepted' and e.changes is not null and e.office_id = ${office.officeId}
                     order by e.at desc limit 1`),
    );
    const row = ((rows as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]))[0] as {
      actor_user_id: string;
      via: string;
      guide_id: string;
    };
    expect(row.via).toBe('email_link');
    expect(row.guide_id).toBe(guide.guideId);

    // A guide without an account: no user id at all.
    const accountless = await createGuide({
      email: `ohne-konto-${tag()}@test.example`,
      status: 'active',
      certifiedAt: '2025-01-01',
      ...ON_RECORD,
    });
    const second = await offeredTo([accountless]);
    const email = (await coordinator().get(`/guides/${accountless}`)).json().email;
    const token2 = await offerLinkToken(email, second.requestId);
    expect((await client(t.app).post(`/offer-links/${token2}`, { answer: 'decline' })).statusCode).toBe(200);
    const declined = await inScope(t.ctx.database.db, 'system', (tx) =>
      tx.execute(sql`select actor_user_id, actor_name, via from audit_events where action = 'offer.declined'
                     and office_id = ${office.officeId} order by at desc limit 1`),
    );
    const d = ((declined as { rows?: unknown[] }).rows ?? (declined as unknown as unknown[]))[0] as {
      actor_user_id: string | null;
      via: string;
    };
    expect(d.actor_user_id).toBeNull();
    expect(d.via).toBe('email_link');
  });
});

describe('requests for more than one guide', () => {
  it('the first N acceptances win; the rest learn that the request is filled', async () => {
    const guides = await Promise.all([0, 1, 2].map(() => createGuideWithAccount(t, office)));
    const { requestId, offers } = await offeredTo(
      guides.map((g) => g.guideId),
      { guidesNeeded: 2, title: 'Tandem' },
    );
    const accept = (i: number) =>
      client(t.app, guides[i].session).post(
        `/offers/${offers.find((o) => o.guideId === guides[i].guideId)?.id}/accept`,
        {},
      );
    expect((await accept(0)).statusCode).toBe(200);
    expect((await coordinator().get(`/requests/${requestId}`)).json().status).toBe('offered');
    expect((await accept(1)).statusCode).toBe(200);
    expectProblem(await accept(2), 409, 'offer_superseded');
    const request = (await coordinator().get(`/requests/${requestId}`)).json();
    expect(request.status).toBe('matched');
    expect(request.assignmentIds).toHaveLength(2);
    const listed = (await coordinator().get(`/assignments?requestId=${requestId}`)).json();
    expect(listed.items.map((a: { id: string }) => a.id).sort()).toEqual([...request.assignmentIds].sort());
  });

  it('lowering the need to the guides already found matches the request', async () => {
    const guides = await Promise.all([0, 1].map(() => createGuideWithAccount(t, office)));
    const { requestId, offers } = await offeredTo(
      guides.map((g) => g.guideId),
      { guidesNeeded: 3 },
    );
    await client(t.app, guides[0].session).post(
      `/offers/${offers.find((o) => o.guideId === guides[0].guideId)?.id}/accept`,
      {},
    );
    expectProblem(await coordinator().patch(`/requests/${requestId}`, { guidesNeeded: 0 }), 400, 'validation_failed');
    const lowered = await coordinator().patch(`/requests/${requestId}`, { guidesNeeded: 1 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().status).toBe('matched');
    const states = (await coordinator().get(`/requests/${requestId}/offers`))
      .json()
      .items.map((o: { status: string }) => o.status);
    expect(states.sort()).toEqual(['accepted', 'withdrawn']);
  });
});

describe('scoring', () => {
  it('regression: a guide who speaks none of the required languages is never a good fit (Dari)', async () => {
    const requestId = await fileRequest({
      languages: ['prs'],
      person: { initials: 'D. D.', ageGroup: 'adult', languages: ['prs'], household: 'individual', consentGiven: true },
    });
    const result = await candidates(requestId);
    expect(result.eligible.length).toBeGreaterThan(0);
    for (const c of result.eligible) expect(c.score).toBeLessThan(60);
    expect(result.noGoodFit).toBe(true);
    expect(result.eligible[0].cap).toMatchObject({ reason: 'missing_language', missing: ['prs'] });
    // The warning: nobody speaks Dari, related Persian is named (the office's proximity pairs).
    expect(result.languageCoverage).toEqual([{ code: 'prs', speakers: 0, related: [{ code: 'fa', speakers: 0 }] }]);
  });

  it('the language is a hard gate for language mediation when the office says so', async () => {
    const requestId = await fileRequest({ type: 'language_mediation', languages: ['ti'] });
    const on = await candidates(requestId);
    expect(on.eligible).toEqual([]);
    expect(on.accounting.failedGates.language).toBeGreaterThan(0);
    expect((await coordinator().patch('/settings', { languageGateForMediation: false })).statusCode).toBe(200);
    const off = await candidates(requestId);
    expect(off.eligible.length).toBeGreaterThan(0);
    await coordinator().patch('/settings', { languageGateForMediation: true });
  });

  it('regression: a requested specialisation counts in the score', async () => {
    const lastName = `Spezial ${tag()}`;
    const parents = await createGuide({
      lastName,
      status: 'active',
      certifiedAt: '2025-01-01',
      ...ON_RECORD,
      specializations: ['parents'],
    });
    const plain = await createGuide({ lastName, status: 'active', certifiedAt: '2025-01-01', ...ON_RECORD });
    const requestId = await fileRequest({ specialization: 'parents' });
    const result = await candidates(requestId, `&q=${encodeURIComponent(lastName)}`);
    const score = (id: string) => result.eligible.find((c) => c.guideId === id)?.score ?? -1;
    expect(score(parents)).toBeGreaterThan(score(plain));
    expectProblem(
      await coordinator().post('/requests', {
        ...requestBody(office, { specialization: 'unbekannt' }),
        partnerId: office.partnerId,
      }),
      400,
      'validation_failed',
    );
  });

  it('a coordinator can score and offer a guide outside the candidate list, with a reason', async () => {
    const far = await createGuide({
      status: 'active',
      certifiedAt: '2025-01-01',
      ...ON_RECORD,
      languages: [{ code: 'tr', level: 'C1' }],
      homeDistrictId: office.districtIds[1],
      serviceDistrictIds: [],
    });
    const requestId = await fileRequest();
    const one = await candidates(requestId, `&guideId=${far}`);
    expect(one.eligible.map((c) => c.guideId)).toEqual([far]);
    const noReason = await coordinator().post(`/requests/${requestId}/offers`, { guideIds: [far] });
    expect(expectProblem(noReason, 400, 'validation_failed').errors?.[0].path).toBe('overrideReason');
    const sent = await coordinator().post(`/requests/${requestId}/offers`, {
      guideIds: [far],
      overrideReason: 'Kennt die Familie schon',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().items[0].overrideReason).toBe('Kennt die Familie schon');
  });

  it('pages the candidate list and filters it by language, district and capacity', async () => {
    const requestId = await fileRequest();
    const first = await coordinator().get(`/requests/${requestId}/candidates?limit=1&offset=0`);
    expect(first.json().eligible).toHaveLength(1);
    expect(first.json().eligibleTotal).toBeGreaterThan(1);
    const second = await coordinator().get(`/requests/${requestId}/candidates?limit=1&offset=1`);
    expect(second.json().eligible[0].guideId).not.toBe(first.json().eligible[0].guideId);
    const byLanguage = await candidates(requestId, '&language=tr');
    for (const c of [...byLanguage.eligible, ...byLanguage.notEligible]) expect(c.guideId).toBeTruthy();
    expect(byLanguage.accounting.filteredOut).toBeGreaterThan(0);
  });
});

/** The offer link from the offer mail the guide received (never from the outbox, which shows no links). */
async function offerLinkToken(email: string, requestId: string): Promise<string> {
  for (const mail of await mailsTo(t, email)) {
    const match = mail.text.match(/\/offers\/answer\/([\w-]+)\?answer=accept/);
    if (match) return match[1];
  }
  throw new Error(`no offer link for ${email} (request ${requestId})`);
}
