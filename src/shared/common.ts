import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });

/** Dates travel as ISO strings (YYYY-MM-DD) for calendar dates and ISO date-time for instants. */
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

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
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
