import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { inScope } from '../../db/scope.js';
import { addMonths, localDateTime } from '../../domain/dates.js';
import { expand, InvalidRuleError, type SeriesRule, splitSeries } from '../../domain/events/recurrence.js';
import { monthOf } from '../../domain/hours/timesheet.js';
import { type Actor, type AppContext, officeOf, recordedUserId } from '../../server/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../server/errors.js';
import type { Locale } from '../../shared/enums.js';
import {
  EVENT_HORIZON_MONTHS,
  EVENT_HOUR_KIND,
  type EventCreateInput,
  type EventDetail,
  type EventItem,
  type EventPatchInput,
  type eventListQuery,
  type guideGroupInput,
  type RsvpResponse,
} from '../../shared/events.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { recordAudit } from '../audit/recorder.js';
import { courseRepository } from '../courses/repository.js';
import { notify } from '../notifications/notify.js';
import { bookRoom } from '../rooms/bookings.js';
import { settingsRepository } from '../settings/repository.js';
import { invitationIcs, personalFeed } from './ics.js';
import { formatEventStart, invitationMail } from './mails.js';
import { eventPolicy as policy } from './policy.js';
import { type EventRow, eventRepository as repo, type SeriesRow } from './repository.js';

type Counts = EventItem['counts'];
const emptyCounts = (): Counts => ({ yes: 0, no: 0, maybe: 0, open: 0 });

/**
 * Events and series (issue 12 §1). A series is materialised into occurrence rows for EVENT_HORIZON_MONTHS; each
 * occurrence gets its invitations, its room booking (through bookRoom, so a double booking is a 409 naming the
 * conflict), an in-app notification and a mail with the .ics for each invited guide.
 */
