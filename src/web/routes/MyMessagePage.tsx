import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { messageKeys, useMyMessage } from '../api/messageQueries';
import { useApiMutation } from '../api/queries';
import { formatMoment } from '../components/coordination/format';
import { FormError } from '../components/FormError';
import { QueryView } from '../components/lists/ListStates';
import { ThreadPosts } from '../components/messages/MessageParts';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';

/** A message to the guide, their own thread with the coordinators, and a reply box. Opening it marks it read. */
export function MyMessagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const message = useMyMessage(id);
  const [text, setText] = useState('');
  const markRead = useApiMutation(() => api.post(`/me/messages/${id}/read`), [messageKeys.inbox]);
  const reply = useApiMutation(
    (body: string) => api.post(`/me/messages/${id}/replies`, { body }),
    [messageKeys.mine(id), messageKeys.inbox],
  );
  const unread = message.data !== undefined && message.data.readAt === null;
  // Reads never write: the page marks the message read explicitly once it is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per shown unread message
  useEffect(() => {
    if (unread) markRead.mutate(undefined);
  }, [unread, id]);

  return (
    <QueryView query={message} loadingRows={6}>
      {(m) => (
        <>
          <PageHeader
            title={m.subject}
            subtitle={`${formatMoment(m.sentAt)} · ${t('messages.by', { name: m.authorName })}`}
            crumbs={[{ label: t('messages.inboxTitle'), to: '/my/messages' }]}
          />
          <Stack gap="lg" maw={720}>
            <Paper withBorder p="md" radius="md">
              <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            </Paper>
            {m.posts.length > 0 && (
              <section aria-labelledby="my-thread">
                <Title order={2} size="h4" id="my-thread" mb="sm">
                  {t('messages.threads')}
                </Title>
                <ThreadPosts posts={m.posts} />
              </section>
            )}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!text.trim()) return;
                reply.mutate(text, {
                  onSuccess: () => {
                    setText('');
                    notifySuccess(t('messages.replied'));
                  },
                });
              }}
            >
              <Stack gap="xs">
                <FormError error={reply.error} />
                <Textarea
                  id="message-reply"
                  label={t('messages.replyLabel')}
                  description={t('messages.replyHint')}
                  autosize
                  minRows={3}
                  maxLength={8000}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                />
                <Group>
                  <Button type="submit" loading={reply.isPending} disabled={!text.trim()}>
                    {t('messages.replySend')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        </>
      )}
    </QueryView>
  );
}
