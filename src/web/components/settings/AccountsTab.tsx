import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { keys, useApiMutation, useGuideList, useUsers } from '../../api/queries';
import type { Account } from '../../api/types';
import { formatDateTime } from '../../i18n/format';
import { AccountStatusBadge } from '../Badges';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { ListCard } from '../lists/ListCard';
import { QueryView } from '../lists/ListStates';
import { notifyError, notifySuccess } from '../notify';
import { errorMessage } from '../States';

type InviteValues = { role: string; guideId: string; displayName: string; email: string };

function InviteModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const guides = useGuideList({ limit: 200, sort: 'lastName' });
  const form = useForm<InviteValues>({
    initialValues: { role: 'coordinator', guideId: '', displayName: '', email: '' },
    enhanceGetInputProps: withFieldIds('invite'),
    validate: {
      displayName: (v) => (v.trim() ? null : t('forms.required.name')),
      email: (v) => (v.trim() ? null : t('validation.field.email.required')),
    },
  });
  const errors = useErrorSummary(form, 'invite');
  const invite = useApiMutation((body: Record<string, unknown>) => api.post('/users', body), [keys.users, keys.guides]);
  const withoutAccount = (guides.data?.items ?? [])
    .filter((g) => !g.hasAccount)
    .map((g) => ({ value: g.id, label: `${g.lastName}, ${g.firstName}` }));

  function submit(v: InviteValues) {
    return errors.run(async () => {
      await invite.mutateAsync({
        email: v.email.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        ...(v.role === 'guide' && v.guideId ? { guideId: v.guideId } : {}),
      });
      notifySuccess(t('settings.accounts.invited', { email: v.email.trim() }));
      onClose();
    });
  }

  return (
    <FormModal
      opened
      title={t('settings.accounts.invite')}
      onClose={onClose}
      onSubmit={form.onSubmit(submit, errors.onInvalid)}
      busy={invite.isPending}
      summary={errors.summary}
      submitLabel={t('settings.accounts.inviteSubmit')}
    >
      <Select
        label={t('settings.accounts.role')}
        data={[
          { value: 'coordinator', label: t('role.coordinator') },
          { value: 'guide', label: t('role.guide') },
        ]}
        allowDeselect={false}
        {...form.getInputProps('role')}
      />
      {form.values.role === 'guide' && (
        <Select
          label={t('settings.accounts.guide')}
          description={t('settings.accounts.guideHint')}
          data={withoutAccount}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('guideId')}
          onChange={(id) => {
            form.setFieldValue('guideId', id ?? '');
            const g = guides.data?.items.find((x) => x.id === id);
            if (g) {
              form.setFieldValue('displayName', `${g.firstName} ${g.lastName}`);
              if (g.email) form.setFieldValue('email', g.email);
            }
          }}
        />
      )}
      <TextInput label={t('settings.accounts.displayName')} required {...form.getInputProps('displayName')} />
      <TextInput label={t('settings.accounts.email')} type="email" required {...form.getInputProps('email')} />
      <Text size="xs" c="dimmed">
        {t('settings.accounts.inviteHint')}
      </Text>
    </FormModal>
  );
}

function ToggleButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const toggle = useApiMutation((disabled: boolean) => api.patch(`/users/${account.id}`, { disabled }), [keys.users]);
  if (!account.abilities.disable) return null;
  const disabled = account.status === 'disabled';
  return (
    <Button
      size="xs"
      variant={disabled ? 'light' : 'outline'}
      color={disabled ? undefined : 'red'}
      loading={toggle.isPending}
      aria-label={
        disabled
          ? t('settings.accounts.enableNamed', { name: account.displayName })
          : t('settings.accounts.disableNamed', { name: account.displayName })
      }
      onClick={() =>
        toggle.mutate(!disabled, {
          onSuccess: () => notifySuccess(disabled ? t('settings.accounts.enabled') : t('settings.accounts.disabled')),
          onError: (e) => notifyError(errorMessage(e, t)),
        })
      }
    >
      {disabled ? t('settings.accounts.enable') : t('settings.accounts.disable')}
    </Button>
  );
}

export function AccountsTab() {
  const { t } = useTranslation();
  const users = useUsers();
  const [inviting, setInviting] = useState(false);
  const role = (u: Account) => t(`role.${u.role}`, { defaultValue: u.role });
  const columns: Column<Account>[] = [
    { key: 'name', header: t('settings.accounts.displayName'), cell: (u) => u.displayName, fw: 500 },
    { key: 'email', header: t('settings.accounts.email'), cell: (u) => u.email },
    { key: 'role', header: t('settings.accounts.role'), cell: role },
    { key: 'status', header: t('settings.accounts.status'), cell: (u) => <AccountStatusBadge status={u.status} /> },
    {
      key: 'lastLogin',
      header: t('settings.accounts.lastLogin'),
      cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '–'),
      numeric: true,
    },
  ];

  return (
    <ListCard
      headingId="accounts-h"
      title={t('settings.tab.accounts')}
      intro={t('settings.accounts.intro')}
      addLabel={t('settings.accounts.invite')}
      onAdd={() => setInviting(true)}
      addIcon={<IconUserPlus size={16} aria-hidden />}
    >
      <QueryView query={users}>
        {(data) => (
          <DataTable
            items={data.items}
            rowKey={(u) => u.id}
            columns={columns}
            label={t('settings.tab.accounts')}
            cardPadding="sm"
            actions={(u) => <ToggleButton account={u} />}
            card={(u) => (
              <>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{u.displayName}</Text>
                  <AccountStatusBadge status={u.status} />
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {u.email}
                </Text>
                <Group justify="space-between" mt={4}>
                  <Text size="sm" c="dimmed">
                    {role(u)}
                  </Text>
                  <ToggleButton account={u} />
                </Group>
              </>
            )}
          />
        )}
      </QueryView>
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </ListCard>
  );
}
