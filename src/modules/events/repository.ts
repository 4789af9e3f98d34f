/** Queries of events, series, invitations, guide groups and calendar feeds. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  assignments,
  calendarFeeds,
  eventFiles,
  eventInvitations,
  eventSeries,
  events,
  guideGroupMembers,
  guideGroups,
  guides,
  hourCategories,
  hourEntries,
  roomBookings,
  rooms,
  timeSheets,
  users,
} from '../../db/schema/index.js';

export type EventRow = typeof events.$inferSelect;
export type SeriesRow = typeof eventSeries.$inferSelect;
export type InvitationRow = typeof eventInvitations.$inferSelect;

export const eventRepository = {
  find: async (tx: Tx, id: string) => (await tx.select().from(events).where(eq(events.id, id)))[0],
  lock: async (tx: Tx, id: string) => (await tx.select().from(events).where(eq(events.id, id)).for('update'))[0],
  findSeries: async (tx: Tx, id: string) => (await tx.select().from(eventSeries).where(eq(eventSeries.id, id)))[0],
  insertSeries: async (tx: Tx, values: typeof eventSeries.$inferInsert) =>
    (await tx.insert(eventSeries).values(values).returning())[0],
  updateSeries: (tx: Tx, id: string, values: Partial<typeof eventSeries.$inferInsert>) =>
    tx
      .update(eventSeries)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(eventSeries.id, id)),
  insertEvent: async (tx: Tx, values: typeof events.$inferInsert) =>
    (await tx.insert(events).values(values).returning())[0],
  updateEvent: async (tx: Tx, id: string, values: Partial<typeof events.$inferInsert>) =>
    (
      await tx
        .update(events)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(events.id, id))
        .returning()
    )[0],
  deleteEvents: (tx: Tx, ids: string[]) =>
    ids.length ? tx.delete(events).where(inArray(events.id, ids)) : Promise.resolve(),
  cancelEvents: (tx: Tx, ids: string[], at: Date) =>
    ids.length
      ? tx
          .update(events)
          .set({ cancelledAt: at, updatedAt: at })
          .where(and(inArray(events.id, ids), isNull(events.cancelledAt)))
      : Promise.resolve(),
  cancelBookings: (tx: Tx, eventIds: string[], at: Date) =>
    eventIds.length
      ? tx
          .update(roomBookings)
          .set({ cancelledAt: at })
          .where(and(inArray(roomBookings.eventId, eventIds), isNull(roomBookings.cancelledAt)))
      : Promise.resolve(),
  liveBooking: async (tx: Tx, eventId: string) =>
    (
      await tx
        .select()
        .from(roomBookings)
        .where(and(eq(roomBookings.eventId, eventId), isNull(roomBookings.cancelledAt)))
        .limit(1)
    )[0],
  seriesOccurrences: (tx: Tx, seriesId: string) =>
    tx.select().from(events).where(eq(events.seriesId, seriesId)).orderBy(asc(events.startsAt)),
  /** Events overlapping [from, to); with `guideId`, only those the guide is invited to. */
  inRange: (tx: Tx, officeId: string, from: Date, to: Date, guideId?: string) =>
    tx
      .select({ event: events, roomName: rooms.name })
      .from(events)
      .leftJoin(rooms, eq(rooms.id, events.roomId))
      .where(
        and(
          eq(events.officeId, officeId),
          lt(events.startsAt, to),
          gte(events.endsAt, from),
          guideId
            ? inArray(
                events.id,
                tx
                  .select({ id: eventInvitations.eventId })
                  .from(eventInvitations)
                  .where(eq(eventInvitations.guideId, guideId)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(events.startsAt))
      .limit(2000),
  roomName: async (tx: Tx, roomId: string | null) =>
    roomId ? ((await tx.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, roomId)))[0]?.name ?? null) : null,
  roomExists: async (tx: Tx, officeId: string, roomId: string) =>
    (
      await tx
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.id, roomId), eq(rooms.officeId, officeId), isNull(rooms.archivedAt)))
    ).length > 0,

  invitations: (tx: Tx, eventIds: string[]) =>
    eventIds.length
      ? tx
          .select({
            invitation: eventInvitations,
            firstName: guides.firstName,
            lastName: guides.lastName,
          })
          .from(eventInvitations)
          .innerJoin(guides, eq(guides.id, eventInvitations.guideId))
          .where(inArray(eventInvitations.eventId, eventIds))
          .orderBy(asc(guides.lastName), asc(guides.firstName))
      : Promise.resolve([]),
  invitation: async (tx: Tx, eventId: string, guideId: string) =>
    (
      await tx
        .select()
        .from(eventInvitations)
        .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.guideId, guideId)))
        .for('update')
    )[0],
  invitationByToken: async (tx: Tx, tokenHash: string) =>
    (await tx.select().from(eventInvitations).where(eq(eventInvitations.linkTokenHash, tokenHash)))[0],
  insertInvitations: (tx: Tx, rows: (typeof eventInvitations.$inferInsert)[]) =>
    rows.length
      ? tx.insert(eventInvitations).values(rows).onConflictDoNothing().returning()
      : Promise.resolve([] as InvitationRow[]),
  updateInvitation: (tx: Tx, id: string, values: Partial<typeof eventInvitations.$inferInsert>) =>
    tx.update(eventInvitations).set(values).where(eq(eventInvitations.id, id)),
  countYes: async (tx: Tx, eventId: string) =>
    (
      await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(eventInvitations)
        .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.response, 'yes')))
    )[0].n,

  /** An event's files without their bytes, newest first. */
  files: (tx: Tx, eventId: string) =>
    tx
      .select({
        id: eventFiles.id,
        fileName: eventFiles.fileName,
        contentType: eventFiles.contentType,
        sizeBytes: eventFiles.sizeBytes,
        createdAt: eventFiles.createdAt,
      })
      .from(eventFiles)
      .where(eq(eventFiles.eventId, eventId))
      .orderBy(desc(eventFiles.createdAt), asc(eventFiles.fileName)),
  /** One file of the event, with its bytes (only through its event, so a file id of another event is not found). */
  file: async (tx: Tx, eventId: string, fileId: string) =>
    (
      await tx
        .select()
        .from(eventFiles)
        .where(and(eq(eventFiles.id, fileId), eq(eventFiles.eventId, eventId)))
    )[0],
  insertFile: async (tx: Tx, values: typeof eventFiles.$inferInsert) =>
    (
      await tx.insert(eventFiles).values(values).returning({
        id: eventFiles.id,
        fileName: eventFiles.fileName,
        contentType: eventFiles.contentType,
        sizeBytes: eventFiles.sizeBytes,
        createdAt: eventFiles.createdAt,
      })
    )[0],
  deleteFile: async (tx: Tx, eventId: string, fileId: string) =>
    (
      await tx
        .delete(eventFiles)
        .where(and(eq(eventFiles.id, fileId), eq(eventFiles.eventId, eventId)))
        .returning({
          id: eventFiles.id,
          fileName: eventFiles.fileName,
          contentType: eventFiles.contentType,
          sizeBytes: eventFiles.sizeBytes,
        })
    )[0],

  /** The guides an audience means: active guides of the office, a group's members, or named guides. */
  audienceGuides: async (
    tx: Tx,
    officeId: string,
    audience: { audience: string; groupId: string | null; invitedGuideIds: string[] },
  ) => {
    const base = and(eq(guides.officeId, officeId), isNull(guides.anonymisedAt));
    const select = {
      id: guides.id,
      firstName: guides.firstName,
      email: guides.email,
      locale: guides.locale,
    };
    if (audience.audience === 'all_guides')
      return tx
        .select(select)
        .from(guides)
        .where(and(base, eq(guides.status, 'active')));
    if (audience.audience === 'group') {
      if (!audience.groupId) return [];
      return tx
        .select(select)
        .from(guides)
        .innerJoin(guideGroupMembers, eq(guideGroupMembers.guideId, guides.id))
        .where(and(base, eq(guideGroupMembers.groupId, audience.groupId)));
    }
    if (!audience.invitedGuideIds.length) return [];
    return tx
      .select(select)
      .from(guides)
      .where(and(base, inArray(guides.id, audience.invitedGuideIds)));
  },
  validGuideIds: async (tx: Tx, officeId: string, ids: string[]) =>
    ids.length
      ? (
          await tx
            .select({ id: guides.id })
            .from(guides)
            .where(and(eq(guides.officeId, officeId), inArray(guides.id, ids), isNull(guides.anonymisedAt)))
        ).map((r) => r.id)
      : [],
  /** Active accounts of guides (for in-app notifications). */
  userIdsOfGuides: async (tx: Tx, guideIds: string[]) =>
    guideIds.length
      ? (
          await tx
            .select({ id: users.id })
            .from(users)
            .where(and(inArray(users.guideId, guideIds), isNull(users.disabledAt)))
        ).map((r) => r.id)
      : [],

  groups: (tx: Tx, officeId: string) =>
    tx.select().from(guideGroups).where(eq(guideGroups.officeId, officeId)).orderBy(asc(guideGroups.name)),
  groupMembers: async (tx: Tx, groupIds: string[]) =>
    groupIds.length ? tx.select().from(guideGroupMembers).where(inArray(guideGroupMembers.groupId, groupIds)) : [],
  groupExists: async (tx: Tx, officeId: string, id: string) =>
    (
      await tx
        .select({ id: guideGroups.id })
        .from(guideGroups)
        .where(and(eq(guideGroups.id, id), eq(guideGroups.officeId, officeId)))
    ).length > 0,
  insertGroup: async (tx: Tx, values: typeof guideGroups.$inferInsert) =>
    (await tx.insert(guideGroups).values(values).returning())[0],
  findGroup: async (tx: Tx, id: string) => (await tx.select().from(guideGroups).where(eq(guideGroups.id, id)))[0],
  updateGroup: async (tx: Tx, id: string, values: Partial<typeof guideGroups.$inferInsert>) =>
    (
      await tx
        .update(guideGroups)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(guideGroups.id, id))
        .returning()
    )[0],
  deleteGroupMembers: (tx: Tx, groupId: string) =>
    tx.delete(guideGroupMembers).where(eq(guideGroupMembers.groupId, groupId)),
  insertGroupMembers: (tx: Tx, rows: (typeof guideGroupMembers.$inferInsert)[]) =>
    rows.length ? tx.insert(guideGroupMembers).values(rows) : Promise.resolve(),

  /** The office's active hour category of a kind (lowest sort order first). */
  hourCategory: async (tx: Tx, officeId: string, kind: string) =>
    (
      await tx
        .select({ id: hourCategories.id })
        .from(hourCategories)
        .where(
          and(
            eq(hourCategories.officeId, officeId),
            eq(hourCategories.kind, kind as 'other'),
            isNull(hourCategories.archivedAt),
          ),
        )
        .orderBy(asc(hourCategories.sortOrder))
        .limit(1)
    )[0],
  sheetStatus: async (tx: Tx, guideId: string, month: string) =>
    (
      await tx
        .select({ status: timeSheets.status })
        .from(timeSheets)
        .where(and(eq(timeSheets.guideId, guideId), eq(timeSheets.month, month)))
    )[0]?.status ?? 'open',
  insertHourEntry: async (tx: Tx, values: typeof hourEntries.$inferInsert) =>
    (await tx.insert(hourEntries).values(values).returning({ id: hourEntries.id }))[0],

  feedUser: async (tx: Tx, userId: string) =>
    (
      await tx
        .select({
          officeId: users.officeId,
          guideId: users.guideId,
          role: users.role,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(eq(users.id, userId))
    )[0],
  feedByToken: async (tx: Tx, tokenHash: string) =>
    (await tx.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash)))[0],
  upsertFeed: async (tx: Tx, values: typeof calendarFeeds.$inferInsert) =>
    (
      await tx
        .insert(calendarFeeds)
        .values(values)
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: { tokenHash: values.tokenHash, createdAt: values.createdAt },
        })
        .returning()
    )[0],
  /** A guide's events for the feed: invitations answered yes/maybe or still open, not cancelled. */
  feedEvents: (tx: Tx, guideId: string, from: Date) =>
    tx
      .select({ event: events, response: eventInvitations.response, roomName: rooms.name })
      .from(eventInvitations)
      .innerJoin(events, eq(events.id, eventInvitations.eventId))
      .leftJoin(rooms, eq(rooms.id, events.roomId))
      .where(
        and(
          eq(eventInvitations.guideId, guideId),
          gte(events.startsAt, from),
          isNull(events.cancelledAt),
          sql`(${eventInvitations.response} is null or ${eventInvitations.response} in ('yes', 'maybe'))`,
        ),
      )
      .orderBy(asc(events.startsAt))
      .limit(1000),

  /** The guide's deployment appointments: rooms booked for their deployments, not cancelled. */
  feedAppointments: (tx: Tx, guideId: string, from: Date) =>
    tx
      .select({ booking: roomBookings, roomName: rooms.name })
      .from(roomBookings)
      .innerJoin(assignments, eq(assignments.id, roomBookings.assignmentId))
      .innerJoin(rooms, eq(rooms.id, roomBookings.roomId))
      .where(and(eq(assignments.guideId, guideId), gte(roomBookings.startsAt, from), isNull(roomBookings.cancelledAt)))
      .orderBy(asc(roomBookings.startsAt))
      .limit(1000),
};
