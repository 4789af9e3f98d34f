/** A guide's own pauses (holiday, illness) by date range (issue 14 §2): the contract of server, OpenAPI and SPA. */
import { z } from 'zod';
import { isoDate, isoDateOut, isoDateTimeOut, listOf } from './common.js';

export const PAUSE_STATES = ['upcoming', 'current', 'past'] as const;

export const guidePauseInput = z.strictObject({
  startsOn: isoDate,
  endsOn: isoDate,
  /** Optional; visible to the guide's coordination office. Nobody has to say why they are away. */
  reason: z.string().trim().max(200).nullable().optional(),
});

export const guidePauseSchema = z.object({
  id: z.uuid(),
  guideId: z.uuid(),
  startsOn: isoDateOut,
  endsOn: isoDateOut,
  reason: z.string().nullable(),
  state: z.enum(PAUSE_STATES),
  createdAt: isoDateTimeOut,
});
export type GuidePause = z.infer<typeof guidePauseSchema>;

export const guidePauseListSchema = listOf(guidePauseSchema).extend({
  /** Today in the office's time zone, so the page words "from … to …" against the same day as the server. */
  today: isoDateOut,
  /** Whether the caller may add, end and delete pauses here (the guide themself). */
  canEdit: z.boolean(),
});

export const guidePauseParams = z.strictObject({ id: z.uuid(), pauseId: z.uuid() });

/** What ending a pause did: deleted (it had not begun) or shortened to end yesterday. */
export const guidePauseEndedSchema = z.object({ deleted: z.boolean(), pause: guidePauseSchema.nullable() });
