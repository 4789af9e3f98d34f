/**
 * Issue 14 §2: a guide pauses themself for a date range (holiday, illness) on "my profile and availability"; matching
 * leaves them out for requests on those days and takes them in again afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, tag } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { inDays, requestBody, today } from '../helpers/requests.js';

let t: TestApp;
let a: TestOffice;
let b: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  a = await createOffice(t);
  b = await createOffice(t);
});
afterAll(() => t.close());

type Pause = { id: string; startsOn: string; endsOn: string; reason: string | null; state: string };

describe("the guide's own pauses", () => {
  it('the guide adds, lists, ends and deletes their pauses; the coordinator sees them and cannot change them', async () => {
    const guide = client(t.app, a.sessions.guide);
    const coordinator = client(t.app, a.sessions.coordinator);
    const url = `/guides/${a.guideId}/pauses`;
    const holiday = await guide.post(url, { startsOn: inDays(20), endsOn: inDays(30), reason: 'Urlaub' });
    expect(holiday.statusCode, holiday.body).toBe(201);
    expect(holiday.json()).toMatchObject({
      startsOn: inDays(20),
      endsOn: inDays(30),
      reason: 'Urlaub',
      state: 'upcoming',
    });
    const ill = await guide.post(url, { startsOn: inDays(-2), endsOn: inDays(3) });
    expect(ill.statusCode, ill.body).toBe(201);
    expect(ill.json()).toMatchObject({ reason: null, state: 'current' });

    const own = await guide.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.json().canEdit).toBe(true);
    expect(own.json().today).toBe(today);
    expect(own.json().items.map((p: Pause) => p.id)).toEqual([ill.json().id, holiday.json().id]);

    const seen = await coordinator.get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canEdit).toBe(false);
    expect(seen.json().items).toHaveLength(2);
    expectProblem(await coordinator.post(url, { startsOn: inDays(40), endsOn: inDays(41) }), 403, 'forbidden');
    expectProblem(await coordinator.delete(`${url}/${holiday.json().id}`), 403, 'forbidden');

    // The audit trail has the dates, never the reason (it may name an illness).
    const audit = await coordinator.get(
      `/audit-events?entityType=guide&entityId=${a.guideId}&action=guide.pause_added`,
    );
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.length).toBe(2);
    expect(audit.body).not.toContain('Urlaub');

    // Ending the running one: it ends yesterday, so the guide is available from today.
    const ended = await guide.post(`${url}/${ill.json().id}/end`, {});
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ deleted: false, pause: { endsOn: inDays(-1), state: 'past' } });
    expectProblem(await guide.post(`${url}/${ill.json().id}/end`, {}), 409, 'conflict');
    // Ending one that has not begun deletes it.
    const endedEarly = await guide.post(`${url}/${holiday.json().id}/end`, {});
    expect(endedEarly.json()).toEqual({ deleted: true, pause: null });
    expectProblem(await guide.delete(`${url}/${holiday.json().id}`), 404, 'not_found');
    const deleted = await guide.delete(`${url}/${ill.json().id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await guide.get(url)).json().items).toEqual([]);
  });

  it('another guide of the office and every role of another office get 404', async () => {
    const guide = client(t.app, a.sessions.guide);
    const url = `/guides/${a.guideId}/pauses`;
    const pause = await guide.post(url, { startsOn: inDays(50), endsOn: inDays(52), reason: `Geheim ${tag()}` });
    expect(pause.statusCode, pause.body).toBe(201);
    const other = await createGuideWithAccount(t, a);
    const strangers = [
      other.session,
      a.sessions.partner,
      b.sessions.coordinator,
      b.sessions.guide,
      b.sessions.partner,
    ].map((s) => client(t.app, s));
    for (const s of strangers) {
      expectProblem(await s.get(url), 404, 'not_found');
      expectProblem(await s.post(url, { startsOn: inDays(60), endsOn: inDays(61) }), 404, 'not_found');
      expectProblem(await s.post(`${url}/${pause.json().id}/end`, {}), 404, 'not_found');
      expectProblem(await s.delete(`${url}/${pause.json().id}`), 404, 'not_found');
    }
    // B's guide's own list stays B's: A's pause is not in it.
    const bOwn = await client(t.app, b.sessions.guide).get(`/guides/${b.guideId}/pauses`);
    expect(bOwn.statusCode).toBe(200);
    expect(bOwn.body).not.toContain(pause.json().id);
    await guide.delete(`${url}/${pause.json().id}`);
  });

  it('bad dates are 400 with a code per field; an overlap is 409', async () => {
    const guide = client(t.app, a.sessions.guide);
    const url = `/guides/${a.guideId}/pauses`;
    const codes = async (body: Record<string, unknown>) =>
      expectProblem(await guide.post(url, body), 400, 'validation_failed').errors?.map((e) => `${e.path}:${e.code}`);
    expect(await codes({ startsOn: inDays(10), endsOn: inDays(9) })).toEqual(['endsOn:pauseEndBeforeStart']);
    expect(await codes({ startsOn: inDays(-31), endsOn: inDays(2) })).toEqual(['startsOn:pauseStartTooEarly']);
    expect(await codes({ startsOn: inDays(10), endsOn: inDays(10 + 366) })).toEqual(['endsOn:pauseTooLong']);
    expect(await codes({ startsOn: inDays(-10), endsOn: inDays(-1) })).toEqual(['endsOn:pauseEnded']);
    expect(await codes({ startsOn: '2150-01-01', endsOn: '2150-01-02' })).toEqual([
      'startsOn:date_out_of_range',
      'endsOn:date_out_of_range',
    ]);
    expect(await codes({ startsOn: '2026-02-30', endsOn: inDays(2) })).toHaveLength(1);
    expect(await codes({ startsOn: inDays(1), endsOn: inDays(2), reason: 'x'.repeat(201) })).toHaveLength(1);
    const first = await guide.post(url, { startsOn: inDays(70), endsOn: inDays(80) });
    expect(first.statusCode).toBe(201);
    const overlap = expectProblem(
      await guide.post(url, { startsOn: inDays(80), endsOn: inDays(85) }),
      409,
      'pause_overlaps',
    );
    expect(overlap.errors?.map((e) => e.code)).toEqual(['pauseOverlaps']);
    expect((await guide.post(url, { startsOn: inDays(81), endsOn: inDays(85) })).statusCode).toBe(201);
    for (const p of (await guide.get(url)).json().items as Pause[]) await guide.delete(`${url}/${p.id}`);
  });
});

describe('matching respects the pause', () => {
  const coordinator = () => client(t.app, a.sessions.coordinator);
  type Candidates = {
    eligible: { guideId: string }[];
    notEligible: { guideId: string; gates: { gate: string; passed: boolean; overridable: boolean }[] }[];
    accounting: { failedGates: Record<string, number> };
  };
  const candidates = async (requestId: string, lastName: string): Promise<Candidates> => {
    const res = await coordinator().get(`/requests/${requestId}/candidates?q=${encodeURIComponent(lastName)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const fileRequest = async (startsOn: string, endsOn: string | null) => {
    const res = await coordinator().post('/requests', {
      ...requestBody(a, { startsOn, endsOn, title: `Pause ${tag()}` }),
      partnerId: a.partnerId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('leaves the guide out during the pause, takes them in after it, and refuses an offer or acceptance meanwhile', async () => {
    const lastName = `Pausiert ${tag()}`;
    const probe = await createGuideWithAccount(t, a, { lastName });
    const self = client(t.app, probe.session);
    const during = await fileRequest(inDays(12), null);
    const spanning = await fileRequest(inDays(2), inDays(11));
    const after = await fileRequest(inDays(16), inDays(40));
    const offeredBefore = await fileRequest(inDays(14), null);
    // Before the pause, the guide is a candidate everywhere and gets an offer for one request.
    for (const id of [during, spanning, after, offeredBefore])
      expect((await candidates(id, lastName)).eligible.map((c) => c.guideId)).toEqual([probe.guideId]);
    const sent = await coordinator().post(`/requests/${offeredBefore}/offers`, {
      guideIds: [probe.guideId],
      message: '',
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const pause = await self.post(`/guides/${probe.guideId}/pauses`, { startsOn: inDays(10), endsOn: inDays(15) });
    expect(pause.statusCode, pause.body).toBe(201);

    for (const id of [during, spanning, offeredBefore]) {
      const result = await candidates(id, lastName);
      expect(result.eligible).toEqual([]);
      const row = result.notEligible.find((c) => c.guideId === probe.guideId);
      expect(row?.gates.find((g) => g.gate === 'notPaused')).toEqual({
        gate: 'notPaused',
        passed: false,
        overridable: false,
      });
      expect(result.accounting.failedGates.notPaused).toBe(1);
    }
    // The day after the pause ends, the guide is a candidate again.
    expect((await candidates(after, lastName)).eligible.map((c) => c.guideId)).toEqual([probe.guideId]);

    // No offer during the pause, not even with a reason: it is not the coordinator's status "paused".
    const refused = expectProblem(
      await coordinator().post(`/requests/${during}/offers`, {
        guideIds: [probe.guideId],
        message: '',
        overrideReason: 'Trotzdem',
      }),
      409,
    );
    expect(refused.errors?.map((e) => e.code)).toContain('gate_notPaused');
    // The offer sent before the pause can no longer be accepted.
    const offerId = sent.json().items[0].id as string;
    const accept = expectProblem(await self.post(`/offers/${offerId}/accept`, {}), 409, 'not_eligible');
    expect(accept.errors?.map((e) => e.code)).toEqual(['gate_notPaused']);

    // Ended early (it has not begun): the guide is matched again.
    const ended = await self.post(`/guides/${probe.guideId}/pauses/${pause.json().id}/end`, {});
    expect(ended.json().deleted).toBe(true);
    expect((await candidates(during, lastName)).eligible.map((c) => c.guideId)).toEqual([probe.guideId]);
    const accepted = await self.post(`/offers/${offerId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});
