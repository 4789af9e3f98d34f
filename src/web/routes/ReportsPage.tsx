import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  ActionIcon,
  Box,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths, todayIso } from '../../domain/dates.js';
import { PERIOD_KINDS, type Period, type PeriodKind, periodContaining } from '../../domain/reports/period.js';
import { displayName } from '../../shared/reference-data.js';
import {
  BREAKDOWNS,
  type Breakdown,
  type CountRow,
  KPIS,
  type Kpi,
  type OfficeFigures,
  type OfficeReport,
  rowLabel,
} from '../../shared/reports.js';
import { api, apiUrl } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { FunderForms } from '../components/reports/FunderForms';
import { ErrorState, LoadingState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';
import { intlLocale } from '../i18n';

const KEYS = ['kind', 'from', 'to'] as const;
const SECTIONS = ['guides', 'requests', 'deployments', 'hours', 'courses'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const STEP: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, year: 12 };

/** The period in the address (shareable, survives a reload); the current year unless chosen otherwise. */
function usePeriod() {
  const { values: search, update: setSearch } = useSearchState(KEYS);
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(search.kind)
    ? (search.kind as PeriodKind)
    : 'year';
  const fallback = periodContaining(kind === 'custom' ? 'year' : kind, todayIso());
  const from = ISO.test(search.from) ? search.from : fallback.from;
  const period: Period =
    kind === 'custom' ? { from, to: ISO.test(search.to) ? search.to : fallback.to } : periodContaining(kind, from);
  const set = (next: Partial<{ kind: PeriodKind; from: string; to: string }>) =>
    setSearch({ kind: next.kind ?? kind, from: next.from ?? period.from, to: next.to ?? period.to });
  return { kind, period, set };
}

function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (n: number) => number.format(n),
    money: (cents: number) => money.format(cents / 100),
    kpi: (kpi: Kpi, v: number | null) => {
      if (v === null) return '–';
      if (kpi.format === 'cents') return money.format(v / 100);
      if (kpi.format === 'minutes') return t('reports.hours', { value: number.format(v / 60) });
      if (kpi.format === 'days') return t('reports.days', { value: number.format(v) });
      return number.format(v);
    },
    period: (p: Period) =>
      `${day.format(new Date(`${p.from}T00:00:00Z`))} – ${day.format(new Date(`${p.to}T00:00:00Z`))}`,
  };
}

