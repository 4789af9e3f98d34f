import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { coordinationKeys } from '../api/coordinationQueries';
import { keys, useApiMutation } from '../api/queries';
import { type RetentionDueEntry, retentionKeys, useRetentionDue } from '../api/retentionQueries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ReasonDialog } from '../components/coordination/ReasonDialog';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { type DueAction, DueItemCard } from '../components/retention/DueItemCard';
import { ScheduleCard } from '../components/retention/ScheduleCard';
import { EmptyState, ErrorState, LoadingState } from '../components/States';

/** What each "act now" does on the server. */
function eraseNow(item: RetentionDueEntry) {
  if (item.rule === 'background_check') return api.patch(`/guides/${item.entityId}`, { backgroundCheck: null });
  if (item.rule === 'guide_personal_data') return api.post(`/guides/${item.entityId}/anonymise`);
  return api.post(`/requests/${item.entityId}/anonymise-person`);
}

/**
 * Retention (Aufbewahrung und Löschung): what falls due in the next days, so that a coordinator can act early or
 * document why a record is kept (a legal hold, which the daily job respects), and the office's schedule.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState('30');
  const due = useRetentionDue(Number(days));
  const [pending, setPending] = useState<{ item: RetentionDueEntry; action: DueAction } | null>(null);
  const touched = [retentionKeys.due, keys.guides, coordinationKeys.requests, coordinationKeys.assignments];
  const erase = useApiMutation((item: RetentionDueEntry) => eraseNow(item), touched);
  const hold = useApiMutation(
    ({ item, reason }: { item: RetentionDueEntry; reason: string }) =>
      api.post('/retention/holds', { entityType: item.entityType, entityId: item.entityId, rule: item.rule, reason }),
    touched,
  );
  const release = useApiMutation((id: string) => api.post(`/retention/holds/${id}/release`), touched);
  const close = () => setPending(null);
  const done = (message: string) => () => {
    close();
    notifySuccess(message);
  };

  return (
    <>
      <PageHeader title={t('retention.title')} subtitle={t('retention.intro')} />
      <Stack gap="md">
        <SegmentedControl
          value={days}
          onChange={setDays}
          aria-label={t('retention.horizon')}
          data={['30', '90', '365'].map((d) => ({ value: d, label: t('retention.nextDays', { count: Number(d) }) }))}
          maw={420}
        />
        {due.isPending ? (
          <LoadingState rows={6} />
        ) : due.isError ? (
          <ErrorState error={due.error} onRetry={() => void due.refetch()} />
        ) : (
          <>
            {due.data.items.length === 0 ? (
              <EmptyState title={t('retention.empty', { count: Number(days) })} />
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {due.data.items.map((item) => (
                  <DueItemCard
                    key={`${item.rule}:${item.entityId}`}
                    item={item}
                    today={due.data.today}
                    onAction={(action) => setPending({ item, action })}
                  />
                ))}
              </Stack>
            )}
            <Alert variant="light" color="blue">
              <Text size="sm">{t('retention.jobHint')}</Text>
            </Alert>
            <ScheduleCard schedule={due.data.schedule} />
          </>
        )}
      </Stack>
      {pending && (
        <>
          <ConfirmDialog
            opened={pending.action === 'erase'}
            title={t(`retention.act.${pending.item.rule}`)}
            text={t(`retention.confirm.${pending.item.rule}`, { name: pending.item.label })}
            confirmLabel={t(`retention.act.${pending.item.rule}`)}
            loading={erase.isPending}
            error={erase.error}
            onClose={close}
            onConfirm={() => erase.mutate(pending.item, { onSuccess: done(t('retention.erased')) })}
          />
          <ReasonDialog
            opened={pending.action === 'hold'}
            title={t('retention.holdTitle')}
            text={t('retention.holdText', { name: pending.item.label })}
            label={t('retention.holdReason')}
            confirmLabel={t('retention.hold')}
            required
            danger={false}
            loading={hold.isPending}
            error={hold.error}
            onClose={close}
            onConfirm={(reason) =>
              hold.mutate({ item: pending.item, reason }, { onSuccess: done(t('retention.heldDone')) })
            }
          />
          <ConfirmDialog
            opened={pending.action === 'release'}
            danger={false}
            title={t('retention.release')}
            text={t('retention.releaseText', { name: pending.item.label })}
            confirmLabel={t('retention.release')}
            loading={release.isPending}
            error={release.error}
            onClose={close}
            onConfirm={() =>
              pending.item.hold && release.mutate(pending.item.hold.id, { onSuccess: done(t('retention.released')) })
            }
          />
        </>
      )}
    </>
  );
}
