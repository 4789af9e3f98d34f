import { Alert, Button, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { coordinationKeys, coordinationWide } from '../../api/coordinationQueries';
import type { Agreement, AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { ConfirmDialog } from '../ConfirmDialog';
import { formatMoment, isolate } from '../coordination/format';
import { notifySuccess } from '../notify';

/** One side's confirmation: "Bestätigt von Fatma Yılmaz am 3. Dez. 2026, 14:05", or that it is still open. */
export function ConfirmationLine({ label, at, by }: { label: string; at: string | null; by: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ThemeIcon size={22} radius="xl" variant="light" color={at ? 'green' : 'gray'} aria-hidden>
        {at ? <IconCircleCheck size={16} /> : <IconClockHour4 size={16} />}
      </ThemeIcon>
      <div>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c={at ? undefined : 'dimmed'} className="tabular">
          {at
            ? by
              ? t('assignments.confirmedBy', { name: isolate(by), date: formatMoment(at) })
              : t('assignments.confirmedAt', { date: formatMoment(at) })
            : t('assignments.notConfirmed')}
        </Text>
      </div>
    </Group>
  );
}

export function ConfirmationPair({
  assignment: a,
  agreement: g,
}: {
  assignment: AssignmentItem;
  agreement: Agreement;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <ConfirmationLine
        label={t('assignments.confirmGuide', { name: isolate(a.guideName) })}
        at={g.guideConfirmedAt}
        by={g.guideConfirmedBy}
      />
      <ConfirmationLine
        label={t('assignments.confirmPartner', { name: isolate(a.partnerName ?? t('requests.origin.public')) })}
        at={g.partnerConfirmedAt}
        by={g.partnerConfirmedBy}
      />
    </SimpleGrid>
  );
}

/**
 * Both sides' confirmations of the current version, and the confirm button for guide or partner until their side
 * confirmed. Confirming names the version on screen; a newer version in between reloads the page and says so.
 */
export function AgreementConfirmations({
  assignment: a,
  agreement: g,
}: {
  assignment: AssignmentItem;
  agreement: Agreement;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [dialog, setDialog] = useState(false);
  const [changed, setChanged] = useState(false);
  const confirm = useApiMutation(
    (version: number) => api.post<AssignmentItem>(`/assignments/${a.id}/agreement/confirm`, { version }),
    [...coordinationWide, coordinationKeys.assignment(a.id), coordinationKeys.agreementVersions(a.id)],
  );
  const close = () => {
    setDialog(false);
    confirm.reset();
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h6">
        {t('assignments.confirmationsTitleVersion', { version: g.version })}
      </Title>
      <ConfirmationPair assignment={a} agreement={g} />
      {changed && a.abilities.confirm && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Text size="sm">{t('assignments.versionChanged', { version: g.version })}</Text>
        </Alert>
      )}
      {a.abilities.confirm && (
        <Button leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => setDialog(true)} w="fit-content">
          {t('assignments.confirmAgreement')}
        </Button>
      )}
      <ConfirmDialog
        opened={dialog}
        danger={false}
        title={t('assignments.confirmAgreement')}
        text={t('assignments.confirmText', { version: g.version })}
        confirmLabel={t('assignments.confirm')}
        loading={confirm.isPending}
        error={confirm.error}
        onClose={close}
        onConfirm={() =>
          confirm.mutate(g.version, {
            onSuccess: () => {
              notifySuccess(t('assignments.confirmedMsg'));
              setChanged(false);
              setDialog(false);
            },
            onError: (error) => {
              if (error instanceof ApiError && error.code === 'agreement_version_changed') {
                setChanged(true);
                close();
                void client.invalidateQueries({ queryKey: coordinationKeys.assignment(a.id) });
                void client.invalidateQueries({ queryKey: coordinationKeys.agreementVersions(a.id) });
              }
            },
          })
        }
      />
    </Stack>
  );
}
