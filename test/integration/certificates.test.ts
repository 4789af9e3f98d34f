/**
 * Issue 10 §3 and §4: certificates of completed courses (PDF parsed back, bulk print, public verification that shows
 * no more than name, course and date, withdrawal), the attendance list for signatures, the funders' rule sets with
 * the published numbers, and the course report as JSON and XLSX (parsed back).
 */
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, createTrainer, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { pdfText } from '../helpers/pdf.js';
import { today } from '../helpers/requests.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let trainer: { userId: string; session: Session };
const coordinator = () => client(t.app, office.sessions.coordinator);
const put = (url: string, body: unknown) => coordinator().call('PUT', url, body);

/** A finished basic course of three sessions × 4 UE: Amal passes, Jonas misses two sessions. */
let course: { id: string };
let sessions: { id: string }[];
let passing: { guideId: string; session: Session };
let failing: { guideId: string; session: Session };
let enrolmentOf: Map<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  trainer = await createTrainer(t, office.officeId);
  passing = await createGuideWithAccount(t, office, {
    firstName: 'أمل',
    lastName: 'Haddad',
    status: 'in_training',
    certifiedAt: null,
  });
  failing = await createGuideWithAccount(t, office, {
    firstName: 'Jonas',
    lastName: 'Beispiel',
    status: 'in_training',
    certifiedAt: null,
  });
  const created = await coordinator().post('/courses', {
    title: 'Basisqualifizierung Herbst',
    type: 'basic',
    teachingUnits: 12,
    capacity: 10,
    status: 'open',
    trainerIds: [trainer.userId],
  });
  expect(created.statusCode, created.body).toBe(201);
  course = created.json();
  sessions = [];
  for (const [i, topic] of ['Rolle und Grenzen', 'Behörden und Ämter', 'Rolle und Grenzen'].entries()) {
    const day = addDays(today, -21 + i * 7);
    const res = await coordinator().post(`/courses/${course.id}/sessions`, {
      startsAt: `${day}T16:00:00+01:00`,
      endsAt: `${day}T19:00:00+01:00`,
      room: 'Raum 2',
      topic,
      teachingUnits: 4,
      trainerNames: i === 1 ? 'Anna Probe, Omar Muster' : 'Anna Probe',
    });
    expect(res.statusCode, res.body).toBe(201);
    sessions.push(res.json());
  }
  for (const g of [passing, failing])
    expect((await coordinator().post(`/courses/${course.id}/enrolments`, { guideId: g.guideId })).statusCode).toBe(201);
  for (const [i, s] of sessions.entries()) {
    const res = await put(`/courses/${course.id}/sessions/${s.id}/attendance`, {
      rows: [
        { guideId: passing.guideId, present: true, minutesMissed: i === 2 ? 45 : 0 },
        { guideId: failing.guideId, present: i === 0, minutesMissed: 0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const detail = (await coordinator().get(`/courses/${course.id}`)).json();
  enrolmentOf = new Map(detail.enrolments.map((e: { guideId: string; id: string }) => [e.guideId, e.id]));
});
afterAll(() => t.close());

describe('the attendance list (Teilnehmendenliste)', () => {
  it('prints one row per participant with room for signatures, for the coordinator and the course trainer', async () => {
    const url = `/courses/${course.id}/sessions/${sessions[1].id}/attendance-list.pdf`;
    const res = await coordinator().get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Teilnehmendenliste');
    expect(text).toContain('Basisqualifizierung Herbst');
    expect(text).toContain('Behörden und Ämter');
    expect(text).toContain('Anna Probe, Omar Muster');
    expect(text).toContain('Beispiel, Jonas');
    expect(text).toContain('Haddad');
    expect(text).toContain('Unterschrift');
    expect((await client(t.app, trainer.session).get(url)).statusCode).toBe(200);
    const english = await pdfText((await coordinator().get(`${url}?language=en`)).rawPayload);
    expect(english).toContain('Attendance list');
    expect(english).toContain('Signature');
    // A guide, a partner and another office get nothing.
    expect((await client(t.app, passing.session).get(url)).statusCode).toBe(403);
    expect((await client(t.app, other.sessions.coordinator).get(url)).statusCode).toBe(404);
  });
});

describe('certificates', () => {
  it('are only for a completed enrolment, and are issued on first print with a verification code', async () => {
    const enrolment = enrolmentOf.get(passing.guideId);
    expectProblem(
      await coordinator().get(`/courses/${course.id}/enrolments/${enrolment}/certificate.pdf`),
      409,
      'certificate_not_completed',
    );
    const finished = await coordinator().post(`/courses/${course.id}/finish`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().completed).toEqual([passing.guideId]);
    expectProblem(
      await coordinator().get(`/courses/${course.id}/enrolments/${enrolmentOf.get(failing.guideId)}/certificate.pdf`),
      409,
      'certificate_not_completed',
    );

    const res = await coordinator().get(`/courses/${course.id}/enrolments/${enrolment}/certificate.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = await pdfText(res.rawPayload);
    const [certificate] = (await coordinator().get(`/courses/${course.id}/certificates`)).json().items;
    expect(certificate).toMatchObject({ holderName: 'أمل Haddad', teachingUnits: 12, revokedAt: null });
    expect(certificate.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(certificate.verifyUrl).toMatch(new RegExp(`/verify/${certificate.code}$`));
    expect(text).toContain('Zertifikat');
    expect(text).toContain('أمل');
    expect(text).toContain('Haddad');
    expect(text).toContain('Basisqualifizierung Herbst');
    expect(text).toContain('12 Unterrichtseinheiten');
    expect(text).toContain('Behörden und Ämter');
    expect(text).toContain(certificate.code);
    expect(text).toContain(`/verify/${certificate.code}`);
    // Printing again gives the same certificate, not a second one.
    await coordinator().get(`/courses/${course.id}/enrolments/${enrolment}/certificate.pdf`);
    expect((await coordinator().get(`/courses/${course.id}/certificates`)).json().total).toBe(1);
    // The guide downloads their own; nobody else's.
    const mine = (await client(t.app, passing.session).get('/me/certificates')).json();
    expect(mine.items.map((c: { code: string }) => c.code)).toEqual([certificate.code]);
    const own = await client(t.app, passing.session).get(
      `/me/certificates/${certificate.id}/certificate.pdf?language=ar`,
    );
    expect(own.statusCode).toBe(200);
    expect(await pdfText(own.rawPayload)).toContain('شهادة');
    expect(
      (await client(t.app, failing.session).get(`/me/certificates/${certificate.id}/certificate.pdf`)).statusCode,
    ).toBe(404);
    expect((await client(t.app, failing.session).get('/me/certificates')).json().total).toBe(0);
  });

  it('keep their holder: a guide with a certificate cannot be deleted (409), only retired or anonymised', async () => {
    const res = await coordinator().delete(`/guides/${passing.guideId}`);
    expect(expectProblem(res, 409, 'conflict').errors?.[0]).toMatchObject({ path: 'id', code: 'guideHasCertificates' });
  });

  it('prints all certificates of a course at once, one page each', async () => {
    const res = await coordinator().get(`/courses/${course.id}/certificates.pdf`);
    expect(res.statusCode).toBe(200);
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getPageCount()).toBe(1); // one completed participant, one page
    expect(await pdfText(res.rawPayload)).toContain('Haddad');
  });

  it('verifies publicly with name, course and date only; unknown codes are 404; a withdrawn one says so', async () => {
    const [certificate] = (await coordinator().get(`/courses/${course.id}/certificates`)).json().items;
    const anonymous = client(t.app);
    const res = await anonymous.get(`/public/certificates/${certificate.code.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      status: 'valid',
      holderName: 'أمل Haddad',
      courseTitle: 'Basisqualifizierung Herbst',
      completedOn: certificate.lastDay,
      officeName: expect.any(String),
    });
    expect(res.body).not.toContain(passing.guideId);
    expect(res.body).not.toContain('@');
    expectProblem(await anonymous.get('/public/certificates/ABCDEFGHJK'), 404);
    expectProblem(await anonymous.get('/public/certificates/short'), 400);

    expectProblem(
      await client(t.app, other.sessions.coordinator).post(`/certificates/${certificate.id}/revoke`, {
        reason: 'Fehler',
      }),
      404,
    );
    const revoked = await coordinator().post(`/certificates/${certificate.id}/revoke`, {
      reason: 'Ausgestellt auf falschen Kurs',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await anonymous.get(`/public/certificates/${certificate.code}`)).json().status).toBe('revoked');
    expectProblem(
      await coordinator().post(`/certificates/${certificate.id}/revoke`, { reason: 'nochmal' }),
      409,
      'certificate_already_revoked',
    );
    const reprint = await pdfText(
      (await coordinator().get(`/courses/${course.id}/enrolments/${certificate.enrolmentId}/certificate.pdf`))
        .rawPayload,
    );
    expect(reprint).toContain('zurückgezogen');
  });

  it('throttles guessing: after 20 unknown codes from one address it answers 429, other addresses and real codes are unaffected', async () => {
    const [certificate] = (await coordinator().get(`/courses/${course.id}/certificates`)).json().items;
    const from = (remoteAddress: string, code: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/public/certificates/${code}`, remoteAddress });
    // Real codes do not count against the address.
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7', certificate.code)).statusCode).toBe(200);
    const guesses = Array.from(
      { length: 20 },
      (_, i) => `ZZZZZZZZ${'ABCDEFGHJK'[i % 10]}${'ABCDEFGHJK'[Math.floor(i / 10)]}`,
    );
    for (const code of guesses) expect((await from('203.0.113.7', code)).statusCode).toBe(404);
    const blocked = await from('203.0.113.7', 'ZZZZZZZZZZ');
    expectProblem(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Once blocked, the address learns nothing more, not even about a real code.
    expectProblem(await from('203.0.113.7', certificate.code), 429, 'rate_limited');
    expect((await from('198.51.100.4', certificate.code)).statusCode).toBe(200);
  });
});

describe('funding rule sets and the course report', () => {
  it('offers the published templates and keeps versions by valid-from date', async () => {
    const templates = (await coordinator().get('/funding-templates')).json().items;
    expect(templates).toEqual([
      {
        key: 'niedersachsen',
        kind: 'per_unit',
        params: { unitCents: 2500, twoTeacherUnitCents: 5000, maxUnits: 50, materialsMaxCents: 60000 },
      },
      {
        key: 'hessen_wir',
        kind: 'per_participant_unit',
        params: { participantUnitCents: 1250, minUnits: 20, maxUnits: 36 },
      },
    ]);
    const body = { name: 'Niedersachsen', kind: 'per_unit', params: templates[0].params, validFrom: '2024-01-01' };
    const created = await coordinator().post('/funding-rule-sets', body);
    expect(created.statusCode, created.body).toBe(201);
    expectProblem(await coordinator().post('/funding-rule-sets', body), 409, 'funding_rule_set_exists');
    // The funder raises the rate from a later date: a new version; reports before it keep the old numbers.
    const raised = await coordinator().post('/funding-rule-sets', {
      ...body,
      params: { ...body.params, unitCents: 3000 },
      validFrom: addDays(today, 30),
    });
    expect(raised.statusCode).toBe(201);
    expectProblem(
      await coordinator().post('/funding-rule-sets', {
        ...body,
        kind: 'per_participant_unit',
        params: { participantUnitCents: 1250, minUnits: 40, maxUnits: 20 },
      }),
      400,
    );
    expect((await client(t.app, other.sessions.coordinator).get('/funding-rule-sets')).json().total).toBe(0);
    expect((await coordinator().get('/funding-rule-sets')).json().total).toBe(2);
  });

  it('reports participants, UE held, attendance, completions and the fundable amount (Niedersachsen)', async () => {
    const before = (await coordinator().get(`/courses/${course.id}/report`)).json();
    expect(before).toMatchObject({ ruleSet: null, ruleSetProblem: 'noneChosen', funding: null });
    expectProblem(await put(`/courses/${course.id}/funding`, { ruleSetName: 'Unbekannt', materialsCents: 0 }), 400);
    const res = await put(`/courses/${course.id}/funding`, { ruleSetName: 'Niedersachsen', materialsCents: 72000 });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    // 3 sessions × 4 UE held; Amal attended 4 + 4 + 3 = 11, Jonas 4: 15 of 24 possible UE.
    expect(report).toMatchObject({
      sessionsHeld: 3,
      unitsHeld: 12,
      participants: 2,
      completions: 1,
      attendanceRate: 0.625,
      ruleSet: { name: 'Niedersachsen', validFrom: '2024-01-01' },
      ruleSetProblem: null,
    });
    // The second session had two teachers at once: 4 UE × 50 € + 8 UE × 25 € = 400 €; materials capped at 600 €.
    expect(report.funding).toEqual({
      fundable: true,
      notes: ['materialsCapped'],
      unitsFunded: 12,
      teachingCents: 40000,
      materialsCents: 60000,
      totalCents: 100000,
    });

    const xlsx = await coordinator().get(`/courses/${course.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Teilnehmende')).toBe(2);
    expect(values.get('Durchgeführte UE')).toBe(12);
    expect(values.get('Anwesenheitsquote')).toBe(0.625);
    expect(values.get('Förderfähig gesamt')).toBe(1000);
    expect(values.get('Förderfähig: Material')).toBe(600);
  });

  it('applies Hessen WIR: 12.50 € per participant and UE, nothing under 20 UE', async () => {
    const created = await coordinator().post('/funding-rule-sets', {
      name: 'Hessen WIR',
      kind: 'per_participant_unit',
      params: { participantUnitCents: 1250, minUnits: 20, maxUnits: 36 },
      validFrom: '2024-01-01',
    });
    expect(created.statusCode).toBe(201);
    const report = (
      await put(`/courses/${course.id}/funding`, { ruleSetName: 'Hessen WIR', materialsCents: 0 })
    ).json();
    expect(report.funding).toMatchObject({ fundable: false, notes: ['tooFewUnits'], totalCents: 0 });
    const xlsx = await coordinator().get(`/courses/${course.id}/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const notes: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => notes.push(row.getCell(2).value));
    expect(notes).toContain('zu wenige UE für diese Förderung');
  });

  it('is for coordinators of the office only', async () => {
    expect((await client(t.app, trainer.session).get(`/courses/${course.id}/report`)).statusCode).toBe(403);
    expect((await client(t.app, passing.session).get('/funding-rule-sets')).statusCode).toBe(403);
    expect((await client(t.app, other.sessions.coordinator).get(`/courses/${course.id}/report`)).statusCode).toBe(404);
    expect(
      (await client(t.app, other.sessions.coordinator).get(`/courses/${course.id}/certificates.pdf`)).statusCode,
    ).toBe(404);
  });
});
