import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssignmentList } from '../../api/coordinationQueries';
import type { RequestItem } from '../../api/coordinationTypes';
import { formatNumber } from '../../i18n/format';
import { ContactChannel } from '../assignments/GuideContact';
import { formatMomentDate, isolate } from '../coordination/format';
import { AssignmentStatusBadge } from './StatusBadges';

/** The request's deployments (one per guide who accepted), each linked, and how many guides are still sought. */
export function RequestDeployments({ request: r }: { request: RequestItem }) {
  const { t } = useTranslation();
  const list = useAssignmentList({ requestId: r.id, limit: 20 }, r.assignmentIds.length > 0);
  if (r.assignmentIds.length === 0) return null;
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => r.assignmentIds.indexOf(a.id) - r.assignmentIds.indexOf(b.id),
  );
  const found = r.assignmentIds.length;
  const stillSought = r.guidesNeeded > found && ['new', 'in_review', 'offered'].includes(r.status);
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconUsersGroup aria-hidden />}
      title={t('requests.deploymentsTitle', { count: found })}
    >
      <Stack gap={6}>
        {r.guidesNeeded > 1 && (
          <Text size="sm">
            {t('requests.guidesFound', { found: formatNumber(found), needed: formatNumber(r.guidesNeeded) })}
            {stillSought && ` ${t('requests.stillSought')}`}
          </Text>
        )}
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <Group component="li" key={a.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/assignments/${a.id}`} size="sm" fw={600} underline="always">
                {t('requests.deploymentWith', { name: isolate(a.guideName) })}
              </Anchor>
              <AssignmentStatusBadge status={a.status} size="sm" />
              <Text span size="sm" c="dimmed" className="tabular">
                {t('requests.deploymentSince', { date: formatMomentDate(a.startedAt) })}
              </Text>
              {a.guideContact && (
                <Text span size="sm" data-testid="deployment-contact">
                  <ContactChannel contact={a.guideContact} />
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}
