import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSLATED_LOCALES, type TranslatedLocale } from '../../../shared/localized.js';
import { PROGRAMME_DEFAULTS, type ProgrammeOptions } from '../../../shared/programmes.js';
import type { HourCategory, ProgrammeRuleSet } from '../../../shared/timesheets.js';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { timesheetKeys, useHourCategories, useProgrammeRuleSets } from '../../api/timesheetQueries';
import { formatDate } from '../../i18n/format';
import { AmountInput, type AmountValue, amountRule } from '../AmountInput';
import { euros } from '../coordination/SectionCard';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormError } from '../FormError';
import { FormModal } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { ListCard } from '../lists/ListCard';
import { QueryView } from '../lists/ListStates';
import { EditDeleteActions } from '../lists/RowActions';
import { notifySuccess } from '../notify';
import { useCategoryName } from '../timesheets/categoryName';
import { TranslatedInto } from './TranslatedInto';
import { TranslationInputs } from './TranslationInputs';

const KINDS = ['plenum', 'course', 'supervision', 'publicTalk', 'coordination', 'other'] as const;
const PROGRAMMES = ['hessenWir', 'niedersachsen', 'municipal'] as const;

type CategoryValues = { label: string; kind: string; translations: Record<TranslatedLocale, string> };
const noTranslations = () =>
  Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, ''])) as Record<TranslatedLocale, string>;

