import { Button, Tabs } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { ConsentTab } from '../components/consent/ConsentTab';
import { DebtorCard } from '../components/expenses/DebtorCard';
import { PageHeader } from '../components/PageHeader';
import { AccountsTab } from '../components/settings/AccountsTab';
import { CoursesTab } from '../components/settings/CoursesTab';
import { DirectoryTab } from '../components/settings/DirectoryTab';
import { DistrictsTab } from '../components/settings/DistrictsTab';
import { FundingRulesTab } from '../components/settings/FundingRulesTab';
import { HoursTab } from '../components/settings/HoursTab';
import { OfficeTab } from '../components/settings/OfficeTab';
import { ReferenceItemsTab } from '../components/settings/ReferenceItemsTab';
import { RemindersTab } from '../components/settings/RemindersTab';
import { useDistrictTerm } from '../hooks/useDistrictTerm';

const TABS = [
  'office',
  'districts',
  'fields',
  'specializations',
  'consent',
  'courses',
  'funding',
  'hours',
  'reminders',
  'payouts',
  'directory',
  'accounts',
] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const { tab } = useParams();
  const navigate = useNavigate();
  const { can, me } = useAuth();
  const visible = TABS.filter((x) =>
    x === 'accounts'
      ? can('users.manage')
      : x === 'payouts'
        ? can('expenses.manage')
        : x === 'directory'
          ? can('directory.manage')
          : can('settings.manage'),
  );
  if (visible.length === 0 || !me?.office) return <Navigate to="/" replace />;
  const current: Tab = (visible as readonly string[]).includes(tab ?? '') ? (tab as Tab) : visible[0];

  return (
    <>
      <PageHeader
        title={t('settings.title')}
        subtitle={me.office.name}
        actions={
          can('guides.create') && (
            <Button component={Link} to="/import" variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              {t('imports.title')}
            </Button>
          )
        }
      />
      <Tabs
        value={current}
        onChange={(v) => v && navigate(v === visible[0] ? '/settings' : `/settings/${v}`, { replace: true })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List mb="md" style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {visible.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {x === 'districts' ? districtWord.plural : t(`settings.tab.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="office">
          <OfficeTab officeId={me.office.id} />
        </Tabs.Panel>
        <Tabs.Panel value="districts">
          <DistrictsTab />
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <ReferenceItemsTab kind="fields" />
        </Tabs.Panel>
        <Tabs.Panel value="specializations">
          <ReferenceItemsTab kind="specializations" />
        </Tabs.Panel>
        <Tabs.Panel value="consent">
          <ConsentTab />
        </Tabs.Panel>
        <Tabs.Panel value="courses">
          <CoursesTab />
        </Tabs.Panel>
        <Tabs.Panel value="funding">
          <FundingRulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="hours">
          <HoursTab />
        </Tabs.Panel>
        <Tabs.Panel value="reminders">
          <RemindersTab />
        </Tabs.Panel>
        <Tabs.Panel value="payouts">
          <DebtorCard />
        </Tabs.Panel>
        <Tabs.Panel value="directory">
          <DirectoryTab />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <AccountsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
