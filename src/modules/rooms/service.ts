import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { forbidden, invalidField, notFound } from '../../server/errors.js';
import type {
  Room,
  RoomBooking,
  roomBookingInput,
  roomBookingListQuery,
  roomCreateInput,
  roomListQuery,
  roomPatchInput,
} from '../../shared/rooms.js';
import { diffFields, recordAudit } from '../audit/recorder.js';
import { bookRoom } from './bookings.js';
import { roomPolicy as policy } from './policy.js';
import { type RoomRow, roomRepository as repo } from './repository.js';

const AUDIT_REDACTED = ['notes'];
/** The bookings list without a range: the coming four weeks. */
const DEFAULT_RANGE_DAYS = 28;

export function presentRoom(row: RoomRow): Room {
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    capacity: row.capacity,
    stepFree: row.stepFree,
    equipment: row.equipment,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    notes: row.notes,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type BookingRow = NonNullable<Awaited<ReturnType<typeof repo.findBooking>>>;
export function presentBooking({ booking, roomName, courseId, bookedByName }: BookingRow): RoomBooking {
  return {
    id: booking.id,
    roomId: booking.roomId,
    roomName,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    title: booking.title,
    purpose: booking.purpose,
    eventId: booking.eventId,
    courseSessionId: booking.courseSessionId,
    courseId: courseId ?? null,
    assignmentId: booking.assignmentId,
    bookedByName: bookedByName ?? null,
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
    createdAt: booking.createdAt.toISOString(),
  };
}

export class RoomService {
  constructor(private readonly ctx: AppContext) {}

  private scoped<T>(actor: Actor, allowed: boolean, work: (tx: Tx, officeId: string) => Promise<T>) {
    if (!allowed) throw forbidden();
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  /** A partner of another office (or none at all) answers like an unknown one. */
  private async checkPartner(tx: Tx, officeId: string, partnerId: string | null | undefined) {
    if (!partnerId) return;
    const partner = await repo.findPartner(tx, partnerId);
    if (!partner || partner.officeId !== officeId) throw invalidField('partnerId', 'partnerUnknown');
  }

  private async roomOf(tx: Tx, actor: Actor, id: string) {
    const row = await repo.findById(tx, id);
    if (!row || !policy.view(actor, row)) throw notFound();
    return row;
  }

  list(actor: Actor, query: z.output<typeof roomListQuery>) {
    return this.scoped(actor, policy.list(actor), async (tx, officeId) => {
      const items = await repo.list(tx, officeId, query.archived === 'include');
      return { items: items.map(presentRoom), total: items.length };
    });
  }

  get(actor: Actor, id: string) {
    return this.scoped(actor, policy.list(actor), async (tx) => presentRoom(await this.roomOf(tx, actor, id)));
  }

  create(actor: Actor, input: z.output<typeof roomCreateInput>) {
    return this.scoped(actor, policy.manage(actor), async (tx, officeId) => {
      await this.checkPartner(tx, officeId, input.partnerId);
      const row = await repo.insert(tx, { ...input, officeId });
      await recordAudit(tx, actor, {
        action: 'room.created',
        entityType: 'room',
        entityId: row.id,
        changes: diffFields(null, input, AUDIT_REDACTED),
      });
      return presentRoom((await repo.findById(tx, row.id)) as RoomRow);
    });
  }

  update(actor: Actor, id: string, input: z.output<typeof roomPatchInput>) {
    return this.scoped(actor, policy.manage(actor), async (tx, officeId) => {
      const before = await this.roomOf(tx, actor, id);
      await this.checkPartner(tx, officeId, input.partnerId);
      const { archived, ...fields } = input;
      const now = this.ctx.now();
      await repo.update(tx, id, {
        ...fields,
        ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? now) : null }),
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'room.updated',
        entityType: 'room',
        entityId: id,
        changes: diffFields({ ...before, archived: before.archivedAt !== null }, input, AUDIT_REDACTED),
      });
      return presentRoom((await repo.findById(tx, id)) as RoomRow);
    });
  }

  /** Deletes a room that was never booked; a room with bookings (even cancelled ones) is archived instead. */
  remove(actor: Actor, id: string) {
    return this.scoped(actor, policy.manage(actor), async (tx) => {
      const before = await this.roomOf(tx, actor, id);
      await repo.lockRoom(tx, id);
      if ((await repo.bookingCount(tx, id)) > 0) {
        const now = this.ctx.now();
        await repo.update(tx, id, { archivedAt: before.archivedAt ?? now, updatedAt: now });
        await recordAudit(tx, actor, { action: 'room.archived', entityType: 'room', entityId: id });
        return { outcome: 'archived' as const };
      }
      await repo.delete(tx, id);
      await recordAudit(tx, actor, {
        action: 'room.deleted',
        entityType: 'room',
        entityId: id,
        changes: { name: before.name },
      });
      return { outcome: 'deleted' as const };
    });
  }

  listBookings(actor: Actor, query: z.output<typeof roomBookingListQuery>) {
    return this.scoped(actor, policy.list(actor), async (tx, officeId) => {
      // A room of another office simply has no bookings here, like a room that does not exist.
      const from = query.from ? new Date(query.from) : this.ctx.now();
      const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_RANGE_DAYS * 86_400_000);
      const rows = await repo.listBookings(tx, officeId, { from, to, roomId: query.roomId });
      return { items: rows.map(presentBooking), total: rows.length };
    });
  }

  book(actor: Actor, input: z.output<typeof roomBookingInput>) {
    return this.scoped(actor, policy.book(actor), async (tx, officeId) => {
      // Another office's room, session or deployment answers exactly like one that does not exist.
      const room = await repo.findById(tx, input.roomId);
      if (!room || room.officeId !== officeId) throw invalidField('roomId', 'roomUnknown');
      if (room.archivedAt) throw invalidField('roomId', 'roomArchived');
      if (input.courseSessionId) {
        const session = await repo.findCourseSession(tx, input.courseSessionId);
        if (!session || session.officeId !== officeId) throw invalidField('courseSessionId', 'courseSessionUnknown');
      }
      if (input.assignmentId) {
        const assignment = await repo.findAssignment(tx, input.assignmentId);
        if (!assignment || assignment.officeId !== officeId) throw invalidField('assignmentId', 'assignmentUnknown');
      }
      const row = await bookRoom(tx, {
        officeId,
        roomId: room.id,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        title: input.title,
        purpose: input.purpose,
        courseSessionId: input.courseSessionId ?? null,
        assignmentId: input.assignmentId ?? null,
        bookedBy: recordedUserId(actor),
      });
      await recordAudit(tx, actor, {
        action: 'room_booking.created',
        entityType: 'room',
        entityId: room.id,
        changes: {
          bookingId: row.id,
          title: row.title,
          purpose: row.purpose,
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
        },
      });
      return presentBooking((await repo.findBooking(tx, row.id)) as BookingRow);
    });
  }

  /** Cancelling keeps the booking on record and frees the slot; cancelling twice changes nothing. */
  cancelBooking(actor: Actor, id: string) {
    return this.scoped(actor, policy.book(actor), async (tx) => {
      const found = await repo.findBooking(tx, id);
      if (!found || !policy.view(actor, found.booking)) throw notFound();
      if (!found.booking.cancelledAt) {
        await repo.cancelBooking(tx, id, this.ctx.now());
        await recordAudit(tx, actor, {
          action: 'room_booking.cancelled',
          entityType: 'room',
          entityId: found.booking.roomId,
          changes: {
            bookingId: id,
            title: found.booking.title,
            startsAt: found.booking.startsAt.toISOString(),
            endsAt: found.booking.endsAt.toISOString(),
          },
        });
      }
      return presentBooking((await repo.findBooking(tx, id)) as BookingRow);
    });
  }
}
