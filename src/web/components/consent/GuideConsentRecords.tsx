import { Badge, Button, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../domain/dates.js';
import { CONSENT_METHODS, type ConsentMethod, type ConsentRecord } from '../../../shared/consent.js';
import { LOCALES } from '../../../shared/enums.js';
import { api } from '../../api/client';
import { consentKeys, useConsentRecords, useConsentTexts } from '../../api/consentQueries';
import { keys, useApiMutation } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n/format';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { Section } from '../guides/GuideSections';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

type RecordValues = { textId: string | null; language: string; givenAt: string; method: ConsentMethod };

/** The coordinator enters a consent signed on paper (or given in person) for a published text. */
function RecordModal({ guideId, onClose }: { guideId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const texts = useConsentTexts();
  const options = (texts.data?.items ?? [])
    .filter((x) => x.kind !== 'person_consent' && x.state !== 'draft')
    .map((x) => ({
      value: x.id,
      label: `${t(`consent.kind.${x.kind}`)} – ${t('consent.versionN', { version: formatNumber(x.version) })}`,
    }));
  const form = useForm<RecordValues>({
    initialValues: { textId: null, language: 'de', givenAt: todayIso(), method: 'paper' },
    enhanceGetInputProps: withFieldIds('record'),
    validate: {
      textId: (v) => (v ? null : t('consent.form.textRequired')),
      givenAt: (v) => (v ? null : t('consent.form.dateRequired')),
    },
  });
  const errors = useErrorSummary(form, 'record');
  const save = useApiMutation(
    (v: RecordValues) => api.post('/consent-records', { ...v, guideId }),
    [consentKeys.all, keys.guides],
  );
  function submit(v: RecordValues) {
    return errors.run(async () => {
      await save.mutateAsync(v);
      notifySuccess(t('consent.recorded'));
      onClose();
    });
  }
  return (
    <FormModal
      opened
      title={t('consent.record')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <Select label={t('consent.form.text')} required data={options} {...form.getInputProps('textId')} />
      <Select
        label={t('consent.form.language')}
        required
        allowDeselect={false}
        data={LOCALES.map((l) => ({ value: l, label: t(`consent.language.${l}`) }))}
        {...form.getInputProps('language')}
      />
      <TextInput type="date" label={t('consent.form.givenAt')} required {...form.getInputProps('givenAt')} />
      <Select
        label={t('consent.form.method')}
        required
        allowDeselect={false}
        data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
        {...form.getInputProps('method')}
      />
    </FormModal>
  );
}

/** Withdrawal: the date it was declared and how; the server ends matching and pending offers. */
function WithdrawModal({ record, self, onClose }: { record: ConsentRecord; self: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ withdrawnAt: string; method: ConsentMethod }>({
    initialValues: { withdrawnAt: todayIso(), method: self ? 'app' : 'paper' },
    enhanceGetInputProps: withFieldIds('withdraw'),
    validate: { withdrawnAt: (v) => (v ? null : t('consent.form.dateRequired')) },
  });
  const errors = useErrorSummary(form, 'withdraw');
  const save = useApiMutation(
    (v: { withdrawnAt: string; method: ConsentMethod }) => api.post(`/consent-records/${record.id}/withdraw`, v),
    [consentKeys.all, keys.guides],
  );
  function submit(v: { withdrawnAt: string; method: ConsentMethod }) {
    return errors.run(async () => {
      await save.mutateAsync(v);
      notifySuccess(t('consent.withdrawn'));
      onClose();
    });
  }
  return (
    <FormModal
      opened
      title={t('consent.withdraw')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
      submitLabel={t('consent.withdraw')}
    >
      <Text size="sm">
        {t(record.kind === 'person_consent' ? 'consent.withdrawTextPerson' : 'consent.withdrawText')}
      </Text>
      <TextInput type="date" label={t('consent.form.withdrawnAt')} required {...form.getInputProps('withdrawnAt')} />
      {!self && (
        <Select
          label={t('consent.form.method')}
          required
          allowDeselect={false}
          data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
          {...form.getInputProps('method')}
        />
      )}
    </FormModal>
  );
}

/** A record table: which version, language, when and how, and its withdrawal. */
export function ConsentRecordTable({
  records,
  canWithdraw,
  onWithdraw,
}: {
  records: ConsentRecord[];
  canWithdraw: boolean;
  onWithdraw: (r: ConsentRecord) => void;
}) {
  const { t } = useTranslation();
  if (records.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('consent.noRecords')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped="even" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('consent.col.text')}</Table.Th>
            <Table.Th scope="col">{t('consent.col.language')}</Table.Th>
            <Table.Th scope="col">{t('consent.col.given')}</Table.Th>
            <Table.Th scope="col">{t('consent.col.withdrawn')}</Table.Th>
            {canWithdraw && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {t(`consent.kind.${r.kind}`)}
                <Text size="xs" c="dimmed">
                  {t('consent.versionN', { version: formatNumber(r.version) })}
                </Text>
              </Table.Td>
              <Table.Td>{t(`consent.language.${r.language}`)}</Table.Td>
              <Table.Td>
                {formatDate(r.givenAt)}
                <Text size="xs" c="dimmed">
                  {t(`consent.method.${r.method}`)}
                  {r.recordedByName ? ` · ${r.recordedByName}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.withdrawnAt ? (
                  <>
                    <Badge variant="light" color="red">
                      {formatDate(r.withdrawnAt)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {r.withdrawalMethod && t(`consent.method.${r.withdrawalMethod}`)}
                    </Text>
                  </>
                ) : (
                  '–'
                )}
              </Table.Td>
              {canWithdraw && (
                <Table.Td>
                  {!r.withdrawnAt && r.kind !== 'confidentiality_pledge' && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onWithdraw(r)}>
                      {t('consent.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a guide's page: their consent records; coordinators add paper records, the guide or they record a withdrawal. */
export function GuideConsentRecords({ guideId, manage, self }: { guideId: string; manage: boolean; self: boolean }) {
  const { t } = useTranslation();
  const records = useConsentRecords({ guideId });
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentRecord | null>(null);
  // Consent is withdrawn as a whole: one button on the newest open record of each kind is enough.
  const items = records.data?.items ?? [];
  return (
    <Section
      title={t('consent.recordsTitle')}
      id="sec-consent"
      actions={
        manage && (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('consent.record')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {records.isPending ? (
          <LoadingState rows={2} />
        ) : records.isError ? (
          <ErrorState error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <ConsentRecordTable records={items} canWithdraw={manage || self} onWithdraw={setWithdrawing} />
        )}
      </Stack>
      {adding && <RecordModal guideId={guideId} onClose={() => setAdding(false)} />}
      {withdrawing && <WithdrawModal record={withdrawing} self={self} onClose={() => setWithdrawing(null)} />}
    </Section>
  );
}
