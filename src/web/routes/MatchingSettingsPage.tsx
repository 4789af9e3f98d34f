import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_CRITERIA } from '../../domain/matching/types.js';
import { REQUEST_MATTERS, REQUEST_TYPES } from '../../shared/requests.js';
import { api } from '../api/client';
import { coordinationKeys, useOfficeSettings } from '../api/coordinationQueries';
import type { OfficeSettings } from '../api/coordinationTypes';
import { useApiMutation, useReferenceNames } from '../api/queries';
import { SectionFieldset } from '../components/coordination/SectionCard';
import { applyServerErrors, FormError } from '../components/FormError';
import '../components/matching/matching.css';
import { AmountInput, amountRule } from '../components/AmountInput';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { RepeatRows } from '../components/RepeatRows';

type Rule = { key: string; field: string; type: string; matter: string };
type Values = {
  matchingWeights: Record<string, number | string | null>;
  offerExpiryHours: number | string | null;
  reviewAfterDays: number | string | null;
  fairnessWindowDays: number | string | null;
  matters: string[];
  keywords: Record<string, string>;
  fieldTypeRules: Rule[];
};

let ruleCounter = 0;
const ruleRow = (r?: Partial<Rule>): Rule => ({
  key: `rule-${++ruleCounter}`,
  field: r?.field ?? '',
  type: r?.type ?? '',
  matter: r?.matter ?? '',
});

function toValues(s: OfficeSettings): Values {
  return {
    matchingWeights: { ...s.matchingWeights },
    offerExpiryHours: s.offerExpiryHours,
    reviewAfterDays: s.reviewAfterDays,
    fairnessWindowDays: s.fairnessWindowDays,
    matters: [...s.outOfScope.matters],
    keywords: Object.fromEntries(REQUEST_MATTERS.map((m) => [m, (s.outOfScope.keywords[m] ?? []).join(', ')])),
    fieldTypeRules: s.outOfScope.fieldTypeRules.map((r) => ruleRow(r)),
  };
}

function toBody(v: Values) {
  const keywords = Object.fromEntries(
    REQUEST_MATTERS.map((m) => [
      m,
      (v.keywords[m] ?? '')
        .split(',')
        .map((w) => w.trim().toLowerCase())
        .filter((w) => w.length >= 2),
    ]),
  );
  return {
    matchingWeights: Object.fromEntries(MATCH_CRITERIA.map((c) => [c, Number(v.matchingWeights[c]) || 0])),
    offerExpiryHours: Number(v.offerExpiryHours),
    reviewAfterDays: Number(v.reviewAfterDays),
    fairnessWindowDays: Number(v.fairnessWindowDays),
    outOfScope: {
      matters: v.matters,
      keywords,
      fieldTypeRules: v.fieldTypeRules
        .filter((r) => r.field && r.type && r.matter)
        .map(({ field, type, matter }) => ({ field, type, matter })),
    },
  };
}

