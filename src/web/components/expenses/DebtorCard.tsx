import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type ExpenseSettings, expenseKeys, useExpenseSettings } from '../../api/expenseQueries';
import { useApiMutation } from '../../api/queries';
import { SectionCard } from '../coordination/SectionCard';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';

/** The office's own account (the SEPA debtor). */
export function DebtorCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useExpenseSettings();
  const form = useForm({
    initialValues: { debtorName: '', debtorIban: '', debtorBic: '' },
    validate: {
      debtorName: (v) => (v.trim() ? null : t('validation.required')),
      debtorIban: (v) => (v.trim() ? null : t('validation.required')),
    },
    enhanceGetInputProps: withFieldIds('debtor'),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the stored account once it arrives
  useEffect(() => {
    const s = settings.data;
    if (s?.debtorIban)
      form.setValues({ debtorName: s.debtorName ?? '', debtorIban: s.debtorIban, debtorBic: s.debtorBic ?? '' });
  }, [settings.data?.debtorIban]);
  const errors = useErrorSummary(form, 'debtor');
  const save = useApiMutation((v: typeof form.values) =>
    api.put<ExpenseSettings>('/expense-settings', {
      debtorName: v.debtorName.trim(),
      debtorIban: v.debtorIban.trim(),
      debtorBic: v.debtorBic.trim() || null,
    }),
  );
  return (
    <SectionCard title={t('expenses.debtor.title')} id="debtor" description={t('expenses.debtor.intro')}>
      <form
        noValidate
        onSubmit={form.onSubmit(
          (v) =>
            errors.run(async () => {
              client.setQueryData(expenseKeys.settings, await save.mutateAsync(v));
              notifySuccess(t('expenses.debtor.saved'));
            }),
          errors.onInvalid,
        )}
      >
        <ErrorSummary {...errors.summary} />
        <Group align="flex-start" wrap="wrap" grow>
          <TextInput
            label={t('expenses.debtor.name')}
            required
            style={{ minWidth: 200 }}
            {...form.getInputProps('debtorName')}
          />
          <TextInput
            label={t('expenses.debtor.iban')}
            required
            dir="ltr"
            spellCheck={false}
            style={{ minWidth: 220 }}
            {...form.getInputProps('debtorIban')}
          />
          <TextInput
            label={t('expenses.debtor.bic')}
            dir="ltr"
            spellCheck={false}
            style={{ minWidth: 140 }}
            {...form.getInputProps('debtorBic')}
          />
        </Group>
        <Button type="submit" mt="md" variant="default" loading={save.isPending}>
          {t('expenses.debtor.save')}
        </Button>
      </form>
    </SectionCard>
  );
}
