/**
 * Issue 9, §2 and §4: the Art. 15 / Art. 20 file of a guide, a user account and an accompanied person, the read log
 * ("who looked at this guide, and when") and Art. 16 corrections. The coverage test walks the database catalogue on
 * its own, so a table added later that references a person fails here until the export carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf.js';
import { PNG_BASE64 } from '../helpers/receipts.js';
import { requestBody, thisEvening, today } from '../helpers/requests.js';

type Section = { table: string; column: string; rows: Record<string, unknown>[] };
type ExportFile = {
  format: string;
  subject: { kind: string; id: string };
  record: Record<string, unknown>;
  sections: Section[];
  mails: Record<string, unknown>[];
  auditTrail: { action: string; entityId: string | null }[];
  reads: { action: string; actorName: string | null }[];
};

let t: TestApp;
let office: TestOffice;
let requestId: string;
let assignmentId: string;

const coordinator = () => client(t.app, office.sessions.coordinator);
const guide = () => client(t.app, office.sessions.guide);
const partner = () => client(t.app, office.sessions.partner);

/** Foreign keys to `table`, read from information_schema independently of the code under test. */
async function foreignKeysTo(table: string) {
  return t.database.rows<{ table: string; column: string }>(`
    select kcu.table_name as "table", kcu.column_name as "column"
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = rc.constraint_name and ccu.constraint_schema = rc.constraint_schema
    where ccu.table_schema = 'public' and ccu.table_name = '${table}'
    order by 1, 2`);
}

/** Every key anywhere in a JSON value (to find a credential column that slipped into the file). */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

/**
 * Asserts that the file covers every table with a foreign key to `table`: a section per key, and every row that
 * references one of `ids` somewhere in that table's sections.
 */
