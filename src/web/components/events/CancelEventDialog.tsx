import { Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../shared/events.js';
import { api } from '../../api/client';
import { eventKeys } from '../../api/eventQueries';
import { useApiMutation } from '../../api/queries';
import { roomKeys } from '../../api/roomQueries';
import { ConfirmDialog } from '../ConfirmDialog';
import { notifySuccess } from '../notify';

/**
 * Cancelling an event. For an occurrence of a series the coordinator chooses, as when editing, between this date
 * alone and this and all following ones (which also ends the series). The records stay, marked cancelled.
 */
export function CancelEventDialog({
  event,
  day,
  opened,
  onClose,
}: {
  event: EventDetail;
  day: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'this' | 'following'>('this');
  const cancel = useApiMutation(
    (s: 'this' | 'following') => api.patch(`/events/${event.id}`, { scope: s, cancelled: true }),
    [eventKeys.all, roomKeys.all],
  );
  const series = event.seriesId !== null;
  const following = series && scope === 'following';
  return (
    <ConfirmDialog
      opened={opened}
      title={series ? t('events.detail.cancelOccurrence') : t('events.detail.cancelEvent')}
      text={
        following
          ? t('events.detail.cancelFollowingText', { day })
          : series
            ? t('events.detail.cancelText', { day })
            : t('events.detail.cancelSingleText', { day })
      }
      confirmLabel={t('events.detail.cancelConfirm')}
      loading={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
      onConfirm={() =>
        cancel.mutateAsync(following ? 'following' : 'this').then(() => {
          notifySuccess(following ? t('events.detail.cancelledFollowing') : t('events.detail.cancelled'));
          onClose();
        })
      }
    >
      {series && (
        <Radio.Group
          label={t('events.detail.cancelScope')}
          value={scope}
          onChange={(v) => setScope(v === 'following' ? 'following' : 'this')}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="this" label={t('events.edit.scopeThis')} />
            <Radio value="following" label={t('events.edit.scopeFollowing')} />
          </Stack>
        </Radio.Group>
      )}
    </ConfirmDialog>
  );
}
