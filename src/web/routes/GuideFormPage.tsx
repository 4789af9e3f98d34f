import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SELF_EDITABLE_GUIDE_FIELDS } from '../../shared/guides.js';
import { api } from '../api/client';
import { keys, useApiMutation, useGuide } from '../api/queries';
import type { Guide, GuideDetail } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormActions, GuideForm } from '../components/guides/GuideForm';
import {
  emptyValues,
  type GuideFormValues,
  patchFromValues,
  payloadFromValues,
  valuesFromGuide,
} from '../components/guides/guideFormValues';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/States';

export function GuideFormPage() {
  const { id } = useParams();
  const guide = useGuide(id);
  if (!id) return <GuideFormBody />;
  if (guide.isPending) return <LoadingState rows={12} />;
  if (guide.isError) return <ErrorState error={guide.error} onRetry={() => void guide.refetch()} />;
  return <GuideFormBody guide={guide.data} />;
}

function GuideFormBody({ guide }: { guide?: GuideDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const initial = useMemo(() => (guide ? valuesFromGuide(guide) : emptyValues()), [guide]);
  const form = useForm<GuideFormValues>({
    initialValues: initial,
    validate: {
      firstName: (v) => (guide && !guide.abilities.updateAll ? null : v.trim() ? null : t('forms.required.firstName')),
      lastName: (v) => (guide && !guide.abilities.updateAll ? null : v.trim() ? null : t('forms.required.lastName')),
      email: (v) => (!v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('forms.invalid.email')),
      languages: {
        code: (v) => (v ? null : t('forms.required.language')),
        level: (v) => (v ? null : t('forms.required.level')),
      },
    },
    enhanceGetInputProps: withFieldIds('gf'),
  });
  const errors = useErrorSummary(form, 'gf');
  // When the page is left open and the guide is reloaded, start from the new state.
  useEffect(() => form.setInitialValues(initial), [initial, form.setInitialValues]);

  const all = !guide || guide.abilities.updateAll;
  const allowed: readonly string[] | 'all' = all ? 'all' : SELF_EDITABLE_GUIDE_FIELDS;
  const editable = (field: string) => allowed === 'all' || allowed.includes(field);
  const own = guide && me?.guideId === guide.id;
  const back = () => navigate(guide ? `/guides/${guide.id}` : '/guides');

  const create = useApiMutation((body: unknown) => api.post<Guide>('/guides', body), [keys.guides]);
  const update = useApiMutation((body: unknown) => api.patch<Guide>(`/guides/${guide?.id}`, body), [keys.guides]);
  const mutation = guide ? update : create;

  async function submit(values: GuideFormValues) {
    errors.clear();
    const body = guide ? patchFromValues(initial, values, allowed) : payloadFromValues(values);
    if (guide && Object.keys(body).length === 0) {
      back();
      return;
    }
    try {
      const saved = await mutation.mutateAsync(body);
      notifySuccess(
        guide ? t('guides.saved') : t('guides.createdMsg', { name: `${saved.firstName} ${saved.lastName}` }),
      );
      navigate(`/guides/${saved.id}`);
    } catch (error) {
      errors.onServerError(error);
    }
  }

  const title = !guide
    ? t('guides.createTitle')
    : own
      ? t('guides.editOwnTitle')
      : t('guides.editTitle', { name: `${guide.firstName} ${guide.lastName}` });
  const crumbs = [
    ...(me?.abilities['guides.list'] ? [{ label: t('guides.title'), to: '/guides' }] : []),
    ...(guide ? [{ label: `${guide.firstName} ${guide.lastName}`, to: `/guides/${guide.id}` }] : []),
  ];

  return (
    <>
      <PageHeader title={title} crumbs={crumbs} subtitle={all ? undefined : t('guides.form.selfHint')} />
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate aria-label={title}>
        <ErrorSummary {...errors.summary} />
        <GuideForm
          form={form}
          editable={editable}
          showNotes={!guide || guide.abilities.viewNotes}
          capacityCeiling={all ? undefined : guide?.capacityCeiling}
          own={!!own}
        />
        <FormActions
          busy={mutation.isPending}
          submitLabel={guide ? t('common.save') : t('guides.createSubmit')}
          onCancel={back}
        />
      </form>
    </>
  );
}
