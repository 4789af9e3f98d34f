import { Alert, Stack, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SectionFieldset } from '../coordination/SectionCard';
import { PartnerPicker } from './PartnerPicker';
import { RequestPersonFields } from './RequestPersonFields';
import { RequestWhatFields } from './RequestWhatFields';
import { RequestWhenFields } from './RequestWhenFields';
import { RequestWhoFields } from './RequestWhoFields';
import type { RequestFormType } from './requestFormValues';

export { requestValidation } from './requestValidation';

/**
 * The request form for partners (their portal) and coordinators (phone intake). One column on phones; the
 * free-text fields warn live against sensitive details, and ticked matters show the out-of-scope warning.
 */
export function RequestForm({
  form,
  mode,
  intake,
  lockGuidesNeeded = false,
}: {
  form: RequestFormType;
  mode: 'create' | 'edit';
  intake: boolean;
  lockGuidesNeeded?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {intake && mode === 'create' && <PartnerPicker form={form} />}
      <RequestWhatFields form={form} />
      <RequestWhenFields form={form} />
      <RequestWhoFields form={form} lockGuidesNeeded={lockGuidesNeeded} />
      {mode === 'create' ? (
        <RequestPersonFields form={form} />
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('requests.form.personLocked')}
        </Alert>
      )}
      <SectionFieldset title={t('requests.form.sectionNotes')} id="rf-notes">
        <Textarea
          label={t('requests.field.notes')}
          description={t('requests.form.notesHint')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={2000}
          {...form.getInputProps('notes')}
        />
      </SectionFieldset>
    </Stack>
  );
}
