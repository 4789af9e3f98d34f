/** Course mails in the guide's language: enrolment, waiting list, moved up, session reminder, cancellation. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { guides } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { composeText, type MailContent } from '../mail/templates.js';
import { settingsRepository } from '../settings/repository.js';
import { type CourseRow, courseRepository as repo } from './repository.js';

export type CourseMailKind = 'enrolled' | 'waitlisted' | 'movedUp' | 'reminder' | 'cancelled';

/** A session's start in the recipient's language and the office's time zone. */
export function formatSessionStart(locale: Locale, at: Date, timeZone: string) {
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

export function courseMail(
  kind: CourseMailKind,
  locale: Locale,
  params: { name: string; title: string; when: string | null; room: string | null; position?: number },
): MailContent {
  const t = (key: string) => translate(locale, `courses.mail.${key}`, params);
  const lines = [
    translate(locale, 'mail.greeting', params),
    '',
    t(`${kind}Body`),
    '',
    params.title,
    ...(params.when ? [`${t('when')}: ${params.when}`] : []),
    ...(params.room ? [`${t('room')}: ${params.room}`] : []),
    '',
    translate(locale, 'mail.signature'),
  ];
  return { subject: t(`${kind}Subject`), ...composeText(locale, lines) };
}

/**
 * Queues a course mail to one guide in their language, with the course's first session; null when the guide has no
 * address or was anonymised. Delivered by the caller after commit.
 */
export async function queueCourseMail(
  ctx: AppContext,
  tx: Tx,
  course: CourseRow,
  guideId: string,
  kind: CourseMailKind,
  position?: number,
) {
  const [guide] = await tx.select().from(guides).where(eq(guides.id, guideId)).limit(1);
  if (!guide?.email || guide.anonymisedAt) return null;
  const [first] = await repo.sessions(tx, course.id);
  const settings = await settingsRepository.get(tx, course.officeId);
  const locale = guide.locale as Locale;
  const content = courseMail(kind, locale, {
    name: guide.firstName,
    title: course.title,
    when: first ? formatSessionStart(locale, first.startsAt, settings.timeZone) : null,
    room: first?.room ?? null,
    position,
  });
  return ctx.mailer.enqueue(tx, { officeId: course.officeId, to: guide.email, ...content });
}
