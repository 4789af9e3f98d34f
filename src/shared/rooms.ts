/** Rooms and room bookings (issue 12 §2): the contract shared by server, OpenAPI and the SPA. */
import { z } from 'zod';
import { isoDateTime, isoDateTimeOut, optionalText, shortText } from './common.js';

/** What a booking is for; each purpose may link the thing it serves. */
export const ROOM_BOOKING_PURPOSES = ['event', 'course_session', 'assignment', 'other'] as const;
export type RoomBookingPurpose = (typeof ROOM_BOOKING_PURPOSES)[number];

/** Equipment a room may have, as keys the UI translates (rooms.equipment.*). */
export const ROOM_EQUIPMENT = [
  'projector',
  'screen',
  'whiteboard',
  'flipchart',
  'wifi',
  'kitchen',
  'hearing_loop',
  'video_conference',
] as const;
export type RoomEquipment = (typeof ROOM_EQUIPMENT)[number];

/** Purposes a booking made on the rooms page may have; events book their rooms through the events module. */
export const ROOM_PAGE_PURPOSES = ['course_session', 'assignment', 'other'] as const;

/** The longest single booking: a two-week block course; anything longer is a typing slip. */
export const MAX_BOOKING_DAYS = 14;
/** The widest range a booking list covers (a month view with its spill-over weeks). */
export const MAX_BOOKING_RANGE_DAYS = 45;
const DAY_MS = 24 * 60 * 60 * 1000;

const roomFields = {
  name: shortText(120),
  location: optionalText(300),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  stepFree: z.boolean().optional(),
  equipment: z
    .array(z.enum(ROOM_EQUIPMENT))
    .max(ROOM_EQUIPMENT.length)
    .refine((list) => new Set(list).size === list.length, { message: 'validation.duplicate' })
    .optional(),
  partnerId: z.uuid().nullable().optional(),
  notes: optionalText(2000),
};

export const roomCreateInput = z.strictObject(roomFields);
export const roomPatchInput = z
  .strictObject({ ...roomFields, archived: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'validation.emptyPatch' });
export type RoomCreateInput = z.input<typeof roomCreateInput>;
export type RoomPatchInput = z.input<typeof roomPatchInput>;

export const roomListQuery = z.strictObject({
  /** Archived rooms are left out unless asked for (old bookings still name them). */
  archived: z.enum(['include', 'exclude']).default('exclude'),
});

export const roomSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  location: z.string().nullable(),
  capacity: z.number().int().nullable(),
  stepFree: z.boolean(),
  equipment: z.array(z.string()),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
  createdAt: isoDateTimeOut,
  updatedAt: isoDateTimeOut,
});
export type Room = z.infer<typeof roomSchema>;

/** What DELETE did: a room with bookings is archived (its bookings stay on record), one without is deleted. */
export const roomDeleteResult = z.object({ outcome: z.enum(['deleted', 'archived']) });

export const roomBookingInput = z
  .strictObject({
    roomId: z.uuid(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    title: shortText(200),
    purpose: z.enum(ROOM_PAGE_PURPOSES).default('other'),
    /** A session of one of the office's courses (purpose course_session). */
    courseSessionId: z.uuid().nullable().optional(),
    /** A deployment of the office: "a conversation in a quiet room" (purpose assignment). */
    assignmentId: z.uuid().nullable().optional(),
  })
  .superRefine((b, ctx) => {
    const starts = Date.parse(b.startsAt);
    const ends = Date.parse(b.endsAt);
    if (ends <= starts) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
    else if (ends - starts > MAX_BOOKING_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.bookingTooLong' });
    if (b.purpose === 'course_session' && !b.courseSessionId)
      ctx.addIssue({ code: 'custom', path: ['courseSessionId'], message: 'validation.required' });
    if (b.purpose === 'assignment' && !b.assignmentId)
      ctx.addIssue({ code: 'custom', path: ['assignmentId'], message: 'validation.required' });
    if (b.purpose !== 'course_session' && b.courseSessionId)
      ctx.addIssue({ code: 'custom', path: ['courseSessionId'], message: 'validation.notForPurpose' });
    if (b.purpose !== 'assignment' && b.assignmentId)
      ctx.addIssue({ code: 'custom', path: ['assignmentId'], message: 'validation.notForPurpose' });
  });
export type RoomBookingInput = z.input<typeof roomBookingInput>;

export const roomBookingListQuery = z
  .strictObject({
    /** Both or neither; without a range, the coming four weeks. */
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    /** One room's week; without it, every room of the office. */
    roomId: z.uuid().optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) {
      if (q.from || q.to)
        ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'validation.required' });
      return;
    }
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
    else if (to - from > MAX_BOOKING_RANGE_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.rangeTooLong' });
  });

export const roomBookingSchema = z.object({
  id: z.uuid(),
  roomId: z.uuid(),
  roomName: z.string(),
  startsAt: isoDateTimeOut,
  endsAt: isoDateTimeOut,
  title: z.string(),
  purpose: z.enum(ROOM_BOOKING_PURPOSES),
  eventId: z.uuid().nullable(),
  courseSessionId: z.uuid().nullable(),
  /** The course of the linked session, for a link to its page. */
  courseId: z.uuid().nullable(),
  assignmentId: z.uuid().nullable(),
  bookedByName: z.string().nullable(),
  cancelledAt: isoDateTimeOut.nullable(),
  createdAt: isoDateTimeOut,
});
export type RoomBooking = z.infer<typeof roomBookingSchema>;
