import { Button, Divider, Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys, useApiMutation, useOffices } from '../api/queries';
import type { Office } from '../api/types';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormModal } from '../components/FormModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { ListResults } from '../components/lists/ListStates';
import { editDeleteFor } from '../components/lists/RowActions';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
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
  function submit(v: Values) {
    const body: Record<string, string> = { name: v.name.trim(), city: v.city.trim() };
    if (!office && v.coordinatorEmail.trim()) {
      body.coordinatorEmail = v.coordinatorEmail.trim();
      body.coordinatorName = v.coordinatorName.trim();
    }
    return errors.run(async () => {
      await save.mutateAsync(body);
      notifySuccess(office ? t('offices.saved') : t('offices.createdMsg', { name: body.name }));
      onClose();
    });
  }
  return (
    <FormModal
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
    </FormModal>
  );
}

export function OfficesPage() {
  const { t } = useTranslation();
  const offices = useOffices();
  const [editing, setEditing] = useState<Office | 'new' | null>(null);
  const editButton = editDeleteFor<Office>(setEditing);
  const columns: Column<Office>[] = [
    { key: 'name', header: t('offices.field.name'), cell: (o) => o.name, fw: 500 },
    { key: 'city', header: t('offices.field.city'), cell: (o) => o.city },
    { key: 'guides', header: t('offices.col.guides'), cell: (o) => formatNumber(o.guideCount), numeric: true },
    { key: 'users', header: t('offices.col.users'), cell: (o) => formatNumber(o.userCount), numeric: true },
    { key: 'createdAt', header: t('offices.col.createdAt'), cell: (o) => formatDate(o.createdAt), numeric: true },
  ];

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
      <ListResults query={offices} empty={<EmptyState title={t('offices.empty')} />}>
        {(items) => (
          <DataTable
            items={items}
            rowKey={(o) => o.id}
            columns={columns}
            label={t('offices.title')}
            breakpoint="48em"
            cardPadding="sm"
            actions={editButton}
            card={(o) => (
              <>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{o.name}</Text>
                  {editButton(o)}
                </Group>
                <Text size="sm">{o.city}</Text>
                <Text size="sm" c="dimmed">
                  {t('offices.counts', { guides: formatNumber(o.guideCount), users: formatNumber(o.userCount) })}
                </Text>
              </>
            )}
          />
        )}
      </ListResults>
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