function PeriodPicker() {
  const { t } = useTranslation();
  const { kind, period, set } = usePeriod();
  const format = useFormat();
  const step = (direction: 1 | -1) => {
    if (kind === 'custom') return;
    set({ from: addMonths(period.from, direction * STEP[kind]) });
  };
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('reports.periodKind')}
          value={kind}
          onChange={(value) => set({ kind: value as PeriodKind })}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
          fullWidth
          maw={520}
        />
        {kind === 'custom' ? (
          <Group gap="sm" align="flex-end">
            <TextInput
              type="date"
              label={t('reports.from')}
              value={period.from}
              onChange={(e) => ISO.test(e.currentTarget.value) && set({ from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('reports.to')}
              value={period.to}
              onChange={(e) => ISO.test(e.currentTarget.value) && set({ to: e.currentTarget.value })}
            />
          </Group>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => step(-1)} aria-label={t('reports.earlier')}>
              <IconChevronLeft size={18} aria-hidden className="flip-rtl" />
            </ActionIcon>
            <Text fw={600} aria-live="polite">
              {format.period(period)}
            </Text>
            <ActionIcon variant="default" size="lg" onClick={() => step(1)} aria-label={t('reports.later')}>
              <IconChevronRight size={18} aria-hidden className="flip-rtl" />
            </ActionIcon>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function KpiCards({ report, section }: { report: OfficeReport; section: Kpi['section'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kpis = KPIS.filter((k) => k.section === section);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
      {kpis.map((kpi) => (
        // A term and its values, not headings: the number is large, but it is data (axe: p-as-heading).
        <Card key={kpi.id} withBorder padding="sm" component="dl" m={0} data-kpi={kpi.id}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`reports.kpi.${kpi.id}`)}
          </Text>
          <Text component="dd" m={0} fz={24} fw={700} lh={1.3}>
            {format.kpi(kpi, kpi.pick(report.current))}
          </Text>
          <Text component="dd" m={0} size="xs" c="dimmed">
            {t('reports.previousValue', { value: format.kpi(kpi, kpi.pick(report.previous)) })}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

type Line = { key: string; label: string; current: number; previous: number };

/** The period's rows in their order, then rows only the previous period had; hours in hours. */
function linesOf(b: Breakdown, current: OfficeFigures, previous: OfficeFigures, label: (r: CountRow) => string) {
  const now = b.pick(current);
  const before = b.pick(previous);
  const scale = (n: number) => (b.unit === 'minutes' ? Math.round((n / 60) * 10) / 10 : n);
  const rows = [...now, ...before.filter((r) => !now.some((c) => c.key === r.key))];
  return rows.map<Line>((r) => ({
    key: r.key,
    label: label(r),
    current: scale(now.find((c) => c.key === r.key)?.count ?? 0),
    previous: scale(before.find((c) => c.key === r.key)?.count ?? 0),
  }));
}

function FigureCard({ report, breakdown }: { report: OfficeReport; breakdown: Breakdown }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 36em)');
  const [asTable, setAsTable] = useState(false);
  const title = t(`reports.figure.${breakdown.id}`);
  const lines = linesOf(breakdown, report.current, report.previous, (r) =>
    rowLabel(breakdown.kind, r, t, (kind, code) => displayName(kind, code, i18n.language)),
  );
  const headingId = `figure-${breakdown.id}`;
  const series = [
    { name: 'current', label: t('reports.current'), color: 'blue.7' },
    { name: 'previous', label: t('reports.previous'), color: 'gray.5' },
  ];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-figure={breakdown.id}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={3} size="h5" id={headingId} style={{ flex: 1, minWidth: 160 }}>
          {title}
        </Title>
        {lines.length > 0 && (
          <Button variant="subtle" size="compact-sm" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('reports.showChart') : t('reports.showTable')}
          </Button>
        )}
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.empty')}
        </Text>
      ) : asTable ? (
        <Table striped withTableBorder>
          <caption className="visually-hidden">{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.category')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.current')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.previous')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.key}>
                <Table.Th scope="row" fw={400}>
                  <span dir="auto">{l.label}</span>
                </Table.Th>
                <Table.Td ta="end">{format.number(l.current)}</Table.Td>
                <Table.Td ta="end">{format.number(l.previous)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        // The chart is a picture of the table behind the toggle: screen readers get its summary, not the SVG parts.
        // The SVG is laid out left to right in every language: recharts places axis labels by text-anchor, which an
        // inherited dir="rtl" reverses, and the labels then fall onto the bars. Arabic words still read right to left.
        <div
          dir="ltr"
          role="img"
          aria-label={`${title}: ${lines.map((l) => `${l.label} ${format.number(l.current)} (${format.number(l.previous)})`).join('; ')}`}
        >
          <BarChart
            h={Math.max(140, lines.length * 46 + 50)}
            data={lines}
            dataKey="label"
            orientation="vertical"
            series={series}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 32 }}
            withBarValueLabel
            withTooltip={false}
            valueFormatter={format.number}
            gridAxis="none"
            withXAxis={false}
            yAxisProps={{
              width: phone ? 96 : 180,
              tickFormatter: (v: string) => (phone && v.length > 14 ? `${v.slice(0, 13)}…` : v),
            }}
            barProps={{ isAnimationActive: false }}
            // Room for the value labels at the bars' ends.
            barChartProps={{ margin: { left: 8, right: 40 } }}
          />
        </div>
      )}
    </Card>
  );
}

function CourseTable({ report }: { report: OfficeReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 });
  const items = report.current.courses.items;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('reports.empty')}
      </Text>
    );
  return (
    <Card withBorder padding="md">
      {/* Seven columns scroll sideways on a phone; the region takes the keyboard focus for that (axe). */}
      <Box tabIndex={0} role="region" aria-label={t('reports.courseTable')} style={{ overflowX: 'auto' }}>
        <Table striped miw={760}>
          <caption className="visually-hidden">{t('reports.figure.courses')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.course.title')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.course.participants')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.course.unitsHeld')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.course.attendanceRate')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.course.completions')}
              </Table.Th>
              <Table.Th scope="col">{t('reports.course.ruleSet')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('reports.course.fundable')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.courseId}>
                <Table.Th scope="row" fw={400}>
                  <span dir="auto">{c.title}</span>
                </Table.Th>
                <Table.Td ta="end">{format.number(c.participants)}</Table.Td>
                <Table.Td ta="end">{format.number(c.unitsHeld)}</Table.Td>
                <Table.Td ta="end">{c.attendanceRate === null ? '–' : percent.format(c.attendanceRate)}</Table.Td>
                <Table.Td ta="end">{format.number(c.completions)}</Table.Td>
                <Table.Td>
                  <span dir="auto">
                    {c.funding ? c.funding.ruleSetName : t(`courseReport.problem.${c.fundingProblem ?? 'noneChosen'}`)}
                  </span>
                  {!c.ended && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('reports.course.running')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">
                  {c.funding
                    ? c.funding.fundable
                      ? format.money(c.funding.totalCents)
                      : t('reports.course.notFundable')
                    : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Card>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { period } = usePeriod();
  const format = useFormat();
  const query = useQuery({
    queryKey: ['reports', 'office', period.from, period.to],
    queryFn: () => api.get<OfficeReport>('/reports/office', { from: period.from, to: period.to }),
    placeholderData: (previous) => previous,
  });
  const report = query.data;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          <Button
            component="a"
            href={apiUrl('/reports/office.xlsx', { from: period.from, to: period.to })}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t('reports.download')}
          </Button>
        }
      />
      <Stack gap="lg">
        <PeriodPicker />
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !report ? (
          <LoadingState rows={8} />
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t('reports.comparedWith', {
                period: format.period(report.period),
                previous: format.period(report.previousPeriod),
              })}
            </Text>
            {SECTIONS.map((section) => (
              <Stack key={section} gap="sm" component="section" aria-labelledby={`reports-${section}`}>
                <Title order={2} size="h3" id={`reports-${section}`}>
                  {t(`reports.section.${section}`)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`reports.sectionNote.${section}`)}
                </Text>
                <KpiCards report={report} section={section} />
                {section === 'courses' ? (
                  <CourseTable report={report} />
                ) : (
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                    {BREAKDOWNS.filter((b) => b.section === section).map((b) => (
                      <FigureCard key={b.id} report={report} breakdown={b} />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
            ))}
            <FunderForms period={period} />
          </>
        )}
      </Stack>
    </>
  );
}
