/**
 * Expense claims (Auslagenerstattung, issue 11 §2): travel costs and other costs of a guide with receipts, approved
 * by the coordinator and paid out in a payout run (XLSX for the accounts department, SEPA pain.001). Reimbursed
 * costs are kept apart from allowances (Aufwandsentschädigung): nothing here counts towards the tax-free allowances.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { EXPENSE_CLAIM_STATUSES, EXPENSE_TRANSPORTS, RECEIPT_STORAGES } from '../../domain/expenses/kinds.js';
import { users } from './accounts.js';
import { bytea, createdAt, id, oneOf, updatedAt } from './columns.js';
import { assignments } from './deployments.js';
import { guides } from './guides.js';
import { hourCategories } from './hours.js';
import { officeId, offices } from './offices.js';

/**
 * A receipt (photo or PDF). Its facts are always a row here, under the office's row-level security; its bytes are in
 * `data`, or, when the installation sets RECEIPTS_DIR, in a file of that folder named by office and id
 * (`stored_in = 'folder'`), which is only ever read after this row was found in the reader's office.
 */
export const expenseReceipts = pgTable(
  'expense_receipts',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    /** The type found in the content (magic bytes), never the one the browser declared. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data'),
    storedIn: text('stored_in', { enum: RECEIPT_STORAGES }).notNull().default('database'),
    createdAt: createdAt(),
  },
  (t) => [
    index('expense_receipts_guide_idx').on(t.guideId),
    oneOf('expense_receipts_stored_in_check', t.storedIn, RECEIPT_STORAGES),
    check('expense_receipts_data_check', sql`(${t.storedIn} = 'database') = (${t.data} is not null)`),
    check('expense_receipts_size_check', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 5242880`),
  ],
);

/** A payout run: the approved claims the office paid on one date, with the debtor account it paid from. */
export const payoutRuns = pgTable(
  'payout_runs',
  {
    id: id(),
    officeId: officeId(),
    paidOn: date('paid_on').notNull(),
    /** The SEPA message id (MsgId), unique per office. */
    reference: text('reference').notNull(),
    claimCount: integer('claim_count').notNull(),
    totalCents: integer('total_cents').notNull(),
    debtorName: text('debtor_name'),
    debtorIban: text('debtor_iban'),
    debtorBic: text('debtor_bic'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payout_runs_office_idx').on(t.officeId, t.paidOn),
    check('payout_runs_totals_check', sql`${t.claimCount} > 0 and ${t.totalCents} >= 0`),
  ],
);

/**
 * One claim. The km rate and every amount are copied onto the claim when it is filed (the rate valid at the claim's
 * date), so a later change of rate never changes a claim. Approved and paid claims are evidence: a database trigger
 * (db/guards.ts) refuses any change but approved → paid.
 */
export const expenseClaims = pgTable(
  'expense_claims',
  {
    id: id(),
    officeId: officeId(),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'restrict' }),
    date: date('date').notNull(),
    origin: text('origin'),
    destination: text('destination'),
    /** The purpose: one of the guide's deployments, or an hour category (Plenum, course …). */
    assignmentId: uuid('assignment_id').references(() => assignments.id, { onDelete: 'restrict' }),
    hourCategoryId: uuid('hour_category_id').references(() => hourCategories.id, { onDelete: 'restrict' }),
    transport: text('transport', { enum: EXPENSE_TRANSPORTS }).notNull(),
    km: integer('km'),
    kmRateCents: integer('km_rate_cents'),
    ticketCents: integer('ticket_cents'),
    otherCents: integer('other_cents'),
    otherDescription: text('other_description'),
    amountCents: integer('amount_cents').notNull(),
    receiptId: uuid('receipt_id').references(() => expenseReceipts.id, { onDelete: 'restrict' }),
    note: text('note'),
    status: text('status', { enum: EXPENSE_CLAIM_STATUSES }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    returnComment: text('return_comment'),
    paidOn: date('paid_on'),
    payoutRunId: uuid('payout_run_id').references(() => payoutRuns.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('expense_claims_status_check', t.status, EXPENSE_CLAIM_STATUSES),
    oneOf('expense_claims_transport_check', t.transport, EXPENSE_TRANSPORTS),
    index('expense_claims_guide_date_idx').on(t.guideId, t.date),
    index('expense_claims_office_status_idx').on(t.officeId, t.status),
    check('expense_claims_purpose_check', sql`num_nonnulls(${t.assignmentId}, ${t.hourCategoryId}) = 1`),
    check(
      'expense_claims_amounts_check',
      sql`${t.amountCents} >= 0 and coalesce(${t.km}, 1) between 1 and 2000 and coalesce(${t.ticketCents}, 0) >= 0 and coalesce(${t.otherCents}, 0) >= 0`,
    ),
    check(
      'expense_claims_km_check',
      sql`(${t.km} is null) = (${t.kmRateCents} is null) and (${t.km} is null or ${t.transport} in ('car', 'bike'))`,
    ),
    check(
      'expense_claims_paid_check',
      sql`(${t.status} = 'paid') = (${t.paidOn} is not null and ${t.payoutRunId} is not null)`,
    ),
    check('expense_claims_returned_check', sql`${t.status} <> 'returned' or ${t.returnComment} is not null`),
  ],
);

/** A guide's bank details: seen by the office's coordinators and the guide only, never in lists or exports to partners. */
export const guideBankAccounts = pgTable('guide_bank_accounts', {
  guideId: uuid('guide_id')
    .primaryKey()
    .references(() => guides.id, { onDelete: 'cascade' }),
  officeId: officeId(),
  accountHolder: text('account_holder').notNull(),
  iban: text('iban').notNull(),
  bic: text('bic'),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The office's own account the payouts are made from (the debtor of the SEPA credit transfer). */
export const expenseSettings = pgTable('expense_settings', {
  officeId: uuid('office_id')
    .primaryKey()
    .references(() => offices.id, { onDelete: 'cascade' }),
  debtorName: text('debtor_name').notNull(),
  debtorIban: text('debtor_iban').notNull(),
  debtorBic: text('debtor_bic'),
  updatedAt: updatedAt(),
});