function SettingsForm({ settings }: { settings: OfficeSettings }) {
  const { t } = useTranslation();
  const ref = useReferenceNames();
  const [extra, setExtra] = useState<string[]>([]);
  const initial = useMemo(() => toValues(settings), [settings]);
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      matchingWeights: Object.fromEntries(MATCH_CRITERIA.map((c) => [c, amountRule(t, { required: true })])),
      offerExpiryHours: amountRule(t, { required: true }),
      reviewAfterDays: amountRule(t, { required: true }),
      fairnessWindowDays: amountRule(t, { required: true }),
    },
  });
  const save = useApiMutation(
    (v: Values) => api.patch<OfficeSettings>('/settings', toBody(v)),
    [coordinationKeys.settings, ['requests']],
  );
  const v = form.getValues();
  const total = MATCH_CRITERIA.reduce((sum, c) => sum + (Number(v.matchingWeights[c]) || 0), 0);
  const rules = v.fieldTypeRules;

  return (
    <form
      noValidate
      aria-label={t('services.settingsTitle')}
      onSubmit={form.onSubmit(async (values) => {
        setExtra([]);
        try {
          const saved = await save.mutateAsync(values);
          form.setValues(toValues(saved));
          form.resetDirty(toValues(saved));
          notifySuccess(t('services.settingsSaved'));
        } catch (error) {
          setExtra(applyServerErrors(form, error, {}));
        }
      })}
      style={{ maxWidth: 880 }}
    >
      <FormError error={save.error} extra={extra} />
      <Stack gap="md">
        <SectionFieldset title={t('services.weightsTitle')} id="ms-weights" description={t('services.weightsHint')}>
          <Stack gap="sm">
            {MATCH_CRITERIA.map((c) => {
              const value = Number(v.matchingWeights[c]) || 0;
              const share = total > 0 ? Math.round((value / total) * 100) : 0;
              return (
                <Group key={c} gap="md" wrap="wrap" align="flex-end">
                  <AmountInput
                    label={t(`matching.criterion.${c}`)}
                    description={t(`services.weightHint.${c}`)}
                    min={0}
                    max={100}
                    decimals={0}
                    style={{ flex: '1 1 16rem' }}
                    {...form.getInputProps(`matchingWeights.${c}`)}
                  />
                  <div style={{ flex: '1 1 12rem', paddingBottom: 10 }}>
                    <span className="criteria-bar" aria-hidden="true">
                      <span className="criteria-fill" style={{ width: `${Math.max(share, 1)}%` }} />
                    </span>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('services.share', { share })}
                    </Text>
                  </div>
                </Group>
              );
            })}
            {total === 0 && (
              <Text size="sm" c="red.8" role="alert">
                {t('services.weightsZero')}
              </Text>
            )}
          </Stack>
        </SectionFieldset>

        <SectionFieldset title={t('services.timesTitle')} id="ms-times">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <AmountInput
              label={t('services.field.offerExpiryHours')}
              description={t('services.offerExpiryHint')}
              min={1}
              max={720}
              decimals={0}
              {...form.getInputProps('offerExpiryHours')}
            />
            <AmountInput
              label={t('services.field.reviewAfterDays')}
              description={t('services.reviewAfterHint')}
              min={7}
              max={365}
              decimals={0}
              {...form.getInputProps('reviewAfterDays')}
            />
            <AmountInput
              label={t('services.field.fairnessWindowDays')}
              description={t('services.fairnessHint')}
              min={7}
              max={730}
              decimals={0}
              {...form.getInputProps('fairnessWindowDays')}
            />
          </SimpleGrid>
        </SectionFieldset>

        <SectionFieldset title={t('services.scopeTitle')} id="ms-scope" description={t('services.scopeHint')}>
          <Stack gap="md">
            <Checkbox.Group label={t('services.field.outOfScopeMatters')} {...form.getInputProps('matters')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {REQUEST_MATTERS.map((m) => (
                  <Checkbox key={m} value={m} label={t(`requests.matter.${m}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {REQUEST_MATTERS.map((m) => (
                <TextInput
                  key={m}
                  label={t('services.keywordsFor', { matter: t(`requests.matter.${m}`) })}
                  {...form.getInputProps(`keywords.${m}`)}
                />
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('services.keywordsHint')}
            </Text>
            <RepeatRows
              label={t('services.rulesTitle')}
              hint={t('services.rulesHint')}
              rows={rules}
              removeLabel={(i) => t('services.removeRule', { n: i + 1 })}
              onRemove={(i) => form.removeListItem('fieldTypeRules', i)}
              addLabel={t('services.addRule')}
              onAdd={() => form.insertListItem('fieldTypeRules', ruleRow())}
              renderRow={(_, i) => (
                <>
                  <Select
                    label={t('services.ruleFieldN', { n: i + 1 })}
                    data={ref.fields.map((f) => ({ value: f.key, label: f.name }))}
                    style={{ flex: '2 1 12rem' }}
                    {...form.getInputProps(`fieldTypeRules.${i}.field`)}
                  />
                  <Select
                    label={t('services.ruleTypeN', { n: i + 1 })}
                    data={REQUEST_TYPES.map((x) => ({ value: x, label: t(`requests.type.${x}`) }))}
                    style={{ flex: '1 1 10rem' }}
                    {...form.getInputProps(`fieldTypeRules.${i}.type`)}
                  />
                  <Select
                    label={t('services.ruleMatterN', { n: i + 1 })}
                    data={REQUEST_MATTERS.map((x) => ({ value: x, label: t(`requests.matter.${x}`) }))}
                    style={{ flex: '1 1 10rem' }}
                    {...form.getInputProps(`fieldTypeRules.${i}.matter`)}
                  />
                </>
              )}
            />
          </Stack>
        </SectionFieldset>
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => form.setValues(initial)} disabled={!form.isDirty()}>
          {t('services.resetChanges')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('services.saveSettings')}
        </Button>
      </Group>
    </form>
  );
}

/** Office rules for matching: criterion weights, offer expiry, review and fairness windows, out-of-scope rules. */
export function MatchingSettingsPage() {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  return (
    <>
      <PageHeader title={t('services.settingsTitle')} subtitle={t('services.settingsIntro')} />
      <QueryView query={settings} loadingRows={8}>
        {(data) => <SettingsForm settings={data} />}
      </QueryView>
    </>
  );
}
