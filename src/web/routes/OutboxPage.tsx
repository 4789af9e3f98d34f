import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApiMutation, useOutbox } from '../api/queries';
import type { OutboxMessage } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { AppModal } from '../components/AppModal';
import { Field, FieldList } from '../components/Field';
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
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
  const columns: Column<OutboxMessage>[] = [
    { key: 'createdAt', header: t('outbox.col.createdAt'), cell: (m) => formatDateTime(m.createdAt), numeric: true },
    { key: 'to', header: t('outbox.col.to'), cell: (m) => m.to },
    { key: 'subject', header: t('outbox.col.subject'), cell: (m) => m.subject },
    { key: 'status', header: t('outbox.col.status'), cell: (m) => <StatusBadge status={m.status} /> },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.intro')} />
      <FilterBar label={t('outbox.filters')} cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="email"
          label={t('outbox.filterTo')}
          description={t('outbox.filterToHint')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </FilterBar>
      <ListResults
        query={list}
        paging={{ limit: LIMIT, offset, update }}
        empty={<EmptyState title={t('outbox.empty')} text={t('outbox.emptyText')} />}
      >
        {(items) => (
          <DataTable
            items={items}
            rowKey={(m) => m.id}
            columns={columns}
            label={t('outbox.title')}
            hover
            cardPadding="sm"
            actions={openButton}
            card={(m) => (
              <>
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
              </>
            )}
          />
        )}
      </ListResults>
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