export class EventService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    const officeId = officeOf(actor);
    return inScope(this.ctx.database.db, { officeId }, (tx) => work(tx, officeId));
  }

  private async checkReferences(
    tx: Tx,
    officeId: string,
    input: { roomId?: string | null; groupId?: string | null; invitedGuideIds?: string[] },
  ) {
    if (input.roomId && !(await repo.roomExists(tx, officeId, input.roomId))) throw invalidField('roomId', 'unknown');
    if (input.groupId && !(await repo.groupExists(tx, officeId, input.groupId)))
      throw invalidField('groupId', 'unknown');
    if (input.invitedGuideIds?.length) {
      const valid = new Set(await repo.validGuideIds(tx, officeId, input.invitedGuideIds));
      const bad = input.invitedGuideIds.findIndex((id) => !valid.has(id));
      if (bad >= 0) throw invalidField(`invitedGuideIds.${bad}`, 'guideUnknown');
    }
  }

  /** Inserts one occurrence (or single event), books its room and invites its audience; returns mail ids. */
  private async materialise(
    tx: Tx,
    actor: Actor,
    officeId: string,
    timeZone: string,
    values: Omit<typeof import('../../db/schema/index.js').events.$inferInsert, 'officeId'>,
  ) {
    const event = await repo.insertEvent(tx, { ...values, officeId, publishedAt: this.ctx.now() });
    if (event.roomId)
      await bookRoom(tx, {
        officeId,
        roomId: event.roomId,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        title: event.title,
        purpose: 'event',
        eventId: event.id,
        bookedBy: recordedUserId(actor),
      });
    return { event, mailIds: await this.invite(tx, officeId, timeZone, event) };
  }

  /** Invitation rows, notifications and mails (with .ics and a personal answer link) for an occurrence's audience. */
  private async invite(tx: Tx, officeId: string, timeZone: string, event: EventRow) {
    const audience = await repo.audienceGuides(tx, officeId, event);
    const tokens = new Map(audience.map((g) => [g.id, newToken()]));
    const inserted = await repo.insertInvitations(
      tx,
      audience.map((g) => ({
        officeId,
        eventId: event.id,
        guideId: g.id,
        linkTokenHash: hashToken(tokens.get(g.id) as string),
      })),
    );
    const invitedIds = new Set(inserted.map((i) => i.guideId));
    const userIds = await repo.userIdsOfGuides(tx, [...invitedIds]);
    await notify(tx, {
      officeId,
      userIds,
      kind: 'event_invitation',
      params: { title: event.title, startsAt: event.startsAt.toISOString() },
      link: `/events/${event.id}`,
    });
    const roomName = await repo.roomName(tx, event.roomId);
    const ics = Buffer.from(invitationIcs({ event, roomName })).toString('base64');
    const mailIds: string[] = [];
    for (const guide of audience) {
      if (!guide.email || !invitedIds.has(guide.id)) continue;
      const locale = guide.locale as Locale;
      const mail = invitationMail(locale, {
        name: guide.firstName,
        title: event.title,
        when: formatEventStart(locale, event.startsAt, timeZone),
        place: [roomName, event.place].filter(Boolean).join(', ') || null,
        rsvpLink: `${this.ctx.config.publicUrl}/events/rsvp/${tokens.get(guide.id)}`,
        appLink: `${this.ctx.config.publicUrl}/events/${event.id}`,
      });
      mailIds.push(
        await this.ctx.mailer.enqueue(tx, {
          officeId,
          to: guide.email,
          ...mail,
          attachments: [{ filename: 'einladung.ics', contentType: 'text/calendar; method=REQUEST', contentBase64: ics }],
        }),
      );
    }
    return mailIds;
  }

  async create(actor: Actor, input: EventCreateInput) {
    if (!policy.manage(actor)) throw forbidden();
    const result = await this.scope(actor, async (tx, officeId) => {
      await this.checkReferences(tx, officeId, input);
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const shared = {
        type: input.type,
        title: input.title,
        place: input.place ?? null,
        roomId: input.roomId ?? null,
        onlineLink: input.onlineLink ?? null,
        agenda: input.agenda ?? null,
        audience: input.audience,
        groupId: input.audience === 'group' ? (input.groupId ?? null) : null,
        invitedGuideIds: input.audience === 'invited' ? (input.invitedGuideIds ?? []) : [],
        capacity: input.capacity ?? null,
        createdBy: recordedUserId(actor),
      };
      const mailIds: string[] = [];
      if (!input.recurrence) {
        const { event, mailIds: ids } = await this.materialise(tx, actor, officeId, timeZone, {
          ...shared,
          startsAt: new Date(input.startsAt as string),
          endsAt: new Date(input.endsAt as string),
        });
        await recordAudit(tx, actor, {
          action: 'event.created',
          entityType: 'event',
          entityId: event.id,
          changes: { title: event.title, type: event.type },
        });
        return { id: event.id, mailIds: ids };
      }
      const rule: SeriesRule = { ...input.recurrence, timeZone };
      const horizon = new Date(`${addMonths(input.recurrence.startDate, EVENT_HORIZON_MONTHS)}T00:00:00Z`);
      const series = await repo.insertSeries(tx, {
        ...shared,
        officeId,
        ...input.recurrence,
        timeZone,
        materialisedUntil: horizon,
        publishedAt: this.ctx.now(),
      });
      const occurrences = expand(rule, new Date(`${input.recurrence.startDate}T00:00:00Z`), horizon);
      if (!occurrences.length) throw invalidField('recurrence.rrule', 'rruleEmpty');
      let firstId = '';
      for (const o of occurrences) {
        const { event, mailIds: ids } = await this.materialise(tx, actor, officeId, timeZone, {
          ...shared,
          seriesId: series.id,
          recurrenceId: o.recurrenceId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        });
        firstId ||= event.id;
        mailIds.push(...ids);
      }
      await recordAudit(tx, actor, {
        action: 'event.series_created',
        entityType: 'event',
        entityId: firstId,
        changes: { title: series.title, type: series.type, count: occurrences.length },
      });
      return { id: firstId, mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, result.mailIds);
    return this.get(actor, result.id);
  }

  private async counts(tx: Tx, eventIds: string[]) {
    const rows = await repo.invitations(tx, eventIds);
    const byEvent = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = byEvent.get(r.invitation.eventId) ?? [];
      list.push(r);
      byEvent.set(r.invitation.eventId, list);
    }
    return byEvent;
  }

  private item(actor: Actor, event: EventRow, roomName: string | null, invitations: Awaited<ReturnType<typeof repo.invitations>>): EventItem {
    const counts = emptyCounts();
    for (const { invitation } of invitations) counts[invitation.response ?? 'open'] += 1;
    const mine = invitations.find((i) => i.invitation.guideId === actor.guideId)?.invitation;
    return {
      id: event.id,
      seriesId: event.seriesId,
      recurrenceId: event.recurrenceId?.toISOString() ?? null,
      type: event.type,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      place: event.place,
      roomId: event.roomId,
      roomName,
      onlineLink: event.onlineLink,
      agenda: event.agenda,
      audience: event.audience,
      groupId: event.groupId,
      capacity: event.capacity,
      cancelled: event.cancelledAt !== null,
      isException: event.isException,
      myResponse: mine?.response ?? null,
      myInvited: Boolean(mine),
      counts,
    };
  }

  list(actor: Actor, q: z.output<typeof eventListQuery>) {
    if (!policy.list(actor)) throw forbidden();
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from || to.getTime() - from.getTime() > 400 * 86_400_000) throw invalidField('to', 'rangeTooLong');
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.inRange(tx, officeId, from, to, policy.guideFilter(actor));
      const invitations = await this.counts(
        tx,
        rows.map((r) => r.event.id),
      );
      const items = rows.map((r) => this.item(actor, r.event, r.roomName, invitations.get(r.event.id) ?? []));
      return { items, total: items.length };
    });
  }

  private async loadVisible(tx: Tx, actor: Actor, id: string, lock = false) {
    const event = lock ? await repo.lock(tx, id) : await repo.find(tx, id);
    if (!event) throw notFound();
    const invitations = (await this.counts(tx, [id])).get(id) ?? [];
    const invited = invitations.some((i) => i.invitation.guideId === actor.guideId);
    if (!policy.view(actor, event, invited)) throw notFound();
    return { event, invitations, invited };
  }

  get(actor: Actor, id: string): Promise<EventDetail> {
    return this.scope(actor, async (tx) => {
      const { event, invitations, invited } = await this.loadVisible(tx, actor, id);
      const series = event.seriesId ? await repo.findSeries(tx, event.seriesId) : undefined;
      const manage = policy.manage(actor);
      return {
        ...this.item(actor, event, await repo.roomName(tx, event.roomId), invitations),
        minutes: event.minutes,
        rrule: series?.rrule ?? null,
        invitations: manage
          ? invitations.map(({ invitation: i, firstName, lastName }) => ({
              guideId: i.guideId,
              guideName: `${firstName} ${lastName}`,
              response: i.response,
              respondedAt: i.respondedAt?.toISOString() ?? null,
              attended: i.attended,
              hoursBooked: i.hourEntryId !== null,
            }))
          : [],
        abilities: {
          update: manage,
          recordAttendance: manage,
          rsvp: policy.rsvp(actor, invited) && event.cancelledAt === null,
        },
      };
    });
  }

  /**
   * "this": the occurrence alone becomes an exception (moved, cancelled, renamed) and keeps its recurrence id.
   * "following": the series is split at this occurrence; the later occurrences are re-created under the new series
   * with the changes (their answers start afresh, they are new invitations), the earlier ones stay untouched.
   */
  async update(actor: Actor, id: string, patch: EventPatchInput) {
    if (!policy.manage(actor)) throw forbidden();
    const result = await this.scope(actor, async (tx, officeId) => {
      const { event } = await this.loadVisible(tx, actor, id, true);
      await this.checkReferences(tx, officeId, patch);
      const { scope, cancelled, startTime, durationMinutes, ...fields } = patch;
      if (scope === 'this' || !event.seriesId) {
        if (startTime !== undefined || durationMinutes !== undefined)
          throw invalidField('startTime', 'seriesOnly');
        const startsAt = fields.startsAt ? new Date(fields.startsAt) : event.startsAt;
        const endsAt = fields.endsAt ? new Date(fields.endsAt) : event.endsAt;
        if (endsAt <= startsAt) throw invalidField('endsAt', 'endsBeforeStart');
        const updated = await repo.updateEvent(tx, id, {
          ...fields,
          startsAt,
          endsAt,
          isException: event.seriesId !== null,
          ...(cancelled !== undefined ? { cancelledAt: cancelled ? (event.cancelledAt ?? this.ctx.now()) : null } : {}),
        });
        await recordAudit(tx, actor, {
          action: cancelled ? 'event.cancelled' : 'event.updated',
          entityType: 'event',
          entityId: id,
          changes: { title: updated.title, status: cancelled ? 'cancelled' : 'changed' },
        });
        return { id, mailIds: [] as string[] };
      }
      const series = (await repo.findSeries(tx, event.seriesId)) as SeriesRow;
      const rule: SeriesRule = { ...series, startDate: series.startDate };
      const atLocal = localDateTime(event.recurrenceId as Date, series.timeZone).date;
      let after: SeriesRule = rule;
      if (atLocal > series.startDate) {
        try {
          const split = splitSeries(rule, atLocal);
          await repo.updateSeries(tx, series.id, { rrule: split.before.rrule });
          after = split.after;
        } catch (error) {
          if (error instanceof InvalidRuleError) throw invalidField('scope', 'splitImpossible');
          throw error;
        }
      }
      // The later occurrences of the old series go, their room bookings are freed; the new series replaces them.
      const following = (await repo.seriesOccurrences(tx, series.id))
        .filter((o) => (o.recurrenceId as Date) >= (event.recurrenceId as Date))
        .map((o) => o.id);
      await repo.cancelBookings(tx, following, this.ctx.now());
      await repo.deleteEvents(tx, following);
      if (atLocal <= series.startDate) await repo.updateSeries(tx, series.id, { rrule: 'FREQ=DAILY;COUNT=1' });
      const next = {
        ...after,
        startTime: startTime ?? after.startTime,
        durationMinutes: durationMinutes ?? after.durationMinutes,
      };
      const shared = {
        type: series.type,
        title: fields.title ?? series.title,
        place: fields.place !== undefined ? fields.place : series.place,
        roomId: fields.roomId !== undefined ? fields.roomId : series.roomId,
        onlineLink: fields.onlineLink !== undefined ? fields.onlineLink : series.onlineLink,
        agenda: fields.agenda !== undefined ? fields.agenda : series.agenda,
        audience: series.audience,
        groupId: series.groupId,
        invitedGuideIds: series.invitedGuideIds,
        capacity: fields.capacity !== undefined ? fields.capacity : series.capacity,
        createdBy: recordedUserId(actor),
      };
      const newSeries = await repo.insertSeries(tx, {
        ...shared,
        officeId,
        rrule: next.rrule,
        startDate: next.startDate,
        startTime: next.startTime,
        durationMinutes: next.durationMinutes,
        timeZone: series.timeZone,
        materialisedUntil: series.materialisedUntil,
        splitFromId: series.id,
        publishedAt: this.ctx.now(),
      });
      const mailIds: string[] = [];
      let firstId = '';
      for (const o of expand(next, event.recurrenceId as Date, series.materialisedUntil)) {
        const made = await this.materialise(tx, actor, officeId, series.timeZone, {
          ...shared,
          seriesId: newSeries.id,
          recurrenceId: o.recurrenceId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        });
        firstId ||= made.event.id;
        mailIds.push(...made.mailIds);
      }
      await recordAudit(tx, actor, {
        action: 'event.series_split',
        entityType: 'event',
        entityId: firstId || null,
        changes: { title: shared.title, date: atLocal, count: following.length },
      });
      if (!firstId) throw invalidField('startTime', 'rruleEmpty');
      return { id: firstId, mailIds };
    });
    await this.ctx.mailer.deliver(this.ctx.database.db, result.mailIds);
    return this.get(actor, result.id);
  }
}
