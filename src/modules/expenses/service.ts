import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { claimAmountCents, costProblems, kmRateAt, normaliseCosts } from '../../domain/expenses/amounts.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, notFound } from '../../server/errors.js';
import {
  type bankAccountInput,
  type ExpenseClaim,
  type ExpenseClaimStatus,
  type expenseClaimInput,
  type expenseSettingsInput,
  type PayoutRun,
  type payoutRunInput,
  RECEIPT_MAX_BYTES,
} from '../../shared/expenses.js';
import { completeTranslations } from '../../shared/localized.js';
import { recordAudit } from '../audit/recorder.js';
import { settingsRepository } from '../settings/repository.js';
import { perGuide, queueClaimMail } from './mails.js';
import { buildSepa, buildXlsx } from './payout.js';
import { expensePolicy as policy } from './policy.js';
import { ReceiptStore } from './receiptStore.js';
import { checkReceipt } from './receipts.js';
import { type ClaimView, type PayoutRunRow, expenseRepository as repo } from './repository.js';

type ClaimInput = z.output<typeof expenseClaimInput>;

export function presentClaim(v: ClaimView): ExpenseClaim {
  const c = v.claim;
  return {
    id: c.id,
    guideId: c.guideId,
    guideName: `${v.firstName} ${v.lastName}`.trim(),
    date: c.date,
    origin: c.origin,
    destination: c.destination,
    assignmentId: c.assignmentId,
    hourCategoryId: c.hourCategoryId,
    purposeLabel: v.requestTitle ?? v.categoryLabel ?? '',
    purposeKey: v.requestTitle === null ? v.categoryKey : null,
    purposeTranslations: completeTranslations(v.requestTitle === null ? v.categoryTranslations : null),
    transport: c.transport,
    km: c.km,
    kmRateCents: c.kmRateCents,
    ticketCents: c.ticketCents,
    otherCents: c.otherCents,
    otherDescription: c.otherDescription,
    amountCents: c.amountCents,
    receipt:
      c.receiptId && v.receiptFileName
        ? {
            id: c.receiptId,
            fileName: v.receiptFileName,
            contentType: v.receiptContentType ?? 'application/octet-stream',
            sizeBytes: v.receiptSizeBytes ?? 0,
          }
        : null,
    note: c.note,
    status: c.status,
    submittedAt: c.submittedAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    returnComment: c.returnComment,
    paidOn: c.paidOn,
    payoutRunId: c.payoutRunId,
  };
}

const list = (views: ClaimView[]) => {
  const items = views.map(presentClaim);
  return { items, total: items.length };
};

/**
 * Expense claims (Auslagenerstattung): the guide files a claim with a receipt from the phone; the coordinator
 * approves it (in bulk) or returns it with a comment; a payout run pays the approved ones on a date and gives the
 * XLSX and the SEPA file. Approved and paid claims are evidence (guarded in the database too).
 */
/** Receipt files touched by one unit of work: removed again if it fails, or once it committed if replaced. */
type ReceiptFiles = { written: string[]; replaced: string[] };

export class ExpenseService {
  private readonly receipts: ReceiptStore;

  constructor(private readonly ctx: AppContext) {
    this.receipts = new ReceiptStore(ctx.config.receiptsDir);
  }

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  /**
   * A unit of work that may store receipt files. Files and rows cannot share a transaction, so: a file written for a
   * transaction that then fails is removed, and a replaced receipt's file only after the commit. A removal that fails
   * leaves an orphan file (no row points to it, so nobody can read it), never a row without its file.
   */
  private async withReceiptFiles<T>(actor: Actor, work: (tx: Tx, officeId: string, files: ReceiptFiles) => Promise<T>) {
    const officeId = officeOf(actor);
    const files: ReceiptFiles = { written: [], replaced: [] };
    const removeAll = async (ids: string[]) => {
      if (this.receipts.storage !== 'folder') return;
      for (const id of ids) await this.receipts.remove(officeId, id).catch(() => undefined);
    };
    try {
      const result = await this.scope(actor, (tx) => work(tx, officeId, files));
      await removeAll(files.replaced);
      return result;
    } catch (error) {
      await removeAll(files.written);
      throw error;
    }
  }

