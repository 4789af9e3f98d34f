import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceNames } from '../../api/queries';
import type { GuideListItem } from '../../api/types';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { formatList, languageName } from '../../i18n/format';
import { BackgroundCheckBadge, StatusBadge } from '../Badges';
import { Pending } from '../States';

function Languages({ guide, locale }: { guide: GuideListItem; locale: string }) {
  const names = guide.languages.map((l) => languageName(l.code, locale));
  return <>{names.length ? formatList(names, locale) : '–'}</>;
}

/** A table on wide screens, cards on phones; one of them is rendered, never both. */
export function GuideList({ items }: { items: GuideListItem[] }) {
  const { t, i18n } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const name = (g: GuideListItem) => `${g.lastName}, ${g.firstName}`;

  if (!wide)
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('guides.title')}>
        {items.map((g) => (
          <Card key={g.id} component="li" padding="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Anchor component={Link} to={`/guides/${g.id}`} className="table-link">
                {name(g)}
              </Anchor>
              <StatusBadge status={g.status} size="sm" />
            </Group>
            <Text size="sm" mt={6}>
              <Languages guide={g} locale={i18n.language} />
            </Text>
            <Group justify="space-between" mt={6} gap="xs">
              <Text size="sm" c="dimmed">
                <Pending loading={ref.loading}>{ref.district(g.homeDistrictId)}</Pending>
              </Text>
              <BackgroundCheckBadge state={g.backgroundCheckState} size="sm" />
            </Group>
          </Card>
        ))}
      </Stack>
    );

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table highlightOnHover striped="even" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('guides.col.name')}</Table.Th>
            <Table.Th scope="col">{t('guides.col.status')}</Table.Th>
            <Table.Th scope="col">{t('guides.col.languages')}</Table.Th>
            <Table.Th scope="col">{districtWord.label}</Table.Th>
            <Table.Th scope="col">{t('guides.col.capacity')}</Table.Th>
            <Table.Th scope="col">{t('guides.col.backgroundCheck')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>
                <Anchor component={Link} to={`/guides/${g.id}`} className="table-link">
                  {name(g)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={g.status} size="sm" />
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm" lineClamp={2}>
                  <Languages guide={g} locale={i18n.language} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Pending loading={ref.loading}>{ref.district(g.homeDistrictId)}</Pending>
              </Table.Td>
              <Table.Td className="tabular">{g.maxActiveAssignments}</Table.Td>
              <Table.Td>
                <BackgroundCheckBadge state={g.backgroundCheckState} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
