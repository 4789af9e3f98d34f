import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRowError } from '../../../shared/imports.js';
import { formatDecimal } from '../../../shared/numbers.js';
import { type Column, DataTable } from '../lists/DataTable';

type Row = ImportPreview['rows'][number];

/** One line per row error: the row number, the column as the file names it, and what to fix. */
export function ImportErrors({ errors, kind }: { errors: ImportRowError[]; kind: string }) {
  const { t, i18n } = useTranslation();
  const column = (e: ImportRowError) => e.column ?? t(`imports.field.${kind}.${e.field}`, { defaultValue: e.field });
  const columns: Column<ImportRowError>[] = [
    { key: 'row', header: t('imports.col.row'), cell: (e) => formatDecimal(e.row, i18n.language), numeric: true },
    { key: 'column', header: t('imports.col.column'), cell: column, dir: 'auto' },
    { key: 'problem', header: t('imports.col.problem'), cell: (e) => e.message },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id="import-errors-title">
        {t('imports.errorsTitle')}
      </Title>
      <Text size="sm">{t('imports.errorsIntro')}</Text>
      <DataTable
        items={errors}
        rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
        columns={columns}
        label={t('imports.errorsTitle')}
        breakpoint="48em"
        card={(e) => (
          <Text size="sm">
            {t('imports.errorLine', {
              row: formatDecimal(e.row, i18n.language),
              column: column(e),
              message: e.message,
            })}
          </Text>
        )}
      />
    </Stack>
  );
}

const ACTION_COLOR = { create: 'teal', update: 'blue', unchanged: 'gray' } as const;

/** The rows the file holds and what the import does with each (the first 200). */
export function ImportRows({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const action = (r: Row) =>
    r.action ? (
      <Badge color={ACTION_COLOR[r.action]} variant="light">
        {t(`imports.action.${r.action}`)}
      </Badge>
    ) : (
      <Badge color="red" variant="light">
        {t('imports.col.problem')}
      </Badge>
    );
  const columns: Column<Row>[] = [
    { key: 'row', header: t('imports.col.row'), cell: (r) => formatDecimal(r.row, i18n.language), numeric: true },
    { key: 'name', header: t('imports.col.name'), cell: (r) => r.label, dir: 'auto' },
    { key: 'action', header: t('imports.col.action'), cell: action },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('imports.rowsTitle')}
      </Title>
      <DataTable
        items={rows.slice(0, 200)}
        rowKey={(r) => String(r.row)}
        columns={columns}
        label={t('imports.rowsTitle')}
        breakpoint="48em"
        card={(r) => (
          <>
            <Text size="sm" dir="auto">
              {formatDecimal(r.row, i18n.language)} · {r.label}
            </Text>
            {action(r)}
          </>
        )}
      />
    </Stack>
  );
}
