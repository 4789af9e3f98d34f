import { Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAND_FIGURES, type LandCell } from '../../shared/land.js';
import { apiUrl } from '../api/client';
import { useLandFigures } from '../api/landQueries';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { formatDate, formatNumber } from '../i18n/format';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const yearRange = (year: number, today: Date) => ({
  from: `${year}-01-01`,
  to: year === today.getFullYear() ? isoDay(today) : `${year}-12-31`,
});
const plausible = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '2000-01-01' && v <= '2100-12-31';

/** One figure: the number in the reader's locale, or the mark of a withheld cell with its reason spelled out. */
function Figure({ cell }: { cell: LandCell }) {
  const { t, i18n } = useTranslation();
  if (cell.suppressed)
    return (
      <Tooltip label={t(cell.suppressed === 'small' ? 'land.small' : 'land.secondary')}>
        <span>
          <span aria-hidden>{cell.suppressed === 'small' ? '< 5' : '•'}</span>
          <span className="visually-hidden">{t(cell.suppressed === 'small' ? 'land.small' : 'land.secondary')}</span>
        </span>
      </Tooltip>
    );
  if (cell.value === null)
    return (
      <span>
        <span aria-hidden>–</span>
        <span className="visually-hidden">{t('land.noValue')}</span>
      </span>
    );
  return <>{formatNumber(cell.value, i18n.language)}</>;
}

/**
 * The funder's comparison (issue 13 §3): the programme's offices side by side for a period, and the same table as
 * XLSX. Every number is an aggregate from the server, small cells already withheld there; the page only shows them.
 */
export function LandPage() {
  const { t, i18n } = useTranslation();
  const today = new Date();
  const [range, setRange] = useState(() => yearRange(today.getFullYear(), today));
  const [draft, setDraft] = useState(range);
  const valid = plausible(draft.from) && plausible(draft.to) && draft.from <= draft.to;
  const figures = useLandFigures(range);
  const data = figures.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('land.title')}
        subtitle={data ? t('land.programme', { name: data.programme.name, region: data.programme.region }) : undefined}
        actions={
          <Button
            component="a"
            variant="default"
            download
            href={apiUrl('/land/figures.xlsx', range)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('land.download')}
          </Button>
        }
      />
      <Text size="sm">{t('land.intro')}</Text>
      <Paper
        withBorder
        p="md"
        component="form"
        aria-label={t('land.period')}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setRange(draft);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('land.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('land.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            error={draft.from && draft.to && draft.from > draft.to ? t('validation.endBeforeStart') : undefined}
          />
          <Button type="submit" disabled={!valid}>
            {t('land.apply')}
          </Button>
          {[today.getFullYear(), today.getFullYear() - 1].map((year, i) => (
            <Button
              key={year}
              variant="subtle"
              onClick={() => {
                const next = yearRange(year, today);
                setDraft(next);
                setRange(next);
              }}
            >
              {t(i === 0 ? 'land.thisYear' : 'land.lastYear')}
            </Button>
          ))}
        </Group>
      </Paper>
      {figures.isPending ? (
        <LoadingState rows={3} />
      ) : figures.error ? (
        <ErrorState error={figures.error} onRetry={() => figures.refetch()} />
      ) : data && data.offices.length === 0 ? (
        <EmptyState title={t('land.empty')} />
      ) : data ? (
        <Stack gap="xs">
          {/* A focusable scroll region: on a phone the table scrolls sideways, by touch or keyboard. */}
          <Table.ScrollContainer
            minWidth={960}
            scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('land.title') } }}
          >
            <Table striped="even" withTableBorder bg="white">
              <caption className="visually-hidden">
                {t('land.tableCaption', {
                  from: formatDate(data.from, i18n.language),
                  to: formatDate(data.to, i18n.language),
                })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('land.office')}</Table.Th>
                  {LAND_FIGURES.map((k) => (
                    <Table.Th key={k} scope="col" ta="end">
                      {t(`land.figure.${k}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.offices.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={500}>
                      <span dir="auto">{o.name}</span>
                      <Text size="xs" c="dimmed" dir="auto">
                        {o.city}
                      </Text>
                    </Table.Th>
                    {LAND_FIGURES.map((k) => (
                      <Table.Td key={k} className="tabular" ta="end">
                        <Figure cell={o.figures[k]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t('land.total')}</Table.Th>
                  {LAND_FIGURES.map((k) => (
                    <Table.Td key={k} className="tabular" ta="end">
                      <Figure cell={data.total[k]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed">
            {t('land.suppressionNote', { threshold: formatNumber(data.threshold, i18n.language) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('land.secondaryNote')}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
