import { z } from 'zod';
import { isoDateTimeOut } from './common.js';

/** Whose data an Art. 15 file is about: a guide, a user account, the person accompanied in a request, an applicant. */
export const SUBJECT_KINDS = ['guide', 'user', 'request', 'applicant'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
/** The path segment of each kind: /privacy/guides/{id}/export.json … */
export const SUBJECT_PATHS = { guides: 'guide', users: 'user', requests: 'request', applicants: 'applicant' } as const;

export const privacyExportParams = z.strictObject({
  kind: z.enum(Object.keys(SUBJECT_PATHS) as [keyof typeof SUBJECT_PATHS, ...(keyof typeof SUBJECT_PATHS)[]]),
  id: z.uuid(),
});

const row = z.record(z.string(), z.unknown());

/**
 * The machine-readable Art. 15 / Art. 20 file. `sections` is generated from the database catalogue: one per table
 * with a foreign key to the subject (and to their deployments and accounts), named `table` and `column`.
 */
export const privacyExportSchema = z.object({
  format: z.literal('lotsennetz.data-export/1'),
  generatedAt: isoDateTimeOut,
  office: z.object({ id: z.uuid(), name: z.string() }),
  subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.uuid() }),
  record: row,
  sections: z.array(z.object({ table: z.string(), column: z.string(), rows: z.array(row) })),
  /** Mail sent to the subject's addresses, as the outbox keeps it (links and tokens replaced by placeholders). */
  mails: z.array(row),
  /** What was done to and by the subject, from the audit log. */
  auditTrail: z.array(row),
  /** Who read the subject's record, and when. */
  reads: z.array(row),
});
export type PrivacyExport = z.infer<typeof privacyExportSchema>;

/** One read of a person's record, for the report "who looked at this guide, and when". */
export const recordReadSchema = z.object({
  id: z.uuid(),
  at: isoDateTimeOut,
  action: z.string(),
  actorName: z.string().nullable(),
  via: z.string().nullable(),
});
export type RecordRead = z.infer<typeof recordReadSchema>;
