/**
 * Events of the office's community life (issue 12 §1): Plenum, supervision, peer consultation, information evenings,
 * training, celebrations. A series holds an RRULE over a local start date and time; its occurrences are materialised
 * as `events` rows for a horizon, each identified within its series by its original start (`recurrence_id`), so a
 * moved or cancelled occurrence (an exception) keeps its identity. Single events have no series.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { EVENT_AUDIENCES, EVENT_TYPES, RSVP_RESPONSES } from '../../shared/eventEnums.js';
import { users } from './accounts.js';
import { bytea, createdAt, id, oneOf, updatedAt } from './columns.js';
import { guides } from './guides.js';
import { hourEntries } from './hours.js';
import { officeId } from './offices.js';
import { rooms } from './rooms.js';

/** Guide groups (e.g. "Supervisionsgruppe Nord") an event's audience can be. */
export const guideGroups = pgTable(
  'guide_groups',
  {
    id: id(),
    officeId: officeId(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('guide_groups_office_name_key').on(t.officeId, t.name)],
);

export const guideGroupMembers = pgTable(
  'guide_group_members',
  {
    officeId: officeId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => guideGroups.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.guideId] }), index('guide_group_members_guide_idx').on(t.guideId)],
);

/** Fields an event and its series share: what, where, for whom. */
const eventFields = () => ({
  type: text('type', { enum: EVENT_TYPES }).notNull(),
  title: text('title').notNull(),
  place: text('place'),
  roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
  /** https only (checked by the contract and here). */
  onlineLink: text('online_link'),
  agenda: text('agenda'),
  audience: text('audience', { enum: EVENT_AUDIENCES }).notNull(),
  groupId: uuid('group_id').references(() => guideGroups.id, { onDelete: 'set null' }),
  /** Guides named for audience 'invited' (no FK on array elements; the service checks they are the office's). */
  invitedGuideIds: uuid('invited_guide_ids').array().notNull().default(sql`'{}'::uuid[]`),
  capacity: integer('capacity'),
});

export const eventSeries = pgTable(
  'event_series',
  {
    id: id(),
    officeId: officeId(),
    ...eventFields(),
    /** RFC 5545 rule body without DTSTART, e.g. FREQ=MONTHLY;BYDAY=+1TU. */
    rrule: text('rrule').notNull(),
    /** Local (office time zone) first date and start time: 18:00 stays 18:00 across DST. */
    startDate: date('start_date').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Occurrences exist up to here; the daily job (or the next edit) extends them. */
    materialisedUntil: timestamp('materialised_until', { withTimezone: true }).notNull(),
    /** "This and following" split: the series this one continues. */
    splitFromId: uuid('split_from_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('event_series_type_check', t.type, EVENT_TYPES),
    oneOf('event_series_audience_check', t.audience, EVENT_AUDIENCES),
    check('event_series_duration_check', sql`${t.durationMinutes} between 1 and 1440`),
    check('event_series_start_time_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('event_series_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('event_series_link_check', sql`${t.onlineLink} is null or ${t.onlineLink} like 'https://%'`),
    index('event_series_office_idx').on(t.officeId),
  ],
);

export const events = pgTable(
  'events',
  {
    id: id(),
    officeId: officeId(),
    seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'cascade' }),
    /** The original start this occurrence was generated for (RECURRENCE-ID); null for single events. */
    recurrenceId: timestamp('recurrence_id', { withTimezone: true }),
    ...eventFields(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Edited on its own ("this one"): series edits and re-materialisation leave it alone. */
    isException: boolean('is_exception').notNull().default(false),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    minutes: text('minutes'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('events_type_check', t.type, EVENT_TYPES),
    oneOf('events_audience_check', t.audience, EVENT_AUDIENCES),
    check('events_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('events_link_check', sql`${t.onlineLink} is null or ${t.onlineLink} like 'https://%'`),
    check('events_series_check', sql`(${t.seriesId} is null) = (${t.recurrenceId} is null)`),
    uniqueIndex('events_series_recurrence_key').on(t.seriesId, t.recurrenceId),
    index('events_office_start_idx').on(t.officeId, t.startsAt),
  ],
);

/**
 * One row per invited guide and occurrence: the invitation, the answer (RSVP) and the attendance. The personal
 * answer link's token is stored only as its SHA-256.
 */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: id(),
    officeId: officeId(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => guides.id, { onDelete: 'cascade' }),
    response: text('response', { enum: RSVP_RESPONSES }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    linkTokenHash: text('link_token_hash'),
    /** null: not recorded yet. */
    attended: boolean('attended'),
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
    attendanceRecordedBy: uuid('attendance_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /** The hour entry attending created; null when not (yet) booked, e.g. the month's sheet was approved. */
    hourEntryId: uuid('hour_entry_id').references(() => hourEntries.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('event_invitations_response_check', t.response, RSVP_RESPONSES),
    unique('event_invitations_event_guide_key').on(t.eventId, t.guideId),
    uniqueIndex('event_invitations_token_key').on(t.linkTokenHash),
    index('event_invitations_guide_idx').on(t.guideId),
  ],
);

/**
 * A file of an event (minutes as a document, slides, a sign-up list), seen by whoever may see the event. The type is
 * the one found in the content (magic bytes), never the declared one. Bytes live in the row, like receipts by default,
 * so the database backup covers them and row-level security guards them.
 */
export const eventFiles = pgTable(
  'event_files',
  {
    id: id(),
    officeId: officeId(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_files_event_idx').on(t.eventId),
    check('event_files_size_check', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
  ],
);

/** A personal, renewable iCal feed per user: only the SHA-256 of the URL's token is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  officeId: officeId(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});
