import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label and its value, as a description list entry. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function FieldList({ children, cols = 2 }: { children: ReactNode; cols?: number }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(${cols > 1 ? '12rem' : '100%'}, 1fr))`,
        gap: 'var(--mantine-spacing-md)',
        margin: 0,
      }}
    >
      {children}
    </dl>
  );
}
