import type { Tx } from '../../db/client.js';
import { invalidField } from '../../server/errors.js';
import { bookRoom, moveBooking } from './bookings.js';
import { roomRepository as repo } from './repository.js';

/**
 * A course session's room (issue 12 §2): the session form may pick one of the office's rooms, which books it for the
 * session's time (purpose course_session). Called by the courses service in its transaction; a refused double
 * booking rolls the session change back with the 409 naming the conflict. Deleting the session deletes its booking
 * (foreign key, on delete cascade).
 */
export async function syncSessionRoom(
  tx: Tx,
  input: {
    officeId: string;
    sessionId: string;
    /** undefined: keep the room (a moved session moves its booking); null: release it; an id: book that room. */
    roomId: string | null | undefined;
    startsAt: Date;
    endsAt: Date;
    title: string;
    bookedBy: string | null;
    now: Date;
  },
): Promise<{ roomName: string } | null> {
  const live = await repo.liveBookingOfSession(tx, input.sessionId);
  const times = { startsAt: input.startsAt, endsAt: input.endsAt, title: input.title };
  if (input.roomId === undefined || (live && input.roomId === live.roomId)) {
    if (
      live &&
      (live.startsAt.getTime() !== input.startsAt.getTime() || live.endsAt.getTime() !== input.endsAt.getTime())
    )
      await moveBooking(tx, live.id, { roomId: live.roomId, ...times });
    return null;
  }
  if (live) await repo.cancelBooking(tx, live.id, input.now);
  if (input.roomId === null) return null;
  const room = await repo.findById(tx, input.roomId);
  if (!room || room.officeId !== input.officeId) throw invalidField('roomId', 'roomUnknown');
  if (room.archivedAt) throw invalidField('roomId', 'roomArchived');
  await bookRoom(tx, {
    officeId: input.officeId,
    roomId: room.id,
    ...times,
    purpose: 'course_session',
    courseSessionId: input.sessionId,
    bookedBy: input.bookedBy,
  });
  return { roomName: room.name };
}
