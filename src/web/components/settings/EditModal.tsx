import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../AppModal';
import { FormError } from '../FormError';

/** A modal form with the usual error alert and cancel/save buttons. */
export function EditModal({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  error,
  extra,
  submitLabel,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  error: unknown;
  extra: string[];
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError error={error} extra={extra} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
