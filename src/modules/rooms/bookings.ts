import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomBookings } from '../../db/schema/index.js';
import { AppError } from '../../server/errors.js';
import type { RoomBookingPurpose } from '../../shared/rooms.js';

export type NewRoomBooking = {
  officeId: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  purpose: RoomBookingPurpose;
  eventId?: string | null;
  courseSessionId?: string | null;
  assignmentId?: string | null;
  bookedBy?: string | null;
};

/** PostgreSQL exclusion violation (23P01), as thrown by node-postgres or PGlite, possibly wrapped by Drizzle. */
export function isExclusionViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

/** The 409 that names the booking in the way, so the person can pick another time or room. */
export function roomDoubleBooked(conflict?: { title: string; startsAt: Date; endsAt: Date }) {
  return new AppError(
    409,
    'room_double_booked',
    conflict
      ? [
          {
            path: 'startsAt',
            code: 'roomDoubleBooked',
            params: {
              title: conflict.title,
              startsAt: conflict.startsAt.toISOString(),
              endsAt: conflict.endsAt.toISOString(),
            },
            // The caller books in their own office, so the booking in the way is theirs to see.
            shownParams: {
              title: conflict.title,
              startsAt: conflict.startsAt.toISOString(),
              endsAt: conflict.endsAt.toISOString(),
            },
          },
        ]
      : undefined,
  );
}

/** The first live booking of the room that overlaps [startsAt, endsAt), if any. */
export async function findConflictingBooking(
  tx: Tx,
  booking: { roomId: string; startsAt: Date; endsAt: Date; exceptId?: string },
) {
  const [conflict] = await tx
    .select({
      id: roomBookings.id,
      title: roomBookings.title,
      startsAt: roomBookings.startsAt,
      endsAt: roomBookings.endsAt,
    })
    .from(roomBookings)
    .where(
      and(
        eq(roomBookings.roomId, booking.roomId),
        isNull(roomBookings.cancelledAt),
        lt(roomBookings.startsAt, booking.endsAt),
        gt(roomBookings.endsAt, booking.startsAt),
        booking.exceptId ? ne(roomBookings.id, booking.exceptId) : undefined,
      ),
    )
    .orderBy(roomBookings.startsAt)
    .limit(1);
  return conflict;
}

/**
 * Books a room, or throws 409 `room_double_booked` naming the booking in the way. The look-up gives the friendly
 * message; the exclusion constraint `room_bookings_no_overlap` (migration 0019) is what makes it race-safe: of two
 * requests that pass the look-up together, the second insert waits for the first and then fails. The insert runs in
 * a savepoint, so after that failure the transaction can still look up the (now committed) winner and name it.
 * Every caller (events, courses, deployments, the rooms page) books through here.
 */
export async function bookRoom(tx: Tx, booking: NewRoomBooking) {
  const conflict = await findConflictingBooking(tx, booking);
  if (conflict) throw roomDoubleBooked(conflict);
  try {
    return await tx.transaction(async (inner) => (await inner.insert(roomBookings).values(booking).returning())[0]);
  } catch (error) {
    if (isExclusionViolation(error)) throw roomDoubleBooked(await findConflictingBooking(tx, booking));
    throw error;
  }
}

/**
 * Moves a live booking to new times (a course session that moved), with the same race-safe check as bookRoom. The
 * update runs in a savepoint so that a refused move names the booking in the way.
 */
export async function moveBooking(
  tx: Tx,
  id: string,
  booking: { roomId: string; startsAt: Date; endsAt: Date; title: string },
) {
  const conflict = await findConflictingBooking(tx, { ...booking, exceptId: id });
  if (conflict) throw roomDoubleBooked(conflict);
  try {
    return await tx.transaction(
      async (inner) =>
        (
          await inner
            .update(roomBookings)
            .set({ startsAt: booking.startsAt, endsAt: booking.endsAt, title: booking.title })
            .where(eq(roomBookings.id, id))
            .returning()
        )[0],
    );
  } catch (error) {
    if (isExclusionViolation(error))
      throw roomDoubleBooked(await findConflictingBooking(tx, { ...booking, exceptId: id }));
    throw error;
  }
}
