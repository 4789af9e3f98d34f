/**
 * "Event tomorrow" (issue 12 §4), run with the daily reminders job: the guides who answered yes or maybe to an event
 * starting tomorrow (office day) get an in-app notification (mail follows their notification preferences). Each
 * event is claimed once through `reminders_sent` (kind event_tomorrow, period = the event's day), so a rerun, a
 * retry or a second instance notifies nobody twice.
 */
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { eventInvitations, events, offices, remindersSent, users } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { addDays, todayIn } from '../../domain/dates.js';
import { wallClockToInstant } from '../../domain/events/recurrence.js';
import type { AppContext } from '../../server/context.js';
import { resolveOfficeSettings } from '../../shared/settings.js';
import { notify } from '../notifications/notify.js';

export async function sendEventReminders(ctx: AppContext) {
  return inScope(ctx.database.db, 'system', async (tx) => {
    let notified = 0;
    for (const office of await tx
      .select({ id: offices.id, settings: offices.settings })
      .from(offices)
      .where(isNull(offices.deactivatedAt))) {
      const { timeZone } = resolveOfficeSettings(office.settings);
      const tomorrow = addDays(todayIn(timeZone, ctx.now()), 1);
      const from = wallClockToInstant(tomorrow, '00:00', timeZone);
      const to = wallClockToInstant(addDays(tomorrow, 1), '00:00', timeZone);
      const due = await tx
        .select({ id: events.id, title: events.title, startsAt: events.startsAt })
        .from(events)
        .where(
          and(
            eq(events.officeId, office.id),
            gte(events.startsAt, from),
            lt(events.startsAt, to),
            isNull(events.cancelledAt),
          ),
        );
      for (const event of due) {
        const claimed = await tx
          .insert(remindersSent)
          .values({ officeId: office.id, kind: 'event_tomorrow', subjectId: event.id, period: tomorrow })
          .onConflictDoNothing()
          .returning({ id: remindersSent.id });
        if (!claimed.length) continue;
        const recipients = await tx
          .select({ id: users.id })
          .from(eventInvitations)
          .innerJoin(users, and(eq(users.guideId, eventInvitations.guideId), isNull(users.disabledAt)))
          .where(and(eq(eventInvitations.eventId, event.id), inArray(eventInvitations.response, ['yes', 'maybe'])));
        const ids = await notify(tx, {
          officeId: office.id,
          userIds: recipients.map((r) => r.id),
          kind: 'event_tomorrow',
          params: { title: event.title, startsAt: event.startsAt.toISOString() },
          link: `/events/${event.id}`,
        });
        notified += ids.length;
      }
    }
    return { notified };
  });
}
