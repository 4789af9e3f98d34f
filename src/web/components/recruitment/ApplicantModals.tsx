import { Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { APPLICANT_STATUSES, CONVERSATION_OUTCOMES } from '../../../shared/recruitment.js';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { type ApplicantDetail, recruitmentKeys } from '../../api/recruitmentQueries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

const todayIso = () => new Date().toISOString().slice(0, 10);
const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Move the applicant to a status, dated and noted; `dropOut` asks only for the date and the reason. */
export function StepModal({
  applicant,
  dropOut,
  onClose,
}: {
  applicant: ApplicantDetail;
  dropOut: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { status: dropOut ? 'dropped_out' : '', on: todayIso(), note: '', dropOutReason: '' },
    validate: {
      status: (v) => (v ? null : t('validation.required')),
      on: (v) => (v ? null : t('validation.required')),
      dropOutReason: (v, values) =>
        values.status === 'dropped_out' && !v.trim() ? t('validation.dropOutReasonRequired') : null,
    },
    enhanceGetInputProps: withFieldIds('as'),
  });
  const errors = useErrorSummary(form, 'as');
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post(`/applicants/${applicant.id}/steps`, {
        status: v.status,
        on: v.on,
        note: orNull(v.note),
        dropOutReason: v.status === 'dropped_out' ? orNull(v.dropOutReason) : null,
      }),
    [recruitmentKeys.applicants],
  );
  const statuses = APPLICANT_STATUSES.filter((s) => s !== applicant.status && (dropOut || s !== 'dropped_out'));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={dropOut ? t('recruitment.action.dropOut') : t('recruitment.action.step')}
      busy={save.isPending}
      danger={dropOut}
      summary={errors.summary}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('recruitment.stepDone'));
            onClose();
          }),
        errors.onInvalid,
      )}
    >
      {!dropOut && (
        <Select
          label={t('recruitment.field.status')}
          required
          data={statuses.map((s) => ({ value: s, label: t(`recruitment.status.${s}`) }))}
          {...form.getInputProps('status')}
        />
      )}
      <TextInput type="date" label={t('recruitment.field.on')} required {...form.getInputProps('on')} />
      {(dropOut || form.values.status === 'dropped_out') && (
        <TextInput
          label={t('recruitment.field.reason')}
          required
          maxLength={1000}
          {...form.getInputProps('dropOutReason')}
        />
      )}
      <Textarea
        label={t('recruitment.field.note')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}

/** A get-to-know conversation: date, who held it, outcome, note. */
export function ConversationModal({ applicant, onClose }: { applicant: ApplicantDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { heldOn: todayIso(), heldBy: applicant.coordinators[0]?.id ?? '', outcome: '', note: '' },
    validate: {
      heldOn: (v) => (v ? null : t('validation.required')),
      heldBy: (v) => (v ? null : t('validation.required')),
      outcome: (v) => (v ? null : t('validation.required')),
    },
    enhanceGetInputProps: withFieldIds('ac'),
  });
  const errors = useErrorSummary(form, 'ac');
  const save = useApiMutation(
    (v: typeof form.values) =>
      api.post(`/applicants/${applicant.id}/conversations`, {
        heldOn: v.heldOn,
        heldBy: v.heldBy,
        outcome: v.outcome,
        note: orNull(v.note),
      }),
    [recruitmentKeys.applicants],
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('recruitment.action.converse')}
      busy={save.isPending}
      summary={errors.summary}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('recruitment.conversationDone'));
            onClose();
          }),
        errors.onInvalid,
      )}
    >
      <TextInput type="date" label={t('recruitment.field.heldOn')} required {...form.getInputProps('heldOn')} />
      <Select
        label={t('recruitment.field.heldBy')}
        required
        data={applicant.coordinators.map((c) => ({ value: c.id, label: c.name }))}
        {...form.getInputProps('heldBy')}
      />
      <Select
        label={t('recruitment.field.outcome')}
        required
        data={CONVERSATION_OUTCOMES.map((o) => ({ value: o, label: t(`recruitment.outcome.${o}`) }))}
        {...form.getInputProps('outcome')}
      />
      <Textarea
        label={t('recruitment.field.note')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}
