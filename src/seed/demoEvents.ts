/**
 * Demo events (invented) for Hannover: the monthly Plenum (first Tuesday, 18:00, Neues Rathaus, room
 * "Ratssaal-Foyer" booked through bookRoom), a supervision group with four guides and its monthly supervision, an
 * information evening, and some answers. Rows are written directly (no invitation mail floods the demo mailbox).
 */
import type { Tx } from '../db/client.js';
import { eventInvitations, eventSeries, events, guideGroupMembers, guideGroups, rooms } from '../db/schema/index.js';
import { addDays, addMonths } from '../domain/dates.js';
import { expand, RULE_PRESETS, type SeriesRule } from '../domain/events/recurrence.js';
import { bookRoom } from '../modules/rooms/bookings.js';
import type { EventType } from '../shared/eventEnums.js';

type GuideRef = { id: string; status: string };

export async function seedDemoEvents(
  tx: Tx,
  input: { officeId: string; guides: readonly GuideRef[]; today: string; timeZone: string },
) {
  const { officeId, today, timeZone } = input;
  const active = input.guides.filter((g) => g.status === 'active');
  const [foyer] = await tx
    .insert(rooms)
    .values({
      officeId,
      name: 'Ratssaal-Foyer',
      location: 'Neues Rathaus, Trammplatz 2, Hannover',
      capacity: 60,
      stepFree: true,
      equipment: ['projector', 'wifi'],
    })
    .returning();
  const [group] = await tx
    .insert(guideGroups)
    .values({ officeId, name: 'Supervisionsgruppe Nord', description: 'Monatliche Supervision, vier Lots:innen' })
    .returning();
  const members = active.slice(0, 4);
  if (members.length)
    await tx.insert(guideGroupMembers).values(members.map((g) => ({ officeId, groupId: group.id, guideId: g.id })));

  const from = `${addMonths(today, -2).slice(0, 8)}01`;
  const until = addMonths(from, 12);
  async function series(
    values: { type: EventType; title: string; place: string; roomId: string | null; audience: 'all_guides' | 'group' },
    rule: Omit<SeriesRule, 'timeZone'>,
    invitees: readonly GuideRef[],
  ) {
    const [s] = await tx
      .insert(eventSeries)
      .values({
        officeId,
        ...values,
        groupId: values.audience === 'group' ? group.id : null,
        ...rule,
        timeZone,
        materialisedUntil: new Date(`${until}T00:00:00Z`),
        publishedAt: new Date(),
      })
      .returning();
    const occurrences = expand({ ...rule, timeZone }, new Date(`${from}T00:00:00Z`), new Date(`${until}T00:00:00Z`));
    for (const [i, o] of occurrences.entries()) {
      const [event] = await tx
        .insert(events)
        .values({
          officeId,
          ...values,
          groupId: s.groupId,
          seriesId: s.id,
          recurrenceId: o.recurrenceId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          publishedAt: new Date(),
        })
        .returning();
      if (event.roomId)
        await bookRoom(tx, {
          officeId,
          roomId: event.roomId,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          title: event.title,
          purpose: 'event',
          eventId: event.id,
        });
      if (invitees.length)
        await tx.insert(eventInvitations).values(
          invitees.map((g, j) => ({
            officeId,
            eventId: event.id,
            guideId: g.id,
            // Some answers on the first occurrences: yes, maybe, no, then open.
            response: i < 4 ? ((['yes', 'yes', 'maybe', 'no', null] as const)[j % 5] ?? null) : null,
            respondedAt: i < 4 && j % 5 < 4 ? new Date() : null,
          })),
        );
    }
  }
  await series(
    { type: 'plenum', title: 'Plenum', place: 'Neues Rathaus Hannover', roomId: foyer.id, audience: 'all_guides' },
    { rrule: RULE_PRESETS.monthlyFirstTuesday, startDate: from, startTime: '18:00', durationMinutes: 120 },
    active,
  );
  await series(
    {
      type: 'supervision',
      title: 'Supervision Gruppe Nord',
      place: 'Freiwilligenzentrum, Raum 3',
      roomId: null,
      audience: 'group',
    },
    { rrule: 'FREQ=MONTHLY;BYDAY=+3TH', startDate: from, startTime: '17:30', durationMinutes: 90 },
    members,
  );
  const infoDay = addDays(today, 16);
  const [info] = await tx
    .insert(events)
    .values({
      officeId,
      type: 'info_evening',
      title: 'Infoabend: Ehrenamt als Integrationslots:in',
      place: 'Neues Rathaus Hannover',
      roomId: foyer.id,
      agenda: 'Was Lots:innen tun, wie die Basisqualifizierung abläuft, Fragen.',
      audience: 'all_guides',
      startsAt: new Date(`${infoDay}T17:00:00Z`),
      endsAt: new Date(`${infoDay}T19:00:00Z`),
      capacity: 50,
      publishedAt: new Date(),
    })
    .returning();
  await bookRoom(tx, {
    officeId,
    roomId: foyer.id,
    startsAt: info.startsAt,
    endsAt: info.endsAt,
    title: info.title,
    purpose: 'event',
    eventId: info.id,
  }).catch(() => undefined);
  if (active.length)
    await tx.insert(eventInvitations).values(active.map((g) => ({ officeId, eventId: info.id, guideId: g.id })));
}
