import { Card, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PARTNER_TYPES } from '../../shared/enums.js';
import { api } from '../api/client';
import { keys, useApiMutation, usePartner, useReferenceNames } from '../api/queries';
import type { Partner } from '../api/types';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormActions } from '../components/guides/GuideForm';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/States';
import { useDistrictTerm } from '../hooks/useDistrictTerm';

type Values = {
  name: string;
  type: string;
  street: string;
  postalCode: string;
  city: string;
  districtId: string;
  email: string;
  phone: string;
  notes: string;
};

const toValues = (p?: Partner): Values => ({
  name: p?.name ?? '',
  type: p?.type ?? '',
  street: p?.street ?? '',
  postalCode: p?.postalCode ?? '',
  city: p?.city ?? '',
  districtId: p?.districtId ?? '',
  email: p?.email ?? '',
  phone: p?.phone ?? '',
  notes: p?.notes ?? '',
});

function toBody(v: Values) {
  const orNull = (s: string) => (s?.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    type: v.type,
    street: orNull(v.street),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
    districtId: v.districtId || null,
    email: orNull(v.email),
    phone: orNull(v.phone),
    notes: orNull(v.notes),
  };
}

export function PartnerFormPage() {
  const { id } = useParams();
  const partner = usePartner(id);
  if (!id) return <PartnerForm />;
  if (partner.isPending) return <LoadingState rows={8} />;
  if (partner.isError) return <ErrorState error={partner.error} />;
  return <PartnerForm partner={partner.data} />;
}

function PartnerForm({ partner }: { partner?: Partner }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const navigate = useNavigate();
  const ref = useReferenceNames();
  const initial = useMemo(() => toValues(partner), [partner]);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      type: (v) => (v ? null : t('forms.required.partnerType')),
      email: (v) => (!v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('forms.invalid.email')),
    },
    enhanceGetInputProps: withFieldIds('pf'),
  });
  const errors = useErrorSummary(form, 'pf');
  const save = useApiMutation(
    (body: ReturnType<typeof toBody>) =>
      partner ? api.patch<Partner>(`/partners/${partner.id}`, body) : api.post<Partner>('/partners', body),
    [keys.partners],
  );
  const back = () => navigate(partner ? `/partners/${partner.id}` : '/partners');

  async function submit(values: Values) {
    errors.clear();
    try {
      const saved = await save.mutateAsync(toBody(values));
      notifySuccess(partner ? t('partners.saved') : t('partners.createdMsg', { name: saved.name }));
      navigate(`/partners/${saved.id}`);
    } catch (error) {
      errors.onServerError(error);
    }
  }

  const title = partner ? t('partners.editTitle', { name: partner.name }) : t('partners.createTitle');
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: t('partners.title'), to: '/partners' },
          ...(partner ? [{ label: partner.name, to: `/partners/${partner.id}` }] : []),
        ]}
      />
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate aria-label={title}>
        <ErrorSummary {...errors.summary} />
        <Card padding="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('partners.field.name')} required {...form.getInputProps('name')} />
              <Select
                label={t('partners.field.type')}
                required
                data={PARTNER_TYPES.map((p) => ({ value: p, label: t(`partnerType.${p}`) }))}
                allowDeselect={false}
                {...form.getInputProps('type')}
              />
              <TextInput label={t('partners.field.street')} {...form.getInputProps('street')} />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('partners.field.postalCode')}
                  inputMode="numeric"
                  {...form.getInputProps('postalCode')}
                />
                <TextInput label={t('partners.field.city')} {...form.getInputProps('city')} />
              </SimpleGrid>
              <Select
                label={districtWord.label}
                data={ref.districts.map((d) => ({ value: d.id, label: d.name }))}
                clearable
                searchable
                {...form.getInputProps('districtId')}
              />
              <TextInput label={t('partners.field.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('partners.field.phone')} type="tel" dir="ltr" {...form.getInputProps('phone')} />
            </SimpleGrid>
            <Textarea label={t('partners.field.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
          </Stack>
        </Card>
        <FormActions
          busy={save.isPending}
          submitLabel={partner ? t('common.save') : t('partners.createSubmit')}
          onCancel={back}
        />
      </form>
    </>
  );
}
