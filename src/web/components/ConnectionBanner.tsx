import { Button, Group, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionState, probe, showingOfflineCopy, subscribeConnection } from '../api/connection';

/**
 * "No connection – we keep trying …" while the server cannot be reached, then "connected again" for a moment.
 * The live region is always in the page, so screen readers announce the change of its text.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useSyncExternalStore(subscribeConnection, connectionState, () => 'online' as const);
  const fromCopy = useSyncExternalStore(subscribeConnection, showingOfflineCopy, () => false);
  // The banner covers the bottom of the page: scrolling to a focused field leaves room for it (WCAG 2.4.11).
  useEffect(() => {
    document.documentElement.toggleAttribute('data-connection-banner', state !== 'online');
  }, [state]);
  return (
    <div role="status" aria-live="polite" className="connection-banner-region">
      {state !== 'online' && (
        <div className="connection-banner" data-state={state}>
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap">
              {state === 'offline' ? (
                <ThemeIcon color="orange" variant="light" radius="xl" aria-hidden>
                  <IconWifiOff size={18} />
                </ThemeIcon>
              ) : (
                <ThemeIcon color="green" variant="light" radius="xl" aria-hidden>
                  <IconCheck size={18} />
                </ThemeIcon>
              )}
              <Text size="sm" fw={600}>
                {state === 'offline'
                  ? fromCopy
                    ? t('pwa.offlineData')
                    : t('feedback.offline')
                  : t('feedback.restored')}
              </Text>
              {state === 'offline' && <Loader size="xs" color="gray" aria-hidden />}
            </Group>
            {state === 'offline' && (
              <Button size="compact-sm" variant="default" onClick={() => void probe()} style={{ flexShrink: 0 }}>
                {t('feedback.tryNow')}
              </Button>
            )}
          </Group>
        </div>
      )}
    </div>
  );
}
