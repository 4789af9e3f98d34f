import { Anchor, Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICANT_STATUSES } from '../../shared/recruitment.js';
import { useApplicants } from '../api/recruitmentQueries';
import { FilterBar, ListResults } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { ApplicantBoard, ApplicantTable } from '../components/recruitment/ApplicantBoard';
import { EmptyState } from '../components/States';

/** Recruitment (Gewinnung): the pipeline from interest to active guide, as a board or as a list. */
export function RecruitmentPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'board' | 'list'>('board');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [search] = useDebouncedValue(q.trim(), 300);
  const query = useApplicants({ q: search || undefined, status: status ?? undefined });
  const slug = query.data?.formSlug;
  const formUrl = slug ? `${window.location.origin}/volunteer/${slug}` : null;
  return (
    <>
      <PageHeader
        title={t('recruitment.title')}
        subtitle={t('recruitment.intro')}
        actions={
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'board' | 'list')}
            aria-label={t('recruitment.view.label')}
            data={[
              { value: 'board', label: t('recruitment.view.board') },
              { value: 'list', label: t('recruitment.view.list') },
            ]}
          />
        }
      />
      {formUrl && (
        <Group gap="xs" mb="sm">
          <Text size="sm">{t('recruitment.formLink')}:</Text>
          <Anchor href={formUrl} size="sm" dir="ltr" target="_blank" rel="noopener">
            {formUrl}
          </Anchor>
        </Group>
      )}
      <FilterBar label={t('recruitment.filters')} cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('recruitment.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label={t('recruitment.filterStatus')}
          clearable
          value={status}
          onChange={setStatus}
          data={APPLICANT_STATUSES.map((s) => ({ value: s, label: t(`recruitment.status.${s}`) }))}
        />
      </FilterBar>
      <ListResults query={query} label={t('recruitment.results')} empty={<EmptyState title={t('recruitment.empty')} />}>
        {(items) => (view === 'board' ? <ApplicantBoard items={items} /> : <ApplicantTable items={items} />)}
      </ListResults>
    </>
  );
}
