import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { BankAccountResult } from '../../api/expenseQueries';
import { useApiMutation } from '../../api/queries';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';

/** IBAN and account holder: the guide's own (`/me/bank-account`) or, for a coordinator, a guide's. */
export function BankAccountForm({
  url,
  queryKey,
  current,
  prefix,
  onSaved,
}: {
  url: string;
  queryKey: readonly unknown[];
  current: BankAccountResult['account'] | undefined;
  prefix: string;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { accountHolder: '', iban: '', bic: '' },
    validate: {
      accountHolder: (v) => (v.trim() ? null : t('validation.required')),
      iban: (v) => (v.trim() ? null : t('validation.required')),
    },
    enhanceGetInputProps: withFieldIds(prefix),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the stored values once they arrive
  useEffect(() => {
    if (current) form.setValues({ accountHolder: current.accountHolder, iban: current.iban, bic: current.bic ?? '' });
  }, [current?.iban, current?.accountHolder, current?.bic]);
  const errors = useErrorSummary(form, prefix);
  const save = useApiMutation((v: typeof form.values) =>
    api.put<BankAccountResult>(url, {
      accountHolder: v.accountHolder.trim(),
      iban: v.iban.trim(),
      bic: v.bic.trim() || null,
    }),
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          errors.run(async () => {
            const saved = await save.mutateAsync(values);
            client.setQueryData(queryKey, saved);
            await client.invalidateQueries({ queryKey: ['expenses'] });
            notifySuccess(t('expenses.bank.saved'));
            onSaved?.();
          }),
        errors.onInvalid,
      )}
    >
      <ErrorSummary {...errors.summary} />
      <TextInput
        label={t('expenses.bank.holder')}
        description={t('expenses.bank.holderHint')}
        required
        autoComplete="name"
        {...form.getInputProps('accountHolder')}
      />
      <Group grow align="flex-start" mt="sm" wrap="wrap">
        <TextInput
          label={t('expenses.bank.iban')}
          required
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          style={{ minWidth: 220 }}
          {...form.getInputProps('iban')}
        />
        <TextInput
          label={t('expenses.bank.bic')}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          style={{ minWidth: 140 }}
          {...form.getInputProps('bic')}
        />
      </Group>
      <Button type="submit" mt="md" loading={save.isPending}>
        {t('expenses.bank.save')}
      </Button>
    </form>
  );
}
