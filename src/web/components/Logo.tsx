import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `collapsible`: in the app's header the name gives way to the buttons on a narrow phone (styles.css), the mark stays. */
export function Logo({ size = 'lg', collapsible = false }: { size?: 'lg' | 'xl'; collapsible?: boolean }) {
  const { t } = useTranslation();
  const px = size === 'xl' ? 36 : 30;
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-petrol-8)" />
        <path d="M16 5l7 13h-5v9h-4v-9H9z" fill="#fff" />
      </svg>
      <Text
        fw={700}
        size={size}
        c="petrol.9"
        className={collapsible ? 'brand-name' : undefined}
        style={{ letterSpacing: '-0.01em' }}
      >
        {t('app.name')}
      </Text>
    </Group>
  );
}
