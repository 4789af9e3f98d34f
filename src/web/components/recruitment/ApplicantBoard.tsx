import { Anchor, Badge, Box, Card, Group, type MantineColor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICANT_STATUSES, type ApplicantStatus } from '../../../shared/recruitment.js';
import type { Applicant } from '../../api/recruitmentQueries';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../lists/DataTable';

export const APPLICANT_COLORS: Record<ApplicantStatus, MantineColor> = {
  interested: 'gray',
  conversation_held: 'blue',
  enrolled: 'grape',
  certified: 'orange',
  active: 'green',
  dropped_out: 'red',
};

export function ApplicantStatusBadge({ status }: { status: ApplicantStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={APPLICANT_COLORS[status]}>
      {t(`recruitment.status.${status}`)}
    </Badge>
  );
}

const nameOf = (a: Applicant) => `${a.firstName} ${a.lastName}`;

function Flags({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {!applicant.emailConfirmedAt && (
        <Badge variant="light" color="orange" size="sm">
          {t('recruitment.unconfirmed')}
        </Badge>
      )}
      {applicant.guideId && (
        <Badge variant="light" color="green" size="sm">
          {t('recruitment.accepted')}
        </Badge>
      )}
    </Group>
  );
}

/** The pipeline as columns per status; on a phone the board scrolls sideways. */
export function ApplicantBoard({ items }: { items: Applicant[] }) {
  const { t } = useTranslation();
  return (
    // The board scrolls sideways on a phone; the keyboard reaches it (tab stop) to scroll it too.
    <Box component="section" aria-label={t('recruitment.view.board')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
        {APPLICANT_STATUSES.map((status) => {
          const column = items.filter((a) => a.status === status);
          return (
            <Paper
              key={status}
              withBorder
              p="sm"
              bg="gray.0"
              w={250}
              miw={250}
              component="section"
              aria-labelledby={`board-${status}`}
            >
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Title order={2} size="h5" id={`board-${status}`}>
                  {t(`recruitment.status.${status}`)}
                </Title>
                <Badge
                  variant="light"
                  color={APPLICANT_COLORS[status]}
                  aria-label={t('recruitment.count', { count: column.length })}
                >
                  {column.length}
                </Badge>
              </Group>
              {column.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('recruitment.emptyColumn')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {column.map((a) => (
                    <Box component="li" key={a.id}>
                      <Card withBorder padding="xs">
                        <Anchor component={Link} to={`/recruitment/${a.id}`} fw={600} dir="auto">
                          {nameOf(a)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t('recruitment.col.since')} {formatDate(a.statusOn)}
                        </Text>
                        <Flags applicant={a} />
                      </Card>
                    </Box>
                  ))}
                </Stack>
              )}
            </Paper>
          );
        })}
      </Group>
    </Box>
  );
}

/** The same applicants as a list (table on a wide screen, cards on a phone). */
export function ApplicantTable({ items }: { items: Applicant[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      items={items}
      rowKey={(a) => a.id}
      label={t('recruitment.view.list')}
      columns={[
        {
          key: 'name',
          header: t('recruitment.col.name'),
          dir: 'auto',
          cell: (a) => (
            <Anchor component={Link} to={`/recruitment/${a.id}`}>
              {nameOf(a)}
            </Anchor>
          ),
        },
        { key: 'status', header: t('recruitment.col.status'), cell: (a) => <ApplicantStatusBadge status={a.status} /> },
        { key: 'since', header: t('recruitment.col.since'), numeric: true, cell: (a) => formatDate(a.statusOn) },
        { key: 'email', header: t('recruitment.col.email'), dir: 'ltr', cell: (a) => a.email },
        { key: 'flags', header: '', hiddenHeader: true, cell: (a) => <Flags applicant={a} /> },
      ]}
    />
  );
}
