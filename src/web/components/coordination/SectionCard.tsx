import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { intlLocaleOf } from '../../../shared/numbers.js';

/** A card with an h2 (or h3) heading that labels its region. */
export function SectionCard({
  title,
  id,
  children,
  actions,
  description,
  order = 2,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
  description?: ReactNode;
  order?: 2 | 3;
}) {
  return (
    <Card padding="lg" component="section" aria-labelledby={id} style={{ minWidth: 0 }}>
      <Group justify="space-between" mb={description ? 4 : 'sm'} gap="xs" align="flex-start">
        <Title order={order} size="h4" id={id}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** A form group: a fieldset with a visible heading as its name (the heading keeps the page outline). */
export function SectionFieldset({
  title,
  id,
  description,
  children,
}: {
  title: string;
  id: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      padding="lg"
      component="fieldset"
      aria-labelledby={id}
      style={{ border: '1px solid var(--mantine-color-gray-3)', margin: 0, minWidth: 0 }}
    >
      <Title order={2} size="h4" id={id} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** Days waited, in words: "heute", "seit 1 Tag", "seit 12 Tagen". */
export function waitingLabel(days: number, t: (key: string, o?: Record<string, unknown>) => string): string {
  return days <= 0 ? t('coordination.waitingToday') : t('coordination.waitingDays', { count: days });
}

export function minutesLabel(minutes: number, t: (key: string, o?: Record<string, unknown>) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return t('coordination.duration', { hours: h, minutes: String(m).padStart(2, '0') });
}

/** German writes 4,5 km; Mantine's NumberInput reads the separator the UI language uses. */
export const decimalSeparator = (locale: string) => (locale === 'de' ? ',' : '.');

export function euros(cents: number, locale: string): string {
  return new Intl.NumberFormat(intlLocaleOf(locale), {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}
