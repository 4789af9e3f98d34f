import { ActionIcon, Button, Card, Divider, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys, useApiMutation, useOffices } from '../api/queries';
import type { Office } from '../api/types';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { EditModal } from '../components/settings/EditModal';
import { formatDate, formatNumber } from '../i18n/format';

type Values = { name: string; city: string; coordinatorName: string; coordinatorEmail: string };

function OfficeModal({ office, onClose }: { office: Office | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { name: office?.name ?? '', city: office?.city ?? '', coordinatorName: '', coordinatorEmail: '' },
    enhanceGetInputProps: withFieldIds('office'),
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      city: (v) => (v.trim() ? null : t('forms.required.city')),
      coordinatorName: (v, all) =>
        !office && all.coordinatorEmail.trim() && !v.trim() ? t('forms.required.name') : null,
    },
  });
  const errors = useErrorSummary(form, 'office');
  const save = useApiMutation(
    (body: Record<string, string>) => (office ? api.patch(`/offices/${office.id}`, body) : api.post('/offices', body)),
    [keys.offices],
  );
  async function submit(v: Values) {
    errors.clear();
    const body: Record<string, string> = { name: v.name.trim(), city: v.city.trim() };
    if (!office && v.coordinatorEmail.trim()) {
      body.coordinatorEmail = v.coordinatorEmail.trim();
      body.coordinatorName = v.coordinatorName.trim();
    }
    try {
      await save.mutateAsync(body);
      notifySuccess(office ? t('offices.saved') : t('offices.createdMsg', { name: body.name }));
      onClose();
    } catch (error) {
      errors.onServerError(error);
    }
  }
  return (
    <EditModal
      opened
      title={office ? t('offices.edit') : t('offices.create')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
      submitLabel={office ? undefined : t('offices.createSubmit')}
    >
      <TextInput label={t('offices.field.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('offices.field.city')} required {...form.getInputProps('city')} />
      {!office && (
        <>
          <Divider label={t('offices.firstCoordinator')} labelPosition="left" />
          <Text size="xs" c="dimmed">
            {t('offices.firstCoordinatorHint')}
          </Text>
          <TextInput label={t('offices.field.coordinatorName')} {...form.getInputProps('coordinatorName')} />
          <TextInput
            label={t('offices.field.coordinatorEmail')}
            type="email"
            {...form.getInputProps('coordinatorEmail')}
          />
        </>
      )}
    </EditModal>
  );
}

export function OfficesPage() {
  const { t } = useTranslation();
  const offices = useOffices();
  const [editing, setEditing] = useState<Office | 'new' | null>(null);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const editButton = (o: Office) =>
    o.abilities.update !== false && (
      <ActionIcon variant="subtle" aria-label={t('common.editNamed', { name: o.name })} onClick={() => setEditing(o)}>
        <IconEdit size={18} aria-hidden />
      </ActionIcon>
    );

  return (
    <>
      <PageHeader
        title={t('offices.title')}
        subtitle={t('offices.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('offices.create')}
          </Button>
        }
      />
      {offices.isPending ? (
        <LoadingState />
      ) : offices.isError ? (
        <ErrorState error={offices.error} onRetry={() => void offices.refetch()} />
      ) : offices.data.items.length === 0 ? (
        <EmptyState title={t('offices.empty')} />
      ) : wide ? (
        <Table striped="even" withTableBorder bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('offices.field.name')}</Table.Th>
              <Table.Th scope="col">{t('offices.field.city')}</Table.Th>
              <Table.Th scope="col">{t('offices.col.guides')}</Table.Th>
              <Table.Th scope="col">{t('offices.col.users')}</Table.Th>
              <Table.Th scope="col">{t('offices.col.createdAt')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offices.data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td fw={500}>{o.name}</Table.Td>
                <Table.Td>{o.city}</Table.Td>
                <Table.Td className="tabular">{formatNumber(o.guideCount)}</Table.Td>
                <Table.Td className="tabular">{formatNumber(o.userCount)}</Table.Td>
                <Table.Td className="tabular">{formatDate(o.createdAt)}</Table.Td>
                <Table.Td ta="end">{editButton(o)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {offices.data.items.map((o) => (
            <Card key={o.id} component="li" padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{o.name}</Text>
                {editButton(o)}
              </Group>
              <Text size="sm">{o.city}</Text>
              <Text size="sm" c="dimmed">
                {t('offices.counts', { guides: formatNumber(o.guideCount), users: formatNumber(o.userCount) })}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {editing && (
        <OfficeModal
          key={editing === 'new' ? 'new' : editing.id}
          office={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
