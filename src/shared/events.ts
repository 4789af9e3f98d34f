/**
 * Events (issue 12 §1): single events and recurring series, invitations with answers (RSVP), attendance, minutes,
 * guide groups, and the personal iCal feed. The contract shared by server, OpenAPI and the SPA.
 */
import { z } from 'zod';
import { isValidRule } from '../domain/events/recurrence.js';
import { abilities, isoDate, isoDateTime, isoDateTimeOut, listOf, optionalText, shortText } from './common.js';
import { EVENT_AUDIENCES, EVENT_FILE_MAX_BYTES, EVENT_TYPES, RSVP_RESPONSES } from './eventEnums.js';

export * from './eventEnums.js';

const unique = (items: string[]) => new Set(items).size === items.length;
const httpsLink = z
  .string()
  .trim()
  .max(500)
  .url()
  .refine((v) => v.startsWith('https://'), { message: 'validation.httpsOnly' });
const guideIds = z.array(z.uuid()).max(500).refine(unique, { message: 'validation.duplicate' });

const commonFields = {
  type: z.enum(EVENT_TYPES),
  title: shortText(200),
  place: optionalText(300),
  roomId: z.uuid().nullable().optional(),
  onlineLink: httpsLink.nullable().optional(),
  agenda: optionalText(4000),
  audience: z.enum(EVENT_AUDIENCES),
  groupId: z.uuid().nullable().optional(),
  invitedGuideIds: guideIds.optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
};

export const recurrenceInput = z.strictObject({
  /** RFC 5545 rule body without DTSTART, e.g. FREQ=MONTHLY;BYDAY=+1TU. */
  rrule: z.string().trim().min(1).max(300).refine(isValidRule, { message: 'validation.rrule' }),
  startDate: isoDate,
  startTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'validation.time' }),
  durationMinutes: z.number().int().min(1).max(1440),
});
export type RecurrenceInput = z.infer<typeof recurrenceInput>;

export const eventCreateInput = z
  .strictObject({
    ...commonFields,
    /** A single event: its start and end. */
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    /** A series instead. */
    recurrence: recurrenceInput.optional(),
  })
  .refine((e) => (e.recurrence ? !e.startsAt && !e.endsAt : Boolean(e.startsAt && e.endsAt)), {
    message: 'validation.eventWhen',
    path: ['startsAt'],
  })
  .refine((e) => !e.startsAt || !e.endsAt || new Date(e.endsAt) > new Date(e.startsAt), {
    message: 'validation.endsBeforeStart',
    path: ['endsAt'],
  })
  .refine((e) => e.audience !== 'group' || Boolean(e.groupId), { message: 'validation.required', path: ['groupId'] })
  .refine((e) => e.audience !== 'invited' || Boolean(e.invitedGuideIds?.length), {
    message: 'validation.required',
    path: ['invitedGuideIds'],
  });
export type EventCreateInput = z.infer<typeof eventCreateInput>;

/** Changes to one occurrence ("this") or to it and all later ones of its series ("following"). */
export const eventPatchInput = z
  .strictObject({
    scope: z.enum(['this', 'following']).default('this'),
    title: shortText(200).optional(),
    place: optionalText(300),
    roomId: z.uuid().nullable().optional(),
    onlineLink: httpsLink.nullable().optional(),
    agenda: optionalText(4000),
    capacity: z.number().int().min(1).max(10_000).nullable().optional(),
    /** "this": move the occurrence (keeps its identity). */
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
    /** "following": new local start time and duration of the rest of the series. */
    startTime: recurrenceInput.shape.startTime.optional(),
    durationMinutes: recurrenceInput.shape.durationMinutes.optional(),
    cancelled: z.boolean().optional(),
    // Minutes of a Plenum, about three pages; longer records belong in a document.
    minutes: optionalText(8_000),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'scope'), { message: 'validation.emptyPatch' })
  .refine((p) => !p.startsAt || !p.endsAt || new Date(p.endsAt) > new Date(p.startsAt), {
    message: 'validation.endsBeforeStart',
    path: ['endsAt'],
  });
export type EventPatchInput = z.infer<typeof eventPatchInput>;

/** Without a range: from a month ago to three months ahead. */
export const eventListQuery = z.strictObject({ from: isoDateTime.optional(), to: isoDateTime.optional() });

