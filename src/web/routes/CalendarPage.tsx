import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import type { EventItem } from '../../shared/events.js';
import { api } from '../api/client';
import { useCourseAgendaRange, useMyCourses } from '../api/courseQueries';
import { eventKeys, useEvents } from '../api/eventQueries';
import { useApiMutation } from '../api/queries';
import { useRoomBookings } from '../api/roomQueries';
import { useMe } from '../auth/AuthProvider';
import { CalendarGrid } from '../components/calendar/CalendarGrid';
import {
  bookingEntries,
  byStart,
  CALENDAR_VIEWS,
  type CalendarEntry,
  type CalendarView,
  eventEntry,
  sessionEntry,
  shiftAnchor,
  viewRange,
} from '../components/calendar/entries';
import { byOfficeDay, formatOfficeDay, officeRange, officeTime } from '../components/calendar/officeTime';
import { EventFormModal } from '../components/events/EventFormModal';
import { browserTimeZone } from '../components/events/eventTime';
import { FormError } from '../components/FormError';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { currentLocale, intlLocale } from '../i18n';

const ANSWERS: readonly RsvpResponse[] = ['yes', 'maybe', 'no'];

/** One event: when, what, where; counts for coordinators, the own answer with buttons for an invited guide. */
function EventCard({ event, guide, timeZone }: { event: EventItem; guide: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const locale = intlLocale(currentLocale());
  const time = (iso: string) => officeTime(iso, locale, timeZone);
  const answer = useApiMutation(
    (response: RsvpResponse) => api.post(`/events/${event.id}/rsvp`, { response }),
    [eventKeys.all],
  );
  return (
    <Card padding="md" component="li" aria-labelledby={`event-${event.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Badge variant="light">{t(`events.type.${event.type}`)}</Badge>
            {event.cancelled && <Badge color="red">{t('events.cancelled')}</Badge>}
            {event.seriesId && (
              <Badge variant="outline" color="gray">
                {t('events.series')}
              </Badge>
            )}
          </Group>
          <Anchor
            component={Link}
            to={`/events/${event.id}`}
            fw={650}
            id={`event-${event.id}`}
            dir="auto"
            c="inherit"
            underline="always"
          >
            {event.title}
          </Anchor>
          <Text size="sm" className="tabular">
            {time(event.startsAt)} – {time(event.endsAt)}
            {(event.roomName || event.place) && (
              <>
                {' · '}
                <span dir="auto">{event.roomName ?? event.place}</span>
              </>
            )}
          </Text>
          {event.onlineLink && (
            <Anchor href={event.onlineLink} size="sm" target="_blank" rel="noopener noreferrer">
              {t('events.onlineLink')}
            </Anchor>
          )}
        </Stack>
        {!guide && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('events.counts', event.counts)}
          </Text>
        )}
      </Group>
      {guide && event.myInvited && !event.cancelled && (
        <Stack gap={6} mt="sm">
          <FormError error={answer.error} />
          <Group gap="xs" role="group" aria-label={t('events.answerFor', { title: event.title })}>
            {ANSWERS.map((a) => (
              <Button
                key={a}
                size="sm"
                variant={event.myResponse === a ? 'filled' : 'default'}
                aria-pressed={event.myResponse === a}
                loading={answer.isPending && answer.variables === a}
                onClick={() => answer.mutate(a)}
              >
                {t(`events.answer.${a}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** A course session or a room booking in the list: when, what, where, and a link to its page. */
function EntryCard({ entry, timeZone }: { entry: CalendarEntry; timeZone: string }) {
  const { t } = useTranslation();
  const locale = intlLocale(currentLocale());
  const time = (iso: string) => officeTime(iso, locale, timeZone);
  return (
    <Card padding="md" component="li" aria-labelledby={entry.key}>
      <Stack gap={2}>
        <Group gap="xs">
          <Badge variant="light" color={entry.kind === 'course' ? 'blue' : 'gray'}>
            {t(`events.kind.${entry.kind}`)}
          </Badge>
        </Group>
        <Anchor component={Link} to={entry.href} fw={650} id={entry.key} dir="auto" c="inherit" underline="always">
          {entry.title}
        </Anchor>
        <Text size="sm" className="tabular">
          {time(entry.startsAt)} – {time(entry.endsAt)}
          {entry.place && (
            <>
              {' · '}
              <span dir="auto">{entry.place}</span>
            </>
          )}
        </Text>
      </Stack>
    </Card>
  );
}

/** The personal calendar feed: a secret address for the phone's calendar app, made (or renewed) on request. */
function FeedCard() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const renew = useApiMutation(() => api.post<{ url: string }>('/me/calendar-feed'), []);
  return (
    <Card padding="md">
      <Title order={2} size="h4">
        {t('events.feed.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('events.feed.intro')}
      </Text>
      <FormError error={renew.error} />
      {url ? (
        <Group mt="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('events.feed.address')}
            value={url}
            readOnly
            style={{ flex: 1, minWidth: 220 }}
            dir="ltr"
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('events.feed.copied') : t('events.feed.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : (
        <Button
          mt="sm"
          variant="default"
          loading={renew.isPending}
          onClick={() => renew.mutate(undefined, { onSuccess: (data) => setUrl(data.url) })}
        >
          {t('events.feed.make')}
        </Button>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('events.feed.renewHint')}
      </Text>
    </Card>
  );
}

/** Course sessions and room bookings of the range, as far as the reader may see them. */
function useOtherEntries(from: Date, to: Date): CalendarEntry[] {
  const me = useMe();
  const coordinatorView = me.abilities['courses.list'] === true;
  const guideCourses = me.abilities['courses.own'] === true;
  const rooms = me.abilities['rooms.manage'] === true;
  const days = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 86_400_000));
  const agenda = useCourseAgendaRange(from.toISOString(), days, coordinatorView);
  const mine = useMyCourses(guideCourses);
  const bookings = useRoomBookings({ from: from.toISOString(), to: to.toISOString() }, rooms);
  const entries: CalendarEntry[] = [];
  for (const s of agenda.data?.items ?? []) entries.push(sessionEntry(s, s.courseTitle, `/courses/${s.courseId}`));
  for (const c of mine.data?.items ?? [])
    for (const s of c.sessions)
      if (new Date(s.startsAt) >= from && new Date(s.startsAt) < to)
        entries.push(sessionEntry(s, c.title, '/my/courses'));
  entries.push(...bookingEntries(bookings.data?.items ?? []));
  return entries;
}

/**
 * The calendar: the office's events, course sessions and room bookings for coordinators; a guide's invitations and
 * course sessions for guides, who answer here as well as by the link in their mail. A list by month, or a month or
 * week grid on wider screens (a phone always gets the list: seven columns do not fit).
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const guide = Boolean(me.guideId);
  const canManage = me.abilities['events.manage'] === true;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [chosenView, setView] = useState<CalendarView>('list');
  const view: CalendarView = phone ? 'list' : chosenView;
  const [anchor, setAnchor] = useState(() => new Date());
  // The office's zone arrives with the events; until then (the first load) the browser's stands in.
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const { start, end } = officeRange(view, anchor, timeZone);
  const events = useEvents(start.toISOString(), end.toISOString());
  const officeZone = events.data?.timeZone;
  useEffect(() => {
    if (officeZone) setTimeZone(officeZone);
  }, [officeZone]);
  const shown = viewRange(view, anchor);
  const others = useOtherEntries(start, end);
  const locale = intlLocale(currentLocale());
  const heading =
    view === 'week'
      ? t('events.weekOf', {
          from: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(shown.start),
          to: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
            new Date(shown.end.getTime() - 86_400_000),
          ),
        })
      : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(shown.start);
  const shift = (delta: number) => setAnchor((a) => shiftAnchor(view, a, delta));
  return (
    <>
      <PageHeader
        title={t('events.calendarTitle')}
        subtitle={guide ? t('events.guideIntro') : t('events.intro')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('events.form.new')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {!phone && (
          <SegmentedControl
            aria-label={t('events.viewLabel')}
            value={view}
            onChange={(v) => setView(v as CalendarView)}
            data={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`events.view.${v}`) }))}
            maw={420}
          />
        )}
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconChevronLeft aria-hidden className="flip-rtl" />}
            onClick={() => shift(-1)}
          >
            {view === 'week' ? t('events.previousWeek') : t('events.previousMonth')}
          </Button>
          <Title order={2} size="h3" aria-live="polite">
            {heading}
          </Title>
          <Button
            variant="default"
            rightSection={<IconChevronRight aria-hidden className="flip-rtl" />}
            onClick={() => shift(1)}
          >
            {view === 'week' ? t('events.nextWeek') : t('events.nextMonth')}
          </Button>
        </Group>
        <QueryView query={events}>
          {(data) => {
            const eventsById = new Map(data.items.map((e) => [`event-${e.id}`, e]));
            const entries = [...data.items.map(eventEntry), ...others].sort(byStart);
            if (view !== 'list')
              return (
                <CalendarGrid view={view} anchor={anchor} entries={entries} caption={heading} timeZone={timeZone} />
              );
            if (entries.length === 0) return <EmptyState title={guide ? t('events.emptyGuide') : t('events.empty')} />;
            const days = byOfficeDay(entries, timeZone);
            return (
              <Stack gap="md">
                {[...days.entries()].map(([day, items]) => (
                  <section key={day} aria-labelledby={`day-${day}`}>
                    <Title order={3} size="h5" id={`day-${day}`} mb={6}>
                      {formatOfficeDay(day, locale, { weekday: 'long', day: 'numeric', month: 'long' })}
                    </Title>
                    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {items.map((e) => {
                        const event = eventsById.get(e.key);
                        return event ? (
                          <EventCard key={e.key} event={event} guide={guide} timeZone={timeZone} />
                        ) : (
                          <EntryCard key={e.key} entry={e} timeZone={timeZone} />
                        );
                      })}
                    </Stack>
                  </section>
                ))}
              </Stack>
            );
          }}
        </QueryView>
        {!guide && (
          <Text size="sm">
            {t('events.elsewhere')}{' '}
            <Anchor component={Link} to="/courses" underline="always">
              {t('nav.courses')}
            </Anchor>
            {' · '}
            <Anchor component={Link} to="/rooms" underline="always">
              {t('nav.rooms')}
            </Anchor>
            {canManage && (
              <>
                {' · '}
                <Anchor component={Link} to="/calendar/groups" underline="always">
                  {t('events.groups.title')}
                </Anchor>
              </>
            )}
          </Text>
        )}
        <FeedCard />
      </Stack>
      {creating && (
        <EventFormModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/events/${id}`);
          }}
        />
      )}
    </>
  );
}
