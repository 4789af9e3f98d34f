/**
 * Expense claims, receipts, bank details and payout runs (issue 11 §2): the contract for server, OpenAPI and SPA.
 * Money is integer cents; dates are office days (YYYY-MM-DD).
 */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import {
  EXPENSE_CLAIM_STATUSES,
  EXPENSE_TRANSPORTS,
  RECEIPT_CONTENT_TYPES,
  RECEIPT_MAX_BYTES,
} from '../domain/expenses/kinds.js';
import { isoDate, isoDateOut, isoDateTimeOut, listOf, optionalText, shortText } from './common.js';
import { translationsSchema } from './localized.js';

export type { ExpenseClaimStatus, ExpenseTransport } from '../domain/expenses/kinds.js';
export { EXPENSE_CLAIM_STATUSES, EXPENSE_TRANSPORTS, RECEIPT_CONTENT_TYPES, RECEIPT_MAX_BYTES };

/** Base64 of a 5 MB file is about 6.7 MB; a somewhat larger text still reaches the service (`receipt_too_large`). */
export const RECEIPT_MAX_BASE64 = 7_200_000;
/** The route's body limit: the base64 text and the claim's fields. */
export const RECEIPT_BODY_LIMIT = 7_500_000;

const cents = z.number().int().min(0).max(1_000_000);

/** An IBAN as typed (spaces allowed), stored in electronic format; checked digit by digit by `ibantools`. */
export const iban = z
  .string()
  .trim()
  .max(50)
  .transform((v) => electronicFormatIBAN(v) ?? '')
  .refine((v) => isValidIBAN(v), { message: 'validation.iban' });
export const bic = z
  .string()
  .trim()
  .toUpperCase()
  .max(11)
  .refine((v) => isValidBIC(v), { message: 'validation.bic' });

export const receiptUpload = z.strictObject({
  fileName: shortText(200),
  /** The photo or PDF, base64-encoded (the API reads JSON only). Its type is taken from its content. */
  content: z
    .string()
    .min(1)
    .max(RECEIPT_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, { message: 'validation.base64' }),
});

export const expenseClaimInput = z.strictObject({
  date: isoDate,
  origin: optionalText(200),
  destination: optionalText(200),
  /** The purpose: one of the guide's deployments … */
  assignmentId: z.uuid().nullable().optional(),
  /** … or an hour category of the office (Plenum, Kurs, Supervision …). */
  hourCategoryId: z.uuid().nullable().optional(),
  transport: z.enum(EXPENSE_TRANSPORTS),
  km: z.number().int().min(1).max(2000).nullable().optional(),
  ticketCents: cents.nullable().optional(),
  otherCents: cents.nullable().optional(),
  otherDescription: optionalText(300),
  note: optionalText(1000),
  /** A new receipt; without it, an edited claim keeps the one it has. */
  receipt: receiptUpload.optional(),
});
export type ExpenseClaimInput = z.input<typeof expenseClaimInput>;

export const expenseClaimSchema = z.object({
  id: z.uuid(),
  guideId: z.uuid(),
  guideName: z.string(),
  date: isoDateOut,
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  assignmentId: z.uuid().nullable(),
  hourCategoryId: z.uuid().nullable(),
  /** The purpose as the office reads it: the deployment's reference or the category's label. */
  purposeLabel: z.string(),
  /** The category's key where the purpose is a category (null for a deployment). */
  purposeKey: z.string().nullable(),
  /** A category's name in the other UI languages ('' where there is none, always for a deployment). */
  purposeTranslations: translationsSchema,
  transport: z.enum(EXPENSE_TRANSPORTS),
  km: z.number().int().nullable(),
  kmRateCents: z.number().int().nullable(),
  ticketCents: z.number().int().nullable(),
  otherCents: z.number().int().nullable(),
  otherDescription: z.string().nullable(),
  amountCents: z.number().int(),
  receipt: z
    .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })
    .nullable(),
  note: z.string().nullable(),
  status: z.enum(EXPENSE_CLAIM_STATUSES),
  submittedAt: isoDateTimeOut,
  decidedAt: isoDateTimeOut.nullable(),
  returnComment: z.string().nullable(),
  paidOn: isoDateOut.nullable(),
  payoutRunId: z.uuid().nullable(),
});
export type ExpenseClaim = z.infer<typeof expenseClaimSchema>;
export const expenseClaimListSchema = listOf(expenseClaimSchema);

export const expenseClaimQuery = z.strictObject({
  status: z.enum(EXPENSE_CLAIM_STATUSES).optional(),
  guideId: z.uuid().optional(),
});

export const expenseApproveInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export const expenseApproveResult = z.object({ approved: z.number().int() });
export const expenseReturnInput = z.strictObject({ comment: shortText(1000) });

/** What the guide's claim form offers: their deployments, the office's categories and today's km rate. */
export const expenseOptionsSchema = z.object({
  assignments: z.array(z.object({ id: z.uuid(), label: z.string() })),
  /** `label` in German, `translations` the other UI languages: the form shows the reader's one. */
  categories: z.array(z.object({ id: z.uuid(), key: z.string(), label: z.string(), translations: translationsSchema })),
  kmRateCents: z.number().int(),
  maxReceiptBytes: z.number().int(),
});

export const bankAccountInput = z.strictObject({
  accountHolder: shortText(70),
  iban,
  bic: bic.nullable().optional(),
});
export type BankAccountInput = z.input<typeof bankAccountInput>;
export const bankAccountSchema = z.object({
  guideId: z.uuid(),
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  updatedAt: isoDateTimeOut,
});
export const bankAccountResult = z.object({ account: bankAccountSchema.nullable() });

/** The office's own account, the debtor of the SEPA file. */
export const expenseSettingsInput = z.strictObject({
  debtorName: shortText(70),
  debtorIban: iban,
  debtorBic: bic.nullable().optional(),
});
export const expenseSettingsSchema = z.object({
  debtorName: z.string().nullable(),
  debtorIban: z.string().nullable(),
  debtorBic: z.string().nullable(),
});

export const payoutRunInput = z.strictObject({
  paidOn: isoDate,
  /** The approved claims to pay; without it, every approved claim. */
  claimIds: z.array(z.uuid()).min(1).max(2000).optional(),
});
export const payoutRunSchema = z.object({
  id: z.uuid(),
  paidOn: isoDateOut,
  reference: z.string(),
  claimCount: z.number().int(),
  totalCents: z.number().int(),
  debtorName: z.string().nullable(),
  createdAt: isoDateTimeOut,
  /** Claims of guides without bank details: in the XLSX, left out of the SEPA file. */
  withoutBankAccount: z.number().int(),
});
export type PayoutRun = z.infer<typeof payoutRunSchema>;
export const payoutRunListSchema = listOf(payoutRunSchema);
