import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });

/**
 * The years a date the API accepts may fall in. A year 0000 or 9999 is always a typing slip or an attack: PostgreSQL
 * refuses year 0 outright, and a far date that is stored breaks what is computed from it (re-check due dates,
 * calendars) for every reader of the list it appears in.
 */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;
const plausibleYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
};
/** Only checked on a well-formed value: a malformed one gets the format message alone. */
const inPlausibleRange = {
  message: 'validation.date_out_of_range',
  when: (p: { issues: unknown[] }) => !p.issues.length,
};

/**
 * Input dates travel as ISO strings (YYYY-MM-DD) for calendar dates and ISO date-time for instants, within
 * PLAUSIBLE_YEARS. Use these in request schemas (body, query); responses use the `…Out` variants below.
 */
export const isoDate = z.iso.date().refine(plausibleYear, inPlausibleRange);
export const isoDateTime = z.iso.datetime({ offset: true }).refine(plausibleYear, inPlausibleRange);

/**
 * Dates in responses: documented with the same format, but not re-validated. Responses are checked against their
 * schema, so a rule here would turn a value stored before that rule existed (or derived from one, like the re-check
 * date of a certificate checked in 9999) into a 500 for the whole list it appears in.
 */
export const isoDateOut = z.string().meta({ format: 'date' });
export const isoDateTimeOut = z.string().meta({ format: 'date-time' });

export const pagination = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** Short single-line text with a server-enforced bound: oversized text is rejected, never truncated. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullable().optional();

export const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()/-]*$/, { message: 'validation.phone' });

/** Abilities are sent with each record so the UI shows only what the caller may do. */
export const abilities = z.record(z.string(), z.boolean());

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        code: z.string(),
        message: z.string(),
        /** Raw values of the message, for the few errors the SPA words itself (a double booking's ISO times). */
        params: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;