async function expectCovers(file: ExportFile, table: string, ids: string[]) {
  const keys = await foreignKeysTo(table);
  expect(keys.length, `foreign keys to ${table}`).toBeGreaterThan(0);
  for (const key of keys) {
    expect(file.sections, `${key.table}.${key.column}`).toContainEqual(expect.objectContaining(key));
    const list = ids.map((id) => `'${id}'`).join(', ');
    const stored = await t.database.rows<{ row: Record<string, unknown> }>(
      `select to_jsonb(x) as row from ${key.table} x where ${key.column}::text in (${list})`,
    );
    const exported = file.sections.filter((s) => s.table === key.table).flatMap((s) => s.rows);
    if (stored.some((s) => typeof s.row.id === 'string' && exported.some((e) => 'id' in e))) {
      for (const { row } of stored)
        expect(
          exported.map((e) => e.id),
          `${key.table} row ${row.id}`,
        ).toContain(row.id);
    } else {
      expect(exported.length, `${key.table} rows`).toBeGreaterThanOrEqual(stored.length);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: thisEvening() });
  office = await createOffice(t);
  const created = await coordinator().post('/requests', {
    ...requestBody(office, { startsOn: addDays(today, -7) }),
    partnerId: office.partnerId,
  });
  expect(created.statusCode, created.body).toBe(201);
  requestId = created.json().id;
  const sent = await coordinator().post(`/requests/${requestId}/offers`, {
    guideIds: [office.guideId],
    overrideReason: 'Test: direkt anfragen',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepted = await guide().post(`/offers/${sent.json().items[0].id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  assignmentId = accepted.json().assignmentId;
  const logged = await guide().post(`/assignments/${assignmentId}/activities`, {
    date: today,
    startTime: '09:00',
    endTime: '10:30',
    type: 'accompaniment',
    note: 'Unterlagen sortiert',
  });
  expect(logged.statusCode, logged.body).toBe(201);
  expect((await guide().post(`/assignments/${assignmentId}/agreement/confirm`, { version: 1 })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('Art. 15 file of a guide', () => {
  it('holds the record, every table that references the guide, their deployments and account, mails and audit', async () => {
    const res = await coordinator().get(`/privacy/guides/${office.guideId}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="Datenauskunft-guide-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const file = res.json() as ExportFile;
    expect(file.format).toBe('lotsennetz.data-export/1');
    expect(file.subject).toEqual({ kind: 'guide', id: office.guideId });
    expect(file.record).toMatchObject({ id: office.guideId, first_name: 'Testa', email: office.emails.guide });

    await expectCovers(file, 'guides', [office.guideId]);
    // One step further: the deployments' agreements and activities, the account's sessions.
    await expectCovers(file, 'assignments', [assignmentId]);
    const account = file.sections.find((s) => s.table === 'users')?.rows[0];
    expect(account).toMatchObject({ email: office.emails.guide, role: 'guide' });
    await expectCovers(file, 'users', [account?.id as string]);

    const activity = file.sections.find((s) => s.table === 'activities')?.rows[0];
    expect(activity).toMatchObject({ note: 'Unterlagen sortiert', minutes: 90 });
    // The offer mail, as the outbox keeps it: the answer link is a placeholder.
    expect(file.mails.length).toBeGreaterThan(0);
    expect(file.mails.every((m) => m.to === office.emails.guide)).toBe(true);
    expect(JSON.stringify(file.mails)).not.toMatch(/offers\/answer\/[A-Za-z0-9_-]{20,}/);
    expect(file.auditTrail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'guide.created',
        'offer.sent',
        'offer.accepted',
        'activity.logged',
        'agreement.confirmed',
      ]),
    );
    // The file is itself a read of the record, and says so.
    expect(file.reads[0]).toMatchObject({ action: 'privacy.data_exported', actorName: 'Koordination Test' });
  });

  it("holds the guide's expense claims, the receipts' descriptions (not their bytes) and the bank details", async () => {
    const saved = await guide().call('PUT', '/me/bank-account', {
      accountHolder: 'Testa Lotsin',
      iban: 'DE89370400440532013000',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const claim = await guide().post('/me/expense-claims', {
      date: today,
      assignmentId,
      transport: 'publicTransport',
      origin: 'Linden',
      destination: 'Rathaus',
      ticketCents: 340,
      receipt: { fileName: 'fahrkarte.png', content: PNG_BASE64 },
    });
    expect(claim.statusCode, claim.body).toBe(201);
    const file = (await guide().get('/me/data-export.json')).json() as ExportFile;
    const rows = (table: string) => file.sections.filter((s) => s.table === table).flatMap((s) => s.rows);
    expect(rows('expense_claims')).toEqual([expect.objectContaining({ id: claim.json().id, amount_cents: 340 })]);
    expect(rows('guide_bank_accounts')).toEqual([
      expect.objectContaining({ account_holder: 'Testa Lotsin', iban: 'DE89370400440532013000' }),
    ]);
    const [receipt] = rows('expense_receipts');
    expect(receipt).toMatchObject({ content_type: 'image/png', file_name: 'fahrkarte.png' });
    expect(receipt).not.toHaveProperty('data');
    expect(JSON.stringify(file)).not.toContain(Buffer.from(PNG_BASE64, 'base64').subarray(0, 16).toString('hex'));
  });

  it('carries no credential: no password hash, session id, CSRF token, link token or sealed mail secret', async () => {
    const body = (await coordinator().get(`/privacy/guides/${office.guideId}/export.json`)).body;
    const keys = [...keysOf(JSON.parse(body))];
    expect(keys.filter((k) => /(^|_)(password|hash|token|secret|csrf)(_|$)/i.test(k))).toEqual([]);
    const secrets = await t.database.rows<{ value: string }>(`
      select password_hash as value from users where guide_id = '${office.guideId}' and password_hash is not null
      union all select s.id from sessions s join users u on u.id = s.user_id where u.guide_id = '${office.guideId}'
      union all select s.csrf_token from sessions s join users u on u.id = s.user_id where u.guide_id = '${office.guideId}'
      union all select link_token_hash from offers where guide_id = '${office.guideId}' and link_token_hash is not null
      union all select secret_payload from outbox where to_address = '${office.emails.guide}' and secret_payload is not null`);
    expect(secrets.length).toBeGreaterThan(2);
    for (const { value } of secrets) expect(body).not.toContain(value);
  });

  it('a table added later that references guides is in the file without anyone listing it', async () => {
    await t.database.exec(`
      create table privacy_probe (id uuid primary key default gen_random_uuid(),
        guide_id uuid not null references guides(id) on delete cascade, remark text not null);
      grant select on privacy_probe to lotsennetz_app;
      insert into privacy_probe (guide_id, remark) values ('${office.guideId}', 'Sonde');`);
    try {
      const file = (await coordinator().get(`/privacy/guides/${office.guideId}/export.json`)).json() as ExportFile;
      const probe = file.sections.find((s) => s.table === 'privacy_probe');
      expect(probe).toMatchObject({ column: 'guide_id', rows: [expect.objectContaining({ remark: 'Sonde' })] });
    } finally {
      await t.database.exec('drop table privacy_probe');
    }
  });

  it('as a PDF, readable in the reader’s language, with the same content', async () => {
    const res = await coordinator().get(`/privacy/guides/${office.guideId}/export.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Auskunft über gespeicherte Daten');
    expect(text).toContain('Testa');
    expect(text).toContain('Unterlagen sortiert');
    expect(text).toContain('Tätigkeitsnachweis');
    expect(text).toContain(office.emails.guide);
  });

  it('the guide downloads their own from their profile; partners and guides cannot fetch anyone’s', async () => {
    const own = await guide().get('/me/data-export.json');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().subject).toEqual({ kind: 'guide', id: office.guideId });
    const ownPdf = await guide().get('/me/data-export.pdf');
    expect(await pdfText(ownPdf.rawPayload)).toContain('Testa');
    // A partner contact's own file is their account: the contact record and the requests they filed, by title only.
    const partnerOwn = (await partner().get('/me/data-export.json')).json() as ExportFile;
    expect(partnerOwn.subject.kind).toBe('user');
    expect(partnerOwn.sections.find((s) => s.table === 'partner_contacts')?.rows[0]).toMatchObject({
      email: office.emails.partner,
    });
    for (const who of [guide(), partner()]) {
      expectProblem(await who.get(`/privacy/guides/${office.guideId}/export.json`), 403, 'forbidden');
      expectProblem(await who.get(`/guides/${office.guideId}/reads`), 403, 'forbidden');
    }
  });
});

describe('Art. 15 file of a user account and of an accompanied person', () => {
  it('a user: account, partner-contact record, sessions; requests they filed show only their title', async () => {
    const me = (await partner().get('/me')).json().me;
    const file = (await coordinator().get(`/privacy/users/${me.id}/export.json`)).json() as ExportFile;
    expect(file.record).toMatchObject({ id: me.id, email: office.emails.partner });
    expect(file.record).not.toHaveProperty('password_hash');
    await expectCovers(file, 'users', [me.id]);
  });

  it('an accompanied person: the request, its timeline, deployments and agreements; offers without the guides’ reasons', async () => {
    const res = await coordinator().get(`/privacy/requests/${requestId}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as ExportFile;
    expect(file.record).toMatchObject({ id: requestId, person_initials: 'A. K.', person_household: 'family' });
    await expectCovers(file, 'requests', [requestId]);
    await expectCovers(file, 'assignments', [assignmentId]);
    const offer = file.sections.find((s) => s.table === 'offers')?.rows[0] ?? {};
    expect(Object.keys(offer).sort()).toEqual(['created_at', 'expires_at', 'id', 'responded_at', 'status']);
    const pdf = await coordinator().get(`/privacy/requests/${requestId}/export.pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain('A. K.');
  });

  it('unknown records are 404, malformed ids and kinds 400', async () => {
    const missing = '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b';
    for (const kind of ['guides', 'users', 'requests'])
      expectProblem(await coordinator().get(`/privacy/${kind}/${missing}/export.json`), 404, 'not_found');
    expectProblem(await coordinator().get(`/guides/${missing}/reads`), 404, 'not_found');
    expectProblem(await coordinator().get('/privacy/guides/nicht-eine-id/export.json'), 400);
    expectProblem(await coordinator().get(`/privacy/partners/${office.partnerId}/export.json`), 400);
    expectProblem(await coordinator().get(`/privacy/guides/${office.guideId}%00/export.pdf`), 400);
    expectProblem(await coordinator().get('/guides/nicht-eine-id/reads'), 400);
  });
});

describe('office isolation of the Art. 15 files', () => {
  it("another office's coordinator gets 404 for A's guide, accounts and requests, as for ids that do not exist", async () => {
    const b = client(t.app, (await createOffice(t)).sessions.coordinator);
    const partnerUser = (await partner().get('/me')).json().me.id;
    const coordinatorUser = (await coordinator().get('/me')).json().me.id;
    for (const url of [
      `/privacy/guides/${office.guideId}/export.json`,
      `/privacy/users/${partnerUser}/export.json`,
      `/privacy/users/${coordinatorUser}/export.pdf`,
      `/privacy/requests/${requestId}/export.json`,
      `/privacy/requests/${requestId}/export.pdf`,
      `/guides/${office.guideId}/reads`,
    ]) {
      const res = await b.get(url);
      expectProblem(res, 404, 'not_found');
      expect(res.body, url).not.toContain(office.guideId);
    }
  });
});

describe('read audit: who looked at this guide, and when', () => {
  it('lists views, Art. 15 files, list exports and agreement PDFs naming the guide, newest first', async () => {
    const reads = async () =>
      (await coordinator().get(`/guides/${office.guideId}/reads`)).json().items as {
        action: string;
        actorName: string;
        at: string;
      }[];
    const before = (await reads()).length;
    expect((await coordinator().get(`/guides/${office.guideId}`)).statusCode).toBe(200);
    expect((await guide().get(`/guides/${office.guideId}`)).statusCode).toBe(200);
    expect((await partner().get(`/assignments/${assignmentId}/agreement.pdf`)).statusCode).toBe(200);
    expect((await coordinator().get('/guides/export.xlsx?status=active')).statusCode).toBe(200);
    const after = await reads();
    expect(after.length).toBe(before + 4);
    expect(after.slice(0, 4).map((r) => r.action)).toEqual([
      'guide.exported',
      'agreement.pdf_downloaded',
      'guide.viewed',
      'guide.viewed',
    ]);
    expect(after[1].actorName).toBe(office.emails.partner.split('@')[0]);
    expect(after.map((r) => r.at)).toEqual([...after.map((r) => r.at)].sort().reverse());

    // An export that does not contain the guide is not a read of their record.
    await coordinator().get('/guides/export.xlsx?status=left');
    expect((await reads()).length).toBe(after.length);
  });
});

describe('Art. 16 correction', () => {
  it('keeps the old value for the audit page only; the stored event and every other reader see the new one', async () => {
    const old = (await coordinator().get(`/guides/${office.guideId}`)).json();
    const res = await coordinator().patch(`/guides/${office.guideId}`, { lastName: 'Berichtigt', phone: '+49 30 1' });
    expect(res.statusCode, res.body).toBe(200);
    const events = (await coordinator().get(`/audit-events?entityId=${office.guideId}&action=guide.updated`)).json()
      .items as { changes: Record<string, { from: unknown; to: unknown }> }[];
    const correction = events.find((e) => e.changes.lastName);
    expect(correction?.changes.lastName).toEqual({ from: old.lastName, to: '[geändert]' });
    // A field that had no value before has nothing to hide.
    expect(correction?.changes.phone).toEqual({ from: '[geändert]', to: '[geändert]' });
    // The stored audit event itself names the fields only: the old value lives with the guide and goes with it.
    const stored = await t.database.rows<{ changes: unknown }>(
      `select changes from audit_events where entity_id = '${office.guideId}' and action = 'guide.updated'`,
    );
    expect(JSON.stringify(stored)).not.toContain(old.lastName);
    // Nobody else reads it: the guide's own view and the partner's views carry the new name only.
    expect(JSON.stringify((await guide().get(`/guides/${office.guideId}`)).json())).not.toContain(old.lastName);
    expect((await guide().get('/audit-events')).statusCode).toBe(403);
    expect((await partner().get('/audit-events')).statusCode).toBe(403);
  });
});

describe('Art. 15 file of an applicant (recruitment)', () => {
  it('holds the application, its steps and conversations; no token hash', async () => {
    const email = `interesse-${Date.now()}@test.example`;
    const [row] = await t.database.rows<{ id: string }>(`
      insert into applicants (office_id, first_name, last_name, email, motivation, confirm_token_hash)
      values ('${office.officeId}', 'Nadia', 'Gewinnung', '${email}', 'Ich helfe gern.', 'ein-hash-${Date.now()}')
      returning id`);
    const step = await coordinator().post(`/applicants/${row.id}/conversations`, {
      heldOn: today,
      heldBy: office.sessions.coordinator.userId,
      outcome: 'suitable',
      note: 'Kennenlernen im Büro',
    });
    expect(step.statusCode, step.body).toBe(201);
    const res = await coordinator().get(`/privacy/applicants/${row.id}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json() as ExportFile;
    expect(file.subject).toEqual({ kind: 'applicant', id: row.id });
    expect(file.record).toMatchObject({ first_name: 'Nadia', email, motivation: 'Ich helfe gern.' });
    expect(Object.keys(file.record)).not.toContain('confirm_token_hash');
    await expectCovers(file, 'applicants', [row.id]);
    expect(file.sections.find((s) => s.table === 'applicant_conversations')?.rows[0]).toMatchObject({
      note: 'Kennenlernen im Büro',
      outcome: 'suitable',
    });
    expect(file.auditTrail.map((e) => e.action)).toContain('applicant.conversation_recorded');
    const pdf = await coordinator().get(`/privacy/applicants/${row.id}/export.pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain('Kennenlerngespräche');
    // Another office cannot fetch it.
    const other = await createOffice(t);
    const foreign = await client(t.app, other.sessions.coordinator).get(`/privacy/applicants/${row.id}/export.json`);
    expect(foreign.statusCode).toBe(404);
  });
});
