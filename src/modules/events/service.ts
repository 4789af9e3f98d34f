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
  EVENT_FILE_MAX_BYTES,
  EVENT_FILE_TYPES,
  EVENT_HORIZON_MONTHS,
  EVENT_HOUR_KIND,
  type EventCreateInput,
  type EventDetail,
  type EventFile,
  type EventFileType,
  type EventItem,
  type EventPatchInput,
  type eventListQuery,
  type guideGroupInput,
  type guideGroupPatchInput,
  type RsvpResponse,
} from '../../shared/events.js';
import { recordAudit } from '../audit/recorder.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { courseRepository } from '../courses/repository.js';
import { checkUpload } from '../files/checkUpload.js';
import { notify } from '../notifications/notify.js';
import { bookRoom, moveBooking } from '../rooms/bookings.js';
import { settingsRepository } from '../settings/repository.js';
import { invitationIcs, personalFeed } from './ics.js';
import { formatEventStart, invitationMail } from './mails.js';
import { eventPolicy as policy } from './policy.js';
import { type EventRow, eventRepository as repo, type SeriesRow } from './repository.js';

type Counts = EventItem['counts'];

/**
 * An event file's checks. A refused type is a field error (400), like an unreadable import: the form shows it at the
 * file, and it is the same answer whether or not the event exists. Too large is 413 `file_too_large`, as for imports.
 */
const checkEventFile = (fileName: string, base64: string) =>
  checkUpload<EventFileType>(fileName, base64, {
    types: EVENT_FILE_TYPES,
    maxBytes: EVENT_FILE_MAX_BYTES,
    fallbackName: 'Datei',
    tooLarge: () =>
      new AppError(413, 'file_too_large', [
        { path: 'contentBase64', code: 'fileTooLarge', params: { maximum: EVENT_FILE_MAX_BYTES / 1024 / 1024 } },
      ]),
    refused: () => invalidField('contentBase64', 'fileTypeRefused'),
  });

const fileItem = (f: { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: Date }) =>
  ({
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    createdAt: f.createdAt.toISOString(),
  }) satisfies EventFile;
const emptyCounts = (): Counts => ({ yes: 0, no: 0, maybe: 0, open: 0 });

/**
 * Events and series (issue 12 §1). A series is materialised into occurrence rows for EVENT_HORIZON_MONTHS; each
 * occurrence gets its invitations, its room booking (through bookRoom, so a double booking is a 409 naming the
 * conflict), an in-app notification and a mail with the .ics for each invited guide.
 */
export class EventService {
  constructor(private readonly ctx: AppContext) {}

