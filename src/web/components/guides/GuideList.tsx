import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceNames } from '../../api/queries';
import type { GuideListItem } from '../../api/types';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { formatList, languageName } from '../../i18n/format';
import { BackgroundCheckBadge, StatusBadge } from '../Badges';
import { type Column, DataTable } from '../lists/DataTable';
import { Pending } from '../States';

function Languages({ guide, locale }: { guide: GuideListItem; locale: string }) {
  const names = guide.languages.map((l) => languageName(l.code, locale));
  return <>{names.length ? formatList(names, locale) : '–'}</>;
}

/** The guides found: a table on wide screens, cards on phones. */
export function GuideList({ items }: { items: GuideListItem[] }) {
  const { t, i18n } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const nameLink = (g: GuideListItem) => (
    <Anchor component={Link} to={`/guides/${g.id}`} className="table-link">
      {`${g.lastName}, ${g.firstName}`}
    </Anchor>
  );
  const district = (g: GuideListItem) => <Pending loading={ref.loading}>{ref.district(g.homeDistrictId)}</Pending>;
  const columns: Column<GuideListItem>[] = [
    { key: 'name', header: t('guides.col.name'), cell: nameLink },
    { key: 'status', header: t('guides.col.status'), cell: (g) => <StatusBadge status={g.status} size="sm" /> },
    {
      key: 'languages',
      header: t('guides.col.languages'),
      maw: 280,
      cell: (g) => (
        <Text size="sm" lineClamp={2}>
          <Languages guide={g} locale={i18n.language} />
        </Text>
      ),
    },
    { key: 'district', header: districtWord.label, cell: district },
    { key: 'capacity', header: t('guides.col.capacity'), cell: (g) => g.maxActiveAssignments, numeric: true },
    {
      key: 'backgroundCheck',
      header: t('guides.col.backgroundCheck'),
      cell: (g) => <BackgroundCheckBadge state={g.backgroundCheckState} size="sm" />,
    },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(g) => g.id}
      columns={columns}
      label={t('guides.title')}
      minWidth={800}
      hover
      card={(g) => (
        <>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            {nameLink(g)}
            <StatusBadge status={g.status} size="sm" />
          </Group>
          <Text size="sm" mt={6}>
            <Languages guide={g} locale={i18n.language} />
          </Text>
          <Group justify="space-between" mt={6} gap="xs">
            <Text size="sm" c="dimmed">
              {district(g)}
            </Text>
            <BackgroundCheckBadge state={g.backgroundCheckState} size="sm" />
          </Group>
        </>
      )}
    />
  );
}
