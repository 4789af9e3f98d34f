import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Rows of fields the user adds and removes (weekly times, agreement steps, matching rules). Each row's fields and
 * its remove button carry the row number in their names, so a screen reader tells the rows apart.
 */
export function RepeatRows<R extends { key: string }>({
  label,
  hint,
  emptyText,
  rows,
  renderRow,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  max,
  min = 0,
  gap = 'xs',
}: {
  label: string;
  hint?: string;
  /** Said when there is no row yet. */
  emptyText?: string;
  rows: R[];
  renderRow: (row: R, index: number) => ReactNode;
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  max?: number;
  /** Rows that must stay: their remove buttons are disabled. */
  min?: number;
  gap?: 'xs' | 'sm';
}) {
  return (
    <Stack gap={gap}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {rows.length === 0 && emptyText && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
          {renderRow(row, index)}
          <ActionIcon
            variant="subtle"
            color="red"
            size={36}
            mt={25}
            disabled={rows.length <= min}
            aria-label={removeLabel(index)}
            onClick={() => onRemove(index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="sm"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden />}
        disabled={max !== undefined && rows.length >= max}
        onClick={onAdd}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}
