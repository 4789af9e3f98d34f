import { Button, Card, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICT_TERMS, type DistrictTerm } from '../../../shared/enums.js';
import { api } from '../../api/client';
import { coordinationKeys, useOfficeSettings } from '../../api/coordinationQueries';
import type { OfficeSettings } from '../../api/coordinationTypes';
import { keys, useApiMutation, useOffice } from '../../api/queries';
import type { Office } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';
import { MailSignatureCard } from './MailSignatureCard';

export function OfficeTab({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const office = useOffice(officeId);
  const client = useQueryClient();
  const form = useForm({
    initialValues: { name: '', city: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      city: (v) => (v.trim() ? null : t('forms.required.city')),
    },
    enhanceGetInputProps: withFieldIds('office'),
  });
  const errors = useErrorSummary(form, 'office');
  const save = useApiMutation(
    (body: { name: string; city: string }) => api.patch<Office>(`/offices/${officeId}`, body),
    [keys.office(officeId)],
  );
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (office.data) {
      setValues({ name: office.data.name, city: office.data.city });
      resetDirty({ name: office.data.name, city: office.data.city });
    }
  }, [office.data, setValues, resetDirty]);

  if (office.isPending) return <LoadingState rows={3} />;
  if (office.isError) return <ErrorState error={office.error} onRetry={() => void office.refetch()} />;

  async function submit(values: { name: string; city: string }) {
    errors.clear();
    try {
      await save.mutateAsync({ name: values.name.trim(), city: values.city.trim() });
      // The header shows the office name from the session.
      await client.invalidateQueries({ queryKey: ['session'] });
      notifySuccess(t('settings.office.saved'));
    } catch (error) {
      errors.onServerError(error);
    }
  }

  return (
    <Stack>
      <Card padding="lg" component="section" aria-labelledby="office-h">
        <Title order={2} size="h4" id="office-h" mb="md">
          {t('settings.office.heading')}
        </Title>
        <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate>
          <Stack>
            <ErrorSummary {...errors.summary} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('settings.office.name')} required {...form.getInputProps('name')} />
              <TextInput label={t('settings.office.city')} required {...form.getInputProps('city')} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('settings.office.counts', {
                guides: formatNumber(office.data.guideCount),
                users: formatNumber(office.data.userCount),
              })}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <DistrictTermCard />
      <MailSignatureCard />
    </Stack>
  );
}

/** The office's word for its areas (issue #6): every district label in the UI follows it. */
function DistrictTermCard() {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const save = useApiMutation(
    (districtTerm: DistrictTerm) => api.patch<OfficeSettings>('/settings', { districtTerm }),
    [coordinationKeys.settings, keys.districts],
  );
  if (!settings.data) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="district-term-h">
      <Title order={2} size="h4" id="district-term-h" mb="md">
        {t('forms.districtTerm.label')}
      </Title>
      <Radio.Group
        aria-labelledby="district-term-h"
        description={t('forms.districtTerm.hint')}
        value={save.isPending && save.variables ? save.variables : settings.data.districtTerm}
        onChange={async (value) => {
          await save.mutateAsync(value as DistrictTerm);
          notifySuccess(t('forms.districtTerm.saved'));
        }}
      >
        <Group mt="xs" gap="lg">
          {DISTRICT_TERMS.map((term) => (
            <Radio key={term} value={term} label={t(`forms.districtTerm.${term}`)} disabled={save.isPending} />
          ))}
        </Group>
      </Radio.Group>
    </Card>
  );
}
