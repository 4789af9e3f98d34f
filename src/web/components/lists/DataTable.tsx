import { Card, Group, Stack, Table, type TableProps, Text } from '@mantine/core';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMinWidth } from '../../hooks/useMinWidth';

/** One column: its header and how an item fills its cell. */
export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (item: T) => ReactNode;
  /** Numbers and dates: tabular figures, so rows line up. */
  numeric?: boolean;
  /** A header for screen readers only (a selection column). */
  hiddenHeader?: boolean;
  /** The cell's text direction; "auto" for text people typed in any language. */
  dir?: 'auto' | 'ltr';
  fw?: number;
  maw?: number;
  nowrap?: boolean;
  /** False leaves the column out (a column only some roles see). */
  show?: boolean;
};

/** Rows in two layouts: a table from `breakpoint` up, stacked cards below it; one of them is rendered, never both. */
export type DataTableProps<T> = {
  items: T[];
  rowKey: (item: T) => string;
  columns: Column<T>[];
  /** Names the table (a caption for screen readers) and the card list. */
  label: string;
  /** What a card shows on a phone; without it, a card lists the columns as "header: value". */
  card?: (item: T) => ReactNode;
  /** Buttons for one row, in a last column whose header is read out as "Actions". */
  actions?: (item: T) => ReactNode;
  /** Below this width the cards take over. */
  breakpoint?: '48em' | '62em';
  /** The width under which the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** Highlight the row under the pointer, where a row leads somewhere. */
  hover?: boolean;
  verticalSpacing?: TableProps['verticalSpacing'];
  cardPadding?: 'sm' | 'md';
  rowProps?: (item: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, unknown>;
};

export function useWide(breakpoint: '48em' | '62em' = '62em') {
  return useMinWidth(breakpoint);
}

/** Cards in a plain list (ul/li), so a screen reader announces how many there are. */
export function CardList<T>({
  items,
  rowKey,
  label,
  labelledBy,
  padding = 'md',
  children,
}: {
  items: T[];
  rowKey: (item: T) => string;
  label?: string;
  labelledBy?: string;
  padding?: 'sm' | 'md';
  children: (item: T) => ReactNode;
}) {
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
    >
      {items.map((item) => (
        <Card key={rowKey(item)} component="li" padding={padding}>
          {children(item)}
        </Card>
      ))}
    </Stack>
  );
}

/** The card used where a page has none of its own: the first column as its title, the others as lines. */
function DefaultCard<T>({ item, columns, actions }: { item: T; columns: Column<T>[]; actions?: ReactNode }) {
  const [first, ...rest] = columns;
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {first?.cell(item)}
        </Text>
        {actions && (
          <Group gap={4} wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      {rest.map((c) => (
        <Text key={c.key} size="sm" className={c.numeric ? 'tabular' : undefined} dir={c.dir}>
          {!c.hiddenHeader && (
            <Text span c="dimmed" size="sm">
              {c.header}:{' '}
            </Text>
          )}
          {c.cell(item)}
        </Text>
      ))}
    </>
  );
}

export function DataTable<T>({
  items,
  rowKey,
  columns,
  label,
  card,
  actions,
  breakpoint = '62em',
  minWidth = 0,
  hover = false,
  verticalSpacing,
  cardPadding = 'md',
  rowProps,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const wide = useWide(breakpoint);
  const shown = columns.filter((c) => c.show !== false);
  if (!wide)
    return (
      <CardList items={items} rowKey={rowKey} label={label} padding={cardPadding}>
        {(item) => card?.(item) ?? <DefaultCard item={item} columns={shown} actions={actions?.(item)} />}
      </CardList>
    );
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover={hover} striped="even" bg="white" withTableBorder verticalSpacing={verticalSpacing}>
        <caption className="visually-hidden">{label}</caption>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <Table.Th key={c.key} scope="col">
                {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </Table.Th>
            ))}
            {actions && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)} {...rowProps?.(item)}>
              {shown.map((c) => (
                <Table.Td
                  key={c.key}
                  className={c.numeric ? 'tabular' : undefined}
                  fw={c.fw}
                  maw={c.maw}
                  dir={c.dir}
                  style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                >
                  {c.cell(item)}
                </Table.Td>
              ))}
              {actions && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {actions(item)}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
