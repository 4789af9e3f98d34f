import type { Actor } from '../../server/context.js';
import type { Locale } from '../../shared/enums.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { offerPolicy } from './policy.js';
import type { offerRepository as repo } from './repository.js';

export type Listed = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

/** An offer past its deadline reads as expired at once; the periodic sweep writes it (GET requests never write). */
export const effectiveStatus = (o: { status: string; expiresAt: Date }, now: Date) =>
  o.status === 'pending' && o.expiresAt <= now ? 'expired' : o.status;

export function presentOffer(row: Listed, actor: Actor, now: Date, timeZone: string) {
  const o = { ...row.offer, status: effectiveStatus(row.offer, now) };
  return {
    id: o.id,
    requestId: o.requestId,
    requestTitle: row.requestTitle,
    guideId: o.guideId,
    guideName: `${row.guideFirst} ${row.guideLast}`,
    message: o.message,
    status: o.status as 'pending',
    overrideReason: actor.role === 'coordinator' ? o.overrideReason : null,
    declineReason: o.declineReason,
    expiresAt: o.expiresAt.toISOString(),
    respondedAt: o.respondedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    assignmentId: row.assignmentId ?? null,
    timeZone,
    abilities: offerPolicy.abilities(actor, o),
  };
}

/** A deadline as the recipient reads it: local time in their language, never UTC or an ISO string. */
export const localDeadline = (at: Date, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
