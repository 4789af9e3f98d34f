import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCandidates } from '../../api/coordinationQueries';
import type { Candidate, RequestItem } from '../../api/coordinationTypes';
import { formatList } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { Pager } from '../Pager';
import { ErrorState, LoadingState } from '../States';
import { accountingLine, FailedGateCounts } from './CandidateAccounting';
import { CandidateCard } from './CandidateCard';
import { CandidateFilters } from './CandidateFilters';
import { ConsentMissingAlert, MissingLanguageAlert, NoGoodFitAlert } from './CoverageAlerts';
import {
  CANDIDATE_PAGE,
  type CandidateFilterValues,
  type Chosen,
  fullName,
  hasFilters,
  NO_FILTERS,
  selectable,
} from './candidateUtils';
import { OfferDialog } from './OfferDialog';
import { OutsideGuidePicker } from './OutsideGuidePicker';
import './matching.css';

function CandidateList({
  items,
  labelledBy,
  threshold,
  canOffer,
  isSelected,
  onToggle,
}: {
  items: Candidate[];
  labelledBy: string;
  threshold: number;
  canOffer: boolean;
  isSelected: (id: string) => boolean;
  onToggle: (c: Candidate) => void;
}) {
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
      {items.map((c) => (
        <CandidateCard
          key={c.guideId}
          candidate={c}
          threshold={threshold}
          selected={isSelected(c.guideId)}
          onToggle={onToggle}
          canOffer={canOffer}
        />
      ))}
    </Stack>
  );
}

/** The chosen guides and the button that opens the offer; it stays in view while the coordinator scrolls. */
function SelectionBar({ chosen, onClear, onOffer }: { chosen: Chosen[]; onClear: () => void; onOffer: () => void }) {
  const { t } = useTranslation();
  return (
    <Card padding="sm" mt="md" className="selection-bar" bg="petrol.0" data-empty={chosen.length === 0 || undefined}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" aria-live="polite" style={{ flex: '1 1 16rem' }}>
          {chosen.length === 0
            ? t('matching.noneChosen')
            : t('matching.chosen', {
                count: chosen.length,
                names: formatList(chosen.map((c) => fullName(c.candidate))),
              })}
        </Text>
        <Group gap="xs">
          {chosen.length > 0 && (
            <Button variant="subtle" size="sm" onClick={onClear}>
              {t('matching.clearSelection')}
            </Button>
          )}
          <Button
            size="sm"
            disabled={chosen.length === 0}
            leftSection={<IconSend size={16} className="flip-rtl" aria-hidden />}
            onClick={onOffer}
          >
            {t('matching.openOffer')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

/**
 * Ranked candidates with their explanations, page by page, with search and filters; the not-eligible guides with
 * the gates they fail; any other guide of the office on request; and the offer dialog.
 */
export function CandidatePanel({ request }: { request: RequestItem }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CandidateFilterValues>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Map<string, Chosen>>(new Map());
  const [showIneligible, setShowIneligible] = useState(false);
  const [offering, setOffering] = useState(false);
  const listTop = useRef<HTMLHeadingElement>(null);
  const query = useCandidates(request.id, {
    q: filters.q,
    language: filters.language,
    districtId: filters.districtId,
    hasCapacity: filters.hasCapacity ? 'true' : undefined,
    limit: CANDIDATE_PAGE,
    offset,
  });

  const isSelected = (id: string) => selected.has(id);
  const toggle = (outside: boolean) => (c: Candidate) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(c.guideId)) next.delete(c.guideId);
      else if (selectable(c)) next.set(c.guideId, { candidate: c, outside });
      return next;
    });
  const remove = (id: string) =>
    setSelected((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
  const chosen = [...selected.values()];

  const data = query.data;
  const canOffer = data ? !data.personConsentMissing : false;
  return (
    <SectionCard
      title={t('matching.title')}
      id="req-candidates"
      description={data ? accountingLine(data.accounting, t) : undefined}
    >
      {query.isPending ? (
        <LoadingState rows={4} label={t('matching.loading')} />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          {data.personConsentMissing && <ConsentMissingAlert />}
          <MissingLanguageAlert coverage={data.languageCoverage} threshold={data.threshold} />
          <CandidateFilters
            values={filters}
            requestLanguages={request.languages}
            onChange={(next) => {
              setFilters(next);
              setOffset(0);
            }}
          />
          {data.noGoodFit && data.eligibleTotal > 0 && <NoGoodFitAlert data={data} />}
          <div aria-busy={query.isFetching || undefined}>
            <Title order={3} size="h5" mb="xs" id="cand-eligible" ref={listTop} tabIndex={-1}>
              {t('matching.eligibleTitle', { count: data.eligibleTotal })}
            </Title>
            {data.eligible.length === 0 ? (
              <Text size="sm" c="dimmed">
                {hasFilters(filters) ? t('matching.noneForFilters') : t('matching.noneEligible')}
              </Text>
            ) : (
              <CandidateList
                items={data.eligible}
                labelledBy="cand-eligible"
                threshold={data.threshold}
                canOffer={canOffer}
                isSelected={isSelected}
                onToggle={toggle(false)}
              />
            )}
            <Pager
              total={data.eligibleTotal}
              limit={CANDIDATE_PAGE}
              offset={offset}
              onChange={(next) => {
                setOffset(next);
                listTop.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                listTop.current?.focus({ preventScroll: true });
              }}
            />
          </div>
          {data.notEligible.length > 0 && (
            <Stack gap="xs">
              <Button
                variant="default"
                size="sm"
                w="fit-content"
                aria-expanded={showIneligible}
                aria-controls="cand-ineligible-list"
                onClick={() => setShowIneligible((v) => !v)}
              >
                {showIneligible
                  ? t('matching.hideIneligible')
                  : t('matching.showIneligible', { count: data.notEligible.length })}
              </Button>
              {showIneligible && (
                <div id="cand-ineligible-list">
                  <Title order={3} size="h5" mb="xs" id="cand-ineligible">
                    {t('matching.ineligibleTitle', { count: data.accounting.notEligible })}
                  </Title>
                  <FailedGateCounts failed={data.accounting.failedGates} />
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('matching.ineligibleHint')}{' '}
                    {data.accounting.notEligible > data.notEligible.length &&
                      t('matching.ineligibleNearest', { count: data.notEligible.length })}
                  </Text>
                  <CandidateList
                    items={data.notEligible}
                    labelledBy="cand-ineligible"
                    threshold={data.threshold}
                    canOffer={canOffer}
                    isSelected={isSelected}
                    onToggle={toggle(false)}
                  />
                </div>
              )}
            </Stack>
          )}
          {canOffer && (
            <>
              <OutsideGuidePicker
                requestId={request.id}
                threshold={data.threshold}
                canOffer={canOffer}
                isSelected={isSelected}
                onToggle={toggle(true)}
              />
              <SelectionBar chosen={chosen} onClear={() => setSelected(new Map())} onOffer={() => setOffering(true)} />
              <OfferDialog
                requestId={request.id}
                chosen={chosen}
                threshold={data.threshold}
                urgent={request.urgency === 'urgent'}
                opened={offering}
                onClose={() => setOffering(false)}
                onRemove={remove}
                onSent={() => {
                  setOffering(false);
                  setSelected(new Map());
                }}
              />
            </>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
