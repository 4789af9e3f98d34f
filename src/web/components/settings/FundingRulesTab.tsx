import { Button, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundingRuleSet } from '../../../shared/certificates.js';
import { api, type List } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n/format';
import { AmountInput, type AmountValue, amountRule } from '../AmountInput';
import { fundingKeys } from '../certificates/CourseReportCard';
import { euros } from '../coordination/SectionCard';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { ListCard } from '../lists/ListCard';
import { QueryView } from '../lists/ListStates';
import { notifyError, notifySuccess } from '../notify';
import { errorMessage } from '../States';

type Template = { key: string; kind: 'per_unit' | 'per_participant_unit'; params: Record<string, number> };
/** The numbers of each kind, in cents or UE; money fields are entered in euros. */
const PARAMS = {
  per_unit: ['unitCents', 'twoTeacherUnitCents', 'maxUnits', 'materialsMaxCents'],
  per_participant_unit: ['participantUnitCents', 'minUnits', 'maxUnits'],
} as const;
const isMoney = (key: string) => key.endsWith('Cents');

type Values = { template: string; name: string; validFrom: string; params: Record<string, AmountValue> };

function RuleSetModal({ templates, onClose }: { templates: Template[]; onClose: () => void }) {
  const { t } = useTranslation();
  const first = templates[0];
  const fromTemplate = (tpl: Template) =>
    Object.fromEntries(Object.entries(tpl.params).map(([k, v]) => [k, isMoney(k) ? v / 100 : v]));
  const form = useForm<Values>({
    initialValues: {
      template: first?.key ?? '',
      name: first ? t(`fundingRules.template.${first.key}`) : '',
      validFrom: new Date().toISOString().slice(0, 10),
      params: first ? fromTemplate(first) : {},
    },
    enhanceGetInputProps: withFieldIds('funding'),
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      validFrom: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('validation.required')),
      params: (params) =>
        Object.values(params).some((v) => amountRule(t, { required: true })(v)) ? t('numbers.fix') : null,
    },
  });
  const errors = useErrorSummary(form, 'funding');
  const create = useApiMutation((body: unknown) => api.post('/funding-rule-sets', body), [fundingKeys.ruleSets]);
  const template = templates.find((x) => x.key === form.values.template) ?? first;
  function submit(v: Values) {
    return errors.run(async () => {
      await create.mutateAsync({
        name: v.name.trim(),
        validFrom: v.validFrom,
        kind: template.kind,
        params: Object.fromEntries(
          Object.entries(v.params).map(([k, n]) => [k, isMoney(k) ? Math.round((n ?? 0) * 100) : Math.round(n ?? 0)]),
        ),
      });
      notifySuccess(t('fundingRules.created', { name: v.name.trim() }));
      onClose();
    });
  }
  return (
    <FormModal
      opened
      title={t('fundingRules.add')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={create.isPending}
      summary={errors.summary}
      submitLabel={t('fundingRules.save')}
    >
      <Select
        label={t('fundingRules.templateLabel')}
        description={t('fundingRules.templateHint')}
        data={templates.map((x) => ({ value: x.key, label: t(`fundingRules.template.${x.key}`) }))}
        allowDeselect={false}
        {...form.getInputProps('template')}
        onChange={(key) => {
          const tpl = templates.find((x) => x.key === key);
          if (!tpl) return;
          form.setValues({ template: tpl.key, name: t(`fundingRules.template.${tpl.key}`), params: fromTemplate(tpl) });
        }}
      />
      <TextInput label={t('fundingRules.name')} required {...form.getInputProps('name')} />
      <TextInput label={t('fundingRules.validFrom')} type="date" required {...form.getInputProps('validFrom')} />
      {template &&
        PARAMS[template.kind].map((key) => (
          <AmountInput
            key={key}
            label={t(`fundingRules.param.${key}`)}
            decimals={isMoney(key) ? 2 : 0}
            minDecimals={isMoney(key) ? 2 : 0}
            rightSection={isMoney(key) ? '€' : undefined}
            {...form.getInputProps(`params.${key}`)}
          />
        ))}
    </FormModal>
  );
}

/**
 * Settings › Förderregeln: the funders' numbers the office reports courses under. A change from a date is a new
 * version with that date; reports of earlier courses keep the numbers valid when they began.
 */
export function FundingRulesTab() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: fundingKeys.ruleSets,
    queryFn: () => api.get<List<FundingRuleSet>>('/funding-rule-sets'),
  });
  const templates = useQuery({
    queryKey: ['funding-templates'],
    queryFn: () => api.get<List<Template>>('/funding-templates'),
  });
  const remove = useApiMutation((id: string) => api.delete(`/funding-rule-sets/${id}`), [fundingKeys.ruleSets]);
  const describe = (r: FundingRuleSet) =>
    PARAMS[r.kind]
      .map(
        (k) =>
          `${t(`fundingRules.param.${k}`)}: ${isMoney(k) ? euros(r.params[k] ?? 0, locale) : formatNumber(r.params[k] ?? 0, locale)}`,
      )
      .join(' · ');
  const columns: Column<FundingRuleSet>[] = [
    { key: 'name', header: t('fundingRules.name'), cell: (r) => r.name, fw: 600 },
    {
      key: 'from',
      header: t('fundingRules.validFrom'),
      cell: (r) => formatDate(r.validFrom),
      numeric: true,
      nowrap: true,
    },
    { key: 'numbers', header: t('fundingRules.numbers'), cell: (r) => <Text size="sm">{describe(r)}</Text> },
  ];
  return (
    <ListCard
      headingId="funding-rules"
      title={t('fundingRules.title')}
      intro={t('fundingRules.intro')}
      addLabel={t('fundingRules.add')}
      onAdd={() => setAdding(true)}
    >
      <QueryView query={list} empty={t('fundingRules.empty')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <DataTable
            label={t('fundingRules.title')}
            items={data.items}
            rowKey={(r) => r.id}
            columns={columns}
            actions={(r) =>
              r.abilities.delete && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending && remove.variables === r.id}
                  aria-label={t('fundingRules.deleteNamed', { name: r.name, date: formatDate(r.validFrom) })}
                  onClick={() =>
                    remove.mutate(r.id, {
                      onSuccess: () => notifySuccess(t('fundingRules.deleted')),
                      onError: (e) => notifyError(errorMessage(e, t)),
                    })
                  }
                >
                  {t('common.delete')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {adding && templates.data && <RuleSetModal templates={templates.data.items} onClose={() => setAdding(false)} />}
    </ListCard>
  );
}
