import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardConfirmation, CardEligibility, MilestoneItem } from '../../shared/recognition.js';
import { apiUrl } from '../api/client';
import {
  type CardRule,
  useCardConfirmations,
  useCardEligibility,
  useCreateConfirmation,
  useMilestones,
  useRecordCard,
} from '../api/recognitionQueries';
import { AppModal } from '../components/AppModal';
import { SectionCard } from '../components/coordination/SectionCard';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { hoursOf, monthLabel, todayLocal } from '../components/recognition/hours';
import { EmptyState, errorMessage } from '../components/States';
import { formatDate } from '../i18n/format';

const guideLink = (id: string, name: string) => (
  <Anchor component={Link} to={`/guides/${id}`} dir="auto">
    {name}
  </Anchor>
);

function EligibilityBadge({ item }: { item: CardEligibility }) {
  const { t } = useTranslation();
  if (item.status === 'eligible')
    return (
      <Badge color="green" variant="light">
        {t('recognition.card.eligible')}
      </Badge>
    );
  return (
    <Badge color="yellow" variant="light">
      {item.reason === 'projected' && item.projectedMonth
        ? t('recognition.card.soonBy', { month: monthLabel(item.projectedMonth) })
        : t('recognition.card.soon')}
    </Badge>
  );
}

function Eligibility() {
  const { t } = useTranslation();
  const [rule, setRule] = useState<CardRule>('niedersachsen');
  const list = useCardEligibility(rule);
  const create = useCreateConfirmation();
  const confirm = (item: CardEligibility) =>
    create.mutate(
      { guideId: item.guideId, rule },
      {
        onSuccess: () => notifySuccess(t('recognition.card.confirmed', { name: item.guideName })),
        onError: (e) => notifyError(errorMessage(e, t)),
      },
    );
  const years = (item: CardEligibility) =>
    [...item.blocks]
      .reverse()
      .map((b) => t('recognition.hoursValue', { hours: hoursOf(b.minutes) }))
      .join(' · ');
  const action = (item: CardEligibility) =>
    item.status === 'eligible' ? (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileCertificate size={14} aria-hidden />}
        loading={create.isPending && create.variables?.guideId === item.guideId}
        onClick={() => confirm(item)}
        aria-label={t('recognition.card.confirmNamed', { name: item.guideName })}
      >
        {t('recognition.card.confirm')}
      </Button>
    ) : null;
  const columns: Column<CardEligibility>[] = [
    { key: 'name', header: t('recognition.col.guide'), cell: (i) => guideLink(i.guideId, i.guideName) },
    { key: 'status', header: t('recognition.col.status'), cell: (i) => <EligibilityBadge item={i} /> },
    { key: 'years', header: t('recognition.col.years'), cell: years, nowrap: true },
    { key: 'card', header: t('recognition.col.cardUntil'), cell: (i) => formatDate(i.cardExpiresOn), numeric: true },
    { key: 'action', header: t('recognition.col.action'), cell: action, hiddenHeader: true },
  ];
  return (
    <SectionCard
      title={t('recognition.card.title')}
      id="card-eligibility"
      description={
        list.data
          ? t(`recognition.card.rule.${rule}`, {
              hours: hoursOf(list.data.thresholdMinutes),
              years: list.data.years,
              validity: list.data.validityYears,
              month: monthLabel(list.data.endMonth),
            })
          : undefined
      }
    >
      <NativeSelect
        label={t('recognition.card.ruleLabel')}
        value={rule}
        onChange={(e) => setRule(e.currentTarget.value as CardRule)}
        data={(['niedersachsen', 'hessen'] as const).map((r) => ({ value: r, label: t(`recognition.card.name.${r}`) }))}
        mb="sm"
        maw={360}
      />
      <QueryView
        query={list}
        loadingRows={4}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('recognition.card.empty')} />}
      >
        {(d) => (
          <DataTable
            items={d.items}
            rowKey={(i) => i.guideId}
            columns={columns}
            label={t('recognition.card.title')}
            minWidth={720}
            card={(i) => (
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  {guideLink(i.guideId, i.guideName)}
                  <EligibilityBadge item={i} />
                </Group>
                <Text size="sm" className="tabular">
                  {years(i)}
                </Text>
                {i.cardExpiresOn && (
                  <Text size="sm" c="dimmed">
                    {t('recognition.col.cardUntil')}: {formatDate(i.cardExpiresOn)}
                  </Text>
                )}
                {action(i)}
              </Stack>
            )}
          />
        )}
      </QueryView>
    </SectionCard>
  );
}

function CardStateBadge({ c }: { c: CardConfirmation }) {
  const { t } = useTranslation();
  const color = { pending: 'gray', valid: 'green', expiringSoon: 'orange', expired: 'red' }[c.cardState];
  return (
    <Badge color={color} variant="light">
      {t(`recognition.cardState.${c.cardState}`)}
    </Badge>
  );
}

