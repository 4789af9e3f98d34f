import { and, asc, count, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assignments, courseSessions, partners, roomBookings, rooms, users } from '../../db/schema/index.js';

export type RoomRow = typeof rooms.$inferSelect & { partnerName: string | null };

const roomColumns = { room: rooms, partnerName: partners.name };
const flatten = (r: { room: typeof rooms.$inferSelect; partnerName: string | null }): RoomRow => ({
  ...r.room,
  partnerName: r.partnerName,
});

const bookingColumns = {
  booking: roomBookings,
  roomName: rooms.name,
  courseId: courseSessions.courseId,
  bookedByName: users.displayName,
};

export const roomRepository = {
  async list(tx: Tx, officeId: string, includeArchived: boolean) {
    const conditions: SQL[] = [eq(rooms.officeId, officeId)];
    if (!includeArchived) conditions.push(isNull(rooms.archivedAt));
    const rows = await tx
      .select(roomColumns)
      .from(rooms)
      .leftJoin(partners, eq(partners.id, rooms.partnerId))
      .where(and(...conditions))
      .orderBy(asc(rooms.name), asc(rooms.id));
    return rows.map(flatten);
  },
  async findById(tx: Tx, id: string) {
    const [row] = await tx
      .select(roomColumns)
      .from(rooms)
      .leftJoin(partners, eq(partners.id, rooms.partnerId))
      .where(eq(rooms.id, id));
    return row ? flatten(row) : undefined;
  },
  /** Locks the room's row, so an archive and a booking of the same room do not pass each other. */
  lockRoom: async (tx: Tx, id: string) =>
    (await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, id)).for('update'))[0],
  insert: async (tx: Tx, row: typeof rooms.$inferInsert) => (await tx.insert(rooms).values(row).returning())[0],
  update: async (tx: Tx, id: string, values: Partial<typeof rooms.$inferInsert>) =>
    (await tx.update(rooms).set(values).where(eq(rooms.id, id)).returning())[0],
  delete: (tx: Tx, id: string) => tx.delete(rooms).where(eq(rooms.id, id)),
  async bookingCount(tx: Tx, roomId: string) {
    const [{ n }] = await tx.select({ n: count() }).from(roomBookings).where(eq(roomBookings.roomId, roomId));
    return n;
  },

  /** Live bookings overlapping [from, to), of one room or all of the office's rooms. */
  listBookings(tx: Tx, officeId: string, q: { from: Date; to: Date; roomId?: string }) {
    const conditions: SQL[] = [
      eq(roomBookings.officeId, officeId),
      isNull(roomBookings.cancelledAt),
      lt(roomBookings.startsAt, q.to),
      gt(roomBookings.endsAt, q.from),
    ];
    if (q.roomId) conditions.push(eq(roomBookings.roomId, q.roomId));
    return tx
      .select(bookingColumns)
      .from(roomBookings)
      .innerJoin(rooms, eq(rooms.id, roomBookings.roomId))
      .leftJoin(courseSessions, eq(courseSessions.id, roomBookings.courseSessionId))
      .leftJoin(users, eq(users.id, roomBookings.bookedBy))
      .where(and(...conditions))
      .orderBy(asc(roomBookings.startsAt), asc(rooms.name), asc(roomBookings.id));
  },
  async findBooking(tx: Tx, id: string) {
    const [row] = await tx
      .select(bookingColumns)
      .from(roomBookings)
      .innerJoin(rooms, eq(rooms.id, roomBookings.roomId))
      .leftJoin(courseSessions, eq(courseSessions.id, roomBookings.courseSessionId))
      .leftJoin(users, eq(users.id, roomBookings.bookedBy))
      .where(eq(roomBookings.id, id));
    return row;
  },
  cancelBooking: async (tx: Tx, id: string, at: Date) =>
    (
      await tx
        .update(roomBookings)
        .set({ cancelledAt: at })
        .where(and(eq(roomBookings.id, id), isNull(roomBookings.cancelledAt)))
        .returning()
    )[0],
  /** The live booking that serves a course session (the session form books at most one room). */
  async liveBookingOfSession(tx: Tx, courseSessionId: string) {
    const [row] = await tx
      .select()
      .from(roomBookings)
      .where(and(eq(roomBookings.courseSessionId, courseSessionId), isNull(roomBookings.cancelledAt)));
    return row;
  },
  findCourseSession: async (tx: Tx, id: string) =>
    (
      await tx
        .select({ id: courseSessions.id, officeId: courseSessions.officeId })
        .from(courseSessions)
        .where(eq(courseSessions.id, id))
    )[0],
  findAssignment: async (tx: Tx, id: string) =>
    (
      await tx
        .select({ id: assignments.id, officeId: assignments.officeId })
        .from(assignments)
        .where(eq(assignments.id, id))
    )[0],
  findPartner: async (tx: Tx, id: string) =>
    (await tx.select({ id: partners.id, officeId: partners.officeId }).from(partners).where(eq(partners.id, id)))[0],
};
