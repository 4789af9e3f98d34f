import { Alert, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { AppModal } from '../AppModal';
import { FormError } from '../FormError';

export type CloseSummary = {
  outcome: string;
  referral: string | null;
  reason: string | null;
  guideFeedback: boolean;
  partnerFeedback: boolean;
};

/**
 * "Really close?" with what will be recorded. When the partner never confirmed the agreement, the server refuses
 * once; the coordinator then confirms explicitly that they close anyway (this is recorded).
 */
export function CloseConfirmDialog({
  opened,
  summary,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  summary: CloseSummary | null;
  loading: boolean;
  error: unknown;
  onConfirm: (acknowledgeUnconfirmed: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [acknowledged, setAcknowledged] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'agreement_unconfirmed') setUnconfirmed(true);
  }, [error]);
  useEffect(() => {
    if (!opened) {
      setAcknowledged(false);
      setUnconfirmed(false);
    }
  }, [opened]);
  const otherError = error && !(error instanceof ApiError && error.code === 'agreement_unconfirmed') ? error : null;
  return (
    <AppModal opened={opened} onClose={onClose} title={t('assignments.closeConfirmTitle')}>
      <Stack>
        <FormError error={otherError} />
        <Text size="sm">{t('assignments.closeConfirmText')}</Text>
        {summary && (
          <List size="sm" spacing={4}>
            <List.Item>
              {t('assignments.field.outcome')}: <strong>{t(`assignments.outcome.${summary.outcome}`)}</strong>
            </List.Item>
            {summary.referral && (
              <List.Item>
                {t('assignments.field.referredTo')}: {summary.referral}
              </List.Item>
            )}
            {summary.reason && (
              <List.Item>
                {t('assignments.field.endedEarlyReason')}: {summary.reason}
              </List.Item>
            )}
            <List.Item>
              {summary.guideFeedback || summary.partnerFeedback
                ? t('assignments.closeFeedbackGiven')
                : t('assignments.closeNoFeedback')}
            </List.Item>
          </List>
        )}
        {unconfirmed && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('assignments.unconfirmedTitle')}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">{t('assignments.unconfirmedText')}</Text>
              <Checkbox
                label={t('assignments.unconfirmedAcknowledge')}
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={loading}
            disabled={unconfirmed && !acknowledged}
            onClick={() => onConfirm(unconfirmed && acknowledged)}
          >
            {unconfirmed ? t('assignments.closeAnyway') : t('assignments.close')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
