import { Button, Menu } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../api/client';
import { useGuideList } from '../api/queries';
import { useAuth } from '../auth/AuthProvider';
import { GUIDE_FILTER_KEYS, GuideFilters } from '../components/guides/GuideFilters';
import { GuideList } from '../components/guides/GuideList';
import { ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';

const LIMIT = 25;

export function GuidesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { values, update, offset } = useSearchState(GUIDE_FILTER_KEYS);
  const filters = {
    q: values.q,
    language: values.language,
    districtId: values.districtId,
    specialization: values.specialization,
    field: values.field,
    status: values.status,
    hasCapacity: values.hasCapacity,
  };
  const list = useGuideList({
    ...filters,
    sort: values.sort || 'lastName',
    order: values.order || 'asc',
    limit: LIMIT,
    offset,
  });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={t('guides.title')}
        subtitle={list.data ? t('guides.count', { count: list.data.total }) : undefined}
        actions={
          <>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                  {t('guides.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={apiUrl('/guides/export.xlsx', filters)} download>
                  {t('guides.exportXlsx')}
                </Menu.Item>
                <Menu.Item component="a" href={apiUrl('/guides/export.csv', filters)} download>
                  {t('guides.exportCsv')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {can('guides.create') && (
              <Button
                component={Link}
                to="/import?kind=guides"
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t('imports.open')}
              </Button>
            )}
            {can('guides.create') && (
              <Button component={Link} to="/guides/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('guides.create')}
              </Button>
            )}
          </>
        }
      />
      <GuideFilters values={values} update={update} />
      <ListResults
        query={list}
        label={t('guides.results')}
        busy={list.isFetching}
        loadingRows={8}
        paging={{ limit: LIMIT, offset, update }}
        empty={
          <EmptyState
            title={filtered ? t('guides.emptyFiltered') : t('guides.empty')}
            text={filtered ? t('guides.emptyFilteredText') : t('guides.emptyText')}
            action={
              !filtered && can('guides.create') ? (
                <Button component={Link} to="/guides/new" mt="sm">
                  {t('guides.create')}
                </Button>
              ) : undefined
            }
          />
        }
      >
        {(items) => <GuideList items={items} />}
      </ListResults>
    </>
  );
}
