import { ActionIcon, Alert, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushSubscriptionView } from '../../../shared/push.js';
import { api } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import {
  currentSubscription,
  deviceLabel,
  endpointHashOf,
  PushPermissionDenied,
  pushPermission,
  pushSupported,
  subscribeThisDevice,
} from '../../push/devicePush';
import { errorMessage } from '../States';

type PushList = { enabled: boolean; publicKey: string | null; items: PushSubscriptionView[]; total: number };
const pushKey = ['push-subscriptions'] as const;

/**
 * "Push on this device": a switch that asks the browser's permission only when clicked, and the caller's other
 * subscribed devices. Without VAPID keys on the server, or in a browser without push, it says so; the notification
 * centre and mail work the same either way.
 */
export function PushDeviceCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: pushKey, queryFn: () => api.get<PushList>('/me/push-subscriptions') });
  const [thisHash, setThisHash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = pushSupported();

  useEffect(() => {
    if (!supported) return;
    void currentSubscription()
      .then(endpointHashOf)
      .then(setThisHash)
      .catch(() => setThisHash(null));
  }, [supported]);

  const data = list.data;
  const here = data?.items.find((s) => s.endpointHash === thisHash) ?? null;
  const refresh = () => client.invalidateQueries({ queryKey: pushKey });

  const toggle = async (on: boolean) => {
    setError(null);
    setBusy(true);
    try {
      if (on && data?.publicKey) {
        const json = await subscribeThisDevice(data.publicKey);
        await api.post('/me/push-subscriptions', { ...json, deviceLabel: deviceLabel() });
        setThisHash(await endpointHashOf(await currentSubscription()));
      } else if (!on) {
        if (here) await api.delete(`/me/push-subscriptions/${here.id}`);
        await (await currentSubscription())?.unsubscribe();
        setThisHash(null);
      }
      await refresh();
    } catch (e) {
      setError(e instanceof PushPermissionDenied ? t('push.device.denied') : errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await api.delete(`/me/push-subscriptions/${id}`);
      await refresh();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  let reason: string | null = null;
  if (data && !data.enabled) reason = t('push.device.serverOff');
  else if (!supported) reason = t('push.device.unsupported');
  else if (pushPermission() === 'denied' && !here) reason = t('push.device.blocked');

  return (
    <Card withBorder padding="sm" data-testid="push-device">
      <Stack gap="xs">
        <Text fw={600} size="sm" component="h2">
          {t('push.device.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('push.device.intro')}
        </Text>
        {reason ? (
          <Alert color="gray" variant="light">
            {reason}
          </Alert>
        ) : (
          <Switch
            label={t('push.device.switch')}
            checked={Boolean(here)}
            disabled={busy || !data}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {data && data.items.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('push.device.devices')}
            </Text>
            {data.items.map((s) => (
              <Group key={s.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {s.deviceLabel ?? t('push.device.unnamed')}
                  {s.endpointHash === thisHash ? ` (${t('push.device.thisDevice')})` : ''}
                  <Text span size="xs" c="dimmed">
                    {' · '}
                    {t('push.device.since', { date: formatDateTime(s.createdAt) })}
                  </Text>
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('push.device.remove', { device: s.deviceLabel ?? t('push.device.unnamed') })}
                  onClick={() => void remove(s.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
