import { Anchor, Badge, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import type { EventItem } from '../../shared/events.js';
import { api } from '../api/client';
import { eventKeys, useEvents } from '../api/eventQueries';
import { useApiMutation } from '../api/queries';
import { useMe } from '../auth/AuthProvider';
import { EventFormModal } from '../components/events/EventFormModal';
import { FormError } from '../components/FormError';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { currentLocale, intlLocale } from '../i18n';

const ANSWERS: readonly RsvpResponse[] = ['yes', 'maybe', 'no'];

/** The first instant of a month and of the next one, in the browser's time zone: the range the list shows. */
function monthRange(year: number, month: number) {
  const from = new Date(year, month, 1);
  const to = new Date(year, month + 1, 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

function dayKey(iso: string) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One event: when, what, where; counts for coordinators, the own answer with buttons for an invited guide. */
function EventCard({ event, guide }: { event: EventItem; guide: boolean }) {
  const { t } = useTranslation();
  const locale = intlLocale(currentLocale());
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
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

/**
 * The calendar as a list by month: the office's events for coordinators, a guide's invitations for guides, who
 * answer here as well as by the link in their mail. Course sessions and room bookings have their own pages.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const guide = Boolean(me.guideId);
  const canManage = me.abilities['events.manage'] === true;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const today = new Date();
  const [month, setMonth] = useState({ year: today.getFullYear(), month: today.getMonth() });
  const { from, to } = monthRange(month.year, month.month);
  const events = useEvents(from, to);
  const locale = intlLocale(currentLocale());
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
    new Date(month.year, month.month, 1),
  );
  const shift = (delta: number) =>
    setMonth((m) => {
      const d = new Date(m.year, m.month + delta, 1);
      return { year: d.getFullYear(), month: d.getMonth() };
    });
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
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconChevronLeft aria-hidden className="flip-rtl" />}
            onClick={() => shift(-1)}
          >
            {t('events.previousMonth')}
          </Button>
          <Title order={2} size="h3" aria-live="polite">
            {monthName}
          </Title>
          <Button
            variant="default"
            rightSection={<IconChevronRight aria-hidden className="flip-rtl" />}
            onClick={() => shift(1)}
          >
            {t('events.nextMonth')}
          </Button>
        </Group>
        <QueryView
          query={events}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title={guide ? t('events.emptyGuide') : t('events.empty')} />}
        >
          {(data) => {
            const days = new Map<string, EventItem[]>();
            for (const e of data.items) days.set(dayKey(e.startsAt), [...(days.get(dayKey(e.startsAt)) ?? []), e]);
            return (
              <Stack gap="md">
                {[...days.entries()].map(([day, items]) => (
                  <section key={day} aria-labelledby={`day-${day}`}>
                    <Title order={3} size="h5" id={`day-${day}`} mb={6}>
                      {new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(
                        new Date(items[0].startsAt),
                      )}
                    </Title>
                    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {items.map((e) => (
                        <EventCard key={e.id} event={e} guide={guide} />
                      ))}
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
