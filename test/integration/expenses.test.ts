/**
 * Issue 11 §2: expense claims with receipts, the approval flow (bulk approve, return with comment and resubmit),
 * immutability of approved and paid claims (service and database), receipt isolation, bank details with IBAN
 * validation, and the payout run with its XLSX (parsed back) and SEPA pain.001.001.03 file (parsed back and
 * validated against the schema in test/fixtures).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { inScope } from '../../src/db/scope.js';
import { expectProblem, xlsxRows } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { lastMailTo, mailsTo } from '../helpers/mail.js';
import { EXE_BASE64, PDF_BASE64, PNG_BASE64 } from '../helpers/receipts.js';
import { requestBody } from '../helpers/requests.js';

let t: TestApp;
let A: TestOffice;
let B: TestOffice;
let otherGuide: { guideId: string; session: Session; email: string };
let guideEmail: string;
let assignmentId: string;
let categoryId: string;
const coordinator = () => client(t.app, A.sessions.coordinator);
const guide = () => client(t.app, A.sessions.guide);

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

beforeAll(async () => {
  t = await createTestApp();
  A = await createOffice(t);
  B = await createOffice(t);
  guideEmail = A.emails.guide;
  otherGuide = await createGuideWithAccount(t, A, { firstName: 'Jonas', lastName: 'Zweiter' });
  // A deployment of A's guide, a Plenum category, and a km rate that changes on 15 March (0.30 € → 0.38 €).
  const request = await ok(coordinator().post('/requests', requestBody(A, { partnerId: A.partnerId })), 201);
  const offered = await ok(
    coordinator().post(`/requests/${request.id}/offers`, {
      guideIds: [A.guideId],
      overrideReason: 'Testaufbau ohne Ranking',
    }),
    201,
  );
  assignmentId = (await ok(guide().post(`/offers/${offered.items[0].id}/accept`, {}))).assignmentId;
  categoryId = await inScope(t.ctx.database.db, 'system', async (tx) => {
    const rows = await tx.execute<{ id: string }>(
      sql`insert into hour_categories (office_id, key, label, kind) values (${A.officeId}, 'plenum', 'Plenum', 'plenum')
        on conflict (office_id, key) do update set label = excluded.label returning id`,
    );
    await tx.execute(sql`insert into programme_rule_sets (office_id, name, programme, valid_from, options) values
      (${A.officeId}, 'Hessen WIR', 'hessenWir', '2026-01-01', ${JSON.stringify({ kmRateCents: 30 })}::jsonb),
      (${A.officeId}, 'Hessen WIR', 'hessenWir', '2026-03-15', ${JSON.stringify({ kmRateCents: 38 })}::jsonb)`);
    return (rows as unknown as { rows: { id: string }[] }).rows?.[0]?.id ?? (rows as unknown as { id: string }[])[0].id;
  });
});
afterAll(async () => t?.close());

const carClaim = (date: string, km = 20) => ({
  date,
  origin: 'Büro',
  destination: 'Ausländerbehörde',
  assignmentId,
  transport: 'car',
  km,
});

describe('filing claims', () => {
  it('offers the guide their deployments, the categories and the km rate', async () => {
    const options = await ok(guide().get('/me/expense-options'));
    expect(options.assignments.map((a: { id: string }) => a.id)).toContain(assignmentId);
    expect(options.categories.map((c: { id: string }) => c.id)).toContain(categoryId);
    expect(options.maxReceiptBytes).toBe(5 * 1024 * 1024);
  });

  it('snapshots each claim’s own day’s km rate when the rate changes within a month', async () => {
    const before = await ok(guide().post('/me/expense-claims', carClaim('2026-03-14')), 201);
    const after = await ok(guide().post('/me/expense-claims', carClaim('2026-03-16')), 201);
    expect([before.kmRateCents, before.amountCents]).toEqual([30, 600]);
    expect([after.kmRateCents, after.amountCents]).toEqual([38, 760]);
    expect(before.status).toBe('submitted');
    expect(before.purposeLabel).toBe('Begleitung zur Ausländerbehörde');
    // A deployment is named by its request's title, which has no key and no translations.
    expect(before.purposeKey).toBeNull();
  });

  it('takes a ticket with a photo of the receipt, and other costs only with a receipt', async () => {
    const ticket = await ok(
      guide().post('/me/expense-claims', {
        date: '2026-03-20',
        origin: 'Wohnung',
        destination: 'Rathaus',
        hourCategoryId: categoryId,
        transport: 'publicTransport',
        ticketCents: 340,
        receipt: { fileName: 'fahrkarte.PNG', content: PNG_BASE64 },
      }),
      201,
    );
    expect(ticket.amountCents).toBe(340);
    expect(ticket.receipt).toMatchObject({ contentType: 'image/png', fileName: 'fahrkarte.png' });
    const noReceipt = await guide().post('/me/expense-claims', {
      date: '2026-03-20',
      hourCategoryId: categoryId,
      transport: 'other',
      otherCents: 1299,
      otherDescription: 'Kopien',
    });
    expect(expectProblem(noReceipt, 400, 'validation_failed').errors?.map((e) => e.path)).toContain('receipt');
    const withPdf = await ok(
      guide().post('/me/expense-claims', {
        date: '2026-03-21',
        hourCategoryId: categoryId,
        transport: 'other',
        otherCents: 1299,
        otherDescription: 'Kopien',
        receipt: { fileName: 'beleg.pdf', content: PDF_BASE64 },
      }),
      201,
    );
    expect(withPdf.receipt.contentType).toBe('application/pdf');
  });

  it('refuses an executable renamed .jpg, unknown content and a file over 5 MB', async () => {
    const base = { date: '2026-03-22', hourCategoryId: categoryId, transport: 'other', otherCents: 100 };
    expectProblem(
      await guide().post('/me/expense-claims', { ...base, receipt: { fileName: 'foto.jpg', content: EXE_BASE64 } }),
      415,
      'receipt_type_refused',
    );
    const text = Buffer.from('just text, not a photo').toString('base64');
    expectProblem(
      await guide().post('/me/expense-claims', { ...base, receipt: { fileName: 'foto.jpg', content: text } }),
      415,
      'receipt_type_refused',
    );
    const big = Buffer.concat([Buffer.from(PNG_BASE64, 'base64'), Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    expectProblem(
      await guide().post('/me/expense-claims', { ...base, receipt: { fileName: 'gross.png', content: big } }),
      413,
      'receipt_too_large',
    );
  });

  it('refuses a deployment of another guide as the purpose, and a claim without a purpose', async () => {
    const other = client(t.app, otherGuide.session);
    const res = await other.post('/me/expense-claims', carClaim('2026-03-14'));
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0].path).toBe('assignmentId');
    const none = await guide().post('/me/expense-claims', { ...carClaim('2026-03-14'), assignmentId: undefined });
    expect(expectProblem(none, 400, 'validation_failed').errors?.[0].path).toBe('purpose');
  });
});

describe('receipts', () => {
  it('are shown to the owning guide and the coordinators only (404 for another guide and another office)', async () => {
    const claim = (await ok(guide().get('/me/expense-claims'))).items.find(
      (c: { receipt: unknown }) => c.receipt !== null,
    );
    const url = `/expense-claims/${claim.id}/receipt`;
    const own = await guide().get(url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toMatch(/^attachment;/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-type']).toMatch(/^(image\/png|application\/pdf)/);
    expect(own.rawPayload.length).toBeGreaterThan(0);
    expect((await coordinator().get(url)).statusCode).toBe(200);
    expectProblem(await client(t.app, otherGuide.session).get(url), 404);
    expectProblem(await client(t.app, B.sessions.coordinator).get(url), 404);
    expectProblem(await client(t.app, B.sessions.guide).get(url), 404);
    expectProblem(await client(t.app, A.sessions.partner).get(url), 404);
  });
});

describe('approval', () => {
  it('returns a claim with a comment (mailed), the guide edits and resubmits it', async () => {
    const queue = await ok(coordinator().get('/expense-claims?status=submitted'));
    expect(queue.total).toBeGreaterThanOrEqual(4);
    const target = queue.items.find((c: { amountCents: number }) => c.amountCents === 760);
    const returned = await ok(
      coordinator().post(`/expense-claims/${target.id}/return`, { comment: 'Bitte Strecke prüfen: 20 km?' }),
    );
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'Bitte Strecke prüfen: 20 km?' });
    const mail = await lastMailTo(t, guideEmail);
    expect(mail.text).toContain('Bitte Strecke prüfen');
    const edited = await ok(guide().call('PUT', `/me/expense-claims/${target.id}`, carClaim('2026-03-16', 15)));
    expect(edited).toMatchObject({ status: 'submitted', amountCents: 570, returnComment: null });
    // A second return needs it submitted; another office cannot return it.
    expectProblem(
      await client(t.app, B.sessions.coordinator).post(`/expense-claims/${target.id}/return`, { comment: 'x' }),
      404,
    );
  });

  it('approves in bulk; approved claims are locked for the guide and in the database', async () => {
    const queue = await ok(coordinator().get('/expense-claims?status=submitted'));
    const ids = queue.items.map((c: { id: string }) => c.id);
    expectProblem(await guide().post('/expense-claims/approve', { ids }), 403);
    expectProblem(await client(t.app, B.sessions.coordinator).post('/expense-claims/approve', { ids }), 404);
    const before = (await mailsTo(t, guideEmail)).length;
    expect(await ok(coordinator().post('/expense-claims/approve', { ids }))).toEqual({ approved: ids.length });
    // One mail for the guide, however many of their claims were approved, with their number and sum.
    const mails = await mailsTo(t, guideEmail);
    expect(mails).toHaveLength(before + 1);
    const sum = queue.items.reduce((s: number, c: { amountCents: number }) => s + c.amountCents, 0);
    expect(mails[0].subject).toBe('Ihre Auslagen wurden freigegeben');
    expect(mails[0].text).toContain(`${ids.length} Auslage(n)`);
    expect(mails[0].text).toContain(
      new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(sum / 100),
    );
    expectProblem(await coordinator().post('/expense-claims/approve', { ids }), 409, 'expense_claim_not_submitted');
    expectProblem(
      await guide().call('PUT', `/me/expense-claims/${ids[0]}`, carClaim('2026-03-14', 99)),
      409,
      'expense_claim_locked',
    );
    expectProblem(await coordinator().post(`/expense-claims/${ids[0]}/return`, { comment: 'zu spät' }), 409);
    // The database refuses a change or a deletion whatever the application does.
    await expect(
      inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
        tx.execute(sql`update expense_claims set amount_cents = 1 where id = ${ids[0]}`),
      ),
    ).rejects.toThrow();
    await expect(
      inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
        tx.execute(sql`delete from expense_claims where id = ${ids[0]}`),
      ),
    ).rejects.toThrow();
  });
});

describe('bank details', () => {
  it('validates the IBAN; the guide enters their own, coordinators see them, nobody else does', async () => {
    expectProblem(
      await guide().call('PUT', '/me/bank-account', { accountHolder: 'Amal Haddad', iban: 'DE89370400440532013001' }),
      400,
      'validation_failed',
    );
    const saved = await ok(
      guide().call('PUT', '/me/bank-account', { accountHolder: 'Amal Haddad', iban: 'de89 3704 0044 0532 0130 00' }),
    );
    expect(saved.account).toMatchObject({ iban: 'DE89370400440532013000', accountHolder: 'Amal Haddad' });
    expect((await ok(coordinator().get(`/guides/${A.guideId}/bank-account`))).account.iban).toBe(
      'DE89370400440532013000',
    );
    expectProblem(await client(t.app, otherGuide.session).get(`/guides/${A.guideId}/bank-account`), 404);
    expectProblem(await client(t.app, A.sessions.partner).get(`/guides/${A.guideId}/bank-account`), 403);
    expectProblem(await client(t.app, B.sessions.coordinator).get(`/guides/${A.guideId}/bank-account`), 404);
    // Never in the guide list or the guide record.
    expect((await coordinator().get('/guides')).body).not.toContain('DE89370400440532013000');
    expect((await coordinator().get(`/guides/${A.guideId}`)).body).not.toContain('DE89370400440532013000');
  });
});

describe('payout run', () => {
  it('pays all approved claims on a date, with XLSX and a SEPA file that validates against pain.001.001.03', async () => {
    expectProblem(
      await coordinator().call('PUT', '/expense-settings', { debtorName: 'Büro', debtorIban: 'DE00123' }),
      400,
    );
    await ok(
      coordinator().call('PUT', '/expense-settings', {
        debtorName: 'Koordinierungsstelle Integrationslotsen',
        debtorIban: 'DE02120300000000202051',
        debtorBic: 'BYLADEM1001',
      }),
    );
    const approved = await ok(coordinator().get('/expense-claims?status=approved'));
    const run = await ok(coordinator().post('/payout-runs', { paidOn: '2026-04-02' }), 201);
    expect(run).toMatchObject({
      claimCount: approved.total,
      totalCents: approved.items.reduce((s: number, c: { amountCents: number }) => s + c.amountCents, 0),
      withoutBankAccount: 0,
    });
    const paid = await ok(coordinator().get('/expense-claims?status=paid'));
    expect(
      paid.items.every(
        (c: { paidOn: string; payoutRunId: string }) => c.paidOn === '2026-04-02' && c.payoutRunId === run.id,
      ),
    ).toBe(true);
    const paidMail = await lastMailTo(t, guideEmail);
    expect(paidMail.subject).toBe(
      `Auszahlung Ihrer Auslagen: ${new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(run.totalCents / 100)}`,
    );
    expect(paidMail.text).toContain('2. April 2026');
    expect(paidMail.text).not.toContain('DE89'); // no bank details in a mail
    expectProblem(await coordinator().post('/payout-runs', { paidOn: '2026-04-02' }), 409, 'payout_nothing_approved');
    expect((await ok(coordinator().get('/payout-runs'))).items[0].id).toBe(run.id);

    const xlsx = await coordinator().get(`/payout-runs/${run.id}/payout.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await xlsxRows(xlsx.rawPayload);
    expect(rows.some((r) => r.includes('Ausländerbehörde') || r.some((c) => c.includes('Ausländerbehörde')))).toBe(
      true,
    );
    expect(rows.some((r) => r.includes('DE89370400440532013000'))).toBe(true);
    expect(rows.some((r) => r.includes(String(run.totalCents / 100)))).toBe(true);

    const sepa = await coordinator().get(`/payout-runs/${run.id}/sepa.xml`);
    expect(sepa.statusCode, sepa.body).toBe(200);
    expect(sepa.headers['content-disposition']).toMatch(/^attachment;/);
    const xml = sepa.body;
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(xml).toMatch(new RegExp(`<CtrlSum>${(run.totalCents / 100).toFixed(2)}</CtrlSum>`));
    expect(xml).toContain('<IBAN>DE89370400440532013000</IBAN>');
    expect(xml).toContain('<Nm>Amal Haddad</Nm>');
    expect(xml).toContain('<ReqdExctnDt>2026-04-02</ReqdExctnDt>');
    const schema = await readFile(new URL('../fixtures/pain.001.001.03.subset.xsd', import.meta.url), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'payout.xml', contents: xml }], schema: [schema] });
    expect(result.errors, result.rawOutput).toEqual([]);
    expect(result.valid).toBe(true);
    // The same file tampered with: the schema check must reject it (so the check above can fail).
    const tampered = [
      xml.replace(/<MsgId>[^<]*<\/MsgId>/, ''),
      xml.replace('<IBAN>DE89370400440532013000</IBAN>', '<IBAN>not an iban</IBAN>'),
      xml.replace('<ReqdExctnDt>2026-04-02</ReqdExctnDt>', '<ReqdExctnDt>02.04.2026</ReqdExctnDt>'),
    ];
    for (const contents of tampered) {
      expect(contents).not.toBe(xml);
      const broken = await validateXML({ xml: [{ fileName: 'tampered.xml', contents }], schema: [schema] });
      expect(broken.valid, contents).toBe(false);
    }

    // Paid claims are locked too; another office sees neither the run nor its files.
    await expect(
      inScope(t.ctx.database.db, { officeId: A.officeId }, (tx) =>
        tx.execute(sql`update expense_claims set status = 'approved' where payout_run_id = ${run.id}`),
      ),
    ).rejects.toThrow();
    expectProblem(await client(t.app, B.sessions.coordinator).get(`/payout-runs/${run.id}/sepa.xml`), 404);
    expectProblem(await client(t.app, B.sessions.coordinator).get(`/payout-runs/${run.id}/payout.xlsx`), 404);
    expectProblem(await guide().get(`/payout-runs/${run.id}/sepa.xml`), 403);
  });

  it('the schema check catches a broken file', async () => {
    const schema = await readFile(new URL('../fixtures/pain.001.001.03.subset.xsd', import.meta.url), 'utf8');
    const broken =
      '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn><GrpHdr><MsgId>X</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>';
    const result = await validateXML({ xml: [{ fileName: 'broken.xml', contents: broken }], schema: [schema] });
    expect(result.valid).toBe(false);
  });
});

describe('guides with claims', () => {
  it('cannot be deleted (claims are payment evidence), and lose their bank details when anonymised', async () => {
    const third = await createGuideWithAccount(t, A, { firstName: 'Mira', lastName: 'Dritte' });
    await ok(
      client(t.app, third.session).post('/me/expense-claims', {
        date: '2026-03-10',
        origin: 'Mira Dritte, Wohnung',
        destination: 'Rathaus',
        hourCategoryId: categoryId,
        transport: 'bike',
        km: 4,
      }),
      201,
    );
    await ok(
      client(t.app, third.session).call('PUT', '/me/bank-account', {
        accountHolder: 'Mira Dritte',
        iban: 'DE02120300000000202051',
      }),
    );
    const queue = await ok(coordinator().get(`/expense-claims?guideId=${third.guideId}`));
    await ok(coordinator().post('/expense-claims/approve', { ids: [queue.items[0].id] }));
    const refused = expectProblem(await coordinator().delete(`/guides/${third.guideId}`), 409, 'conflict');
    expect(refused.errors?.[0].code).toBe('guideHasExpenseClaims');
    // Anonymising scrubs the name from the approved claim (erasure may) and deletes the bank details.
    await ok(coordinator().post(`/guides/${third.guideId}/anonymise`, {}));
    const after = await ok(coordinator().get(`/expense-claims?guideId=${third.guideId}`));
    expect(after.items[0].status).toBe('approved');
    expect(after.items[0].origin).not.toContain('Mira');
    expect((await ok(coordinator().get(`/guides/${third.guideId}/bank-account`))).account).toBeNull();
  });
});

describe('receipts in a configured folder (RECEIPTS_DIR)', () => {
  it('keeps the bytes in <dir>/<office>/<id>, not in the row, serves them only within the office, and removes a replaced one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lotsennetz-receipts-'));
    const app = await createTestApp({ env: { RECEIPTS_DIR: dir } });
    try {
      const [X, Y] = [await createOffice(app), await createOffice(app)];
      const own = client(app.app, X.sessions.guide);
      const options = await ok(own.get('/me/expense-options'));
      const claim = {
        date: '2026-03-20',
        hourCategoryId: options.categories[0].id,
        transport: 'other',
        otherCents: 450,
        otherDescription: 'Kopien',
        receipt: { fileName: 'beleg.png', content: PNG_BASE64 },
      };
      const created = await ok(own.post('/me/expense-claims', claim), 201);
      const receiptId = created.receipt.id as string;
      const [row] = await app.database.rows<{ stored_in: string; has_data: boolean }>(
        `select stored_in, data is not null as has_data from expense_receipts where id = '${receiptId}'`,
      );
      expect(row).toEqual({ stored_in: 'folder', has_data: false });
      const file = join(dir, X.officeId, receiptId);
      expect(await readFile(file)).toEqual(Buffer.from(PNG_BASE64, 'base64'));
      expect((await stat(file)).mode & 0o777).toBe(0o600);

      const url = `/expense-claims/${created.id}/receipt`;
      const mine = await own.get(url);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.rawPayload).toEqual(Buffer.from(PNG_BASE64, 'base64'));
      expect((await client(app.app, X.sessions.coordinator).get(url)).statusCode).toBe(200);
      // The file is on the same disk, but another office never reaches it: its row is not found first.
      expectProblem(await client(app.app, Y.sessions.coordinator).get(url), 404);

      // A new receipt replaces the old one: the old file goes once the change is committed.
      const replaced = await ok(
        own.call('PUT', `/me/expense-claims/${created.id}`, {
          ...claim,
          receipt: { fileName: 'beleg.pdf', content: PDF_BASE64 },
        }),
      );
      expect(replaced.receipt.id).not.toBe(receiptId);
      await expect(stat(file)).rejects.toThrow();
      expect(await readFile(join(dir, X.officeId, replaced.receipt.id))).toEqual(Buffer.from(PDF_BASE64, 'base64'));
      // A claim refused by validation stores no file.
      const before = (await readdir(join(dir, X.officeId))).length;
      const refused = await own.post('/me/expense-claims', { ...claim, hourCategoryId: undefined });
      expect(refused.statusCode).toBe(400);
      expect((await readdir(join(dir, X.officeId))).length).toBe(before);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