export const eventSchema = z.object({
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  recurrenceId: isoDateTimeOut.nullable(),
  type: z.enum(EVENT_TYPES),
  title: z.string(),
  startsAt: isoDateTimeOut,
  endsAt: isoDateTimeOut,
  place: z.string().nullable(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  onlineLink: z.string().nullable(),
  agenda: z.string().nullable(),
  audience: z.enum(EVENT_AUDIENCES),
  groupId: z.uuid().nullable(),
  capacity: z.number().int().nullable(),
  cancelled: z.boolean(),
  isException: z.boolean(),
  /** The signed-in guide's own answer, if invited. */
  myResponse: z.enum(RSVP_RESPONSES).nullable(),
  myInvited: z.boolean(),
  counts: z.object({ yes: z.number().int(), no: z.number().int(), maybe: z.number().int(), open: z.number().int() }),
});
export type EventItem = z.infer<typeof eventSchema>;

/** The range's events and the office's time zone: the calendar shows days and times as the office's clock reads them. */
export const eventListSchema = listOf(eventSchema).extend({ timeZone: z.string() });

export const invitationSchema = z.object({
  guideId: z.uuid(),
  guideName: z.string(),
  response: z.enum(RSVP_RESPONSES).nullable(),
  respondedAt: isoDateTimeOut.nullable(),
  attended: z.boolean().nullable(),
  hoursBooked: z.boolean(),
});

/** A file of an event, as listed (the bytes come from its download route). */
export const eventFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoDateTimeOut,
});
export type EventFile = z.infer<typeof eventFileSchema>;

/** Base64 of a 10 MB file is about 14 MB; a somewhat larger text still reaches the service (`file_too_large`). */
export const EVENT_FILE_MAX_BASE64 = Math.ceil((EVENT_FILE_MAX_BYTES * 4) / 3) + 200_000;
/** The upload route's body limit: the base64 text and the name. */
export const EVENT_FILE_BODY_LIMIT = EVENT_FILE_MAX_BASE64 + 50_000;

export const eventFileUpload = z.strictObject({
  fileName: shortText(200),
  /** The file, base64-encoded (the API reads JSON only). Its type is taken from its content, never from the name. */
  contentBase64: z
    .string()
    .min(1)
    .max(EVENT_FILE_MAX_BASE64)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, { message: 'validation.base64' }),
});
export const eventFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const eventDetailSchema = eventSchema.extend({
  /** Audience only (coordinators, invited guides). */
  minutes: z.string().nullable(),
  /** Audience only, like the minutes. */
  files: z.array(eventFileSchema),
  rrule: z.string().nullable(),
  /** The office's time zone: the page shows and edits times as the office's clock reads them. */
  timeZone: z.string(),
  /** Coordinators only; empty for guides. */
  invitations: z.array(invitationSchema),
  abilities,
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

export const rsvpInput = z.strictObject({ response: z.enum(RSVP_RESPONSES) });

export const attendanceInput = z.strictObject({
  items: z
    .array(z.strictObject({ guideId: z.uuid(), attended: z.boolean() }))
    .min(1)
    .max(500),
});
export const attendanceResultSchema = z.object({
  items: z.array(
    z.object({
      guideId: z.uuid(),
      attended: z.boolean(),
      /** Hours booked to the guide's time sheet; false with a reason when not (the month is approved). */
      hoursBooked: z.boolean(),
      reason: z.enum(['month_locked', 'no_category', 'not_attended', 'already_booked']).nullable(),
    }),
  ),
});

export const rsvpLinkParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const rsvpLinkSchema = z.object({
  title: z.string(),
  type: z.enum(EVENT_TYPES),
  startsAt: isoDateTimeOut,
  endsAt: isoDateTimeOut,
  place: z.string().nullable(),
  timeZone: z.string(),
  cancelled: z.boolean(),
  response: z.enum(RSVP_RESPONSES).nullable(),
});

export const guideGroupInput = z.strictObject({
  name: shortText(120),
  description: optionalText(1000),
  guideIds: guideIds,
});
/** Rename a group, change its description or replace its members (invitations already sent stay as they are). */
export const guideGroupPatchInput = z
  .strictObject({
    name: shortText(120).optional(),
    description: optionalText(1000),
    guideIds: guideIds.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'validation.emptyPatch' });
export const guideGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  guideIds: z.array(z.uuid()),
});

export const calendarFeedParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
export const calendarFeedSchema = z.object({ url: z.string(), createdAt: isoDateTimeOut });