function CategoryModal({ category, onClose }: { category: HourCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<CategoryValues>({
    initialValues: {
      label: category?.label ?? '',
      kind: category?.kind ?? 'other',
      translations: { ...noTranslations(), ...category?.translations },
    },
    enhanceGetInputProps: withFieldIds('category'),
    validate: { label: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const errors = useErrorSummary(form, 'category');
  const save = useApiMutation(
    (v: CategoryValues) =>
      category
        ? api.patch(`/hour-categories/${category.id}`, { label: v.label, translations: v.translations })
        : api.post('/hour-categories', v),
    [timesheetKeys.categories],
  );
  return (
    <FormModal
      opened
      title={category ? t('timesheets.settings.editCategory') : t('timesheets.settings.addCategory')}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync({ label: v.label.trim(), kind: v.kind, translations: v.translations });
            notifySuccess(t('settings.saved'));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('timesheets.settings.labelGerman')}
        lang="de"
        required
        maxLength={80}
        data-autofocus
        {...form.getInputProps('label')}
      />
      {!category && (
        <Select
          label={t('timesheets.settings.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`timesheets.kind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
      )}
      <TranslationInputs
        form={form}
        path="translations"
        locales={TRANSLATED_LOCALES}
        legend={t('timesheets.settings.translations')}
        hint={t('timesheets.settings.translationsHint')}
        maxLength={100}
      />
    </FormModal>
  );
}

function CategoriesCard() {
  const { t } = useTranslation();
  const list = useHourCategories();
  const [editing, setEditing] = useState<HourCategory | null | 'new'>(null);
  const patch = useApiMutation(
    (v: { id: string; body: Record<string, unknown> }) => api.patch(`/hour-categories/${v.id}`, v.body),
    [timesheetKeys.categories],
  );
  const move = async (items: HourCategory[], index: number, by: number) => {
    const order = [...items];
    const [item] = order.splice(index, 1);
    order.splice(index + by, 0, item);
    for (const [i, c] of order.entries())
      if (c.sortOrder !== i) await patch.mutateAsync({ id: c.id, body: { sortOrder: i } });
  };
  return (
    <ListCard
      headingId="hour-categories"
      title={t('timesheets.settings.categoriesTitle')}
      intro={t('timesheets.settings.categoriesIntro')}
      addLabel={t('timesheets.settings.addCategory')}
      onAdd={() => setEditing('new')}
    >
      <FormError error={patch.error} />
      <QueryView query={list}>
        {(data) => {
          const columns: Column<HourCategory>[] = [
            { key: 'label', header: t('timesheets.settings.label'), cell: (c) => c.label, fw: 600, dir: 'auto' },
            {
              key: 'translations',
              header: t('settings.items.translatedInto'),
              cell: (c) => <TranslatedInto translations={c.translations} />,
            },
            { key: 'kind', header: t('timesheets.settings.kind'), cell: (c) => t(`timesheets.kind.${c.kind}`) },
            {
              key: 'archived',
              header: t('timesheets.settings.active'),
              cell: (c) =>
                c.kind === 'deployment' ? (
                  <Badge variant="light">{t('timesheets.settings.fixed')}</Badge>
                ) : (
                  <Switch
                    checked={!c.archived}
                    aria-label={t('timesheets.settings.activeNamed', { name: c.label })}
                    onChange={(e) => patch.mutate({ id: c.id, body: { archived: !e.currentTarget.checked } })}
                  />
                ),
            },
          ];
          return (
            <DataTable
              items={data.items}
              rowKey={(c) => c.id}
              columns={columns}
              label={t('timesheets.settings.categoriesTitle')}
              actions={(c) => {
                const i = data.items.indexOf(c);
                return (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      aria-label={t('timesheets.settings.up', { name: c.label })}
                      onClick={() => void move(data.items, i, -1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === data.items.length - 1}
                      aria-label={t('timesheets.settings.down', { name: c.label })}
                      onClick={() => void move(data.items, i, 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <EditDeleteActions name={c.label} onEdit={() => setEditing(c)} />
                  </Group>
                );
              }}
            />
          );
        }}
      </QueryView>
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListCard>
  );
}

type RuleValues = {
  programme: (typeof PROGRAMMES)[number];
  name: string;
  validFrom: string;
  allowancesEnabled: boolean;
  allowance: AmountValue;
  capHours: AmountValue;
  coordinatorCapHours: AmountValue;
  teamBudgetHours: AmountValue;
  kmRate: AmountValue;
  capCategoryKeys: string[];
  timesheetDeadlineDay: AmountValue;
};

const fromOptions = (o: ProgrammeOptions) => ({
  allowancesEnabled: o.allowancesEnabled,
  allowance: o.allowanceCentsPerHour / 100,
  capHours: o.capHours,
  coordinatorCapHours: o.coordinatorCapHours,
  teamBudgetHours: o.teamBudgetHours,
  kmRate: o.kmRateCents / 100,
  capCategoryKeys: o.capCategoryKeys,
  timesheetDeadlineDay: o.timesheetDeadlineDay,
});

function RuleSetModal({ base, onClose }: { base: ProgrammeRuleSet | null; onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useHourCategories();
  const categoryName = useCategoryName();
  const form = useForm<RuleValues>({
    initialValues: {
      programme: base?.programme ?? 'hessenWir',
      name: base?.name ?? t('timesheets.programme.hessenWir'),
      validFrom: new Date().toISOString().slice(0, 10),
      ...fromOptions(base?.options ?? PROGRAMME_DEFAULTS.hessenWir),
    },
    enhanceGetInputProps: withFieldIds('programme'),
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      validFrom: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('validation.required')),
      allowance: amountRule(t, { required: true }),
      kmRate: amountRule(t, { required: true }),
      timesheetDeadlineDay: amountRule(t, { required: true }),
      capHours: amountRule(t),
      coordinatorCapHours: amountRule(t),
      teamBudgetHours: amountRule(t),
    },
  });
  const errors = useErrorSummary(form, 'programme');
  const create = useApiMutation((body: unknown) => api.post('/programme-rule-sets', body), [timesheetKeys.all]);
  const submit = (v: RuleValues) =>
    errors.run(async () => {
      await create.mutateAsync({
        name: v.name.trim(),
        programme: v.programme,
        validFrom: v.validFrom,
        options: {
          allowancesEnabled: v.allowancesEnabled,
          allowanceCentsPerHour: Math.round((v.allowance ?? 0) * 100),
          capHours: v.capHours ? Math.round(v.capHours) : null,
          coordinatorCapHours: v.coordinatorCapHours ? Math.round(v.coordinatorCapHours) : null,
          teamBudgetHours: v.teamBudgetHours ? Math.round(v.teamBudgetHours) : null,
          kmRateCents: Math.round((v.kmRate ?? 0) * 100),
          capCategoryKeys: v.capCategoryKeys,
          timesheetDeadlineDay: Math.round(v.timesheetDeadlineDay ?? 10),
        },
      });
      notifySuccess(t('timesheets.settings.ruleSetSaved', { name: v.name.trim() }));
      onClose();
    });
  return (
    <FormModal
      opened
      title={base ? t('timesheets.settings.newVersion', { name: base.name }) : t('timesheets.settings.addRuleSet')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={create.isPending}
      summary={errors.summary}
    >
      {!base && (
        <Select
          label={t('timesheets.settings.programme')}
          description={t('timesheets.settings.programmeHint')}
          data={PROGRAMMES.map((p) => ({ value: p, label: t(`timesheets.programme.${p}`) }))}
          allowDeselect={false}
          {...form.getInputProps('programme')}
          onChange={(p) => {
            if (!p) return;
            const programme = p as RuleValues['programme'];
            form.setValues({
              programme,
              name: t(`timesheets.programme.${programme}`),
              ...fromOptions(PROGRAMME_DEFAULTS[programme]),
            });
          }}
        />
      )}
      <TextInput label={t('timesheets.settings.name')} required disabled={!!base} {...form.getInputProps('name')} />
      <TextInput label={t('timesheets.settings.validFrom')} type="date" required {...form.getInputProps('validFrom')} />
      <Checkbox
        label={t('timesheets.settings.allowancesEnabled')}
        {...form.getInputProps('allowancesEnabled', { type: 'checkbox' })}
      />
      <AmountInput
        label={t('timesheets.settings.allowance')}
        rightSection="€"
        minDecimals={2}
        {...form.getInputProps('allowance')}
      />
      <Group grow align="flex-start">
        <AmountInput label={t('timesheets.settings.capHours')} decimals={0} {...form.getInputProps('capHours')} />
        <AmountInput
          label={t('timesheets.settings.coordinatorCapHours')}
          decimals={0}
          {...form.getInputProps('coordinatorCapHours')}
        />
      </Group>
      <AmountInput
        label={t('timesheets.settings.teamBudgetHours')}
        decimals={0}
        {...form.getInputProps('teamBudgetHours')}
      />
      <MultiSelect
        label={t('timesheets.settings.capCategories')}
        description={t('timesheets.settings.capCategoriesHint')}
        placeholder={form.values.capCategoryKeys.length === 0 ? t('timesheets.settings.allCategories') : undefined}
        data={(categories.data?.items ?? [])
          .filter((c) => !c.archived || form.values.capCategoryKeys.includes(c.key))
          .map((c) => ({ value: c.key, label: categoryName(c.key, c.label, c.translations) }))}
        clearable
        {...form.getInputProps('capCategoryKeys')}
      />
      <Group grow align="flex-start">
        <AmountInput
          label={t('timesheets.settings.kmRate')}
          rightSection="€"
          minDecimals={2}
          {...form.getInputProps('kmRate')}
        />
        <AmountInput
          label={t('timesheets.settings.deadlineDay')}
          decimals={0}
          {...form.getInputProps('timesheetDeadlineDay')}
        />
      </Group>
    </FormModal>
  );
}

function RuleSetsCard() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const list = useProgrammeRuleSets();
  const categories = useHourCategories();
  const categoryName = useCategoryName();
  const labelOf = new Map(
    (categories.data?.items ?? []).map((c) => [c.key, categoryName(c.key, c.label, c.translations)]),
  );
  const [editing, setEditing] = useState<ProgrammeRuleSet | null | 'new'>(null);
  const describe = (r: ProgrammeRuleSet) =>
    [
      r.options.allowancesEnabled
        ? t('timesheets.settings.perHour', { amount: euros(r.options.allowanceCentsPerHour, locale) })
        : t('timesheets.settings.noAllowance'),
      r.options.capHours !== null
        ? t('timesheets.settings.capSummary', {
            cap: r.options.capHours,
            coordinator: r.options.coordinatorCapHours ?? r.options.capHours,
          })
        : null,
      r.options.capHours !== null && r.options.capCategoryKeys.length > 0
        ? t('timesheets.settings.capCategoriesSummary', {
            categories: r.options.capCategoryKeys.map((k) => labelOf.get(k) ?? k).join(', '),
          })
        : null,
      t('timesheets.settings.kmSummary', { amount: euros(r.options.kmRateCents, locale) }),
    ]
      .filter(Boolean)
      .join(' · ');
  const columns: Column<ProgrammeRuleSet>[] = [
    {
      key: 'name',
      header: t('timesheets.settings.name'),
      fw: 600,
      cell: (r) => (
        <Group gap={6}>
          <span>{r.name}</span>
          {r.current && (
            <Badge size="sm" color="teal" variant="light">
              {t('timesheets.settings.current')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'from',
      header: t('timesheets.settings.validFrom'),
      cell: (r) => formatDate(r.validFrom, locale),
      numeric: true,
      nowrap: true,
    },
    { key: 'rules', header: t('timesheets.settings.rules'), cell: (r) => <Text size="sm">{describe(r)}</Text> },
  ];
  return (
    <ListCard
      headingId="programme-rule-sets"
      title={t('timesheets.settings.ruleSetsTitle')}
      intro={t('timesheets.settings.ruleSetsIntro')}
      addLabel={t('timesheets.settings.addRuleSet')}
      onAdd={() => setEditing('new')}
    >
      <QueryView
        query={list}
        empty={
          <Text size="sm" c="dimmed">
            {t('timesheets.settings.noRuleSets')}
          </Text>
        }
        isEmpty={(d) => d.items.length === 0}
      >
        {(data) => (
          <DataTable
            items={data.items}
            rowKey={(r) => r.id}
            columns={columns}
            label={t('timesheets.settings.ruleSetsTitle')}
            actions={(r) => (
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(r)}
                aria-label={t('timesheets.settings.newVersion', { name: r.name })}
              >
                {t('timesheets.settings.newVersionShort')}
              </Button>
            )}
          />
        )}
      </QueryView>
      {editing && <RuleSetModal base={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListCard>
  );
}

/** Settings › Stunden und Programme: the office's hour categories and its programme rule sets with versions. */
export function HoursTab() {
  return (
    <Stack gap="lg">
      <CategoriesCard />
      <RuleSetsCard />
    </Stack>
  );
}
