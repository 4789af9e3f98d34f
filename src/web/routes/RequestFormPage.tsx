import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { coordinationKeys, coordinationWide, useRequest } from '../api/coordinationQueries';
import type { RequestItem } from '../api/coordinationTypes';
import { useApiMutation, useReferenceNames } from '../api/queries';
import { useAuth } from '../auth/AuthProvider';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormActions } from '../components/guides/GuideForm';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { RequestForm, requestValidation } from '../components/requests/RequestForm';
import {
  type RequestFormValues,
  toCreateBody,
  toPatchBody,
  toRequestValues,
} from '../components/requests/requestFormValues';
import { ErrorState, LoadingState } from '../components/States';

/** The statuses in which the number of guides needed may still change. */
const MATCHING = ['new', 'in_review', 'offered'];

/** /requests/new (partner portal or coordinator phone intake) and /requests/:id/edit. */
export function RequestFormPage() {
  const { id } = useParams();
  const request = useRequest(id);
  if (!id) return <RequestEditor />;
  if (request.isPending) return <LoadingState rows={10} />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  if (!request.data.abilities.update) return <Navigate to={`/requests/${id}`} replace />;
  return <RequestEditor request={request.data} />;
}

function RequestEditor({ request }: { request?: RequestItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  // A partner contact files for their own organisation; a coordinator picks the partner (phone intake).
  const intake = !me?.partnerId;
  const { districtTerm } = useReferenceNames();
  const initial = useMemo(() => toRequestValues(request), [request]);
  const form = useForm<RequestFormValues>({
    initialValues: initial,
    validate: requestValidation(t, { partner: intake && !request, districtTerm }),
    enhanceGetInputProps: withFieldIds('rf'),
  });
  const errors = useErrorSummary(form, 'rf');
  const save = useApiMutation(
    (values: RequestFormValues) =>
      request
        ? api.patch<RequestItem>(`/requests/${request.id}`, toPatchBody(values))
        : api.post<RequestItem>('/requests', toCreateBody(values, intake)),
    [...coordinationWide, ...(request ? [coordinationKeys.request(request.id)] : [])],
  );

  async function submit(values: RequestFormValues) {
    errors.clear();
    try {
      const saved = await save.mutateAsync(values);
      notifySuccess(request ? t('requests.savedMsg') : t('requests.createdMsg', { title: saved.title }));
      navigate(`/requests/${saved.id}`, { state: { justSaved: true } });
    } catch (error) {
      errors.onServerError(error);
    }
  }

  const listLabel = intake ? t('requests.title') : t('requests.myTitle');
  const title = request ? t('requests.editTitle') : intake ? t('requests.intakeTitle') : t('requests.createTitle');
  return (
    <>
      <PageHeader
        title={title}
        subtitle={request ? request.title : intake ? t('requests.intakeSubtitle') : t('requests.createSubtitle')}
        crumbs={[
          { label: listLabel, to: '/requests' },
          ...(request ? [{ label: request.title, to: `/requests/${request.id}` }] : []),
        ]}
      />
      <form onSubmit={form.onSubmit(submit, errors.onInvalid)} noValidate aria-label={title} style={{ maxWidth: 880 }}>
        <ErrorSummary {...errors.summary} />
        <RequestForm
          form={form}
          mode={request ? 'edit' : 'create'}
          intake={intake}
          lockGuidesNeeded={!!request && !MATCHING.includes(request.status)}
        />
        <FormActions
          busy={save.isPending}
          submitLabel={request ? t('common.save') : t('requests.submit')}
          onCancel={() => navigate(request ? `/requests/${request.id}` : '/requests')}
        />
      </form>
    </>
  );
}
