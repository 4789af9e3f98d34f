import { Button, Group, type ModalRootProps, Stack } from '@mantine/core';
import { type ComponentProps, type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { ErrorSummary } from './ErrorSummary';
import { applyServerErrors, FormError } from './FormError';

/**
 * Sends a form for a modal without an error summary: the server's field messages go to the fields, the rest to the
 * list under FormError.
 */
export function useServerErrors(form: Parameters<typeof applyServerErrors>[0]) {
  const [extra, setExtra] = useState<string[]>([]);
  const run = async (send: () => Promise<unknown>) => {
    setExtra([]);
    try {
      await send();
    } catch (error) {
      setExtra(applyServerErrors(form, error));
    }
  };
  return { extra, run };
}

/**
 * A form in a modal: the error summary or the server's error, the fields, then "cancel" and the submit button.
 */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  summary,
  error,
  submitLabel,
  danger = false,
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
  /** Where the form has no summary: the server's refusal, and the messages useServerErrors found no field for. */
  error?: { error: unknown; extra: string[] };
  submitLabel?: string;
  /** A submit that ends or removes something: red. */
  danger?: boolean;
  size?: ModalRootProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {summary && <ErrorSummary {...summary} />}
          {error && <FormError error={error.error} extra={error.extra} />}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={busy}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
