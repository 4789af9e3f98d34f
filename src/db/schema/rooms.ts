/**
 * Rooms of the office and of partners, and their bookings (issue 12 §2). A double booking is refused by an exclusion
 * constraint (btree_gist, migration 0019): race-safe on PostgreSQL and on PGlite alike, which loads the same
 * extension. Drizzle cannot express EXCLUDE, so the constraint lives only in the migration.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ROOM_BOOKING_PURPOSES } from '../../shared/rooms.js';
import { users } from './accounts.js';
import { createdAt, id, oneOf, updatedAt } from './columns.js';
import { courseSessions } from './courses.js';
import { assignments } from './deployments.js';
import { officeId } from './offices.js';
import { partners } from './partners.js';

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    /** Street address or "Rathaus, 2. OG": where people go. */
    location: text('location'),
    capacity: integer('capacity'),
    stepFree: boolean('step_free').notNull().default(false),
    /** Keys of ROOM_EQUIPMENT. */
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    /** A partner's room (a school, the AWO) the office may use; null for the office's own rooms. */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('rooms_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    index('rooms_office_idx').on(t.officeId),
  ],
);

export const roomBookings = pgTable(
  'room_bookings',
  {
    id: id(),
    officeId: officeId(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** What the room is booked as, shown in the week view and in a conflict message. */
    title: text('title').notNull(),
    purpose: text('purpose', { enum: ROOM_BOOKING_PURPOSES }).notNull(),
    /** The event this booking serves (events.id; no FK here so events can live in their own migration). */
    eventId: uuid('event_id'),
    courseSessionId: uuid('course_session_id').references(() => courseSessions.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    bookedBy: uuid('booked_by').references(() => users.id, { onDelete: 'set null' }),
    /** A cancelled booking stays for the record and frees the room (the exclusion constraint ignores it). */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('room_bookings_purpose_check', t.purpose, ROOM_BOOKING_PURPOSES),
    check('room_bookings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    index('room_bookings_room_time_idx').on(t.roomId, t.startsAt),
    index('room_bookings_office_time_idx').on(t.officeId, t.startsAt),
    index('room_bookings_event_idx').on(t.eventId),
  ],
);
