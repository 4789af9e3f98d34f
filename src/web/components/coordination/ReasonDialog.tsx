import { Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormModal } from '../FormModal';

/** A confirmation that asks for a reason (required or optional), e.g. "no match", "cancel", "decline". */
export function ReasonDialog({
  opened,
  title,
  text,
  label,
  confirmLabel,
  required,
  onConfirm,
  onClose,
  loading,
  error,
  danger = true,
}: {
  opened: boolean;
  title: string;
  text?: string;
  label: string;
  confirmLabel: string;
  required: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (opened) {
      setReason('');
      setMissing(false);
    }
  }, [opened]);
  const serverFieldError =
    error instanceof ApiError ? error.fieldErrors.find((e) => e.path === 'reason')?.message : undefined;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={title}
      onSubmit={(e) => {
        e?.preventDefault();
        if (required && !reason.trim()) {
          setMissing(true);
          return;
        }
        onConfirm(reason.trim());
      }}
      busy={loading ?? false}
      error={{ error: serverFieldError ? null : error, extra: [] }}
      submitLabel={confirmLabel}
      danger={danger}
    >
      {text && <Text size="sm">{text}</Text>}
      <Textarea
        label={label}
        required={required}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={1000}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('validation.reasonRequired') : serverFieldError}
        data-autofocus
      />
    </FormModal>
  );
}
