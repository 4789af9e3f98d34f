import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_MATTERS } from '../../shared/requests.js';
import { api } from '../api/client';
import { coordinationKeys, useServices } from '../api/coordinationQueries';
import type { ServiceEntry } from '../api/coordinationTypes';
import { useApiMutation } from '../api/queries';
import { FormModal, useServerErrors } from '../components/FormModal';
import { QueryView } from '../components/lists/ListStates';
import { editDeleteFor, useConfirmDelete } from '../components/lists/RowActions';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { languageFilter, useReferenceOptions } from '../hooks/useOptions';
import { formatList, languageName } from '../i18n/format';

type Values = {
  name: string;
  topics: string[];
  phone: string;
  email: string;
  url: string;
  address: string;
  languages: string[];
  notes: string;
};

const toValues = (s?: ServiceEntry): Values => ({
  name: s?.name ?? '',
  topics: s?.topics ?? [],
  phone: s?.phone ?? '',
  email: s?.email ?? '',
  url: s?.url ?? '',
  address: s?.address ?? '',
  languages: s?.languages ?? [],
  notes: s?.notes ?? '',
});

const orNull = (v: string) => (v.trim() ? v.trim() : null);

function ServiceModal({ service, onClose }: { service?: ServiceEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useReferenceOptions();
  const form = useForm<Values>({
    initialValues: toValues(service),
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      topics: (v) => (v.length ? null : t('validation.too_small_array', { minimum: 1 })),
    },
  });
  const save = useApiMutation(
    (v: Values) => {
      const body = {
        name: v.name.trim(),
        topics: v.topics,
        phone: orNull(v.phone),
        email: orNull(v.email),
        url: orNull(v.url),
        address: orNull(v.address),
        languages: v.languages,
        notes: orNull(v.notes),
      };
      return service ? api.patch(`/services/${service.id}`, body) : api.post('/services', body);
    },
    [coordinationKeys.services],
  );
  const errors = useServerErrors(form);
  const title = service ? t('services.editTitle', { name: service.name }) : t('services.createTitle');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      onSubmit={form.onSubmit((v) =>
        errors.run(async () => {
          await save.mutateAsync(v);
          notifySuccess(service ? t('services.saved') : t('services.created', { name: v.name.trim() }));
          onClose();
        }),
      )}
      busy={save.isPending}
      error={{ error: save.error, extra: errors.extra }}
      submitLabel={service ? undefined : t('services.createSubmit')}
    >
      <TextInput label={t('services.field.name')} required maxLength={200} {...form.getInputProps('name')} />
      <Checkbox.Group
        label={t('services.field.topics')}
        description={t('services.topicsHint')}
        required
        {...form.getInputProps('topics')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {REQUEST_MATTERS.map((m) => (
            <Checkbox key={m} value={m} label={t(`requests.matter.${m}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('services.field.phone')} type="tel" dir="ltr" {...form.getInputProps('phone')} />
        <TextInput label={t('services.field.email')} type="email" {...form.getInputProps('email')} />
        <TextInput
          label={t('services.field.url')}
          type="url"
          dir="ltr"
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        <MultiSelect
          label={t('services.field.languages')}
          data={options.languages}
          filter={languageFilter}
          searchable
          clearable
          maxValues={20}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('languages')}
        />
      </SimpleGrid>
      <TextInput label={t('services.field.address')} maxLength={300} {...form.getInputProps('address')} />
      <Textarea
        label={t('services.field.notes')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('notes')}
      />
    </FormModal>
  );
}

/** The office's directory of counselling services and regular services, where out-of-scope matters go. */
export function ServicesPage() {
  const { t } = useTranslation();
  const services = useServices();
  const [editing, setEditing] = useState<ServiceEntry | 'new' | null>(null);
  const remove = useConfirmDelete({
    remove: (s: ServiceEntry) => api.delete(`/services/${s.id}`),
    invalidate: [coordinationKeys.services],
    title: t('services.deleteTitle'),
    text: (s) => t('services.deleteText', { name: s.name }),
    done: (s) => t('services.deleted', { name: s.name }),
  });
  const actions = editDeleteFor<ServiceEntry>(setEditing, remove.ask, { size: 36 });
  const items = [...(services.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title={t('services.title')}
        subtitle={t('services.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('services.create')}
          </Button>
        }
      />
      <QueryView
        query={services}
        loadingRows={6}
        isEmpty={() => items.length === 0}
        empty={<EmptyState title={t('services.empty')} text={t('services.emptyText')} />}
      >
        {() => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((s) => (
              <Card key={s.id} component="li" padding="lg">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Title order={2} size="h5">
                    {s.name}
                  </Title>
                  <Group gap={4} wrap="nowrap">
                    {actions(s)}
                  </Group>
                </Group>
                <Group gap={4} mt={6}>
                  {s.topics.map((m) => (
                    <Badge key={m} variant="light" color="orange" size="sm">
                      {t(`requests.matter.${m}`)}
                    </Badge>
                  ))}
                </Group>
                <Stack gap={2} mt="sm">
                  {s.phone && (
                    <Text size="sm">
                      {t('services.field.phone')}:{' '}
                      <Anchor href={`tel:${s.phone.replace(/[^+\d]/g, '')}`} dir="ltr">
                        {s.phone}
                      </Anchor>
                    </Text>
                  )}
                  {s.email && (
                    <Text size="sm">
                      {t('services.field.email')}: <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
                    </Text>
                  )}
                  {s.url && (
                    <Text size="sm">
                      {t('services.field.url')}:{' '}
                      <Anchor href={s.url} target="_blank" rel="noopener noreferrer" dir="ltr">
                        {s.url}
                      </Anchor>
                    </Text>
                  )}
                  {s.address && <Text size="sm">{s.address}</Text>}
                  {s.languages.length > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('services.languagesLine', { list: formatList(s.languages.map((c) => languageName(c))) })}
                    </Text>
                  )}
                  {s.notes && (
                    <Text size="sm" c="dimmed" className="preformatted">
                      {s.notes}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      {editing && <ServiceModal service={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {remove.dialog}
    </>
  );
}
