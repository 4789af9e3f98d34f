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
 * requests that pass the look-up together, the second insert fails, and it gets the same 409.
 * Every caller (events, courses, deployments, the rooms page) books through here.
 */
export async function bookRoom(tx: Tx, booking: NewRoomBooking) {
  const conflict = await findConflictingBooking(tx, booking);
  if (conflict) throw roomDoubleBooked(conflict);
  try {
    const [row] = await tx.insert(roomBookings).values(booking).returning();
    return row;
  } catch (error) {
    if (isExclusionViolation(error)) throw roomDoubleBooked();
    throw error;
  }
}
