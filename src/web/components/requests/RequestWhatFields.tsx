import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { detectOutOfScope, sensitiveCategories } from '../../../domain/outOfScope.js';
import { REQUEST_MATTERS, REQUEST_TYPES, URGENCIES } from '../../../shared/requests.js';
import { useServices } from '../../api/coordinationQueries';
import { useReferenceNames } from '../../api/queries';
import { SectionFieldset } from '../coordination/SectionCard';
import { OutOfScopeAlert, SensitiveTextWarning } from './RequestWarnings';
import type { RequestFormType } from './requestFormValues';

/** What the request is about; the free texts warn live against sensitive details and out-of-scope matters. */
export function RequestWhatFields({ form }: { form: RequestFormType }) {
  const { t } = useTranslation();
  const ref = useReferenceNames();
  const services = useServices();
  const v = form.getValues();

  const sensitive = useMemo(
    () => [...new Set([...sensitiveCategories(v.description), ...sensitiveCategories(v.notes)])],
    [v.description, v.notes],
  );
  const findings = useMemo(
    () =>
      detectOutOfScope({ matters: v.matters, field: v.field || null, type: v.type, texts: [v.description, v.notes] }),
    [v.matters, v.field, v.type, v.description, v.notes],
  );
  const suggested = useMemo(() => {
    const matters = new Set(findings.map((f) => f.matter));
    return (services.data?.items ?? []).filter((s) => s.topics.some((topic) => matters.has(topic)));
  }, [findings, services.data]);

  return (
    <SectionFieldset title={t('requests.form.sectionWhat')} id="rf-what">
      <Stack>
        <TextInput
          label={t('requests.field.title')}
          description={t('requests.form.titleHint')}
          required
          maxLength={120}
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('requests.field.field')}
            required
            data={ref.fields.map((f) => ({ value: f.key, label: f.name }))}
            allowDeselect={false}
            {...form.getInputProps('field')}
          />
          <Select
            label={t('requests.field.urgency')}
            required
            data={URGENCIES.map((value) => ({ value, label: t(`requests.urgency.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('urgency')}
          />
        </SimpleGrid>
        <Radio.Group label={t('requests.field.type')} required {...form.getInputProps('type')}>
          <Group mt="xs" gap="lg">
            {REQUEST_TYPES.map((type) => (
              <Radio key={type} value={type} label={t(`requests.type.${type}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('requests.field.description')}
          description={t('requests.form.descriptionHint')}
          required
          autosize
          minRows={4}
          maxRows={14}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <div aria-live="polite">
          <SensitiveTextWarning categories={sensitive} />
        </div>
        <Checkbox.Group
          label={t('requests.field.matters')}
          description={t('requests.form.mattersHint')}
          {...form.getInputProps('matters')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {REQUEST_MATTERS.map((m) => (
              <Checkbox key={m} value={m} label={t(`requests.matter.${m}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <div aria-live="polite">
          <OutOfScopeAlert findings={findings} services={suggested} live />
        </div>
      </Stack>
    </SectionFieldset>
  );
}
