import { Button, Paper, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sensitiveCategories } from '../../../domain/outOfScope.js';
import { OUTCOMES } from '../../../shared/assignments.js';
import { ApiError, api } from '../../api/client';
import { coordinationKeys } from '../../api/coordinationQueries';
import type { RequestDetail, RequestEvent } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { FormError } from '../FormError';
import { notifySuccess } from '../notify';
import { SensitiveTextWarning } from './RequestWarnings';

const MESSAGE_KINDS = ['partner_message', 'coordinator_message'];

/** One line per event; partners see offers without guide names or decline reasons. */
function eventTitle(e: RequestEvent, partnerView: boolean, t: (k: string, o?: Record<string, unknown>) => string) {
  const status = (s: string | null) => (s ? t(`requests.status.${s}`, { defaultValue: s }) : '');
  switch (e.kind) {
    case 'created':
      return t('requests.event.created');
    case 'updated':
      return t('requests.event.updated');
    case 'status':
      return t('requests.event.status', { from: status(e.fromStatus), to: status(e.toStatus) });
    case 'offer_sent':
      return partnerView || !e.message
        ? t('requests.event.offerSentAnonymous')
        : t('requests.event.offerSent', { name: e.message });
    case 'offer_declined':
      return partnerView ? t('requests.event.offerDeclinedAnonymous') : t('requests.event.offerDeclined');
    case 'partner_message':
      return t('requests.event.partnerMessage');
    case 'coordinator_message':
      return t('requests.event.coordinatorMessage');
    default:
      return e.kind;
  }
}

function eventDetail(e: RequestEvent, partnerView: boolean, t: (k: string, o?: Record<string, unknown>) => string) {
  if (!e.message) return null;
  if (e.kind === 'offer_sent' || MESSAGE_KINDS.includes(e.kind)) return null;
  if (e.kind === 'offer_declined') return partnerView ? null : t('requests.event.reason', { reason: e.message });
  if (e.kind === 'updated') {
    const fields = e.message
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => t(`requests.field.${f}`, { defaultValue: f }));
    return t('requests.event.changedFields', { fields: fields.join(', ') });
  }
  if (e.kind === 'status' && e.toStatus === 'closed' && (OUTCOMES as readonly string[]).includes(e.message))
    return t('requests.event.outcome', { outcome: t(`assignments.outcome.${e.message}`) });
  return t('requests.event.reason', { reason: e.message });
}

/** Every step of the request, newest first, with who did it and when. */
export function RequestTimeline({ request, partnerView }: { request: RequestDetail; partnerView: boolean }) {
  const { t } = useTranslation();
  const events = [...request.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard title={t('requests.section.timeline')} id="req-timeline">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.timelineEmpty')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
          {events.map((e) => {
            const detail = eventDetail(e, partnerView, t);
            return (
              <Timeline.Item key={e.id} title={eventTitle(e, partnerView, t)}>
                {detail && (
                  <Text size="sm" className="preformatted" dir="auto">
                    {detail}
                  </Text>
                )}
                <Text size="xs" c="dimmed" className="timeline-time">
                  {formatDateTime(e.at)}
                  {e.actorName && ` · ${e.actorName}`}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </SectionCard>
  );
}

/** Questions and answers between the coordination office and the partner, oldest first like a chat. */
export function RequestMessages({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useApiMutation(
    (message: string) => api.post<RequestDetail>(`/requests/${request.id}/messages`, { message }),
    [coordinationKeys.request(request.id)],
  );
  const messages = request.timeline
    .filter((e) => MESSAGE_KINDS.includes(e.kind))
    .sort((a, b) => a.at.localeCompare(b.at));
  const fieldError =
    send.error instanceof ApiError ? send.error.fieldErrors.find((e) => e.path === 'message')?.message : undefined;

  return (
    <SectionCard title={t('requests.section.messages')} id="req-messages" description={t('requests.messagesHint')}>
      <Stack gap="sm">
        {messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('requests.noMessages')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {messages.map((m) => {
              const fromPartner = m.kind === 'partner_message';
              return (
                <Paper
                  key={m.id}
                  component="li"
                  p="sm"
                  radius="md"
                  bg={fromPartner ? 'gray.1' : 'petrol.0'}
                  ms={fromPartner ? 0 : 'xl'}
                  me={fromPartner ? 'xl' : 0}
                >
                  <Text size="xs" fw={600} c="dark.6">
                    {m.actorName ??
                      t(fromPartner ? 'requests.event.partnerMessage' : 'requests.event.coordinatorMessage')}
                    <Text span size="xs" c="dimmed" fw={400} className="timeline-time">
                      {' · '}
                      {formatDateTime(m.at)}
                    </Text>
                  </Text>
                  <Text size="sm" className="preformatted" dir="auto" mt={2}>
                    {m.message}
                  </Text>
                </Paper>
              );
            })}
          </Stack>
        )}
        {request.abilities.message && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) {
                setMissing(true);
                return;
              }
              send.mutate(text.trim(), {
                onSuccess: () => {
                  setText('');
                  notifySuccess(t('requests.messageSent'));
                },
              });
            }}
          >
            <Stack gap="xs">
              <FormError error={fieldError ? null : send.error} />
              <Textarea
                label={t('requests.messageLabel')}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2000}
                value={text}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setMissing(false);
                }}
                error={missing ? t('validation.required') : fieldError}
              />
              <SensitiveTextWarning categories={sensitiveCategories(text)} freeText />
              <Button
                type="submit"
                variant="light"
                loading={send.isPending}
                leftSection={<IconSend size={16} className="flip-rtl" aria-hidden />}
                w="fit-content"
              >
                {t('requests.sendMessage')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </SectionCard>
  );
}
