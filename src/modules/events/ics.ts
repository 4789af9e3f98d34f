/** Events as iCalendar (RFC 5545) through ical-generator: the invitation's attachment and the personal feed. */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { type CalendarEntry, courseCalendarEvents } from '../courses/calendar.js';
import type { EventRow } from './repository.js';

/** One UID per occurrence (each is its own row), stable across edits, so a calendar updates rather than duplicates. */
export const eventUid = (id: string) => `event-${id}@lotsennetz`;

type IcsEvent = { event: EventRow; roomName: string | null };

function addEvent(calendar: ReturnType<typeof ical>, { event, roomName }: IcsEvent) {
  calendar.createEvent({
    id: eventUid(event.id),
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    location: [roomName, event.place].filter(Boolean).join(', ') || undefined,
    description: [event.agenda, event.onlineLink].filter(Boolean).join('\n\n') || undefined,
    url: event.onlineLink ?? undefined,
    timezone: null,
    lastModified: event.updatedAt,
    sequence: Math.floor(event.updatedAt.getTime() / 1000) % 2_000_000_000,
  });
}

/** The invitation's .ics (METHOD:REQUEST) for one occurrence. */
export function invitationIcs(entry: IcsEvent): string {
  const calendar = ical({
    prodId: { company: 'Lotsennetz', product: 'Veranstaltungen', language: 'DE' },
    method: ICalCalendarMethod.REQUEST,
    timezone: null,
  });
  addEvent(calendar, entry);
  return calendar.toString();
}

/** A deployment appointment: a room booked for one of the guide's deployments. */
export type IcsAppointment = {
  booking: { id: string; title: string; startsAt: Date; endsAt: Date; createdAt: Date };
  roomName: string;
};

/** The personal feed: the guide's events, course sessions and deployment appointments. */
export function personalFeed(
  name: string,
  events: readonly IcsEvent[],
  sessions: readonly CalendarEntry[],
  appointments: readonly IcsAppointment[] = [],
): string {
  const calendar = ical({
    name,
    prodId: { company: 'Lotsennetz', product: 'Kalender', language: 'DE' },
    timezone: null,
  });
  for (const entry of events) addEvent(calendar, entry);
  courseCalendarEvents(calendar, sessions);
  for (const { booking, roomName } of appointments)
    calendar.createEvent({
      id: `booking-${booking.id}@lotsennetz`,
      start: booking.startsAt,
      end: booking.endsAt,
      summary: booking.title,
      location: roomName,
      timezone: null,
      lastModified: booking.createdAt,
    });
  return calendar.toString();
}
