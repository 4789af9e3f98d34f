/** Moving in from Excel: import of guides and partners from XLSX or CSV (contract for server, OpenAPI and SPA). */
import { z } from 'zod';

export const IMPORT_KINDS = ['guides', 'partners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Largest file accepted (bytes, after base64 decoding) and most data rows. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
/**
 * The base64 text may be longer than a 2 MB file needs, so that a somewhat larger file reaches the service and is
 * refused there with `file_too_large` (a stable code the wizard explains) instead of a generic length error.
 */
export const IMPORT_MAX_BASE64 = 4_200_000;

/** Target fields per kind, in the order of the mapping step and the sample file. */
export const IMPORT_FIELDS = {
  guides: [
    'firstName',
    'lastName',
    'email',
    'phone',
    'languages',
    'homeDistrict',
    'serviceDistricts',
    'certifiedAt',
    'notes',
    'externalKey',
  ],
  partners: ['name', 'type', 'street', 'postalCode', 'city', 'district', 'email', 'phone', 'notes', 'externalKey'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
export const ALL_IMPORT_FIELDS = [...new Set([...IMPORT_FIELDS.guides, ...IMPORT_FIELDS.partners])] as ImportField[];

export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  guides: ['firstName', 'lastName'],
  partners: ['name', 'type'],
};

/** How a row finds the record it updates. Guides without e-mail fall back to first and last name. */
export const IMPORT_MATCH_KEYS = ['email', 'name', 'externalKey'] as const;
export type ImportMatchKey = (typeof IMPORT_MATCH_KEYS)[number];

const columnName = z.string().trim().min(1).max(200).nullable().optional();

/** Target field -> the file's column header (null or absent: not imported). */
export const importMapping = z.strictObject(
  Object.fromEntries(ALL_IMPORT_FIELDS.map((f) => [f, columnName])) as {
    [K in ImportField]: typeof columnName;
  },
);
export type ImportMapping = Partial<Record<ImportField, string | null>>;

export const importKindParams = z.strictObject({ kind: z.enum(IMPORT_KINDS) });

export const importFileInput = z.strictObject({
  /** The XLSX or CSV file, base64-encoded (the API reads JSON only). */
  content: z
    .string()
    .min(1)
    .max(IMPORT_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, { message: 'validation.base64' }),
  /** Without a mapping, the remembered one (or one guessed from the headers) is used. */
  mapping: importMapping.optional(),
  matchBy: z.enum(IMPORT_MATCH_KEYS).optional(),
});
export type ImportFileInput = z.input<typeof importFileInput>;

export const importRowError = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  field: z.string(),
  /** The column header the field was read from, when it has one. */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;

export const importPreviewRow = z.object({
  row: z.number().int(),
  /** A short name for the row (guide or partner name as read). */
  label: z.string(),
  action: z.enum(IMPORT_ACTIONS).nullable(),
  errors: z.array(importRowError),
});

export const importPreviewSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  columns: z.array(z.string()),
  fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.string().nullable()),
  mappingSource: z.enum(['given', 'remembered', 'suggested']),
  matchBy: z.enum(IMPORT_MATCH_KEYS),
  counts: z.object({
    rows: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  rows: z.array(importPreviewRow),
  errors: z.array(importRowError),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
