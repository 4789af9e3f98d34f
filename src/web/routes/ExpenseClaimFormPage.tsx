import {
  Alert,
  Button,
  Group,
  Input,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCamera } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EXPENSE_TRANSPORTS, type ExpenseClaim, type ExpenseTransport } from '../../shared/expenses.js';
import { api } from '../api/client';
import { expenseKeys, fileToBase64, useExpenseOptions, useMyClaims } from '../api/expenseQueries';
import { useApiMutation } from '../api/queries';
import { AmountInput, type AmountValue, amountRule } from '../components/AmountInput';
import { euros } from '../components/coordination/SectionCard';
import { ErrorSummary, fieldId, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/States';
import { useCategoryName } from '../components/timesheets/categoryName';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

type Values = {
  date: string;
  purpose: 'assignment' | 'category';
  assignmentId: string | null;
  hourCategoryId: string | null;
  transport: ExpenseTransport;
  origin: string;
  destination: string;
  km: AmountValue;
  ticketCents: AmountValue;
  otherCents: AmountValue;
  otherDescription: string;
  note: string;
  receipt: File | null;
};

const cents = (euro: AmountValue) => (euro === null || Number.isNaN(euro) ? null : Math.round(euro * 100));
const byRoad = (t: ExpenseTransport) => t === 'car' || t === 'bike';

/**
 * A new expense claim from the phone (or a returned one, fixed): date, purpose, route and means of transport, the
 * costs, and a photo of the receipt taken with the camera. The km rate shown is today's; the server applies the
 * rate valid on the claim's date.
 */
export function ExpenseClaimFormPage() {
  const categoryName = useCategoryName();
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const client = useQueryClient();
  const options = useExpenseOptions();
  const claims = useMyClaims();
  const existing: ExpenseClaim | undefined = id ? claims.data?.items.find((c) => c.id === id) : undefined;
  const [fileKey, setFileKey] = useState(0);
  const [fileFocus, setFileFocus] = useState(false);

  const form = useForm<Values>({
    initialValues: {
      date: localToday(),
      purpose: 'assignment',
      assignmentId: null,
      hourCategoryId: null,
      transport: 'car',
      origin: '',
      destination: '',
      km: null,
      ticketCents: null,
      otherCents: null,
      otherDescription: '',
      note: '',
      receipt: null,
    },
    validate: {
      date: (v) => (v ? null : t('validation.required')),
      assignmentId: (v, values) => (values.purpose === 'assignment' && !v ? t('validation.purposeRequired') : null),
      hourCategoryId: (v, values) => (values.purpose === 'category' && !v ? t('validation.purposeRequired') : null),
      origin: (v, values) => (values.transport !== 'other' && !v.trim() ? t('validation.required') : null),
      destination: (v, values) => (values.transport !== 'other' && !v.trim() ? t('validation.required') : null),
      km: (v, values) => (byRoad(values.transport) ? amountRule(t, { required: true })(v) : null),
      ticketCents: (v, values) =>
        values.transport === 'publicTransport' ? amountRule(t, { required: true })(v) : null,
      otherCents: (v, values) => amountRule(t, { required: values.transport === 'other' })(v),
      receipt: (v, values) => (values.otherCents && !v && !existing?.receipt ? t('validation.receiptRequired') : null),
    },
    enhanceGetInputProps: withFieldIds('claim'),
  });
  const errors = useErrorSummary(form, 'claim');

  // A returned claim opens with what the guide filed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the claim once it arrives
  useEffect(() => {
    if (!existing) return;
    form.setValues({
      date: existing.date,
      purpose: existing.hourCategoryId ? 'category' : 'assignment',
      assignmentId: existing.assignmentId,
      hourCategoryId: existing.hourCategoryId,
      transport: existing.transport,
      origin: existing.origin ?? '',
      destination: existing.destination ?? '',
      km: existing.km,
      ticketCents: existing.ticketCents === null ? null : existing.ticketCents / 100,
      otherCents: existing.otherCents === null ? null : existing.otherCents / 100,
      otherDescription: existing.otherDescription ?? '',
      note: existing.note ?? '',
      receipt: null,
    });
  }, [existing?.id]);

  // Without deployments the purpose is an activity.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the options arrive
  useEffect(() => {
    if (options.data && !id && options.data.assignments.length === 0) form.setFieldValue('purpose', 'category');
  }, [options.data]);

  const save = useApiMutation(async (v: Values) => {
    const body = {
      date: v.date,
      origin: v.transport === 'other' ? null : v.origin.trim() || null,
      destination: v.transport === 'other' ? null : v.destination.trim() || null,
      assignmentId: v.purpose === 'assignment' ? v.assignmentId : null,
      hourCategoryId: v.purpose === 'category' ? v.hourCategoryId : null,
      transport: v.transport,
      km: byRoad(v.transport) ? v.km : null,
      ticketCents: v.transport === 'publicTransport' ? cents(v.ticketCents) : null,
      otherCents: cents(v.otherCents) || null,
      otherDescription: cents(v.otherCents) ? v.otherDescription.trim() || null : null,
      note: v.note.trim() || null,
      ...(v.receipt ? { receipt: { fileName: v.receipt.name, content: await fileToBase64(v.receipt) } } : {}),
    };
    return id
      ? api.put<ExpenseClaim>(`/me/expense-claims/${id}`, body)
      : api.post<ExpenseClaim>('/me/expense-claims', body);
  });

  if (options.isPending || (id && claims.isPending)) return <LoadingState rows={6} />;
  if (options.error) return <ErrorState error={options.error} />;
  const o = options.data;
  const v = form.values;
  const rate = euros(o.kmRateCents, locale);
  const estimate =
    (byRoad(v.transport) && v.km && !Number.isNaN(v.km) ? v.km * o.kmRateCents : 0) +
    (v.transport === 'publicTransport' ? (cents(v.ticketCents) ?? 0) : 0) +
    (cents(v.otherCents) ?? 0);
  const receiptProps = form.getInputProps('receipt');

  return (
    <>
      <PageHeader
        title={id ? t('expenses.editClaim') : t('expenses.newClaim')}
        crumbs={[{ to: '/my/expenses', label: t('expenses.title') }]}
      />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            errors.run(async () => {
              await save.mutateAsync(values);
              await client.invalidateQueries({ queryKey: expenseKeys.all });
              notifySuccess(t('expenses.submitted'));
              navigate('/my/expenses');
            }),
          errors.onInvalid,
        )}
        style={{ maxWidth: 560 }}
      >
        <ErrorSummary {...errors.summary} />
        {existing?.status === 'returned' && existing.returnComment && (
          <Alert color="orange" variant="light" mb="md">
            <Text size="sm" dir="auto">
              {t('expenses.returnedComment', { comment: existing.returnComment })}
            </Text>
          </Alert>
        )}
        <Stack gap="md">
          <TextInput type="date" label={t('expenses.field.date')} required {...form.getInputProps('date')} />
          <Radio.Group label={t('expenses.field.purposeKind')} required {...form.getInputProps('purpose')}>
            <Group mt="xs">
              <Radio
                value="assignment"
                label={t('expenses.field.purposeAssignment')}
                disabled={o.assignments.length === 0}
              />
              <Radio
                value="category"
                label={t('expenses.field.purposeCategory')}
                disabled={o.categories.length === 0}
              />
            </Group>
          </Radio.Group>
          {v.purpose === 'assignment' ? (
            <Select
              label={t('expenses.field.assignment')}
              required
              data={o.assignments.map((a) => ({ value: a.id, label: a.label }))}
              {...form.getInputProps('assignmentId')}
            />
          ) : (
            <Select
              label={t('expenses.field.category')}
              required
              data={o.categories.map((c) => ({ value: c.id, label: categoryName(c.key, c.label, c.translations) }))}
              {...form.getInputProps('hourCategoryId')}
            />
          )}
          <Radio.Group label={t('expenses.field.transport')} required {...form.getInputProps('transport')}>
            <Stack gap="xs" mt="xs">
              {EXPENSE_TRANSPORTS.map((m) => (
                <Radio key={m} value={m} label={t(`expenses.transport.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {v.transport !== 'other' && (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label={t('expenses.field.origin')} required {...form.getInputProps('origin')} />
              <TextInput label={t('expenses.field.destination')} required {...form.getInputProps('destination')} />
            </SimpleGrid>
          )}
          {byRoad(v.transport) && (
            <AmountInput
              label={t('expenses.field.km')}
              description={t('expenses.kmRateHint', { rate })}
              required
              decimals={0}
              min={1}
              max={2000}
              inputMode="numeric"
              {...form.getInputProps('km')}
            />
          )}
          {v.transport === 'publicTransport' && (
            <AmountInput
              label={t('expenses.field.ticket')}
              required
              min={0}
              minDecimals={2}
              rightSection="€"
              inputMode="decimal"
              {...form.getInputProps('ticketCents')}
            />
          )}
          <AmountInput
            label={t('expenses.field.other')}
            required={v.transport === 'other'}
            min={0}
            minDecimals={2}
            rightSection="€"
            inputMode="decimal"
            {...form.getInputProps('otherCents')}
          />
          {!!v.otherCents && (
            <TextInput label={t('expenses.field.otherDescription')} {...form.getInputProps('otherDescription')} />
          )}
          <Input.Wrapper
            id={fieldId('claim', 'receipt')}
            label={t('expenses.field.receipt')}
            description={
              existing?.receipt && !v.receipt
                ? t('expenses.receiptKept', { name: existing.receipt.fileName })
                : t('expenses.receiptHint', { mb: Math.round(o.maxReceiptBytes / 1024 / 1024) })
            }
            error={receiptProps.error}
            required={!!v.otherCents && !existing?.receipt}
            labelElement="label"
            // The wrapper's label names the native input below, like the button-styled label does.
            labelProps={{ htmlFor: fieldId('claim', 'receipt-file') }}
          >
            <Group gap="sm" mt={6} wrap="wrap">
              {/* The native picker (camera on a phone); its button is drawn below in the page's language. */}
              <input
                key={fileKey}
                id={fieldId('claim', 'receipt-file')}
                className="visually-hidden"
                type="file"
                accept="image/*,application/pdf"
                capture="environment"
                aria-describedby={`${fieldId('claim', 'receipt')}-description${receiptProps.error ? ` ${fieldId('claim', 'receipt')}-error` : ''}`}
                aria-invalid={receiptProps.error ? true : undefined}
                onFocus={() => setFileFocus(true)}
                onBlur={() => setFileFocus(false)}
                onChange={(e) => form.setFieldValue('receipt', e.currentTarget.files?.[0] ?? null)}
              />
              <Button
                component="label"
                htmlFor={fieldId('claim', 'receipt-file')}
                variant="default"
                leftSection={<IconCamera size={16} aria-hidden />}
                style={
                  fileFocus ? { outline: '2px solid var(--mantine-primary-color-8)', outlineOffset: 2 } : undefined
                }
              >
                {t('expenses.chooseReceipt')}
              </Button>
              <Text size="sm" c={v.receipt ? undefined : 'dimmed'} dir="auto">
                {v.receipt ? v.receipt.name : t('expenses.noFile')}
              </Text>
            </Group>
          </Input.Wrapper>
          {v.receipt && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                form.setFieldValue('receipt', null);
                setFileKey((k) => k + 1);
              }}
            >
              {t('expenses.removeReceipt')}
            </Button>
          )}
          <Textarea label={t('expenses.field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Text fw={600} aria-live="polite">
            {t('expenses.estimate', { amount: euros(estimate, locale) })}
          </Text>
          <Button type="submit" loading={save.isPending} size="md">
            {id ? t('expenses.resubmit') : t('expenses.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
