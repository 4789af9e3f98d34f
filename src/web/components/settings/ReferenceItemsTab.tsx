import { ActionIcon, Button, Card, Code, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation, useFields, useSpecializations } from '../../api/queries';
import type { ReferenceItem } from '../../api/types';
import { ConfirmDialog } from '../ConfirmDialog';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { EmptyState, ErrorState, LoadingState } from '../States';
import { EditModal } from './EditModal';

type Kind = 'fields' | 'specializations';

/** Suggests a stable key from a name: "Sport & Kultur" → "sport_kultur". */
function keyFrom(name: string) {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

function ItemModal({ kind, item, onClose }: { kind: Kind; item: ReferenceItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [keyTouched, setKeyTouched] = useState(false);
  const form = useForm({
    initialValues: { key: item?.key ?? '', name: item?.name ?? '' },
    enhanceGetInputProps: withFieldIds('item'),
    validate: { name: (v) => (v.trim() ? null : t('forms.required.name')) },
  });
  const errors = useErrorSummary(form, 'item');
  const save = useApiMutation(
    (v: { key: string; name: string }) =>
      item ? api.patch(`/${kind}/${item.key}`, { name: v.name }) : api.post(`/${kind}`, { key: v.key, name: v.name }),
    [keys[kind]],
  );
  async function submit(v: { key: string; name: string }) {
    errors.clear();
    try {
      await save.mutateAsync({ key: v.key.trim(), name: v.name.trim() });
      notifySuccess(t('settings.saved'));
      onClose();
    } catch (error) {
      errors.onServerError(error);
    }
  }
  return (
    <EditModal
      opened
      title={item ? t(`settings.${kind}.edit`) : t(`settings.${kind}.add`)}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('settings.items.name')}
        required
        data-autofocus
        {...form.getInputProps('name')}
        onChange={(e) => {
          const name = e.currentTarget.value;
          form.setFieldValue('name', name);
          if (!item && !keyTouched) form.setFieldValue('key', keyFrom(name));
        }}
      />
      {!item && (
        <TextInput
          label={t('settings.items.key')}
          description={t('settings.items.keyHint')}
          required
          dir="ltr"
          {...form.getInputProps('key')}
          onChange={(e) => {
            setKeyTouched(true);
            form.setFieldValue('key', e.currentTarget.value);
          }}
        />
      )}
    </EditModal>
  );
}

export function ReferenceItemsTab({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const fields = useFields(kind === 'fields');
  const specs = useSpecializations(kind === 'specializations');
  const query = kind === 'fields' ? fields : specs;
  const [editing, setEditing] = useState<ReferenceItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReferenceItem | null>(null);
  const remove = useApiMutation((key: string) => api.delete(`/${kind}/${key}`), [keys[kind]]);
  const headingId = `${kind}-h`;

  return (
    <Card padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {t(`settings.tab.${kind}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`settings.${kind}.intro`)}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t(`settings.${kind}.add`)}
        </Button>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('settings.items.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped="even" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.items.name')}</Table.Th>
                <Table.Th scope="col">{t('settings.items.key')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((item) => (
                <Table.Tr key={item.key}>
                  <Table.Td fw={500}>{item.name}</Table.Td>
                  <Table.Td>
                    <Code>{item.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {item.abilities.update && (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('common.editNamed', { name: item.name })}
                          onClick={() => setEditing(item)}
                        >
                          <IconEdit size={18} aria-hidden />
                        </ActionIcon>
                      )}
                      {item.abilities.delete && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('common.deleteNamed', { name: item.name })}
                          onClick={() => setDeleting(item)}
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
        <ItemModal
          key={editing === 'new' ? 'new' : editing.key}
          kind={kind}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t(`settings.${kind}.deleteTitle`)}
        text={t('settings.items.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
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
