import { Button, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { coordinationKeys } from '../../api/coordinationQueries';
import type { AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { useAuth } from '../../auth/AuthProvider';
import { FormError } from '../FormError';
import { notifySuccess } from '../notify';

/** Guide or partner says briefly how the deployment went (also after closing). */
export function FeedbackForm({ assignment: a }: { assignment: AssignmentItem }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const own = me?.guideId ? a.guideFeedback : a.partnerFeedback;
  const [text, setText] = useState(own ?? '');
  const [missing, setMissing] = useState(false);
  const save = useApiMutation(
    (feedback: string) => api.post<AssignmentItem>(`/assignments/${a.id}/feedback`, { feedback }),
    [coordinationKeys.assignment(a.id), coordinationKeys.assignments],
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setMissing(true);
        save.mutate(text.trim(), { onSuccess: () => notifySuccess(t('assignments.feedbackSaved')) });
      }}
    >
      <Stack gap="xs">
        <FormError error={save.error} />
        <Textarea
          label={t('assignments.ownFeedback')}
          description={t('assignments.ownFeedbackHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('validation.required') : undefined}
        />
        <Button type="submit" variant="light" loading={save.isPending} w="fit-content">
          {t('assignments.saveFeedback')}
        </Button>
      </Stack>
    </form>
  );
}
