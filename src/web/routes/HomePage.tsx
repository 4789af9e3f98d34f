import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconBuilding, IconPlus, IconUser, IconUsersGroup } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeAbility } from '../../shared/auth';
import type { List } from '../api/client';
import { useGuide, useGuideList, useOffices, usePartner, usePartnerList } from '../api/queries';
import { useMe } from '../auth/AuthProvider';
import { BackgroundCheckBadge, StatusBadge } from '../components/Badges';
import { MyCertificatesCard } from '../components/certificates/MyCertificatesCard';
import { ConsentConfirmCards } from '../components/consent/ConsentConfirmCards';
import { GuideWorkCards, PartnerRequestCards } from '../components/coordination/HomeCards';
import { PageHeader } from '../components/PageHeader';
import { ErrorState } from '../components/States';
import { formatNumber } from '../i18n/format';
import { CoordinatorDashboard } from './DashboardPage';

function CountCard({ label, query, to }: { label: string; query: UseQueryResult<List<unknown>>; to: string }) {
  const { t } = useTranslation();
  return (
    <Card padding="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        {query.isPending ? (
          <Skeleton height={36} width={80} />
        ) : query.isError ? (
          <Text size="sm">{t('home.countUnavailable')}</Text>
        ) : (
          <Text fz={32} fw={700} lh={1.1} className="tabular">
            {formatNumber(query.data.total)}
          </Text>
        )}
        <Anchor component={Link} to={to} size="sm">
          {t('home.showList')}
        </Anchor>
      </Stack>
    </Card>
  );
}

function CoordinatorHome() {
  const { t } = useTranslation();
  const all = useGuideList({ limit: 1 });
  const active = useGuideList({ status: 'active', limit: 1 });
  const free = useGuideList({ status: 'active', hasCapacity: 'true', limit: 1 });
  const training = useGuideList({ status: 'in_training', limit: 1 });
  const partners = usePartnerList({ limit: 1 });
  return (
    <Stack gap="xl">
      <section aria-labelledby="home-figures">
        <Title order={2} size="h4" id="home-figures" mb="sm">
          {t('home.figures')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <CountCard label={t('home.guidesTotal')} query={all} to="/guides" />
          <CountCard label={t('home.guidesActive')} query={active} to="/guides?status=active" />
          <CountCard label={t('home.guidesFree')} query={free} to="/guides?status=active&hasCapacity=true" />
          <CountCard label={t('home.guidesTraining')} query={training} to="/guides?status=in_training" />
          <CountCard label={t('home.partnersTotal')} query={partners} to="/partners" />
        </SimpleGrid>
      </section>
      <section aria-labelledby="home-actions">
        <Title order={2} size="h4" id="home-actions" mb="sm">
          {t('home.quickActions')}
        </Title>
        <Group>
          <Button component={Link} to="/guides/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('guides.create')}
          </Button>
          <Button
            component={Link}
            to="/partners/new"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('partners.create')}
          </Button>
        </Group>
      </section>
    </Stack>
  );
}

function LinkCard({
  icon,
  title,
  text,
  to,
  action,
}: {
  icon: ReactNode;
  title: string;
  text?: ReactNode;
  to: string;
  action: string;
}) {
  return (
    <Card padding="lg" maw={560}>
      <Group align="flex-start" wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1 }}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {text}
          <Button
            component={Link}
            to={to}
            variant="light"
            rightSection={<IconArrowRight size={16} className="flip-rtl" aria-hidden />}
            w="fit-content"
          >
            {action}
          </Button>
        </Stack>
      </Group>
    </Card>
  );
}

function GuideHome({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const guide = useGuide(guideId);
  return (
    <LinkCard
      icon={<IconUser size={24} />}
      title={t('nav.myProfile')}
      to={`/guides/${guideId}`}
      action={t('home.openProfile')}
      text={
        guide.isError ? (
          <ErrorState error={guide.error} />
        ) : guide.data ? (
          <Stack gap={6}>
            <Text size="sm">{t('home.guideIntro')}</Text>
            <Group gap="xs">
              <StatusBadge status={guide.data.status} />
              <BackgroundCheckBadge state={guide.data.backgroundCheckState} />
            </Group>
          </Stack>
        ) : (
          <Skeleton height={40} />
        )
      }
    />
  );
}

function PartnerHome({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const partner = usePartner(partnerId);
  return (
    <LinkCard
      icon={<IconBuilding size={24} />}
      title={partner.data?.name ?? t('nav.myOrganisation')}
      to={`/partners/${partnerId}`}
      action={t('home.openOrganisation')}
      text={<Text size="sm">{t('home.partnerIntro')}</Text>}
    />
  );
}

function AdminHome() {
  const { t } = useTranslation();
  const offices = useOffices();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
      <CountCard label={t('home.officesTotal')} query={offices} to="/admin/offices" />
      <LinkCard
        icon={<IconUsersGroup size={24} />}
        title={t('nav.offices')}
        to="/admin/offices"
        action={t('offices.create')}
        text={<Text size="sm">{t('home.adminIntro')}</Text>}
      />
    </SimpleGrid>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = (a: MeAbility) => me.abilities[a] === true;
  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.welcome', { name: me.displayName })} />
      {can('dashboard.view') && <CoordinatorDashboard />}
      {can('guides.list') && <CoordinatorHome />}
      {can('offers.viewOwn') && me.guideId && <ConsentConfirmCards />}
      {can('offers.viewOwn') && me.guideId && <GuideWorkCards />}
      {can('guides.viewOwn') && me.guideId && <GuideHome guideId={me.guideId} />}
      {can('guides.viewOwn') && me.guideId && <MyCertificatesCard />}
      {can('requests.create') && me.partnerId && <PartnerRequestCards />}
      {can('partners.viewOwn') && me.partnerId && <PartnerHome partnerId={me.partnerId} />}
      {can('offices.manage') && <AdminHome />}
    </>
  );
}
