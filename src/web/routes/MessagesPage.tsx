import { Anchor, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSentMessages } from '../api/messageQueries';
import { formatMoment } from '../components/coordination/format';
import { CardList } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { DeliveryLine } from '../components/messages/MessageParts';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';

/** Coordinators: the messages sent to guides, newest first, with their delivery counts. */
export function MessagesPage() {
  const { t } = useTranslation();
  const sent = useSentMessages();
  const compose = (
    <Button component={Link} to="/messages/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('messages.compose')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('messages.title')} subtitle={t('messages.intro')} actions={compose} />
      <QueryView
        query={sent}
        loadingRows={4}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('messages.empty')} text={t('messages.emptyText')} />}
      >
        {(data) => (
          <section aria-labelledby="messages-sent">
            <Text component="h2" fw={600} size="lg" id="messages-sent" mb="sm">
              {t('messages.sentTitle')}
            </Text>
            <CardList items={data.items} rowKey={(m) => m.id} labelledBy="messages-sent">
              {(m) => (
                <>
                  <Anchor component={Link} to={`/messages/${m.id}`} className="table-link" dir="auto">
                    {m.subject}
                  </Anchor>
                  <Text size="sm" mt={4}>
                    {t('messages.sentAt', { date: formatMoment(m.sentAt) })} ·{' '}
                    {t('messages.by', { name: m.authorName })}
                  </Text>
                  <DeliveryLine counts={m.counts} />
                </>
              )}
            </CardList>
          </section>
        )}
      </QueryView>
    </>
  );
}
