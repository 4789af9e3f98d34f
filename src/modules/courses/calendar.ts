/** Course sessions as iCalendar feeds (RFC 5545) through ical-generator: one per course, one per guide. */
import ical from 'ical-generator';
import type { CourseRow, SessionRow } from './repository.js';

export type CalendarEntry = { session: SessionRow; course: Pick<CourseRow, 'id' | 'title'> };

export function courseCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Lotsennetz', product: 'Kurse', language: 'DE' }, timezone: null });
  courseCalendarEvents(calendar, entries);
  return calendar.toString();
}

/** Adds course sessions to a calendar (also used by the personal feed of modules/events). */
export function courseCalendarEvents(calendar: ReturnType<typeof ical>, entries: readonly CalendarEntry[]) {
  for (const { session, course } of entries) {
    calendar.createEvent({
      id: `course-session-${session.id}@lotsennetz`,
      start: session.startsAt,
      end: session.endsAt,
      summary: session.topic ? `${course.title}: ${session.topic}` : course.title,
      location: session.room ?? undefined,
      description: session.trainerNames ?? undefined,
      timezone: null,
      lastModified: session.updatedAt,
    });
  }
}

export const calendarFileName = (title: string) =>
  `${
    title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'kurs'
  }.ics`;