function RecordCardModal({ c, onClose }: { c: CardConfirmation; onClose: () => void }) {
  const { t } = useTranslation();
  const [issuedOn, setIssuedOn] = useState(todayLocal());
  const record = useRecordCard();
  const [error, setError] = useState<string | null>(null);
  return (
    <AppModal opened onClose={onClose} title={t('recognition.record.title', { name: c.guideName })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate(
            { id: c.id, issuedOn },
            {
              onSuccess: () => {
                notifySuccess(t('recognition.record.done'));
                onClose();
              },
              onError: (err) => setError(errorMessage(err, t)),
            },
          );
        }}
      >
        <Stack>
          <TextInput
            type="date"
            required
            label={t('recognition.record.issuedOn')}
            description={t('recognition.record.hint', { years: c.validityYears })}
            value={issuedOn}
            onChange={(e) => setIssuedOn(e.currentTarget.value)}
            error={error ?? undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('recognition.record.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function Confirmations() {
  const { t, i18n } = useTranslation();
  const list = useCardConfirmations();
  const [recording, setRecording] = useState<CardConfirmation | null>(null);
  const actions = (c: CardConfirmation) => (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        size="xs"
        variant="default"
        download
        href={apiUrl(`/recognition/card-confirmations/${c.id}/confirmation.pdf`, { language: i18n.language })}
        leftSection={<IconDownload size={14} aria-hidden />}
        aria-label={t('recognition.confirmations.pdfNamed', { name: c.guideName })}
      >
        {t('recognition.confirmations.pdf')}
      </Button>
      {!c.cardIssuedOn && (
        <Button
          size="xs"
          variant="light"
          onClick={() => setRecording(c)}
          aria-label={t('recognition.record.buttonNamed', { name: c.guideName })}
        >
          {t('recognition.record.button')}
        </Button>
      )}
    </Group>
  );
  const columns: Column<CardConfirmation>[] = [
    { key: 'name', header: t('recognition.col.guide'), cell: (c) => guideLink(c.guideId, c.guideName) },
    { key: 'card', header: t('recognition.col.card'), cell: (c) => t(`recognition.card.name.${c.rule}`) },
    {
      key: 'confirmed',
      header: t('recognition.col.confirmedOn'),
      cell: (c) => formatDate(c.confirmedOn),
      numeric: true,
    },
    {
      key: 'hours',
      header: t('recognition.hours'),
      cell: (c) => hoursOf(c.confirmedMinutes),
      numeric: true,
    },
    { key: 'until', header: t('recognition.col.cardUntil'), cell: (c) => formatDate(c.cardExpiresOn), numeric: true },
    { key: 'state', header: t('recognition.col.status'), cell: (c) => <CardStateBadge c={c} /> },
    { key: 'actions', header: t('recognition.col.action'), cell: actions, hiddenHeader: true },
  ];
  return (
    <SectionCard
      title={t('recognition.confirmations.title')}
      id="card-confirmations"
      description={t('recognition.confirmations.description')}
    >
      <QueryView
        query={list}
        loadingRows={3}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('recognition.confirmations.empty')} />}
      >
        {(d) => (
          <DataTable
            items={d.items}
            rowKey={(c) => c.id}
            columns={columns}
            label={t('recognition.confirmations.title')}
            minWidth={860}
            card={(c) => (
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  {guideLink(c.guideId, c.guideName)}
                  <CardStateBadge c={c} />
                </Group>
                <Text size="sm">
                  {t(`recognition.card.name.${c.rule}`)} · {formatDate(c.confirmedOn)} ·{' '}
                  {t('recognition.hoursValue', { hours: hoursOf(c.confirmedMinutes) })}
                </Text>
                {c.cardExpiresOn && (
                  <Text size="sm" c="dimmed">
                    {t('recognition.col.cardUntil')}: {formatDate(c.cardExpiresOn)}
                  </Text>
                )}
                {actions(c)}
              </Stack>
            )}
          />
        )}
      </QueryView>
      {recording && <RecordCardModal c={recording} onClose={() => setRecording(null)} />}
    </SectionCard>
  );
}

function Milestones() {
  const { t } = useTranslation();
  const year = todayLocal().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const list = useMilestones(from, to, valid);
  const what = (m: MilestoneItem) =>
    m.kind === 'years'
      ? t('recognition.milestones.years', { count: m.value })
      : t('recognition.milestones.hours', { count: m.value });
  const columns: Column<MilestoneItem>[] = [
    { key: 'date', header: t('recognition.col.date'), cell: (m) => formatDate(m.date), numeric: true },
    { key: 'name', header: t('recognition.col.guide'), cell: (m) => guideLink(m.guideId, m.guideName) },
    { key: 'what', header: t('recognition.col.milestone'), cell: what },
  ];
  return (
    <SectionCard
      title={t('recognition.milestones.title')}
      id="milestones"
      description={t('recognition.milestones.description')}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} mb="sm" maw={480}>
        <TextInput
          type="date"
          label={t('recognition.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('recognition.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={valid ? undefined : t('validation.periodOrder')}
        />
      </SimpleGrid>
      <QueryView
        query={list}
        loadingRows={3}
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title={t('recognition.milestones.empty')} />}
      >
        {(d) => (
          <DataTable
            items={d.items}
            rowKey={(m) => `${m.guideId}-${m.kind}-${m.value}`}
            columns={columns}
            label={t('recognition.milestones.title')}
            minWidth={520}
            card={(m) => (
              <Stack gap={2}>
                {guideLink(m.guideId, m.guideName)}
                <Text size="sm">
                  {what(m)} · {formatDate(m.date)}
                </Text>
              </Stack>
            )}
          />
        )}
      </QueryView>
    </SectionCard>
  );
}

/** The coordinator's recognition lists: Ehrenamtskarte eligibility, confirmations and cards, milestones. */
export function RecognitionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('recognition.title')} subtitle={t('recognition.subtitle')} />
      <Stack gap="md">
        <Eligibility />
        <Confirmations />
        <Milestones />
      </Stack>
    </>
  );
}
