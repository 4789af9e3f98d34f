import { Alert, Button, Card, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationChannel, NotificationKind } from '../../shared/notifications.js';
import { api } from '../api/client';
import { notificationKeys, useNotificationPreferences } from '../api/notificationQueries';
import { useApiMutation } from '../api/queries';
import { QueryView } from '../components/lists/ListStates';
import { PushDeviceCard } from '../components/notifications/PushDeviceCard';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { errorMessage } from '../components/States';

const CHANNELS: NotificationChannel[] = ['immediate', 'digest', 'off'];

/** Each user's mail preference per kind: immediately, daily digest or off; mandatory kinds without off, saying why. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const [changed, setChanged] = useState<Partial<Record<NotificationKind, NotificationChannel>>>({});
  const save = useApiMutation(
    (items: { kind: NotificationKind; channel: NotificationChannel }[]) =>
      api.put('/me/notification-preferences', { items }),
    [notificationKeys.preferences],
  );
  const submit = async () => {
    const items = Object.entries(changed).map(([kind, channel]) => ({
      kind: kind as NotificationKind,
      channel: channel as NotificationChannel,
    }));
    if (!items.length) return;
    try {
      await save.mutateAsync(items);
      setChanged({});
      notifySuccess(t('notifications.preferences.saved'));
    } catch (error) {
      notifyError(errorMessage(error, t));
    }
  };
  return (
    <>
      <PageHeader title={t('notifications.preferences.title')} subtitle={t('notifications.preferences.intro')} />
      <Stack gap="sm" maw={720} mb="sm">
        <PushDeviceCard />
      </Stack>
      <QueryView query={prefs} loadingRows={6}>
        {(data) => (
          <Stack gap="sm" maw={720}>
            {data.items.map((p) => (
              <Card key={p.kind} withBorder padding="sm">
                {p.mailedBySender ? (
                  <Stack gap={4}>
                    <Text fw={600} size="sm">
                      {t(`notifications.kinds.${p.kind}.label`)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('notifications.preferences.senderNote')}
                    </Text>
                  </Stack>
                ) : (
                  <Radio.Group
                    label={t(`notifications.kinds.${p.kind}.label`)}
                    description={p.mandatory ? t('notifications.preferences.mandatoryNote') : undefined}
                    value={changed[p.kind] ?? p.channel}
                    onChange={(v) => setChanged((c) => ({ ...c, [p.kind]: v as NotificationChannel }))}
                    data-testid={`preference-${p.kind}`}
                  >
                    <Stack gap={6} mt={6}>
                      {CHANNELS.filter((c) => c !== 'off' || !p.mandatory).map((c) => (
                        <Radio key={c} value={c} label={t(`notifications.preferences.${c}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              </Card>
            ))}
            {save.isError && <Alert color="red">{errorMessage(save.error, t)}</Alert>}
            <div>
              <Button onClick={() => void submit()} loading={save.isPending} disabled={!Object.keys(changed).length}>
                {t('notifications.preferences.save')}
              </Button>
            </div>
          </Stack>
        )}
      </QueryView>
    </>
  );
}
