import { Alert, Anchor, Badge, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AllowanceOverview } from '../../shared/timesheets.js';
import { api, apiUrl } from '../api/client';
import { useApiMutation } from '../api/queries';
import { hoursLabel, timesheetKeys, useAllowances } from '../api/timesheetQueries';
import { euros } from '../components/coordination/SectionCard';
import { FormError } from '../components/FormError';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { CapBadge } from '../components/timesheets/CapBadge';
import { TotalsCard } from '../components/timesheets/TotalsCard';
import { formatDate } from '../i18n/format';

type Item = AllowanceOverview['items'][number];
const TAX_COLORS = { ok: 'teal', warning: 'orange', exceeds: 'red' } as const;

/** Caps and allowances per guide for a year: coordinating guides, benefits hints and the export for the guide. */
export function HourAllowancesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const overview = useAllowances(year);
  const profile = useApiMutation(
    (v: Pick<Item, 'guideId' | 'coordinating' | 'benefits' | 'taxFreeKind'>) =>
      api.put(`/guides/${v.guideId}/hour-profile`, {
        coordinating: v.coordinating,
        benefits: v.benefits,
        taxFreeKind: v.taxFreeKind,
      }),
    [timesheetKeys.all],
  );
  const columns: Column<Item>[] = [
    {
      key: 'guide',
      header: t('timesheets.guide'),
      fw: 600,
      cell: (r) => (
        <Anchor component={Link} to={`/guides/${r.guideId}/hours`} className="table-link">
          {r.guideName}
        </Anchor>
      ),
    },
    {
      key: 'cap',
      header: t('timesheets.capColumn'),
      cell: (r) => (
        <Stack gap={2} align="flex-start">
          <CapBadge cap={r.cap} />
          {r.cap.capHours === null && (
            <Text size="sm" className="tabular">
              {hoursLabel(r.cap.usedMinutes, t)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'allowance',
      header: t('timesheets.allowanceYear'),
      numeric: true,
      cell: (r) => (
        <Stack gap={2} align="flex-start">
          <Text size="sm" className="tabular">
            {euros(r.allowanceCents, locale)}
          </Text>
          <Select
            size="xs"
            aria-label={t('timesheets.taxFreeKindNamed', { name: r.guideName })}
            data={(['ehrenamtspauschale', 'uebungsleiterpauschale'] as const).map((k) => ({
              value: k,
              label: t(`timesheets.taxFreeKind.${k}`),
            }))}
            value={r.taxFreeKind}
            allowDeselect={false}
            onChange={(k) => k && profile.mutate({ ...r, taxFreeKind: k as Item['taxFreeKind'] })}
          />
          <Badge color={TAX_COLORS[r.taxFree.state]} variant="light" style={{ textTransform: 'none' }}>
            {t(`timesheets.taxFree.${r.taxFree.state}`)} ·{' '}
            {t('timesheets.taxFreeRemaining', { amount: euros(r.taxFree.remainingCents, locale) })}
          </Badge>
        </Stack>
      ),
    },
    {
      key: 'coordinating',
      header: t('timesheets.coordinating'),
      cell: (r) => (
        <Switch
          checked={r.coordinating}
          aria-label={t('timesheets.coordinatingNamed', { name: r.guideName })}
          onChange={(e) => profile.mutate({ ...r, coordinating: e.currentTarget.checked })}
        />
      ),
    },
    {
      key: 'benefits',
      header: t('timesheets.benefits'),
      cell: (r) => (
        <Stack gap={4}>
          <Select
            size="xs"
            aria-label={t('timesheets.benefitsNamed', { name: r.guideName })}
            data={(['none', 'buergergeld', 'asylblg'] as const).map((b) => ({
              value: b,
              label: t(`timesheets.benefit.${b}`),
            }))}
            value={r.benefits}
            allowDeselect={false}
            onChange={(b) => b && profile.mutate({ ...r, benefits: b as Item['benefits'] })}
          />
          {r.benefits !== 'none' && (
            <Text size="xs" c={r.monthsAboveBenefitsFree.length ? 'red' : 'dimmed'}>
              {t(`timesheets.benefitHint.${r.benefits}`, { count: r.monthsAboveBenefitsFree.length })}
            </Text>
          )}
          <Anchor href={apiUrl(`/guides/${r.guideId}/allowances.xlsx`, { year })} size="sm">
            <Group gap={4} wrap="nowrap">
              <IconDownload size={14} aria-hidden />
              {t('timesheets.exportNamed', { name: r.guideName })}
            </Group>
          </Anchor>
        </Stack>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('timesheets.allowancesTitle')}
        subtitle={t('timesheets.allowancesIntro')}
        actions={
          <Group gap="xs">
            <Select
              aria-label={t('timesheets.year')}
              w={110}
              data={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: String(y), label: String(y) }))}
              value={String(year)}
              allowDeselect={false}
              onChange={(v) => v && setYear(Number(v))}
            />
            <Button
              component="a"
              href={apiUrl('/hour-allowances/form-2b.xlsx', { year })}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('timesheets.form2b.download')}
            </Button>
          </Group>
        }
      />
      <FormError error={profile.error} />
      <QueryView query={overview}>
        {(data) => (
          <Stack gap="md">
            {data.ruleSet ? (
              <Text size="sm">
                {t('timesheets.ruleSetApplies', {
                  name: data.ruleSet.name,
                  programme: t(`timesheets.programme.${data.ruleSet.programme}`),
                  date: formatDate(data.ruleSet.validFrom, locale),
                })}
              </Text>
            ) : (
              <Alert color="gray">{t('timesheets.noRuleSet')}</Alert>
            )}
            <TotalsCard year={year} />
            {data.items.length === 0 ? (
              <EmptyState title={t('timesheets.noGuides')} />
            ) : (
              <DataTable
                items={data.items}
                rowKey={(r) => r.guideId}
                columns={columns}
                label={t('timesheets.allowancesTitle')}
              />
            )}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
