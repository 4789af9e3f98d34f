import type { EventItem } from '../../../shared/events.js';
import type { RoomBooking } from '../../../shared/rooms.js';

/** One line of the calendar, whatever its source: an event, a course session or a room booking. */
export type CalendarEntry = {
  key: string;
  kind: 'event' | 'course' | 'booking';
  title: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  href: string;
  cancelled: boolean;
};

export type CalendarView = 'list' | 'month' | 'week';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['list', 'month', 'week'];

/** The instants a view shows around an anchor day, in the browser's time zone: a month, or Monday to Monday. */
export function viewRange(view: CalendarView, anchor: Date) {
  if (view === 'week') {
    const start = new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate());
    start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
    const end = new Date(start);
    end.setDate(end.getDate() + 7);
    return { start, end };
  }
  return {
    start: new Date(anchor.getFullYear(), anchor.getMonth(), 1),
    end: new Date(anchor.getFullYear(), anchor.getMonth() + 1, 1),
  };
}

/** The anchor moved by one step of the view (a week or a month). */
export function shiftAnchor(view: CalendarView, anchor: Date, delta: number) {
  if (view === 'week') return new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate() + 7 * delta);
  return new Date(anchor.getFullYear(), anchor.getMonth() + delta, 1);
}

export function dayKey(value: string | Date) {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const eventEntry = (e: EventItem): CalendarEntry => ({
  key: `event-${e.id}`,
  kind: 'event',
  title: e.title,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  place: e.roomName ?? e.place,
  href: `/events/${e.id}`,
  cancelled: e.cancelled,
});

export const sessionEntry = (
  s: { id: string; courseId: string; startsAt: string; endsAt: string; topic: string | null; room: string | null },
  courseTitle: string,
  href: string,
): CalendarEntry => ({
  key: `session-${s.id}`,
  kind: 'course',
  title: s.topic ? `${courseTitle}: ${s.topic}` : courseTitle,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  place: s.room,
  href,
  cancelled: false,
});

/**
 * Room bookings of their own: a booking for an event or a course session is already in the calendar as that
 * event or session, and a cancelled booking holds no room.
 */
export const bookingEntries = (bookings: readonly RoomBooking[]): CalendarEntry[] =>
  bookings
    .filter((b) => !b.eventId && !b.courseSessionId && !b.cancelledAt)
    .map((b) => ({
      key: `booking-${b.id}`,
      kind: 'booking',
      title: b.title,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      place: b.roomName,
      href: '/rooms',
      cancelled: false,
    }));

export const byStart = (a: CalendarEntry, b: CalendarEntry) => a.startsAt.localeCompare(b.startsAt);
