import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hoursLabel, monthLabel, useHourTotals } from '../../api/timesheetQueries';
import { SectionCard } from '../coordination/SectionCard';
import { QueryView } from '../lists/ListStates';
import { useCategoryName } from './categoryName';

type Row = { key: string; label: string; minutes: number };

function TotalsList({
  id,
  title,
  rows,
  label,
}: {
  id: string;
  title: string;
  rows: Row[];
  label?: (r: Row) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb={4}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timesheets.noHours')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => (
            <Group key={r.key} justify="space-between" component="li" wrap="nowrap" gap="xs">
              <Text size="sm" dir="auto" truncate>
                {label ? label(r) : r.label}
              </Text>
              <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {hoursLabel(r.minutes, t)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}

/**
 * The year's hours (SQL totals): per month, per category, per deployment and per guide. For a guide (`own`) the
 * server answers with their own hours only, so the per-guide list is left out.
 */
export function TotalsCard({ year, own = false }: { year: number; own?: boolean }) {
  const { t, i18n } = useTranslation();
  const totals = useHourTotals(year);
  const categoryName = useCategoryName();
  return (
    <SectionCard
      id="hour-totals"
      title={t(own ? 'timesheets.totalsYearOwn' : 'timesheets.totalsYear', { year })}
      description={
        totals.data
          ? t(own ? 'timesheets.totalsAllOwn' : 'timesheets.totalsAll', {
              total: hoursLabel(totals.data.totalMinutes, t),
            })
          : undefined
      }
    >
      <QueryView query={totals}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: own ? 3 : 4 }} spacing="lg">
            <TotalsList
              id="totals-month"
              title={t('timesheets.byMonth')}
              rows={data.byMonth}
              label={(r) => monthLabel(r.key, i18n.language)}
            />
            <TotalsList
              id="totals-category"
              title={t('timesheets.byCategory')}
              rows={data.byCategory}
              label={(r) => {
                const row = data.byCategory.find((c) => c.key === r.key);
                return categoryName(r.key, r.label, row?.translations);
              }}
            />
            <TotalsList id="totals-deployment" title={t('timesheets.byDeployment')} rows={data.byDeployment} />
            {!own && <TotalsList id="totals-guide" title={t('timesheets.byGuide')} rows={data.byGuide} />}
          </SimpleGrid>
        )}
      </QueryView>
    </SectionCard>
  );
}
