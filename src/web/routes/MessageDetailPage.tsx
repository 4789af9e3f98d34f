import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MessageDetail } from '../../shared/messages.js';
import { api } from '../api/client';
import { messageKeys, useMessage } from '../api/messageQueries';
import { useApiMutation } from '../api/queries';
import { formatMoment } from '../components/coordination/format';
import { FormError } from '../components/FormError';
import { QueryView } from '../components/lists/ListStates';
import { DeliveryLine, ThreadPosts } from '../components/messages/MessageParts';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';

type Recipient = MessageDetail['recipients'][number];

function AnswerBox({ messageId, recipient }: { messageId: string; recipient: Recipient }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const answer = useApiMutation(
    (body: string) => api.post(`/messages/${messageId}/threads/${recipient.guideId}`, { body }),
    [messageKeys.detail(messageId)],
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        answer.mutate(text, {
          onSuccess: () => {
            setText('');
            notifySuccess(t('messages.answered'));
          },
        });
      }}
    >
      <Stack gap="xs">
        <FormError error={answer.error} />
        <Textarea
          id={`answer-${recipient.guideId}`}
          label={t('messages.answerLabel', { name: recipient.name })}
          autosize
          minRows={2}
          maxLength={8000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="sm" loading={answer.isPending} disabled={!text.trim()}>
            {t('messages.answerSend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A sent message: text, delivery counts, the frozen recipient list, and the threads with the replies. */
export function MessageDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const message = useMessage(id);
  return (
    <QueryView query={message} loadingRows={6}>
      {(m) => {
        const threads = m.recipients.filter((r) => r.posts.length > 0);
        return (
          <>
            <PageHeader
              title={m.subject}
              subtitle={`${t('messages.sentAt', { date: formatMoment(m.sentAt) })} · ${t('messages.by', { name: m.authorName })}`}
              crumbs={[{ label: t('messages.title'), to: '/messages' }]}
            />
            <Stack gap="xl" maw={960}>
              <Paper withBorder p="md" radius="md">
                <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
              </Paper>
              <DeliveryLine counts={m.counts} />
              <section aria-labelledby="message-threads">
                <Title order={2} size="h4" id="message-threads" mb="sm">
                  {t('messages.threads')}
                </Title>
                {threads.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('messages.noThreads')}
                  </Text>
                ) : (
                  <Stack gap="lg">
                    {threads.map((r) => (
                      <Paper key={r.guideId} withBorder p="md" radius="md" component="article">
                        <Title order={3} size="h5" mb="sm">
                          {t('messages.thread', { name: r.name })}
                        </Title>
                        <ThreadPosts posts={r.posts} />
                        <div style={{ marginTop: 12 }}>
                          <AnswerBox messageId={m.id} recipient={r} />
                        </div>
                      </Paper>
                    ))}
                  </Stack>
                )}
              </section>
              <section aria-labelledby="message-recipients">
                <Title order={2} size="h4" id="message-recipients" mb="sm">
                  {t('messages.recipients')}
                </Title>
                <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {m.recipients.map((r) => (
                    <Group key={r.guideId} component="li" gap="xs" wrap="wrap">
                      <Text size="sm" fw={500}>
                        {r.name}
                      </Text>
                      <Badge size="sm" variant="light" color={r.channel === 'mail' ? 'blue' : 'gray'}>
                        {t(`messages.channel.${r.channel}`)}
                      </Badge>
                      {r.mailStatus && (
                        <Badge size="sm" variant="outline" color={r.mailStatus === 'failed' ? 'red' : 'gray'}>
                          {t(`messages.mailStatus.${r.mailStatus}`)}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {r.readAt ? t('messages.read') : t('messages.unread')}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </section>
            </Stack>
          </>
        );
      }}
    </QueryView>
  );
}
