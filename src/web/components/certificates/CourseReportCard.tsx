import { Alert, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconReportMoney } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseReport, FundingRuleSet } from '../../../shared/certificates.js';
import { intlLocaleOf } from '../../../shared/numbers.js';
import { api, apiUrl, type List } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n/format';
import { AmountInput, type AmountValue, amountRule } from '../AmountInput';
import { euros, SectionCard } from '../coordination/SectionCard';
import { FormError } from '../FormError';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

export const fundingKeys = {
  report: (courseId: string) => ['course-report', courseId] as const,
  ruleSets: ['funding-rule-sets'] as const,
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * The course report for the funder: participants, UE held, attendance rate and completions, and the fundable amount
 * under the rule set the coordinator chooses (its version valid at the course's first session), as XLSX too.
 */
export function CourseReportCard({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const client = useQueryClient();
  const report = useQuery({
    queryKey: fundingKeys.report(courseId),
    queryFn: () => api.get<CourseReport>(`/courses/${courseId}/report`),
  });
  const ruleSets = useQuery({
    queryKey: fundingKeys.ruleSets,
    queryFn: () => api.get<List<FundingRuleSet>>('/funding-rule-sets'),
  });
  const [ruleSetName, setRuleSetName] = useState<string | null>(null);
  const [materials, setMaterials] = useState<AmountValue>(0);
  useEffect(() => {
    if (!report.data) return;
    setRuleSetName(report.data.ruleSet?.name ?? null);
    setMaterials(report.data.materialsCents / 100);
  }, [report.data]);
  const save = useApiMutation((body: { ruleSetName: string | null; materialsCents: number }) =>
    api.put<CourseReport>(`/courses/${courseId}/funding`, body),
  );
  const names = [...new Set((ruleSets.data?.items ?? []).map((r) => r.name))];
  const materialsError = amountRule(t)(materials);
  const invalidMaterials = materialsError !== null;

  if (report.isPending) return <LoadingState rows={3} />;
  if (report.error) return <ErrorState error={report.error} />;
  const r = report.data;
  return (
    <SectionCard
      title={t('courseReport.cardTitle')}
      id="course-report"
      actions={
        <Button
          component="a"
          size="sm"
          variant="default"
          download
          href={apiUrl(`/courses/${courseId}/report.xlsx`)}
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('courseReport.xlsx')}
        </Button>
      }
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('courseReport.participants')} value={formatNumber(r.participants, locale)} />
          <Figure
            label={t('courseReport.unitsHeld')}
            value={`${formatNumber(r.unitsHeld, locale)} / ${formatNumber(r.teachingUnits, locale)}`}
          />
          <Figure
            label={t('courseReport.attendanceRate')}
            value={
              r.attendanceRate === null
                ? '–'
                : new Intl.NumberFormat(intlLocaleOf(locale), {
                    style: 'percent',
                    maximumFractionDigits: 1,
                  }).format(r.attendanceRate)
            }
          />
          <Figure label={t('courseReport.completions')} value={formatNumber(r.completions, locale)} />
        </SimpleGrid>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (invalidMaterials) return;
            save.mutate(
              { ruleSetName, materialsCents: Math.round((materials ?? 0) * 100) },
              {
                onSuccess: (data) => {
                  client.setQueryData(fundingKeys.report(courseId), data);
                  notifySuccess(t('courseReport.saved'));
                },
              },
            );
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <Select
              id="report-rule-set"
              label={t('courseReport.ruleSet')}
              placeholder={t('courseReport.problem.noneChosen')}
              description={names.length === 0 ? t('courseReport.noRuleSets') : undefined}
              data={names}
              value={ruleSetName}
              onChange={setRuleSetName}
              clearable
              style={{ flex: '1 1 220px' }}
            />
            <AmountInput
              id="report-materials"
              label={t('courseReport.materialsSpent')}
              value={materials}
              onChange={setMaterials}
              min={0}
              minDecimals={2}
              rightSection="€"
              error={materialsError}
              style={{ flex: '0 1 180px' }}
            />
            <Button type="submit" loading={save.isPending} leftSection={<IconReportMoney size={16} aria-hidden />}>
              {t('courseReport.calculate')}
            </Button>
          </Group>
          <FormError error={save.error} />
        </form>
        {r.ruleSetProblem === 'notValidYet' && (
          <Alert color="orange" variant="light">
            {t('courseReport.problem.notValidYet')}
          </Alert>
        )}
        {r.ruleSet && r.funding && (
          <Alert color={r.funding.fundable ? 'green' : 'orange'} variant="light" title={t('courseReport.total')}>
            <Stack gap={4}>
              <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {euros(r.funding.totalCents, locale)}
              </Text>
              <Text size="sm">
                {t('courseReport.breakdown', {
                  teaching: euros(r.funding.teachingCents, locale),
                  units: formatNumber(r.funding.unitsFunded, locale),
                  materials: euros(r.funding.materialsCents, locale),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('courseReport.ruleSetVersion', { name: r.ruleSet.name, date: formatDate(r.ruleSet.validFrom) })}
              </Text>
              {r.funding.notes.map((n) => (
                <Text key={n} size="sm">
                  {t(`courseReport.note.${n}`)}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}
