import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation, useOffice } from '../../api/queries';
import type { Office } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { applyServerErrors, FormError } from '../FormError';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

export function OfficeTab({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const office = useOffice(officeId);
  const client = useQueryClient();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({ initialValues: { name: '', city: '' } });
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
    setExtra([]);
    try {
      await save.mutateAsync({ name: values.name.trim(), city: values.city.trim() });
      // The header shows the office name from the session.
      await client.invalidateQueries({ queryKey: ['session'] });
      notifySuccess(t('settings.office.saved'));
    } catch (error) {
      setExtra(applyServerErrors(form, error));
    }
  }

  return (
    <Card padding="lg" component="section" aria-labelledby="office-h">
      <Title order={2} size="h4" id="office-h" mb="md">
        {t('settings.office.heading')}
      </Title>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormError error={save.error} extra={extra} />
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
  );
}
