import { ActionIcon, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation, useDistricts } from '../../api/queries';
import type { District } from '../../api/types';
import { AmountInput, amountRule } from '../AmountInput';
import { ConfirmDialog } from '../ConfirmDialog';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { EmptyState, ErrorState, LoadingState } from '../States';
import { EditModal } from './EditModal';

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
  async function submit(v: Values) {
    errors.clear();
    try {
      await save.mutateAsync({ name: v.name.trim(), lat: Number(v.lat), lon: Number(v.lon) });
      notifySuccess(t('settings.saved'));
      onClose();
    } catch (error) {
      errors.onServerError(error);
    }
  }
  return (
    <EditModal
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
    </EditModal>
  );
}

export function DistrictsTab() {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [editing, setEditing] = useState<District | 'new' | null>(null);
  const [deleting, setDeleting] = useState<District | null>(null);
  const remove = useApiMutation((id: string) => api.delete(`/districts/${id}`), [keys.districts]);

  return (
    <Card padding="lg" component="section" aria-labelledby="districts-h">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4" id="districts-h">
            {t('settings.tab.districts')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.districts.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('settings.districts.add')}
        </Button>
      </Group>
      {districts.isPending ? (
        <LoadingState />
      ) : districts.isError ? (
        <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
      ) : districts.data.items.length === 0 ? (
        <EmptyState title={t('settings.districts.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped="even" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.districts.name')}</Table.Th>
                <Table.Th scope="col">{t('settings.districts.lat')}</Table.Th>
                <Table.Th scope="col">{t('settings.districts.lon')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {districts.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td fw={500}>{d.name}</Table.Td>
                  <Table.Td className="tabular">{d.lat}</Table.Td>
                  <Table.Td className="tabular">{d.lon}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {d.abilities.update && (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('common.editNamed', { name: d.name })}
                          onClick={() => setEditing(d)}
                        >
                          <IconEdit size={18} aria-hidden />
                        </ActionIcon>
                      )}
                      {d.abilities.delete && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('common.deleteNamed', { name: d.name })}
                          onClick={() => setDeleting(d)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <DistrictModal
          key={editing === 'new' ? 'new' : editing.id}
          district={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('settings.districts.deleteTitle')}
        text={t('settings.districts.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess(t('settings.deleted', { name: deleting.name }));
              setDeleting(null);
            },
          })
        }
      />
    </Card>
  );
}
