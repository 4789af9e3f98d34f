import { Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/enums.js';
import type { FundingProgramme, ProgrammeFunder } from '../../shared/land.js';
import { api, type List } from '../api/client';
import { keys, useApiMutation, useOffices } from '../api/queries';
import { AppModal } from '../components/AppModal';
import { AccountStatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { FormModal } from '../components/FormModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { ListResults, QueryView } from '../components/lists/ListStates';
import { EditDeleteActions } from '../components/lists/RowActions';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { formatDateTime, formatNumber } from '../i18n/format';
import { LOCALE_NAMES } from '../i18n/index';

const programmesKey = ['funding-programmes'] as const;
const fundersKey = (id: string) => ['funding-programmes', id, 'funders'] as const;

type Values = { name: string; region: string; officeIds: string[] };

/** Create or rename a programme and choose its offices (an office of another programme moves to this one). */
function ProgrammeModal({ programme, onClose }: { programme: FundingProgramme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const offices = useOffices();
  const form = useForm<Values>({
    initialValues: {
      name: programme?.name ?? '',
      region: programme?.region ?? '',
      officeIds: programme?.offices.map((o) => o.id) ?? [],
    },
    enhanceGetInputProps: withFieldIds('programme'),
    validate: {
      name: (v) => (v.trim() ? null : t('forms.required.name')),
      region: (v) => (v.trim() ? null : t('programmes.required.region')),
    },
  });
  const errors = useErrorSummary(form, 'programme');
  const save = useApiMutation(
    async (v: Values) => {
      const body = { name: v.name.trim(), region: v.region.trim() };
      const saved = programme
        ? body.name !== programme.name || body.region !== programme.region
          ? await api.patch<FundingProgramme>(`/funding-programmes/${programme.id}`, body)
          : programme
        : await api.post<FundingProgramme>('/funding-programmes', body);
      const before = (programme?.offices.map((o) => o.id) ?? []).sort().join();
      if ([...v.officeIds].sort().join() !== before)
        await api.put(`/funding-programmes/${saved.id}/offices`, { officeIds: v.officeIds });
      return saved;
    },
    [programmesKey, keys.offices],
  );
  const data = (offices.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.city})` }));
  return (
    <FormModal
      opened
      title={programme ? t('programmes.edit') : t('programmes.create')}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('programmes.saved', { name: v.name.trim() }));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput label={t('programmes.field.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('programmes.field.region')} required {...form.getInputProps('region')} />
      <MultiSelect
        label={t('programmes.field.offices')}
        description={t('programmes.officesHint')}
        data={data}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('officeIds')}
      />
    </FormModal>
  );
}

type InviteValues = { displayName: string; email: string; locale: string };

function InviteFunderModal({ programme, onClose }: { programme: FundingProgramme; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<InviteValues>({
    initialValues: { displayName: '', email: '', locale: 'de' },
    enhanceGetInputProps: withFieldIds('funder'),
    validate: {
      displayName: (v) => (v.trim() ? null : t('forms.required.name')),
      email: (v) => (v.trim() ? null : t('validation.field.email.required')),
    },
  });
  const errors = useErrorSummary(form, 'funder');
  const invite = useApiMutation(
    (v: InviteValues) =>
      api.post(`/funding-programmes/${programme.id}/funders`, {
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        locale: v.locale,
      }),
    [programmesKey, fundersKey(programme.id)],
  );
  return (
    <FormModal
      opened
      title={t('programmes.funders.invite')}
      onClose={onClose}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await invite.mutateAsync(v);
            notifySuccess(t('settings.accounts.invited', { email: v.email.trim() }));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={invite.isPending}
      summary={errors.summary}
      submitLabel={t('settings.accounts.inviteSubmit')}
    >
      <Text size="sm">{programme.name}</Text>
      <TextInput
        label={t('settings.accounts.displayName')}
        required
        data-autofocus
        {...form.getInputProps('displayName')}
      />
      <TextInput label={t('settings.accounts.email')} type="email" required {...form.getInputProps('email')} />
      <Select
        label={t('programmes.funders.locale')}
        data={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        allowDeselect={false}
        {...form.getInputProps('locale')}
      />
      <Text size="xs" c="dimmed">
        {t('settings.accounts.inviteHint')}
      </Text>
    </FormModal>
  );
}

/** The programme's funder accounts: status, last sign-in, deactivation; and the way to invite another. */
function FundersModal({
  programme,
  onInvite,
  onDeactivate,
  onClose,
}: {
  programme: FundingProgramme;
  onInvite: () => void;
  onDeactivate: (f: ProgrammeFunder) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const funders = useQuery({
    queryKey: fundersKey(programme.id),
    queryFn: () => api.get<List<ProgrammeFunder>>(`/funding-programmes/${programme.id}/funders`),
  });
  const deactivate = (f: ProgrammeFunder) =>
    f.status === 'disabled' ? null : (
      <Button
        size="xs"
        variant="outline"
        color="red"
        aria-label={t('settings.accounts.disableNamed', { name: f.displayName })}
        onClick={() => onDeactivate(f)}
      >
        {t('settings.accounts.disable')}
      </Button>
    );
  const columns: Column<ProgrammeFunder>[] = [
    { key: 'name', header: t('settings.accounts.displayName'), cell: (f) => f.displayName, fw: 500 },
    { key: 'email', header: t('settings.accounts.email'), cell: (f) => f.email },
    { key: 'status', header: t('settings.accounts.status'), cell: (f) => <AccountStatusBadge status={f.status} /> },
    {
      key: 'lastLogin',
      header: t('settings.accounts.lastLogin'),
      cell: (f) => (f.lastLoginAt ? formatDateTime(f.lastLoginAt) : '–'),
      numeric: true,
    },
  ];
  return (
    <AppModal opened onClose={onClose} title={t('programmes.funders.title', { name: programme.name })} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('programmes.funders.intro')}
        </Text>
        <QueryView query={funders}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm">{t('programmes.funders.empty')}</Text>
            ) : (
              <DataTable
                items={data.items}
                rowKey={(f) => f.id}
                columns={columns}
                label={t('programmes.funders.title', { name: programme.name })}
                cardPadding="sm"
                actions={deactivate}
                card={(f) => (
                  <>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>{f.displayName}</Text>
                      <AccountStatusBadge status={f.status} />
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {f.email}
                    </Text>
                    <Group justify="flex-end" mt={4}>
                      {deactivate(f)}
                    </Group>
                  </>
                )}
              />
            )
          }
        </QueryView>
        <Group justify="flex-end">
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={onInvite}>
            {t('programmes.funders.invite')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function DeactivateFunder({
  programme,
  funder,
  onClose,
}: {
  programme: FundingProgramme;
  funder: ProgrammeFunder;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deactivate = useApiMutation(
    () => api.post(`/funding-programmes/${programme.id}/funders/${funder.id}/deactivate`, {}),
    [programmesKey, fundersKey(programme.id)],
  );
  return (
    <ConfirmDialog
      opened
      title={t('programmes.funders.deactivateTitle', { name: funder.displayName })}
      text={t('programmes.funders.deactivateText')}
      confirmLabel={t('settings.accounts.disable')}
      loading={deactivate.isPending}
      error={deactivate.error}
      onClose={onClose}
      onConfirm={() =>
        deactivate.mutate(undefined, {
          onSuccess: () => {
            notifySuccess(t('settings.accounts.disabled'));
            onClose();
          },
        })
      }
    />
  );
}

type Dialog =
  | { kind: 'edit'; programme: FundingProgramme | null }
  | { kind: 'funders'; id: string }
  | { kind: 'invite'; id: string }
  | { kind: 'deactivate'; id: string; funder: ProgrammeFunder };

export function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useQuery({
    queryKey: programmesKey,
    queryFn: () => api.get<List<FundingProgramme>>('/funding-programmes'),
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const find = (id: string) => programmes.data?.items.find((p) => p.id === id);
  const officeNames = (p: FundingProgramme) => (p.offices.length ? p.offices.map((o) => o.name).join(', ') : '–');
  const actions = (p: FundingProgramme) => (
    <Group gap={4} wrap="nowrap">
      <EditDeleteActions name={p.name} onEdit={() => setDialog({ kind: 'edit', programme: p })} />
      <Button
        size="xs"
        variant="light"
        leftSection={<IconUsers size={14} aria-hidden />}
        aria-label={t('programmes.funders.open', { name: p.name })}
        onClick={() => setDialog({ kind: 'funders', id: p.id })}
      >
        {t('programmes.funders.button')}
      </Button>
    </Group>
  );
  const columns: Column<FundingProgramme>[] = [
    { key: 'name', header: t('programmes.field.name'), cell: (p) => p.name, fw: 500 },
    { key: 'region', header: t('programmes.field.region'), cell: (p) => p.region },
    { key: 'offices', header: t('programmes.field.offices'), cell: officeNames },
    { key: 'funders', header: t('programmes.col.funders'), cell: (p) => formatNumber(p.funderCount), numeric: true },
  ];
  const current = dialog && dialog.kind !== 'edit' ? find(dialog.id) : undefined;

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        subtitle={t('programmes.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'edit', programme: null })}
          >
            {t('programmes.create')}
          </Button>
        }
      />
      <ListResults query={programmes} empty={<EmptyState title={t('programmes.empty')} />}>
        {(items) => (
          <DataTable
            items={items}
            rowKey={(p) => p.id}
            columns={columns}
            label={t('programmes.title')}
            breakpoint="48em"
            cardPadding="sm"
            actions={actions}
            card={(p) => (
              <>
                <Text fw={600}>{p.name}</Text>
                <Text size="sm">{p.region}</Text>
                <Text size="sm" c="dimmed">
                  {t('programmes.counts', {
                    offices: formatNumber(p.offices.length),
                    funders: formatNumber(p.funderCount),
                  })}
                </Text>
                <Group justify="flex-end" mt={4}>
                  {actions(p)}
                </Group>
              </>
            )}
          />
        )}
      </ListResults>
      {dialog?.kind === 'edit' && (
        <ProgrammeModal
          key={dialog.programme?.id ?? 'new'}
          programme={dialog.programme}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'funders' && current && (
        <FundersModal
          programme={current}
          onClose={() => setDialog(null)}
          onInvite={() => setDialog({ kind: 'invite', id: current.id })}
          onDeactivate={(funder) => setDialog({ kind: 'deactivate', id: current.id, funder })}
        />
      )}
      {dialog?.kind === 'invite' && current && (
        <InviteFunderModal programme={current} onClose={() => setDialog({ kind: 'funders', id: current.id })} />
      )}
      {dialog?.kind === 'deactivate' && current && (
        <DeactivateFunder
          programme={current}
          funder={dialog.funder}
          onClose={() => setDialog({ kind: 'funders', id: current.id })}
        />
      )}
    </>
  );
}
