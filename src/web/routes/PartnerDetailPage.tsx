import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEdit, IconHistory, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePartner, useReferenceNames } from '../api/queries';
import type { Partner } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { AccountStatusBadge } from '../components/Badges';
import { Field, FieldList } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { ContactModal } from '../components/partners/ContactModal';
import { EmptyState, ErrorState, LoadingState, Pending } from '../components/States';
import { useDistrictTerm } from '../hooks/useDistrictTerm';

function Contacts({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  if (partner.contacts.length === 0) return <EmptyState title={t('partners.noContacts')} />;
  if (!wide)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {partner.contacts.map((c) => (
          <Card key={c.id} component="li" padding="sm">
            <Group justify="space-between">
              <Text fw={600}>{c.name}</Text>
              <AccountStatusBadge status={c.accountStatus} />
            </Group>
            <Text size="sm">{c.email}</Text>
            {c.phone && (
              <Text size="sm" dir="ltr" ta="start">
                {c.phone}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table withTableBorder bg="white">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('partners.contact.name')}</Table.Th>
          <Table.Th scope="col">{t('partners.contact.email')}</Table.Th>
          <Table.Th scope="col">{t('partners.contact.phone')}</Table.Th>
          <Table.Th scope="col">{t('partners.contact.account')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partner.contacts.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>{c.email}</Table.Td>
            <Table.Td>
              <span dir="ltr">{c.phone ?? '–'}</span>
            </Table.Td>
            <Table.Td>
              <AccountStatusBadge status={c.accountStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PartnerDetailPage() {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const partner = usePartner(id);
  const ref = useReferenceNames();
  const [adding, setAdding] = useState(false);
  const crumbs = can('partners.list') ? [{ label: t('partners.title'), to: '/partners' }] : undefined;

  if (partner.isPending) return <LoadingState rows={8} />;
  if (partner.isError)
    return (
      <>
        <PageHeader title={t('partners.detailTitle')} crumbs={crumbs} />
        <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />
      </>
    );
  const p = partner.data;
  const address = [p.street, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  return (
    <>
      <PageHeader
        title={p.name}
        subtitle={t(`partnerType.${p.type}`)}
        crumbs={crumbs}
        actions={
          <>
            {p.abilities.update && (
              <Button component={Link} to={`/partners/${id}/edit`} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {can('audit.read') && (
              <Button
                component={Link}
                to={`/audit?entityType=partner&entityId=${id}`}
                variant="default"
                leftSection={<IconHistory size={16} aria-hidden />}
              >
                {t('guides.auditLink')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card padding="lg" component="section" aria-labelledby="p-data">
            <Title order={2} size="h4" id="p-data" mb="sm">
              {t('partners.section.data')}
            </Title>
            <FieldList>
              <Field label={t('partners.field.type')}>{t(`partnerType.${p.type}`)}</Field>
              <Field label={districtWord.label}>
                <Pending loading={ref.loading}>{ref.district(p.districtId)}</Pending>
              </Field>
              <Field label={t('partners.field.address')}>{address || '–'}</Field>
              <Field label={t('partners.field.email')}>{p.email ?? '–'}</Field>
              <Field label={t('partners.field.phone')}>
                <span dir="ltr">{p.phone ?? '–'}</span>
              </Field>
            </FieldList>
          </Card>
          {p.notes !== null && (
            <Card padding="lg" component="section" aria-labelledby="p-notes">
              <Title order={2} size="h4" id="p-notes" mb="sm">
                {t('partners.field.notes')}
              </Title>
              <Text size="sm" className="preformatted">
                {p.notes || '–'}
              </Text>
            </Card>
          )}
        </SimpleGrid>
        <Card padding="lg" component="section" aria-labelledby="p-contacts">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="p-contacts">
              {t('partners.section.contacts')}
            </Title>
            {p.abilities.manageContacts && (
              <Button
                variant="light"
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setAdding(true)}
              >
                {t('partners.addContact')}
              </Button>
            )}
          </Group>
          <Contacts partner={p} />
        </Card>
      </Stack>
      {p.abilities.manageContacts && <ContactModal partnerId={id} opened={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