  private scope<T>(actor: Actor, work: (tx: Tx, officeId: string) => Promise<T>) {
    // An account without an office (platform admin, funder) has no events: "not found", never a 500 (issue 13 §3).
    if (!actor.officeId) throw notFound();
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

  /**
   * Keeps an occurrence's room booking in step after a change of "this" occurrence: a cancelled occurrence frees
   * its room, a moved one moves its booking (race-safe, 409 naming the conflict), another room books that room.
   */
  private async syncRoom(tx: Tx, actor: Actor, officeId: string, event: EventRow) {
    const live = await repo.liveBooking(tx, event.id);
    if (event.cancelledAt || !event.roomId) {
      if (live) await repo.cancelBookings(tx, [event.id], this.ctx.now());
      return;
    }
    const times = { startsAt: event.startsAt, endsAt: event.endsAt, title: event.title };
    if (live && live.roomId === event.roomId) {
      if (
        live.startsAt.getTime() !== event.startsAt.getTime() ||
        live.endsAt.getTime() !== event.endsAt.getTime() ||
        live.title !== event.title
      )
        await moveBooking(tx, live.id, { roomId: live.roomId, ...times });
      return;
    }
    if (live) await repo.cancelBookings(tx, [event.id], this.ctx.now());
    await bookRoom(tx, {
      officeId,
      roomId: event.roomId,
      ...times,
      purpose: 'event',
      eventId: event.id,
      bookedBy: recordedUserId(actor),
    });
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
          attachments: [
            { filename: 'einladung.ics', contentType: 'text/calendar; method=REQUEST', contentBase64: ics },
          ],
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

  private item(
    actor: Actor,
    event: EventRow,
    roomName: string | null,
    invitations: Awaited<ReturnType<typeof repo.invitations>>,
  ): EventItem {
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
    const now = this.ctx.now().getTime();
    const from = q.from ? new Date(q.from) : new Date(now - 31 * 86_400_000);
    const to = q.to ? new Date(q.to) : new Date(now + 92 * 86_400_000);
    if (to <= from || to.getTime() - from.getTime() > 400 * 86_400_000) throw invalidField('to', 'rangeTooLong');
    return this.scope(actor, async (tx, officeId) => {
      const rows = await repo.inRange(tx, officeId, from, to, policy.guideFilter(actor));
      const invitations = await this.counts(
        tx,
        rows.map((r) => r.event.id),
      );
      const items = rows.map((r) => this.item(actor, r.event, r.roomName, invitations.get(r.event.id) ?? []));
      const { timeZone } = await settingsRepository.get(tx, officeId);
      return { items, total: items.length, timeZone };
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
    return this.scope(actor, async (tx, officeId) => {
      const { event, invitations, invited } = await this.loadVisible(tx, actor, id);
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const series = event.seriesId ? await repo.findSeries(tx, event.seriesId) : undefined;
      const manage = policy.manage(actor);
      return {
        ...this.item(actor, event, await repo.roomName(tx, event.roomId), invitations),
        minutes: event.minutes,
        files: (await repo.files(tx, id)).map(fileItem),
        rrule: series?.rrule ?? null,
        timeZone,
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
          manageFiles: manage,
          rsvp: policy.rsvp(actor, invited) && event.cancelledAt === null,
        },
      };
    });
  }

  /**
   * Adds a file to an event (coordinators). The content is checked before the event is looked up, so a refused
   * file gets the same answer for any event id, and no database work is done for it.
   */
  async addFile(actor: Actor, id: string, input: { fileName: string; contentBase64: string }): Promise<EventFile> {
    if (!policy.manage(actor)) throw forbidden();
    const checked = await checkEventFile(input.fileName, input.contentBase64);
    return this.scope(actor, async (tx, officeId) => {
      await this.loadVisible(tx, actor, id, true);
      const file = await repo.insertFile(tx, {
        officeId,
        eventId: id,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
        bytes: checked.bytes,
        uploadedBy: recordedUserId(actor),
      });
      await recordAudit(tx, actor, {
        action: 'event_file.added',
        entityType: 'event',
        entityId: id,
        changes: { fileId: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes },
      });
      return fileItem(file);
    });
  }

  /** A file's bytes, for whoever may see the event; 404 for everyone else and for a file of another event. */
  file(actor: Actor, id: string, fileId: string) {
    return this.scope(actor, async (tx) => {
      await this.loadVisible(tx, actor, id);
      const file = await repo.file(tx, id, fileId);
      if (!file) throw notFound();
      return { fileName: file.fileName, contentType: file.contentType, bytes: Buffer.from(file.bytes) };
    });
  }

  deleteFile(actor: Actor, id: string, fileId: string) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx) => {
      await this.loadVisible(tx, actor, id, true);
      const file = await repo.deleteFile(tx, id, fileId);
      if (!file) throw notFound();
      await recordAudit(tx, actor, {
        action: 'event_file.deleted',
        entityType: 'event',
        entityId: id,
        changes: { fileId: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes },
      });
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
      if (scope === 'following' && cancelled === true && event.seriesId) {
        // Cancelling is its own change: mixed with edits it would be unclear which of them the later dates get.
        const extra = Object.keys(patch).find((k) => k !== 'scope' && k !== 'cancelled');
        if (extra) throw invalidField(extra, 'cancelAlone');
        await this.cancelFollowing(tx, actor, officeId, event);
        return { id, mailIds: [] as string[] };
      }
      if (scope === 'this' || !event.seriesId) {
        if (startTime !== undefined || durationMinutes !== undefined) throw invalidField('startTime', 'seriesOnly');
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
        await this.syncRoom(tx, actor, officeId, updated);
        if (cancelled && !event.cancelledAt) await this.notifyCancelled(tx, officeId, updated, [id]);
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

  /**
   * Guides who said yes or maybe to any of the cancelled occurrences hear of it once (not once per date); those who
   * said no or never answered are not disturbed. The occurrence's own invitation mail carried no promise beyond that.
   */
  private async notifyCancelled(tx: Tx, officeId: string, first: EventRow, eventIds: string[]) {
    const guideIds = new Set(
      (await repo.invitations(tx, eventIds))
        .filter((i) => i.invitation.response === 'yes' || i.invitation.response === 'maybe')
        .map((i) => i.invitation.guideId),
    );
    await notify(tx, {
      officeId,
      userIds: await repo.userIdsOfGuides(tx, [...guideIds]),
      kind: 'event_changed',
      params: { title: first.title, startsAt: first.startsAt.toISOString() },
      link: `/events/${first.id}`,
    });
  }

  /**
   * "This and following" cancelled: the occurrence and every later one keep their rows (marked cancelled, as a single
   * cancellation does, so answers and the history stay), their rooms are freed, and the series ends before this date
   * so nothing is generated after it. Repeating the call changes nothing and notifies nobody again.
   */
  private async cancelFollowing(tx: Tx, actor: Actor, officeId: string, event: EventRow) {
    const series = (await repo.findSeries(tx, event.seriesId as string)) as SeriesRow;
    const at = event.recurrenceId as Date;
    const following = (await repo.seriesOccurrences(tx, series.id)).filter(
      (o) => (o.recurrenceId as Date) >= at && !o.cancelledAt,
    );
    const now = this.ctx.now();
    const ids = following.map((o) => o.id);
    await repo.cancelEvents(tx, ids, now);
    await repo.cancelBookings(tx, ids, now);
    const atLocal = localDateTime(at, series.timeZone).date;
    let rrule = series.rrule;
    if (atLocal > series.startDate) {
      try {
        rrule = splitSeries({ ...series, startDate: series.startDate }, atLocal).before.rrule;
      } catch (error) {
        // A rule that cannot be cut keeps its text; the horizon below still stops any further generation.
        if (!(error instanceof InvalidRuleError)) throw error;
      }
    }
    if (series.materialisedUntil > at || rrule !== series.rrule)
      await repo.updateSeries(tx, series.id, {
        rrule,
        materialisedUntil: new Date(Math.min(at.getTime(), series.materialisedUntil.getTime())),
      });
    if (!ids.length) return;
    await this.notifyCancelled(tx, officeId, following[0], ids);
    await recordAudit(tx, actor, {
      action: 'event.series_cancelled',
      entityType: 'event',
      entityId: event.id,
      changes: { title: event.title, date: atLocal, count: ids.length },
    });
  }

  /** Records an answer; "yes" counts against the capacity (the event row is locked, so two answers queue). */
  private async answer(tx: Tx, actor: Actor, event: EventRow, guideId: string, response: RsvpResponse) {
    if (event.cancelledAt) throw new AppError(409, 'event_cancelled');
    const invitation = await repo.invitation(tx, event.id, guideId);
    if (!invitation) throw notFound();
    if (response === 'yes' && invitation.response !== 'yes' && event.capacity !== null) {
      if ((await repo.countYes(tx, event.id)) >= event.capacity) throw new AppError(409, 'event_full');
    }
    await repo.updateInvitation(tx, invitation.id, { response, respondedAt: this.ctx.now() });
    await recordAudit(tx, actor, {
      action: 'event.rsvp',
      entityType: 'event',
      entityId: event.id,
      changes: { guideId, status: response },
    });
  }

  rsvp(actor: Actor, id: string, response: RsvpResponse) {
    return this.scope(actor, async (tx) => {
      const { event, invited } = await this.loadVisible(tx, actor, id, true);
      if (!policy.rsvp(actor, invited)) throw forbidden();
      await this.answer(tx, actor, event, actor.guideId as string, response);
      return { id };
    }).then(() => this.get(actor, id));
  }

  private async byLink(token: string) {
    const invitation = await inScope(this.ctx.database.db, 'system', (tx) =>
      repo.invitationByToken(tx, hashToken(token)),
    );
    if (!invitation) throw new AppError(404, 'token_invalid');
    return invitation;
  }

  /** What the answer link's page shows: the event and the current answer. The link stays usable to change it. */
  async describeLink(token: string) {
    const invitation = await this.byLink(token);
    return inScope(this.ctx.database.db, { officeId: invitation.officeId }, async (tx) => {
      const event = (await repo.find(tx, invitation.eventId)) as EventRow;
      const { timeZone } = await settingsRepository.get(tx, invitation.officeId);
      const roomName = await repo.roomName(tx, event.roomId);
      return {
        title: event.title,
        type: event.type,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
        place: [roomName, event.place].filter(Boolean).join(', ') || null,
        timeZone,
        cancelled: event.cancelledAt !== null,
        response: invitation.response,
      };
    });
  }

  async answerByLink(token: string, response: RsvpResponse) {
    const invitation = await this.byLink(token);
    await inScope(this.ctx.database.db, { officeId: invitation.officeId }, async (tx) => {
      const event = (await repo.lock(tx, invitation.eventId)) as EventRow;
      const actor: Actor = {
        userId: invitation.guideId,
        accountless: true,
        via: 'email_link',
        role: 'guide',
        officeId: invitation.officeId,
        partnerId: null,
        guideId: invitation.guideId,
        displayName: 'Link',
        email: '',
        locale: 'de',
      };
      await this.answer(tx, actor, event, invitation.guideId, response);
    });
    return this.describeLink(token);
  }

  /**
   * Attendance per guide (on a phone in the room, or afterwards). Attending books the event's duration to the
   * office's hour category of the matching kind, once; an approved month keeps the attendance but books nothing,
   * and says so. Un-marking keeps a booked entry (corrections go through the time sheet).
   */
  recordAttendance(actor: Actor, id: string, items: { guideId: string; attended: boolean }[]) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const { event } = await this.loadVisible(tx, actor, id, true);
      const { timeZone } = await settingsRepository.get(tx, officeId);
      const category = await repo.hourCategory(tx, officeId, EVENT_HOUR_KIND[event.type]);
      const date = localDateTime(event.startsAt, timeZone).date;
      const minutes = Math.min(1440, Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000));
      const results = [];
      for (const item of items) {
        const invitation = await repo.invitation(tx, id, item.guideId);
        if (!invitation) throw invalidField('items', 'guideUnknown');
        let hoursBooked = invitation.hourEntryId !== null;
        let reason: 'month_locked' | 'no_category' | 'not_attended' | 'already_booked' | null = null;
        let hourEntryId = invitation.hourEntryId;
        if (!item.attended) reason = 'not_attended';
        else if (hourEntryId) reason = 'already_booked';
        else if (!category) reason = 'no_category';
        else if ((await repo.sheetStatus(tx, item.guideId, monthOf(date))) === 'approved') reason = 'month_locked';
        else {
          hourEntryId = (
            await repo.insertHourEntry(tx, {
              officeId,
              guideId: item.guideId,
              categoryId: category.id,
              date,
              minutes,
              note: event.title,
              createdByUserId: recordedUserId(actor),
            })
          ).id;
          hoursBooked = true;
        }
        await repo.updateInvitation(tx, invitation.id, {
          attended: item.attended,
          attendanceRecordedAt: this.ctx.now(),
          attendanceRecordedBy: recordedUserId(actor),
          hourEntryId,
        });
        await recordAudit(tx, actor, {
          action: 'event.attendance_recorded',
          entityType: 'event',
          entityId: id,
          changes: { guideId: item.guideId, status: item.attended ? 'present' : 'absent', hourEntryId },
        });
        results.push({ guideId: item.guideId, attended: item.attended, hoursBooked, reason });
      }
      return { items: results };
    });
  }

