/** The vocabulary of expense claims (issue 11 §2), shared by the schema, the contracts and the rules. */
export const EXPENSE_TRANSPORTS = ['car', 'bike', 'publicTransport', 'other'] as const;
export type ExpenseTransport = (typeof EXPENSE_TRANSPORTS)[number];

/** submitted → approved → paid, or submitted → returned (the guide edits and resubmits). */
export const EXPENSE_CLAIM_STATUSES = ['submitted', 'returned', 'approved', 'paid'] as const;
export type ExpenseClaimStatus = (typeof EXPENSE_CLAIM_STATUSES)[number];

/** Receipts the office accepts: photos and PDFs, checked by their content (magic bytes), not the declared type. */
export const RECEIPT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type ReceiptContentType = (typeof RECEIPT_CONTENT_TYPES)[number];
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

/** Where a receipt's bytes are kept: in its database row, or in the folder the installation configured. */
export const RECEIPT_STORAGES = ['database', 'folder'] as const;
export type ReceiptStorage = (typeof RECEIPT_STORAGES)[number];
