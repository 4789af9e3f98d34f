import { Anchor, Badge, Button, Card, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApiMutation, useOutbox } from '../api/queries';
import type { OutboxMessage } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { AppModal } from '../components/AppModal';
import { Field, FieldList } from '../components/Field';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { useDebouncedInput } from '../hooks/useDebounced';
import { useSearchState } from '../hooks/useSearchState';
import { formatDateTime } from '../i18n/format';

const LIMIT = 25;
const STATUS_COLORS: Record<string, string> = { sent: 'green', stored: 'blue', queued: 'gray', failed: 'red' };

/** Mail text with its links clickable (links with tokens are never here: the server stores placeholders). */
function MailText({ text }: { text: string }) {
  // Each fragment is keyed by its position in the text.
  let position = 0;
  const parts = text.split(/(https?:\/\/[^\s]+)/g).map((part) => {
    const at = position;
    position += part.length;
    return { at, part, link: /^https?:\/\//.test(part) };
  });
  return (
    <Text component="pre" size="sm" className="preformatted" dir="auto">
      {parts.map(({ at, part, link }) =>
        link ? (
          <Anchor key={at} href={part} underline="always" style={{ overflowWrap: 'anywhere' }}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={at}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'}>
      {t(`outbox.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const { values, update, offset } = useSearchState(['to'] as const);
  const [to, setTo] = useDebouncedInput(values.to, (v) => update({ to: v }));
  const list = useOutbox({ to: values.to, limit: LIMIT, offset });
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const { me } = useAuth();
  // Failed mail (after the queue's retries) can be sent again by the office's coordinator.
  const resend = useApiMutation((id: string) => api.post<OutboxMessage>(`/outbox/${id}/resend`, {}), [['outbox']]);
  const sendAgain = (m: OutboxMessage) =>
    resend.mutate(m.id, {
      onSuccess: (updated) => {
        setOpen(updated);
        notifySuccess(t('jobs.outbox.resent'));
      },
      onError: () => notifyError(t('errors.conflict')),
    });

  const openButton = (m: OutboxMessage) => (
    <Button
      size="xs"
      variant="light"
      onClick={() => setOpen(m)}
      aria-label={t('outbox.openNamed', { subject: m.subject })}
    >
      {t('outbox.open')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.intro')} />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('outbox.filters')}>
        <TextInput
          type="email"
          label={t('outbox.filterTo')}
          description={t('outbox.filterToHint')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          maw={420}
        />
      </Paper>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('outbox.empty')} text={t('outbox.emptyText')} />
      ) : (
        <>
          {wide ? (
            <Table striped="even" withTableBorder bg="white" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outbox.col.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.col.to')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.col.subject')}</Table.Th>
                  <Table.Th scope="col">{t('outbox.col.status')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td className="tabular">{formatDateTime(m.createdAt)}</Table.Td>
                    <Table.Td>{m.to}</Table.Td>
                    <Table.Td>{m.subject}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={m.status} />
                    </Table.Td>
                    <Table.Td ta="end">{openButton(m)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.data.items.map((m) => (
                <Card key={m.id} component="li" padding="sm">
                  <Text fw={600}>{m.subject}</Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {m.to}
                  </Text>
                  <Group justify="space-between" mt={6}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(m.createdAt)}
                    </Text>
                    <Group gap="xs">
                      <StatusBadge status={m.status} />
                      {openButton(m)}
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
          <Pager
            total={list.data.total}
            limit={LIMIT}
            offset={offset}
            onChange={(o) => update({ offset: String(o) }, false)}
          />
        </>
      )}
      <AppModal opened={open !== null} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        {open && (
          <Stack>
            <FieldList>
              <Field label={t('outbox.col.to')}>{open.to}</Field>
              <Field label={t('outbox.col.status')}>
                <StatusBadge status={open.status} />
              </Field>
              <Field label={t('outbox.col.createdAt')}>{formatDateTime(open.createdAt)}</Field>
              <Field label={t('outbox.col.sentAt')}>{formatDateTime(open.sentAt)}</Field>
              {open.attempts > 0 && <Field label={t('jobs.outbox.attempts')}>{open.attempts}</Field>}
              {open.error && (
                <Field label={t('jobs.outbox.error')}>
                  <Text size="sm" c="red.8" dir="auto" style={{ overflowWrap: 'anywhere' }}>
                    {open.error}
                  </Text>
                </Field>
              )}
            </FieldList>
            {open.status === 'failed' && me?.role === 'coordinator' && (
              <Group>
                <Button onClick={() => sendAgain(open)} loading={resend.isPending}>
                  {t('jobs.outbox.resend')}
                </Button>
              </Group>
            )}
            <Paper withBorder p="md" bg="gray.0">
              <MailText text={open.text} />
            </Paper>
          </Stack>
        )}
      </AppModal>
    </>
  );
}
