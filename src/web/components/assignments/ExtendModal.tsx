import { Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { FormModal, useServerErrors } from '../FormModal';
import { notifySuccess } from '../notify';
import { type AgreementModalProps, agreementChangeKeys, isConfirmed } from './EditAgreementModal';

/** A later end date with a reason; like any change to a confirmed agreement, it makes a new version. */
export function ExtendModal({ assignmentId, agreement, opened, onClose }: AgreementModalProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { endsOn: '', reason: '' },
    validate: {
      endsOn: (v) =>
        !v ? t('validation.required') : v <= agreement.endsOn ? t('validation.extensionMustBeLater') : null,
      reason: (v) => (v.trim().length >= 3 ? null : t('validation.reasonRequired')),
    },
  });
  const extend = useApiMutation(
    (v: { endsOn: string; reason: string }) =>
      api.post<AssignmentItem>(`/assignments/${assignmentId}/agreement/extend`, {
        endsOn: v.endsOn,
        reason: v.reason.trim(),
      }),
    agreementChangeKeys(assignmentId),
  );
  const errors = useServerErrors(form);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('assignments.extend')}
      onSubmit={form.onSubmit((v) =>
        errors.run(async () => {
          await extend.mutateAsync(v);
          notifySuccess(t('assignments.extended', { date: formatDate(v.endsOn) }));
          form.reset();
          onClose();
        }),
      )}
      busy={extend.isPending}
      error={{ error: extend.error, extra: errors.extra }}
      submitLabel={t('assignments.extendConfirm')}
    >
      <Text size="sm">{t('assignments.extendText', { date: formatDate(agreement.endsOn) })}</Text>
      {isConfirmed(agreement) && (
        <Text size="sm" c="dimmed">
          {t('assignments.extendNewVersion', { version: agreement.version + 1 })}
        </Text>
      )}
      <TextInput type="date" label={t('assignments.field.newEndsOn')} required {...form.getInputProps('endsOn')} />
      <Textarea
        label={t('assignments.field.extensionReason')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
