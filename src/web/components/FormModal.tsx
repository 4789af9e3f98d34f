import { Button, Group, type ModalRootProps, Stack } from '@mantine/core';
import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { ErrorSummary } from './ErrorSummary';

/**
 * A form in a modal: the error summary (when the form uses one), the fields, then "cancel" and the submit button.
 * Forms that show the server's error another way (FormError) put it among their children.
 */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  summary,
  submitLabel,
  size,
  children,
}: {
  opened: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  /** From useErrorSummary: client and server mistakes, listed with links to the fields. */
  summary?: ComponentProps<typeof ErrorSummary>;
  submitLabel?: string;
  size?: ModalRootProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {summary && <ErrorSummary {...summary} />}
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
