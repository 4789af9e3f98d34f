import { Code, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSLATED_LOCALES, type TranslatedLocale } from '../../../shared/localized.js';
import { api } from '../../api/client';
import { keys, useApiMutation, useFields, useSpecializations } from '../../api/queries';
import type { ReferenceItem } from '../../api/types';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { ListCard } from '../lists/ListCard';
import { ListResults } from '../lists/ListStates';
import { editDeleteFor, useConfirmDelete } from '../lists/RowActions';
import { notifySuccess } from '../notify';
import { EmptyState } from '../States';
import { TranslatedInto } from './TranslatedInto';
import { TranslationInputs } from './TranslationInputs';

type Values = { key: string; name: string; translations: Record<TranslatedLocale, string> };
const noTranslations = () =>
  Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, ''])) as Record<TranslatedLocale, string>;

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
  const form = useForm<Values>({
    initialValues: {
      key: item?.key ?? '',
      name: item?.name ?? '',
      translations: { ...noTranslations(), ...item?.translations },
    },
    enhanceGetInputProps: withFieldIds('item'),
    validate: { name: (v) => (v.trim() ? null : t('forms.required.name')) },
  });
  const errors = useErrorSummary(form, 'item');
  const save = useApiMutation(
    (v: Values) =>
      item
        ? api.patch(`/${kind}/${item.key}`, { name: v.name, translations: v.translations })
        : api.post(`/${kind}`, { key: v.key, name: v.name, translations: v.translations }),
    [keys[kind]],
  );
  function submit(v: Values) {
    return errors.run(async () => {
      await save.mutateAsync({ key: v.key.trim(), name: v.name.trim(), translations: v.translations });
      notifySuccess(t('settings.saved'));
      onClose();
    });
  }
  return (
    <FormModal
      opened
      title={item ? t(`settings.${kind}.edit`) : t(`settings.${kind}.add`)}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('settings.items.nameGerman')}
        lang="de"
        maxLength={100}
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
      <TranslationInputs
        form={form}
        path="translations"
        locales={TRANSLATED_LOCALES}
        legend={t('settings.items.translations')}
        hint={t('settings.items.translationsHint')}
        maxLength={100}
      />
    </FormModal>
  );
}

export function ReferenceItemsTab({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  // The German names: this is where the office keeps them and their translations.
  const fields = useFields(kind === 'fields', false);
  const specs = useSpecializations(kind === 'specializations', false);
  const query = kind === 'fields' ? fields : specs;
  const [editing, setEditing] = useState<ReferenceItem | 'new' | null>(null);
  const remove = useConfirmDelete({
    remove: (item: ReferenceItem) => api.delete(`/${kind}/${item.key}`),
    invalidate: [keys[kind]],
    title: t(`settings.${kind}.deleteTitle`),
    text: (item) => t('settings.items.deleteText', { name: item.name }),
    done: (item) => t('settings.deleted', { name: item.name }),
  });
  const columns: Column<ReferenceItem>[] = [
    { key: 'name', header: t('settings.items.name'), cell: (item) => item.name, fw: 500 },
    {
      key: 'translations',
      header: t('settings.items.translatedInto'),
      cell: (item) => <TranslatedInto translations={item.translations} />,
    },
    { key: 'key', header: t('settings.items.key'), cell: (item) => <Code>{item.key}</Code> },
  ];

  return (
    <ListCard
      headingId={`${kind}-h`}
      title={t(`settings.tab.${kind}`)}
      intro={t(`settings.${kind}.intro`)}
      addLabel={t(`settings.${kind}.add`)}
      onAdd={() => setEditing('new')}
    >
      <ListResults query={query} empty={<EmptyState title={t('settings.items.empty')} />}>
        {(items) => (
          <DataTable
            items={items}
            rowKey={(item) => item.key}
            columns={columns}
            label={t(`settings.tab.${kind}`)}
            breakpoint="48em"
            cardPadding="sm"
            actions={editDeleteFor<ReferenceItem>(setEditing, remove.ask)}
          />
        )}
      </ListResults>
      {editing && (
        <ItemModal
          key={editing === 'new' ? 'new' : editing.key}
          kind={kind}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </ListCard>
  );
}
