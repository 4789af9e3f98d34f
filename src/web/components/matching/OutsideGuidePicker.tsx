import { Button, Collapse, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidates } from '../../api/coordinationQueries';
import type { Candidate } from '../../api/coordinationTypes';
import { useGuideList, useReferenceNames } from '../../api/queries';
import { languageName } from '../../i18n/format';
import { ErrorState, LoadingState } from '../States';
import { CandidateCard } from './CandidateCard';

/**
 * Any guide of the office, also one outside the lists (not considered, filtered out): scored exactly like the
 * ranking (`?guideId=`) and offered only with a recorded reason.
 */
export function OutsideGuidePicker({
  requestId,
  threshold,
  canOffer,
  isSelected,
  onToggle,
}: {
  requestId: string;
  threshold: number;
  canOffer: boolean;
  isSelected: (id: string) => boolean;
  onToggle: (c: Candidate) => void;
}) {
  const { t } = useTranslation();
  const ref = useReferenceNames();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [guideId, setGuideId] = useState<string | null>(null);
  const [term] = useDebouncedValue(search.trim(), 300);
  const guides = useGuideList({ q: term, limit: 10 }, open && term.length >= 2);
  const scored = useCandidates(requestId, { guideId: guideId ?? '', limit: 1 }, !!guideId);
  const candidate = scored.data ? (scored.data.eligible[0] ?? scored.data.notEligible[0]) : undefined;
  const options = (guides.data?.items ?? []).map((g) => ({
    value: g.id,
    label: [
      `${g.firstName} ${g.lastName}`,
      g.languages
        .slice(0, 3)
        .map((l) => languageName(l.code))
        .join(', '),
      g.homeDistrictId ? ref.district(g.homeDistrictId) : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));

  return (
    <Stack gap="xs" mt="md">
      <Button
        variant="default"
        size="sm"
        w="fit-content"
        leftSection={<IconUserSearch size={16} aria-hidden />}
        aria-expanded={open}
        aria-controls="cand-outside"
        onClick={() => setOpen((v) => !v)}
      >
        {t('matching.outside.toggle')}
      </Button>
      <Collapse in={open}>
        <Stack gap="sm" id="cand-outside">
          <Title order={3} size="h5">
            {t('matching.outside.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('matching.outside.hint')}
          </Text>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('matching.outside.search')}
              placeholder={t('matching.outside.searchPlaceholder')}
              searchable
              clearable
              data={options}
              value={guideId}
              onChange={(v) => setGuideId(v)}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={term.length >= 2 ? t('common.nothingFound') : t('matching.outside.typeMore')}
              style={{ flex: '1 1 20rem', maxWidth: 520 }}
            />
          </Group>
          {guideId &&
            (scored.isPending ? (
              <LoadingState rows={2} />
            ) : scored.isError ? (
              <ErrorState error={scored.error} onRetry={() => void scored.refetch()} />
            ) : candidate ? (
              <CandidateCard
                component="div"
                candidate={candidate}
                threshold={threshold}
                selected={isSelected(candidate.guideId)}
                onToggle={onToggle}
                canOffer={canOffer}
              />
            ) : null)}
        </Stack>
      </Collapse>
    </Stack>
  );
}
