import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list inside a card, as on a settings tab: an h2 with an intro and the "add" button, then the list. */
export function ListCard({
  headingId,
  title,
  intro,
  action,
  children,
}: {
  headingId: string;
  title: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </div>
        {action}
      </Group>
      {children}
    </Card>
  );
}
