import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import type { EventDetail } from '../../shared/events.js';
import { api } from '../api/client';
import { eventKeys, useEvent } from '../api/eventQueries';
import { useApiMutation } from '../api/queries';
import { roomKeys } from '../api/roomQueries';
import { AttendanceCard } from '../components/events/AttendanceCard';
import { CancelEventDialog } from '../components/events/CancelEventDialog';
import { EventEditModal } from '../components/events/EventEditModal';
import { EventFiles } from '../components/events/EventFiles';
import { describeRule, formatSpan } from '../components/events/eventTime';
import { FormError } from '../components/FormError';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { formatNumber } from '../i18n/format';

const ANSWERS: readonly RsvpResponse[] = ['yes', 'maybe', 'no'];
const RESPONSE_COLOR = { yes: 'green', maybe: 'yellow', no: 'red', open: 'gray' } as const;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </div>
  );
}

/** The signed-in guide's own answer: three large buttons, the pressed one filled. */
function OwnAnswer({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const answer = useApiMutation(
    (response: RsvpResponse) => api.post(`/events/${event.id}/rsvp`, { response }),
    [eventKeys.all],
  );
  return (
    <Section id="own-answer" title={t('events.detail.yourAnswer')}>
      <FormError error={answer.error} />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" role="group" aria-labelledby="own-answer">
        {ANSWERS.map((a) => (
          <Button
            key={a}
            size="md"
            variant={event.myResponse === a ? 'filled' : 'default'}
            aria-pressed={event.myResponse === a}
            loading={answer.isPending && answer.variables === a}
            onClick={() => answer.mutate(a)}
          >
            {t(`events.answer.${a}`)}
          </Button>
        ))}
      </SimpleGrid>
    </Section>
  );
}

/** Who answered what; the counts for everyone who may see them, the names for coordinators. */
function Answers({ event, names }: { event: EventDetail; names: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="answers" title={t('events.detail.answers')}>
      <Group gap="xs" mb={names && event.invitations.length ? 'sm' : 0}>
        {(['yes', 'maybe', 'no', 'open'] as const).map((r) => (
          <Badge key={r} variant="light" color={RESPONSE_COLOR[r]} size="lg" className="tabular">
            {t(`events.detail.count.${r}`, { n: formatNumber(event.counts[r]) })}
          </Badge>
        ))}
      </Group>
      {event.capacity !== null && (
        <Text size="sm" mb="sm" className="tabular">
          {t('events.detail.capacityLeft', { n: formatNumber(Math.max(0, event.capacity - event.counts.yes)) })}
        </Text>
      )}
      {names && event.invitations.length > 0 && (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {event.invitations.map((i) => (
            <Group key={i.guideId} component="li" justify="space-between" wrap="nowrap" gap="xs" py={4}>
              <Text size="sm" dir="auto">
                {i.guideName}
              </Text>
              <Badge variant="light" color={RESPONSE_COLOR[i.response ?? 'open']}>
                {t(`events.response.${i.response ?? 'open'}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** Minutes, text only: coordinators write them, the event's audience reads them. */
function Minutes({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState(event.minutes ?? '');
  useEffect(() => setText(event.minutes ?? ''), [event.minutes]);
  const save = useApiMutation(
    (minutes: string | null) => api.patch(`/events/${event.id}`, { scope: 'this', minutes }),
    [eventKeys.all],
  );
  if (!event.abilities.update)
    return (
      <Section id="minutes" title={t('events.detail.minutes')}>
        {event.minutes ? (
          <Text size="sm" className="preformatted" dir="auto">
            {event.minutes}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('events.detail.noMinutes')}
          </Text>
        )}
      </Section>
    );
  return (
    <Section id="minutes" title={t('events.detail.minutes')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(text.trim() || null, { onSuccess: () => notifySuccess(t('events.detail.minutesSaved')) });
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} />
          <Textarea
            label={t('events.detail.minutesLabel')}
            description={t('events.detail.minutesHint')}
            autosize
            minRows={4}
            maxLength={8000}
            dir="auto"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" variant="default" loading={save.isPending} disabled={text === (event.minutes ?? '')}>
              {t('events.detail.saveMinutes')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/**
 * One event (issue 12 §5): when and where in the office's time, type, audience and series; the guide's own answer;
 * the answers; attendance on a phone and the minutes for coordinators, who also edit "this one" or "this and
 * following" and cancel an occurrence.
 */
export function EventDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const event = useEvent(id);
  const [modal, setModal] = useState<'edit' | 'cancel' | null>(null);
  const cancel = useApiMutation(
    (cancelled: boolean) => api.patch(`/events/${id}`, { scope: 'this', cancelled }),
    [eventKeys.all, roomKeys.all],
  );
  return (
    <QueryView query={event} loadingRows={8}>
      {(e) => {
        const span = formatSpan(e.startsAt, e.endsAt, e.timeZone);
        const past = new Date(e.startsAt).getTime() <= Date.now();
        const attendance = e.abilities.recordAttendance && !e.cancelled;
        return (
          <>
            <PageHeader
              title={e.title}
              crumbs={[{ label: t('events.calendarTitle'), to: '/calendar' }]}
              badge={
                <Group gap={6}>
                  <Badge variant="light">{t(`events.type.${e.type}`)}</Badge>
                  {e.cancelled && <Badge color="red">{t('events.cancelled')}</Badge>}
                </Group>
              }
              actions={
                e.abilities.update && (
                  <Group gap="xs">
                    {!e.cancelled && (
                      <Button
                        variant="default"
                        leftSection={<IconPencil size={16} aria-hidden />}
                        onClick={() => setModal('edit')}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                    {e.cancelled ? (
                      <Button
                        variant="default"
                        loading={cancel.isPending}
                        onClick={() =>
                          cancel.mutateAsync(false).then(() => notifySuccess(t('events.detail.reinstated')))
                        }
                      >
                        {t('events.detail.reinstate')}
                      </Button>
                    ) : (
                      <Button
                        variant="default"
                        color="red"
                        leftSection={<IconX size={16} aria-hidden />}
                        onClick={() => setModal('cancel')}
                      >
                        {e.seriesId ? t('events.detail.cancelOccurrence') : t('events.detail.cancelEvent')}
                      </Button>
                    )}
                  </Group>
                )
              }
            />
            <Stack gap="lg">
              <Card padding="md">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                  <Fact label={t('events.detail.when')}>
                    <span>{span.day}</span>
                    <br />
                    <span className="tabular">{span.times}</span>
                  </Fact>
                  <Fact label={t('events.detail.where')}>
                    <span dir="auto">{[e.roomName, e.place].filter(Boolean).join(', ') || '–'}</span>
                  </Fact>
                  <Fact label={t('events.field.audience')}>{t(`events.audience.${e.audience}`)}</Fact>
                  {e.rrule && <Fact label={t('events.series')}>{describeRule(e.rrule, t)}</Fact>}
                  {e.capacity !== null && (
                    <Fact label={t('events.field.capacity')}>
                      <span className="tabular">{formatNumber(e.capacity)}</span>
                    </Fact>
                  )}
                  {e.onlineLink && (
                    <Fact label={t('events.field.onlineLink')}>
                      <Anchor href={e.onlineLink} target="_blank" rel="noopener noreferrer">
                        {t('events.onlineLink')}
                      </Anchor>
                    </Fact>
                  )}
                </SimpleGrid>
                {e.isException && (
                  <Text size="xs" c="dimmed" mt="sm">
                    {t('events.detail.exception')}
                  </Text>
                )}
                {e.agenda && (
                  <>
                    <Title order={2} size="h5" mt="md" mb={4}>
                      {t('events.field.agenda')}
                    </Title>
                    <Text size="sm" className="preformatted" dir="auto">
                      {e.agenda}
                    </Text>
                  </>
                )}
              </Card>
              {e.abilities.rsvp && <OwnAnswer event={e} />}
              {e.cancelled && !e.abilities.update && <Text>{t('events.link.cancelledText')}</Text>}
              {/* The attendance list names everyone with their answer; the answers list would repeat it. */}
              <Answers event={e} names={!attendance} />
              {attendance && (
                <Section id="attendance" title={t('events.attendance.title')}>
                  {!past && (
                    <Text size="sm" c="dimmed" mb="sm">
                      {t('events.attendance.notYet')}
                    </Text>
                  )}
                  <AttendanceCard event={e} />
                </Section>
              )}
              <Minutes event={e} />
              <EventFiles event={e} />
            </Stack>
            {modal === 'edit' && (
              <EventEditModal
                event={e}
                onClose={() => setModal(null)}
                onSaved={(savedId) => {
                  setModal(null);
                  if (savedId !== e.id) navigate(`/events/${savedId}`, { replace: true });
                }}
              />
            )}
            <CancelEventDialog event={e} day={span.day} opened={modal === 'cancel'} onClose={() => setModal(null)} />
          </>
        );
      }}
    </QueryView>
  );
}
