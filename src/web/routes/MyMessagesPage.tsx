import { Anchor, Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { messageKeys, useInbox, useMessageSettings } from '../api/messageQueries';
import { useApiMutation } from '../api/queries';
import { formatMoment } from '../components/coordination/format';
import { FormError } from '../components/FormError';
import { CardList } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

/** The guide's opt-out of broadcast mail: messages still arrive here, mail about their own work still comes. */
function OptOutSwitch() {
  const { t } = useTranslation();
  const settings = useMessageSettings();
  const save = useApiMutation(
    (broadcastOptOut: boolean) => api.put('/me/message-settings', { broadcastOptOut }),
    [messageKeys.settings],
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="optout-title">
      <Title order={2} size="h5" id="optout-title" mb="xs">
        {t('messages.optOut.title')}
      </Title>
      <FormError error={save.error} />
      <Switch
        label={t('messages.optOut.label')}
        description={t('messages.optOut.description')}
        checked={settings.data?.broadcastOptOut ?? false}
        disabled={!settings.data || save.isPending}
        onChange={(e) =>
          save.mutate(e.currentTarget.checked, { onSuccess: () => notifySuccess(t('messages.optOut.saved')) })
        }
      />
    </Paper>
  );
}

/** The guide's inbox: messages from the office, unread ones marked; the opt-out below. */
export function MyMessagesPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <>
      <PageHeader
        title={t('messages.inboxTitle')}
        subtitle={t('messages.inboxIntro')}
        badge={
          inbox.data && inbox.data.unread > 0 ? (
            <Badge color="red" variant="filled">
              {t('messages.unreadCount', { count: inbox.data.unread })}
            </Badge>
          ) : undefined
        }
      />
      <Stack gap="xl" maw={720}>
        <QueryView
          query={inbox}
          loadingRows={4}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState title={t('messages.inboxEmpty')} text={t('messages.inboxEmptyText')} />}
        >
          {(data) => (
            <CardList items={data.items} rowKey={(m) => m.id} label={t('messages.inboxTitle')}>
              {(m) => (
                <>
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/my/messages/${m.id}`}
                      className="table-link"
                      fw={m.readAt ? undefined : 700}
                      dir="auto"
                      style={{ minWidth: 0 }}
                    >
                      {m.subject}
                    </Anchor>
                    {!m.readAt && (
                      <Badge size="sm" color="red" variant="light">
                        {t('messages.new')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    {formatMoment(m.sentAt)} · {t('messages.by', { name: m.authorName })}
                  </Text>
                  {m.postCount > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('messages.postCount', { count: m.postCount })}
                    </Text>
                  )}
                </>
              )}
            </CardList>
          )}
        </QueryView>
        <OptOutSwitch />
      </Stack>
    </>
  );
}
