import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A list inside a card, as on a settings tab: an h2 with an intro and the "add" button, then the list. */
export function ListCard({
  headingId,
  title,
  intro,
  addLabel,
  onAdd,
  addIcon = <IconPlus size={16} aria-hidden />,
  children,
}: {
  headingId: string;
  title: string;
  intro?: string;
  /** The button that adds an item (opens its form). */
  addLabel: string;
  onAdd: () => void;
  addIcon?: ReactNode;
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
        <Button leftSection={addIcon} onClick={onAdd}>
          {addLabel}
        </Button>
      </Group>
      {children}
    </Card>
  );
}
