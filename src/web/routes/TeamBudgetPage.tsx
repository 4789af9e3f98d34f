import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocaleOf } from '../../shared/numbers.js';
import type { TeamBudget, TeamBudgetItem } from '../../shared/teamBudget.js';
import { api } from '../api/client';
import { useApiMutation } from '../api/queries';
import { hoursLabel, timesheetKeys } from '../api/timesheetQueries';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormModal } from '../components/FormModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../i18n/format';

const teamBudgetKey = (year: number) => [...timesheetKeys.all, 'team-budget', year] as const;
/** The unallocated rest of the budget in the "from" and "to" selects. */
const REST = 'rest';

function MoveModal({ data, toGuideId, onClose }: { data: TeamBudget; toGuideId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(intlLocaleOf(i18n.language));
  const places = [
    {
      value: REST,
      label: t('teamBudget.rest', { hours: number.format(data.unallocatedHours ?? 0) }),
    },
    ...data.guides.map((g) => ({
      value: g.guideId,
      label: t('teamBudget.placeLabel', { name: g.guideName, hours: number.format(g.allocatedHours) }),
    })),
  ];
  const form = useForm({
    initialValues: {
      fromGuideId: REST,
      toGuideId: toGuideId ?? data.guides[0]?.guideId ?? REST,
      hours: 10 as number | string,
    },
    enhanceGetInputProps: withFieldIds('team-budget'),
    validate: {
      toGuideId: (v, all) => (v === all.fromGuideId ? t('validation.sameGuide') : null),
      hours: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : t('validation.required')),
    },
  });
  const errors = useErrorSummary(form, 'team-budget');
  const move = useApiMutation(
    (body: unknown) => api.post<TeamBudget>('/team-budget/moves', body),
    [teamBudgetKey(data.year), timesheetKeys.all],
  );
  return (
    <FormModal
      opened
      title={t('teamBudget.moveTitle')}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await move.mutateAsync({
              year: data.year,
              fromGuideId: v.fromGuideId === REST ? null : v.fromGuideId,
              toGuideId: v.toGuideId === REST ? null : v.toGuideId,
              hours: Number(v.hours),
            });
            notifySuccess(t('teamBudget.moved', { hours: number.format(Number(v.hours)) }));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={move.isPending}
      summary={errors.summary}
      submitLabel={t('teamBudget.moveSubmit')}
    >
      <Select
        label={t('teamBudget.from')}
        data={places}
        allowDeselect={false}
        searchable
        {...form.getInputProps('fromGuideId')}
      />
      <Select
        label={t('teamBudget.to')}
        data={places}
        allowDeselect={false}
        searchable
        {...form.getInputProps('toGuideId')}
      />
      <NumberInput
        label={t('teamBudget.hours')}
        description={t('teamBudget.hoursHint')}
        min={1}
        max={3000}
        step={1}
        allowDecimal={false}
        {...form.getInputProps('hours')}
      />
    </FormModal>
  );
}

/** Hessen WIR: the team's budget of paid hours, shared out between guides, none above their own cap. */
export function TeamBudgetPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(intlLocaleOf(locale));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [moving, setMoving] = useState<{ to: string | null } | null>(null);
  const budget = useQuery({
    queryKey: teamBudgetKey(year),
    queryFn: () => api.get<TeamBudget>('/team-budget', { year }),
  });
  const hours = (h: number) => t('teamBudget.hoursValue', { hours: number.format(h) });
  const columns: Column<TeamBudgetItem>[] = [
    {
      key: 'guide',
      header: t('timesheets.guide'),
      fw: 600,
      cell: (r) => (
        <Group gap={6}>
          <Anchor component={Link} to={`/guides/${r.guideId}/hours`} className="table-link">
            {r.guideName}
          </Anchor>
          {r.coordinating && (
            <Badge size="sm" variant="light" color="grape" style={{ textTransform: 'none' }}>
              {t('timesheets.coordinating')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'cap',
      header: t('teamBudget.cap'),
      numeric: true,
      cell: (r) => (r.capHours === null ? t('teamBudget.noCap') : hours(r.capHours)),
    },
    { key: 'used', header: t('teamBudget.used'), numeric: true, cell: (r) => hoursLabel(r.usedMinutes, t) },
    {
      key: 'share',
      header: t('teamBudget.share'),
      numeric: true,
      cell: (r) => (
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <span>{hours(r.allocatedHours)}</span>
          {/* Without a team budget there are no shares to be over. */}
          {budget.data?.budgetHours != null && r.usedMinutes > r.allocatedHours * 60 && (
            <Badge size="sm" color="orange" variant="light" style={{ textTransform: 'none' }}>
              {t('teamBudget.overShare')}
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('teamBudget.title')}
        subtitle={t('teamBudget.intro')}
        actions={
          <Select
            aria-label={t('timesheets.year')}
            w={110}
            data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
            value={String(year)}
            allowDeselect={false}
            onChange={(v) => v && setYear(Number(v))}
          />
        }
      />
      <QueryView query={budget}>
        {(data) => (
          <Stack gap="md">
            {data.ruleSet && (
              <Text size="sm">
                {t('teamBudget.ruleSet', { name: data.ruleSet.name, date: formatDate(data.ruleSet.validFrom, locale) })}
              </Text>
            )}
            {data.budgetHours === null ? (
              <Alert color="gray" title={t('teamBudget.notConfiguredTitle')}>
                <Text size="sm">{t('teamBudget.notConfigured')}</Text>
                <Anchor component={Link} to="/settings/hours" size="sm">
                  {t('teamBudget.toSettings')}
                </Anchor>
              </Alert>
            ) : (
              <>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  {(
                    [
                      ['budget', data.budgetHours],
                      ['allocated', data.allocatedHours],
                      ['unallocated', data.unallocatedHours ?? 0],
                    ] as const
                  ).map(([key, value]) => (
                    <Paper key={key} withBorder p="sm" radius="md">
                      <Text size="sm" c="dimmed">
                        {t(`teamBudget.${key}`)}
                      </Text>
                      <Text fw={700} size="lg" className="tabular">
                        {hours(value)}
                      </Text>
                    </Paper>
                  ))}
                </SimpleGrid>
                <Group>
                  <Button
                    leftSection={<IconArrowsExchange size={16} aria-hidden />}
                    onClick={() => setMoving({ to: null })}
                  >
                    {t('teamBudget.move')}
                  </Button>
                </Group>
              </>
            )}
            <DataTable
              items={data.guides}
              rowKey={(r) => r.guideId}
              columns={columns}
              label={t('teamBudget.title')}
              actions={
                data.budgetHours === null
                  ? undefined
                  : (r) => (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setMoving({ to: r.guideId })}
                        aria-label={t('teamBudget.moveTo', { name: r.guideName })}
                      >
                        {t('teamBudget.moveShort')}
                      </Button>
                    )
              }
            />
            {moving && <MoveModal data={data} toGuideId={moving.to} onClose={() => setMoving(null)} />}
          </Stack>
        )}
      </QueryView>
    </>
  );
}
