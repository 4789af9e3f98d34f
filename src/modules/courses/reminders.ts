/**
 * "Tomorrow" reminders for course sessions, run with the daily reminders job: every guide holding a place in a
 * course whose session starts tomorrow (office day) gets one mail. Idempotent: a session is claimed by setting
 * `reminder_queued_at` in the same transaction as its mails, so a rerun, a retry or a second instance sends nothing
 * twice; moving a session clears the mark.
 */
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { courseEnrolments, courseSessions, courses, guides, offices, users } from '../../db/schema/index.js';
import { inScope } from '../../db/scope.js';
import { addDays, todayIn } from '../../domain/dates.js';
import type { AppContext } from '../../server/context.js';
import { PLACE_HOLDING_STATUSES } from '../../shared/courses.js';
import type { Locale } from '../../shared/enums.js';
import { resolveOfficeSettings } from '../../shared/settings.js';
import { notify } from '../notifications/notify.js';
import { courseMail, formatSessionStart } from './mails.js';

/** Midnight of a calendar day in a time zone, as an instant. */
function startOfDay(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const local = new Date(guess.toLocaleString('en-US', { timeZone }));
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (local.getTime() - utc.getTime()));
}

async function remindOffice(ctx: AppContext, tx: Tx, officeId: string, timeZone: string) {
  const tomorrow = addDays(todayIn(timeZone, ctx.now()), 1);
  const from = startOfDay(tomorrow, timeZone);
  const to = startOfDay(addDays(tomorrow, 1), timeZone);
  const claimed = await tx
    .update(courseSessions)
    .set({ reminderQueuedAt: ctx.now() })
    .where(
      and(
        eq(courseSessions.officeId, officeId),
        gte(courseSessions.startsAt, from),
        lt(courseSessions.startsAt, to),
        isNull(courseSessions.reminderQueuedAt),
      ),
    )
    .returning();
  const ids: string[] = [];
  for (const session of claimed) {
    const rows = await tx
      .select({ course: courses, guide: guides })
      .from(courseEnrolments)
      .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
      .innerJoin(guides, eq(guides.id, courseEnrolments.guideId))
      .where(
        and(
          eq(courseEnrolments.courseId, session.courseId),
          inArray(courseEnrolments.status, [...PLACE_HOLDING_STATUSES]),
          inArray(courses.status, ['open', 'running', 'draft']),
          isNull(guides.anonymisedAt),
        ),
      );
    for (const { course, guide } of rows) {
      // In the guide's notification centre too; its mail is this one (MAILED_BY_SENDER), so it is not mailed twice.
      const accounts = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.guideId, guide.id), isNull(users.disabledAt)));
      await notify(tx, {
        officeId,
        userIds: accounts.map((a) => a.id),
        kind: 'course_session_tomorrow',
        params: { title: session.topic ? `${course.title}: ${session.topic}` : course.title },
        link: null,
      });
      if (!guide.email) continue;
      const locale = guide.locale as Locale;
      const mail = courseMail('reminder', locale, {
        name: guide.firstName,
        title: session.topic ? `${course.title}: ${session.topic}` : course.title,
        when: formatSessionStart(locale, session.startsAt, timeZone),
        room: session.room,
      });
      ids.push(await ctx.mailer.enqueue(tx, { officeId, to: guide.email, ...mail }));
    }
  }
  return ids;
}

export async function sendCourseSessionReminders(ctx: AppContext) {
  const mailIds = await inScope(ctx.database.db, 'system', async (tx) => {
    const ids: string[] = [];
    for (const office of await tx
      .select({ id: offices.id, settings: offices.settings })
      .from(offices)
      .where(isNull(offices.deactivatedAt)))
      ids.push(...(await remindOffice(ctx, tx, office.id, resolveOfficeSettings(office.settings).timeZone)));
    return ids;
  });
  await ctx.mailer.deliver(ctx.database.db, mailIds);
  return { mails: mailIds.length };
}
