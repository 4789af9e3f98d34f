import { Button, Group, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../AppModal';
import { ErrorSummary } from '../ErrorSummary';

/** A modal form with the error summary and cancel/save buttons. */
export function EditModal({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  summary,
  submitLabel,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  /** From useErrorSummary: client and server mistakes, listed with links to the fields. */
  summary: ComponentProps<typeof ErrorSummary>;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorSummary {...summary} />
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
