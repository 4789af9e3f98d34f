import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RsvpResponse } from '../../shared/eventEnums.js';
import { api } from '../api/client';
import { type EventLink, eventKeys, useEventLink } from '../api/eventQueries';
import { AuthLayout } from '../components/AuthLayout';
import { formatMoment } from '../components/coordination/format';
import { FormError } from '../components/FormError';
import { errorMessage, LoadingState } from '../components/States';
import { currentLocale, intlLocale } from '../i18n';

const ANSWERS: readonly RsvpResponse[] = ['yes', 'maybe', 'no'];

/** The event the link answers for, named before the guide presses anything. */
function EventSummary({ link }: { link: EventLink }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" bg="gray.0" aria-labelledby="event-link-title">
      <Group gap="xs" mb={4}>
        <Badge variant="light">{t(`events.type.${link.type}`)}</Badge>
        {link.cancelled && <Badge color="red">{t('events.cancelled')}</Badge>}
      </Group>
      <Text fw={650} id="event-link-title" dir="auto">
        {link.title}
      </Text>
      <Text size="sm" className="tabular">
        {formatMoment(link.startsAt, { timeZone: link.timeZone, weekday: true })} –{' '}
        {new Intl.DateTimeFormat(intlLocale(currentLocale()), {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: link.timeZone,
        }).format(new Date(link.endsAt))}
      </Text>
      {link.place && (
        <Text size="sm" dir="auto">
          {t('events.mail.place')}: {link.place}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The page behind the personal link in an invitation mail: it works without signing in, and it answers only when
 * the guide presses a button, so a mail scanner that opens links never answers for them.
 */
export function EventAnswerPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const client = useQueryClient();
  const link = useEventLink(token);
  const send = useMutation({
    mutationFn: (response: RsvpResponse) =>
      api.post<EventLink>(`/event-links/${encodeURIComponent(token)}`, { response }),
    onSuccess: (data) => client.setQueryData(eventKeys.link(token), data),
  });

  if (link.isPending)
    return (
      <AuthLayout title={t('events.link.title')}>
        <LoadingState rows={3} />
      </AuthLayout>
    );
  if (link.isError)
    return (
      <AuthLayout title={t('events.link.invalidTitle')}>
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          <Text size="sm">{errorMessage(link.error, t)}</Text>
        </Alert>
        <Text size="sm">{t('events.link.invalidHint')}</Text>
        <Anchor component={Link} to="/calendar" size="sm">
          {t('events.link.openApp')}
        </Anchor>
      </AuthLayout>
    );

  const current = link.data.response;
  return (
    <AuthLayout title={t('events.link.title')} intro={t('events.link.intro')}>
      <Stack>
        <EventSummary link={link.data} />
        {send.isSuccess && current && (
          <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} role="status">
            <Text size="sm">{t('events.link.saved', { answer: t(`events.response.${current}`) })}</Text>
          </Alert>
        )}
        {!send.isSuccess && current && (
          <Text size="sm" role="status">
            {t('events.link.current', { answer: t(`events.response.${current}`) })}
          </Text>
        )}
        <FormError error={send.error} />
        {link.data.cancelled ? (
          <Text size="sm">{t('events.link.cancelledText')}</Text>
        ) : (
          <Stack gap="sm" role="group" aria-label={t('events.link.question')}>
            <Text size="sm" fw={600}>
              {t('events.link.question')}
            </Text>
            {ANSWERS.map((answer) => (
              <Button
                key={answer}
                size="md"
                variant={current === answer ? 'filled' : 'default'}
                aria-pressed={current === answer}
                loading={send.isPending && send.variables === answer}
                onClick={() => send.mutate(answer)}
              >
                {t(`events.answer.${answer}`)}
              </Button>
            ))}
          </Stack>
        )}
        <Anchor component={Link} to="/calendar" size="sm">
          {t('events.link.openApp')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