  // ── The guide ──────────────────────────────────────────────────────────────

  options(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const today = await settingsRepository.today(tx, officeId, this.ctx.now());
      return {
        assignments: (await repo.guideAssignments(tx, actor.guideId as string)).map((a) => ({
          id: a.id,
          label: a.label,
        })),
        categories: (await repo.categories(tx, officeId)).map((c) => ({
          ...c,
          translations: completeTranslations(c.translations),
        })),
        kmRateCents: kmRateAt(await repo.ruleSets(tx, officeId), today),
        maxReceiptBytes: RECEIPT_MAX_BYTES,
      };
    });
  }

  mine(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.scope(actor, async (tx) => list(await repo.claims(tx, { guideId: actor.guideId as string })));
  }

  /** Checks the purpose and the costs, stores a new receipt, and computes the amount at the rate of the claim's day. */
  private async prepare(
    tx: Tx,
    officeId: string,
    guideId: string,
    input: ClaimInput,
    keptReceiptId: string | null,
    files: ReceiptFiles,
  ) {
    const purposes = [input.assignmentId, input.hourCategoryId].filter(Boolean);
    if (purposes.length !== 1)
      throw new AppError(400, 'validation_failed', [{ path: 'purpose', code: 'purposeRequired' }]);
    if (input.assignmentId) {
      const a = await repo.assignment(tx, input.assignmentId);
      if (!a || a.guideId !== guideId)
        throw new AppError(400, 'validation_failed', [{ path: 'assignmentId', code: 'purposeUnknown' }]);
    }
    if (input.hourCategoryId) {
      const c = await repo.category(tx, input.hourCategoryId);
      if (!c || c.archivedAt)
        throw new AppError(400, 'validation_failed', [{ path: 'hourCategoryId', code: 'purposeUnknown' }]);
    }
    const problems = costProblems(input, Boolean(input.receipt) || keptReceiptId !== null);
    if (
      (input.transport === 'car' || input.transport === 'bike' || input.transport === 'publicTransport') &&
      (!input.origin || !input.destination)
    ) {
      if (!input.origin) problems.push({ path: 'origin', code: 'required' });
      if (!input.destination) problems.push({ path: 'destination', code: 'required' });
    }
    if (problems.length) throw new AppError(400, 'validation_failed', problems);

    let receiptId = keptReceiptId;
    if (input.receipt) {
      const checked = await checkReceipt(input.receipt.fileName, input.receipt.content);
      const row = await repo.insertReceipt(tx, {
        officeId,
        guideId,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
        storedIn: this.receipts.storage,
        data: this.receipts.storage === 'database' ? checked.bytes : null,
      });
      if (this.receipts.storage === 'folder') {
        files.written.push(row.id);
        await this.receipts.write(officeId, row.id, checked.bytes);
      }
      receiptId = row.id;
    }
    const costs = normaliseCosts(input);
    const rate = costs.km ? kmRateAt(await repo.ruleSets(tx, officeId), input.date) : null;
    return {
      date: input.date,
      origin: input.origin ?? null,
      destination: input.destination ?? null,
      assignmentId: input.assignmentId ?? null,
      hourCategoryId: input.hourCategoryId ?? null,
      transport: input.transport,
      km: costs.km,
      kmRateCents: rate,
      ticketCents: costs.ticketCents,
      otherCents: costs.otherCents,
      otherDescription: costs.otherCents ? (input.otherDescription ?? null) : null,
      amountCents: claimAmountCents(input, rate ?? 0),
      receiptId,
      note: input.note ?? null,
    };
  }

  create(actor: Actor, input: ClaimInput) {
    if (!policy.own(actor)) throw forbidden();
    return this.withReceiptFiles(actor, async (tx, officeId, files) => {
      const guideId = actor.guideId as string;
      const values = await this.prepare(tx, officeId, guideId, input, null, files);
      const row = await repo.insertClaim(tx, {
        ...values,
        officeId,
        guideId,
        status: 'submitted',
        submittedAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, {
        action: 'expense.submitted',
        entityType: 'expense_claim',
        entityId: row.id,
        changes: { guideId, date: row.date, status: 'submitted' },
      });
      return presentClaim(await repo.claimView(tx, row.id));
    });
  }

  /** The guide edits a submitted or returned claim; it is submitted (again). Approved and paid ones are locked. */
  update(actor: Actor, id: string, input: ClaimInput) {
    if (!policy.own(actor)) throw forbidden();
    return this.withReceiptFiles(actor, async (tx, officeId, files) => {
      const guideId = actor.guideId as string;
      const claim = await repo.lockClaim(tx, id);
      if (!claim || claim.guideId !== guideId) throw notFound();
      if (claim.status !== 'submitted' && claim.status !== 'returned') throw new AppError(409, 'expense_claim_locked');
      const values = await this.prepare(tx, officeId, guideId, input, input.receipt ? null : claim.receiptId, files);
      await repo.updateClaim(tx, id, {
        ...values,
        status: 'submitted',
        submittedAt: this.ctx.now(),
        decidedAt: null,
        decidedByUserId: null,
        returnComment: null,
      });
      if (input.receipt && claim.receiptId) {
        await repo.deleteReceipt(tx, claim.receiptId);
        files.replaced.push(claim.receiptId);
      }
      await recordAudit(tx, actor, {
        action: 'expense.resubmitted',
        entityType: 'expense_claim',
        entityId: id,
        changes: { guideId, date: values.date, status: 'submitted' },
      });
      return presentClaim(await repo.claimView(tx, id));
    });
  }

  // ── The coordinator ────────────────────────────────────────────────────────

  queue(actor: Actor, query: { status?: ExpenseClaimStatus; guideId?: string }) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => list(await repo.claims(tx, query)));
  }

  /**
   * Approves submitted claims in bulk; an id the office does not have is 404, a claim not submitted 409. Each guide
   * gets one mail with the number and sum of their approved claims.
   */
  async approve(actor: Actor, ids: string[]) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.scope(actor, async (tx, officeId) => {
      const unique = [...new Set(ids)];
      const rows = await repo.lockClaims(tx, unique);
      if (rows.length !== unique.length) throw notFound();
      if (rows.some((r) => r.status !== 'submitted')) throw new AppError(409, 'expense_claim_not_submitted');
      const approved = await repo.approve(tx, unique, this.ctx.now(), recordedUserId(actor));
      for (const a of approved) {
        await recordAudit(tx, actor, {
          action: 'expense.approved',
          entityType: 'expense_claim',
          entityId: a.id,
          changes: { guideId: a.guideId, status: 'approved' },
        });
      }
      const mailIds: string[] = [];
      for (const [guideId, sum] of perGuide(rows)) {
        const mailId = await queueClaimMail(this.ctx, tx, officeId, guideId, { kind: 'approved', ...sum });
        if (mailId) mailIds.push(mailId);
      }
      return { result: { approved: approved.length }, mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  /** Returns a submitted claim with a comment and tells the guide by mail in their language. */
  async returnClaim(actor: Actor, id: string, comment: string) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.scope(actor, async (tx, officeId) => {
      const claim = await repo.lockClaim(tx, id);
      if (!claim) throw notFound();
      if (claim.status !== 'submitted') throw new AppError(409, 'expense_claim_not_submitted');
      await repo.updateClaim(tx, id, {
        status: 'returned',
        decidedAt: this.ctx.now(),
        decidedByUserId: recordedUserId(actor),
        returnComment: comment,
      });
      await recordAudit(tx, actor, {
        action: 'expense.returned',
        entityType: 'expense_claim',
        entityId: id,
        changes: { guideId: claim.guideId, status: 'returned' },
      });
      const mailId = await queueClaimMail(this.ctx, tx, officeId, claim.guideId, {
        kind: 'returned',
        date: claim.date,
        comment,
      });
      const mailIds = mailId ? [mailId] : [];
      return { result: presentClaim(await repo.claimView(tx, id)), mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  /** The receipt of a claim: for the guide who owns it and the office's coordinators; 404 for everyone else. */
  receipt(actor: Actor, claimId: string) {
    if (!policy.manage(actor) && !policy.own(actor)) throw notFound();
    return this.scope(actor, async (tx, officeId) => {
      const view = await repo.claimView(tx, claimId);
      if (!view || !policy.seeReceipt(actor, view.claim) || !view.claim.receiptId) throw notFound();
      const row = await repo.receipt(tx, view.claim.receiptId);
      if (!row) throw notFound();
      // Found under the office's scope first: only then is its file read.
      const bytes = row.data ? Buffer.from(row.data) : await this.receipts.read(officeId, row.id);
      return { fileName: row.fileName, contentType: row.contentType, bytes };
    });
  }

  // ── Bank details ───────────────────────────────────────────────────────────

  private presentAccount(row: Awaited<ReturnType<typeof repo.bankAccount>>) {
    return {
      account: row
        ? {
            guideId: row.guideId,
            accountHolder: row.accountHolder,
            iban: row.iban,
            bic: row.bic,
            updatedAt: row.updatedAt.toISOString(),
          }
        : null,
    };
  }

  private async guideOfOffice(tx: Tx, guideId: string) {
    const guide = await repo.guideName(tx, guideId);
    if (!guide) throw notFound();
  }

  myBankAccount(actor: Actor) {
    if (!policy.own(actor)) throw forbidden();
    return this.bankAccount(actor, actor.guideId as string);
  }

  saveMyBankAccount(actor: Actor, input: z.output<typeof bankAccountInput>) {
    if (!policy.own(actor)) throw forbidden();
    return this.saveBankAccount(actor, actor.guideId as string, input);
  }

  bankAccount(actor: Actor, guideId: string) {
    const own = policy.own(actor) && actor.guideId === guideId;
    if (!policy.manage(actor) && !own) throw policy.own(actor) ? notFound() : forbidden();
    return this.scope(actor, async (tx) => {
      await this.guideOfOffice(tx, guideId);
      return this.presentAccount(await repo.bankAccount(tx, guideId));
    });
  }

  saveBankAccount(actor: Actor, guideId: string, input: z.output<typeof bankAccountInput>) {
    const own = policy.own(actor) && actor.guideId === guideId;
    if (!policy.manage(actor) && !own) throw policy.own(actor) ? notFound() : forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.guideOfOffice(tx, guideId);
      await repo.saveBankAccount(tx, {
        guideId,
        officeId,
        accountHolder: input.accountHolder,
        iban: input.iban,
        bic: input.bic ?? null,
        updatedByUserId: recordedUserId(actor),
      });
      // The IBAN itself is never copied into the audit log.
      await recordAudit(tx, actor, { action: 'expense.bank_account_saved', entityType: 'guide', entityId: guideId });
      return this.presentAccount(await repo.bankAccount(tx, guideId));
    });
  }

  // ── The office's debtor account ────────────────────────────────────────────

  settings(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const row = await repo.settings(tx, officeId);
      return {
        debtorName: row?.debtorName ?? null,
        debtorIban: row?.debtorIban ?? null,
        debtorBic: row?.debtorBic ?? null,
      };
    });
  }

  saveSettings(actor: Actor, input: z.output<typeof expenseSettingsInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await repo.saveSettings(tx, {
        officeId,
        debtorName: input.debtorName,
        debtorIban: input.debtorIban,
        debtorBic: input.debtorBic ?? null,
      });
      await recordAudit(tx, actor, { action: 'expense.settings_saved', entityType: 'office', entityId: officeId });
      const row = await repo.settings(tx, officeId);
      return {
        debtorName: row?.debtorName ?? null,
        debtorIban: row?.debtorIban ?? null,
        debtorBic: row?.debtorBic ?? null,
      };
    });
  }

  // ── Payout runs ────────────────────────────────────────────────────────────

  private async presentRuns(tx: Tx, rows: PayoutRunRow[]): Promise<PayoutRun[]> {
    const missing = new Map((await repo.runsWithoutAccount(tx)).map((r) => [r.runId, r.n]));
    return rows.map((r) => ({
      id: r.id,
      paidOn: r.paidOn,
      reference: r.reference,
      claimCount: r.claimCount,
      totalCents: r.totalCents,
      debtorName: r.debtorName,
      createdAt: r.createdAt.toISOString(),
      withoutBankAccount: missing.get(r.id) ?? 0,
    }));
  }

  runs(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const items = await this.presentRuns(tx, await repo.runs(tx));
      return { items, total: items.length };
    });
  }

  /**
   * Pays the chosen approved claims (default: all) on a date: they become paid with the run's date, and each guide
   * is told by mail how much is transferred on which day.
   */
  async createRun(actor: Actor, input: z.output<typeof payoutRunInput>) {
    if (!policy.manage(actor)) throw forbidden();
    const { result, mailIds } = await this.scope(actor, async (tx, officeId) => {
      let rows: Awaited<ReturnType<typeof repo.lockApproved>>;
      if (input.claimIds) {
        const unique = [...new Set(input.claimIds)];
        rows = await repo.lockClaims(tx, unique);
        if (rows.length !== unique.length) throw notFound();
        if (rows.some((r) => r.status !== 'approved')) throw new AppError(409, 'expense_claim_not_approved');
      } else {
        rows = await repo.lockApproved(tx);
      }
      if (rows.length === 0) throw new AppError(409, 'payout_nothing_approved');
      const settings = await repo.settings(tx, officeId);
      const sequence = (await repo.runCount(tx, input.paidOn)) + 1;
      const run = await repo.insertRun(tx, {
        officeId,
        paidOn: input.paidOn,
        reference: `AUSLAGEN-${input.paidOn.replaceAll('-', '')}-${sequence}`,
        claimCount: rows.length,
        totalCents: rows.reduce((s, r) => s + r.amountCents, 0),
        debtorName: settings?.debtorName ?? null,
        debtorIban: settings?.debtorIban ?? null,
        debtorBic: settings?.debtorBic ?? null,
        createdByUserId: recordedUserId(actor),
      });
      await repo.markPaid(
        tx,
        rows.map((r) => r.id),
        run.id,
        input.paidOn,
        this.ctx.now(),
      );
      await recordAudit(tx, actor, {
        action: 'expense.payout_run_created',
        entityType: 'payout_run',
        entityId: run.id,
        changes: { date: input.paidOn, count: rows.length },
      });
      const mailIds: string[] = [];
      for (const [guideId, sum] of perGuide(rows)) {
        const mailId = await queueClaimMail(this.ctx, tx, officeId, guideId, {
          kind: 'paid',
          paidOn: input.paidOn,
          ...sum,
        });
        if (mailId) mailIds.push(mailId);
      }
      return { result: (await this.presentRuns(tx, [run]))[0], mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, mailIds);
    return result;
  }

  private async runFiles(tx: Tx, id: string) {
    const run = await repo.run(tx, id);
    if (!run) throw notFound();
    const claims = await repo.claims(tx, { payoutRunId: id });
    const accounts = new Map(
      (await repo.bankAccounts(tx, [...new Set(claims.map((c) => c.claim.guideId))])).map((a) => [a.guideId, a]),
    );
    return { run, claims, accounts };
  }

  runXlsx(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      const { run, claims, accounts } = await this.runFiles(tx, id);
      return { run, bytes: await buildXlsx(run, claims, accounts, actor.locale) };
    });
  }

  /** The SEPA credit transfer (pain.001.001.03) from the office's account as it was when the run was made. */
  runSepa(actor: Actor, id: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { run, claims, accounts } = await this.runFiles(tx, id);
      // The account the run was made from; a run made before the office entered it uses the one entered since.
      const current = await repo.settings(tx, officeId);
      const debtor = run.debtorIban
        ? { name: run.debtorName ?? '', iban: run.debtorIban, bic: run.debtorBic }
        : current && { name: current.debtorName, iban: current.debtorIban, bic: current.debtorBic };
      if (!debtor) throw new AppError(409, 'payout_debtor_missing');
      const { xml, count } = buildSepa(run, debtor, claims, accounts, run.createdAt);
      if (count === 0) throw new AppError(409, 'payout_no_bank_accounts');
      return { run, xml };
    });
  }
}
