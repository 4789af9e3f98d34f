import { Group, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation, useDistricts } from '../../api/queries';
import type { District } from '../../api/types';
import { AmountInput, amountRule } from '../AmountInput';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { ListCard } from '../lists/ListCard';
import { ListResults } from '../lists/ListStates';
import { editDeleteFor, useConfirmDelete } from '../lists/RowActions';
import { notifySuccess } from '../notify';
import { EmptyState } from '../States';

type Values = { name: string; lat: number | string | null; lon: number | string | null };

function DistrictModal({
  district,
  opened,
  onClose,
}: {
  district: District | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { name: district?.name ?? '', lat: district?.lat ?? '', lon: district?.lon ?? '' },
    enhanceGetInputProps: withFieldIds('district'),
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      lat: amountRule(t, { required: true }),
      lon: amountRule(t, { required: true }),
    },
  });
  const errors = useErrorSummary(form, 'district');
  const save = useApiMutation(
    (body: { name: string; lat: number; lon: number }) =>
      district ? api.patch(`/districts/${district.id}`, body) : api.post('/districts', body),
    [keys.districts],
  );
  function submit(v: Values) {
    return errors.run(async () => {
      await save.mutateAsync({ name: v.name.trim(), lat: Number(v.lat), lon: Number(v.lon) });
      notifySuccess(t('settings.saved'));
      onClose();
    });
  }
  return (
    <FormModal
      opened={opened}
      title={district ? t('settings.districts.edit') : t('settings.districts.add')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput label={t('settings.districts.name')} required data-autofocus {...form.getInputProps('name')} />
      <Group grow>
        <AmountInput
          label={t('settings.districts.lat')}
          decimals={6}
          min={-90}
          max={90}
          required
          {...form.getInputProps('lat')}
        />
        <AmountInput
          label={t('settings.districts.lon')}
          decimals={6}
          min={-180}
          max={180}
          required
          {...form.getInputProps('lon')}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('settings.districts.coordsHint')}
      </Text>
    </FormModal>
  );
}

export function DistrictsTab() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [editing, setEditing] = useState<District | 'new' | null>(null);
  const remove = useConfirmDelete({
    remove: (d: District) => api.delete(`/districts/${d.id}`),
    invalidate: [keys.districts],
    title: t('settings.districts.deleteTitle'),
    text: (d) => t('settings.districts.deleteText', { name: d.name }),
    done: (d) => t('settings.deleted', { name: d.name }),
  });
  const columns: Column<District>[] = [
    { key: 'name', header: t('settings.districts.name'), cell: (d) => d.name, fw: 500 },
    { key: 'lat', header: t('settings.districts.lat'), cell: (d) => d.lat, numeric: true },
    { key: 'lon', header: t('settings.districts.lon'), cell: (d) => d.lon, numeric: true },
  ];

  return (
    <ListCard
      headingId="districts-h"
      title={t('settings.tab.districts')}
      intro={t('settings.districts.intro')}
      addLabel={t('settings.districts.add')}
      onAdd={() => setEditing('new')}
    >
      <ListResults query={districts} empty={<EmptyState title={t('settings.districts.empty')} />}>
        {(items) => (
          <DataTable
            items={items}
            rowKey={(d) => d.id}
            columns={columns}
            label={t('settings.tab.districts')}
            breakpoint="48em"
            cardPadding="sm"
            actions={editDeleteFor<District>(setEditing, remove.ask)}
          />
        )}
      </ListResults>
      {editing && (
        <DistrictModal
          key={editing === 'new' ? 'new' : editing.id}
          district={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </ListCard>
  );
}
