import { MultiSelect, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { eventKeys, type GuideGroup } from '../../api/eventQueries';
import { useApiMutation, useGuideList } from '../../api/queries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

type Values = { name: string; description: string; guideIds: string[] };

/**
 * Create or change a guide group: a name and its members, picked by searching the office's guides. Changed members
 * are invited to occurrences created from now on; invitations already sent stay.
 */
export function GuideGroupModal({ group, onClose }: { group?: GuideGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 300);
  // The first page names the members of a small office at once; a search finds anyone in a larger one.
  const first = useGuideList({ limit: 200, sort: 'lastName' });
  const found = useGuideList({ q: term, limit: 50, sort: 'lastName', status: 'active' }, term.length > 0);
  // Names seen so far, so a chosen guide keeps its label when the next search no longer lists it.
  const names = useRef(new Map<string, string>()).current;
  for (const g of [...(first.data?.items ?? []), ...(found.data?.items ?? [])])
    names.set(g.id, `${g.firstName} ${g.lastName}`);
  const form = useForm<Values>({
    initialValues: { name: group?.name ?? '', description: group?.description ?? '', guideIds: group?.guideIds ?? [] },
    enhanceGetInputProps: withFieldIds('group'),
    validate: { name: (v) => (v.trim() ? null : t('events.groups.nameRequired')) },
  });
  const errors = useErrorSummary(form, 'group');
  const save = useApiMutation(
    (v: Values) => {
      const body = { name: v.name.trim(), description: v.description.trim() || null, guideIds: v.guideIds };
      return group ? api.patch(`/event-groups/${group.id}`, body) : api.post('/event-groups', body);
    },
    [eventKeys.groups],
  );
  const visible = term ? (found.data?.items ?? []).map((g) => g.id) : (first.data?.items ?? []).map((g) => g.id);
  const ids = [...new Set([...form.values.guideIds, ...visible])];
  return (
    <FormModal
      opened
      onClose={onClose}
      title={group ? t('events.groups.edit') : t('events.groups.add')}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('events.groups.saved'));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('events.groups.name')}
        required
        maxLength={120}
        data-autofocus
        dir="auto"
        {...form.getInputProps('name')}
      />
      <Textarea
        label={t('events.groups.description')}
        maxLength={1000}
        autosize
        minRows={2}
        dir="auto"
        {...form.getInputProps('description')}
      />
      <MultiSelect
        label={t('events.groups.members')}
        description={t('events.groups.membersHint')}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        // The server searches; the list shows what it found, so the picker must not filter it again.
        filter={({ options }) => options}
        data={ids.map((id) => ({ value: id, label: names.get(id) ?? t('events.groups.unknownGuide') }))}
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('guideIds')}
      />
    </FormModal>
  );
}
