import { Anchor, Button, Group, Table, TextInput } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl, type Query } from '../../api/client';
import { useActivityTotals } from '../../api/coordinationQueries';
import { formatNumber } from '../../i18n/format';
import { euros, minutesLabel } from '../coordination/SectionCard';
import { EmptyState, ErrorState, LoadingState } from '../States';

/**
 * Hours, kilometres and expenses per guide for a period (Tätigkeitsnachweise), with the same period as an XLSX
 * download. With `guideId` it is one guide's statement (their profile).
 */
export function ActivityTotalsPanel({ guideId, idPrefix }: { guideId?: string; idPrefix: string }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const invalid = Boolean(from && to && to < from);
  const query: Query = { from: from || undefined, to: to || undefined, guideId };
  const totals = useActivityTotals(query, !invalid);
  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <TextInput
          type="date"
          id={`${idPrefix}-from`}
          label={t('assignments.period.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          id={`${idPrefix}-to`}
          label={t('assignments.period.to')}
          value={to}
          error={invalid ? t('validation.endBeforeStart') : undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Button
          component="a"
          href={invalid ? undefined : apiUrl('/activity-totals.xlsx', query)}
          variant="default"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          disabled={invalid}
        >
          {t('assignments.period.export')}
        </Button>
      </Group>
      {totals.isPending ? (
        <LoadingState rows={3} />
      ) : totals.isError ? (
        <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />
      ) : totals.data.items.length === 0 ? (
        <EmptyState title={t('assignments.totalsEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped="even" bg="white" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assignments.col.guide')}</Table.Th>
                <Table.Th scope="col">{t('assignments.totals.deployments')}</Table.Th>
                <Table.Th scope="col">{t('assignments.col.time')}</Table.Th>
                <Table.Th scope="col">{t('assignments.col.km')}</Table.Th>
                <Table.Th scope="col">{t('assignments.col.expenses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.data.items.map((g) => (
                <Table.Tr key={g.guideId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/guides/${g.guideId}`} className="table-link">
                      {g.firstName} {g.lastName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="tabular">{formatNumber(g.deployments)}</Table.Td>
                  <Table.Td className="tabular">{minutesLabel(g.minutes, t)}</Table.Td>
                  <Table.Td className="tabular">{t('assignments.kmValue', { km: formatNumber(g.km) })}</Table.Td>
                  <Table.Td className="tabular">{euros(g.expensesCents, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
