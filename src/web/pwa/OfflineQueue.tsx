import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionState, subscribeConnection } from '../api/connection';
import { hoursLabel } from '../api/timesheetQueries';
import { useAuth } from '../auth/AuthProvider';
import { notifySuccess } from '../components/notify';
import { formatDate } from '../i18n/format';
import { discard, dropOthers, flushQueue, loadQueue, queueSnapshot, subscribeQueue } from './offlineQueue';
import { visibleEntries } from './queueRules';

/**
 * Sends the signed-in user's queued entries whenever the server can be reached: at start, and each time the
 * connection comes back. Then every query is refreshed, so the sent entries appear in their lists.
 */
export function OfflineQueueSync() {
  const { me } = useAuth();
  const client = useQueryClient();
  const { t } = useTranslation();
  const userId = me?.id;
  useEffect(() => {
    if (!userId) return;
    let alive = true;
    const run = async () => {
      if (connectionState() === 'offline') return;
      const sent = await flushQueue(userId);
      if (!alive || sent === 0) return;
      await client.invalidateQueries();
      notifySuccess(t('pwa.queue.sent', { count: sent }));
    };
    void dropOthers(userId).then(run);
    const stop = subscribeConnection((state) => {
      if (state !== 'offline') void run();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [userId, client, t]);
  return null;
}

/** The server's first render and the browser's hydration know of no queued entries yet (they load afterwards). */
const NOTHING_QUEUED: ReturnType<typeof queueSnapshot> = [];

export function useOfflineQueue() {
  useEffect(() => void loadQueue(), []);
  return useSyncExternalStore(subscribeQueue, queueSnapshot, () => NOTHING_QUEUED);
}

/** "Not sent yet": the entries of this page waiting for the connection, and the ones the server refused. */
export function OfflineQueueList({ path, month }: { path: string; month?: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const all = useOfflineQueue();
  const items = me ? visibleEntries(all, me.id, { path, month }) : [];
  if (!items.length) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="offline-queue" withBorder data-testid="offline-queue">
      <Title order={2} size="h4" id="offline-queue" mb={4}>
        {t('pwa.queue.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pwa.queue.intro')}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((e) => (
          <Group key={e.key} justify="space-between" wrap="nowrap" component="li" gap="xs" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} dir="auto">
                {e.summary.label}
              </Text>
              <Text size="sm" c="dimmed" className="tabular">
                {formatDate(e.summary.date, i18n.language)} · {hoursLabel(e.summary.minutes, t)}
              </Text>
              <Badge
                color={e.state === 'conflict' ? 'red' : 'orange'}
                variant="light"
                mt={4}
                style={{ textTransform: 'none' }}
              >
                {e.state === 'conflict' ? t('pwa.queue.conflict') : t('pwa.queue.pending')}
              </Badge>
              {e.problem && (
                <Text size="sm" c="red.9" mt={4} role="alert">
                  {e.problem.title}
                  {e.problem.errors?.map((f) => ` ${f.message}`).join('')}
                </Text>
              )}
            </div>
            {e.state === 'conflict' && (
              <Button
                size="xs"
                variant="default"
                onClick={() => void discard(e.key)}
                aria-label={t('pwa.queue.discardNamed', { date: formatDate(e.summary.date, i18n.language) })}
              >
                {t('pwa.queue.discard')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
