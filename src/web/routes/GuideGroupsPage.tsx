import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type GuideGroup, useEventGroups } from '../api/eventQueries';
import { GuideGroupModal } from '../components/events/GuideGroupModal';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { formatNumber } from '../i18n/format';

/** Guide groups (issue 12 §1): the audiences a coordinator invites at once, e.g. a supervision group. */
export function GuideGroupsPage() {
  const { t } = useTranslation();
  const groups = useEventGroups();
  const [editing, setEditing] = useState<GuideGroup | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('events.groups.title')}
        subtitle={t('events.groups.intro')}
        crumbs={[{ label: t('events.calendarTitle'), to: '/calendar' }]}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('events.groups.add')}
          </Button>
        }
      />
      <QueryView query={groups}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('events.form.noGroups')} text={t('events.groups.emptyHint')} />
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((g) => (
                <Card key={g.id} padding="md" component="li" aria-labelledby={`group-${g.id}`}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Text fw={650} id={`group-${g.id}`} dir="auto">
                        {g.name}
                      </Text>
                      {g.description && (
                        <Text size="sm" c="dimmed" dir="auto">
                          {g.description}
                        </Text>
                      )}
                      <Text size="sm" className="tabular">
                        {t('events.groups.memberCount', {
                          count: g.guideIds.length,
                          n: formatNumber(g.guideIds.length),
                        })}
                      </Text>
                    </Stack>
                    <Button
                      variant="default"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      aria-label={t('events.groups.editNamed', { name: g.name })}
                      onClick={() => setEditing(g)}
                    >
                      {t('common.edit')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryView>
      <Text size="sm" mt="lg">
        <Anchor component={Link} to="/calendar" underline="always">
          {t('events.groups.back')}
        </Anchor>
      </Text>
      {editing && <GuideGroupModal group={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