  listGroups(actor: Actor) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const groups = await repo.groups(tx, officeId);
      const members = await repo.groupMembers(
        tx,
        groups.map((g) => g.id),
      );
      const items = groups.map((g) => ({
        id: g.id,
        name: g.name,
        description: g.description,
        guideIds: members.filter((m) => m.groupId === g.id).map((m) => m.guideId),
      }));
      return { items, total: items.length };
    });
  }

  createGroup(actor: Actor, input: z.output<typeof guideGroupInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      await this.checkReferences(tx, officeId, { invitedGuideIds: input.guideIds });
      const group = await repo.insertGroup(tx, {
        officeId,
        name: input.name,
        description: input.description ?? null,
      });
      await repo.insertGroupMembers(
        tx,
        input.guideIds.map((guideId) => ({ officeId, groupId: group.id, guideId })),
      );
      await recordAudit(tx, actor, {
        action: 'guide_group.created',
        entityType: 'guide_group',
        entityId: group.id,
        changes: { name: group.name, guideIds: input.guideIds },
      });
      return { id: group.id, name: group.name, description: group.description, guideIds: input.guideIds };
    });
  }

  /**
   * Renames a group or replaces its members. Occurrences already created keep their invitations: a group is who is
   * invited when an occurrence is made, so members added later are invited to new occurrences only.
   */
  updateGroup(actor: Actor, id: string, patch: z.output<typeof guideGroupPatchInput>) {
    if (!policy.manage(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const group = await repo.findGroup(tx, id);
      if (!group || group.officeId !== officeId) throw notFound();
      if (patch.guideIds) await this.checkReferences(tx, officeId, { invitedGuideIds: patch.guideIds });
      const updated =
        patch.name !== undefined || patch.description !== undefined
          ? await repo.updateGroup(tx, id, {
              ...(patch.name !== undefined ? { name: patch.name } : {}),
              ...(patch.description !== undefined ? { description: patch.description ?? null } : {}),
            })
          : group;
      if (patch.guideIds) {
        await repo.deleteGroupMembers(tx, id);
        await repo.insertGroupMembers(
          tx,
          patch.guideIds.map((guideId) => ({ officeId, groupId: id, guideId })),
        );
      }
      const guideIds = patch.guideIds ?? (await repo.groupMembers(tx, [id])).map((m) => m.guideId);
      await recordAudit(tx, actor, {
        action: 'guide_group.updated',
        entityType: 'guide_group',
        entityId: id,
        changes: {
          ...(patch.name !== undefined ? { name: updated.name } : {}),
          ...(patch.description !== undefined ? { description: updated.description } : {}),
          ...(patch.guideIds ? { guideIds } : {}),
        },
      });
      return { id, name: updated.name, description: updated.description, guideIds };
    });
  }

  /** A new secret feed URL (the old one stops working). Only its hash is stored; the URL is shown once. */
  renewFeed(actor: Actor) {
    if (!policy.feed(actor)) throw forbidden();
    return this.scope(actor, async (tx, officeId) => {
      const token = newToken();
      const row = await repo.upsertFeed(tx, {
        userId: actor.userId,
        officeId,
        tokenHash: hashToken(token),
        createdAt: this.ctx.now(),
      });
      await recordAudit(tx, actor, { action: 'calendar_feed.renewed', entityType: 'user', entityId: actor.userId });
      return {
        url: `${this.ctx.config.publicUrl}/api/v1/calendar/${token}.ics`,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  /**
   * The personal feed behind the secret URL: for a guide their events (answered yes or maybe, or still open) and
   * course sessions, and the rooms booked for their deployments (deployment appointments); for a coordinator the
   * office's events.
   */
  async feed(token: string) {
    const feed = await inScope(this.ctx.database.db, 'system', (tx) => repo.feedByToken(tx, hashToken(token)));
    if (!feed) throw new AppError(404, 'token_invalid');
    return inScope(this.ctx.database.db, { officeId: feed.officeId }, async (tx) => {
      const user = await repo.feedUser(tx, feed.userId);
      if (!user || user.disabledAt || user.officeId !== feed.officeId) throw new AppError(404, 'token_invalid');
      const from = new Date(this.ctx.now().getTime() - 90 * 86_400_000);
      if (user.guideId) {
        const events = await repo.feedEvents(tx, user.guideId, from);
        const sessions = await courseRepository.guideSessions(tx, user.guideId);
        const appointments = await repo.feedAppointments(tx, user.guideId, from);
        return personalFeed('Lotsennetz', events, sessions, appointments);
      }
      if (user.role !== 'coordinator') return personalFeed('Lotsennetz', [], []);
      const rows = await repo.inRange(tx, feed.officeId, from, new Date(from.getTime() + 500 * 86_400_000));
      return personalFeed(
        'Lotsennetz',
        rows.filter((r) => !r.event.cancelledAt),
        [],
      );
    });
  }
}
