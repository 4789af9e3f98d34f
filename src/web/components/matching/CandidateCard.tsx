import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  RingProgress,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Candidate } from '../../api/coordinationTypes';
import { formatList, formatNumber } from '../../i18n/format';
import { isolate, languageNames, languageWithLevel } from '../coordination/format';
import { CriterionBars, GateBadges } from './CriterionBars';
import { fullName, selectable } from './candidateUtils';

function ScoreRing({ score, threshold }: { score: number; threshold: number }) {
  const value = Math.round(score);
  const color = value >= threshold ? 'petrol.7' : value >= threshold * 0.6 ? 'orange.6' : 'red.7';
  return (
    <RingProgress
      size={64}
      thickness={6}
      roundCaps
      sections={[{ value, color }]}
      aria-hidden
      label={
        <Text ta="center" size="sm" className="score-ring-value">
          {formatNumber(value)}
        </Text>
      }
    />
  );
}

/** What tells two guides with the same name apart: languages with levels, home district, year certified. */
export function CandidateIdentity({ candidate: c, id }: { candidate: Candidate; id?: string }) {
  const { t } = useTranslation();
  const parts = [
    c.homeDistrictName ? t('matching.homeDistrict', { district: isolate(c.homeDistrictName) }) : null,
    c.certifiedAt ? t('matching.certifiedYear', { year: c.certifiedAt.slice(0, 4) }) : t('matching.notCertifiedYet'),
  ].filter((p): p is string => Boolean(p));
  return (
    <Stack gap={0} id={id}>
      {c.languages.length > 0 && (
        <Text size="sm" className="candidate-languages">
          {formatList(c.languages.map((l) => isolate(languageWithLevel(l, t))))}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {parts.join(' · ')}
      </Text>
    </Stack>
  );
}

function ScoreLine({ candidate: c, threshold, id }: { candidate: Candidate; threshold: number; id: string }) {
  const { t } = useTranslation();
  const weak = c.score < threshold;
  return (
    <Text size="sm" id={id} c={weak ? 'var(--mantine-color-orange-light-color)' : undefined} fw={500}>
      {t('matching.scoreOf', { score: formatNumber(Math.round(c.score)) })}
      {c.cap && ` · ${t('matching.capped', { languages: languageNames(c.cap.missing), max: threshold - 1 })}`}
      {weak && !c.cap && ` · ${t('matching.belowThreshold')}`}
      {!c.eligible && ` · ${t('matching.notEligibleShort')}`}
    </Text>
  );
}

/**
 * One guide with the score, why (criterion bars), what tells them apart, and a checkbox to choose them for the
 * offer. `canOffer` is false when nothing may be offered at all (the person has not consented).
 */
export function CandidateCard({
  candidate: c,
  threshold,
  selected,
  onToggle,
  canOffer = true,
  component = 'li',
}: {
  candidate: Candidate;
  threshold: number;
  selected: boolean;
  onToggle: (c: Candidate) => void;
  canOffer?: boolean;
  component?: 'li' | 'div';
}) {
  const { t } = useTranslation();
  const name = fullName(c);
  const canPick = canOffer && selectable(c);
  const idPrefix = `cand-${c.guideId}`;
  const good = c.eligible && c.score >= threshold;
  // On a phone the seven criterion rows make each card very long: they open on request.
  const compact = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [explained, setExplained] = useState(false);
  return (
    <Card component={component} padding="md" className="candidate-card" data-selected={selected || undefined}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box visibleFrom="sm">
          <ScoreRing score={c.score} threshold={threshold} />
        </Box>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }} align="flex-start">
              {canOffer ? (
                <Checkbox
                  checked={selected}
                  disabled={!canPick}
                  onChange={() => onToggle(c)}
                  label={
                    <Text span fw={650} size="md">
                      {name}
                    </Text>
                  }
                  aria-describedby={`${idPrefix}-score ${idPrefix}-who`}
                />
              ) : (
                <Text fw={650} size="md">
                  {name}
                </Text>
              )}
              <Tooltip label={t('matching.openProfile', { name })}>
                <ActionIcon
                  component={Link}
                  to={`/guides/${c.guideId}`}
                  variant="subtle"
                  size="sm"
                  aria-label={t('matching.openProfile', { name })}
                >
                  <IconUser size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
            <Group gap={6}>
              {good && (
                <Badge variant="light" color="green" size="sm">
                  {t('matching.goodFit')}
                </Badge>
              )}
              {c.pendingOffer && (
                <Badge variant="light" color="yellow" size="sm">
                  {t('matching.pendingOffer')}
                </Badge>
              )}
              <Badge variant="light" color="gray" size="sm" className="tabular">
                {t('matching.capacity', { active: c.activeAssignments, max: c.maxActiveAssignments })}
              </Badge>
            </Group>
          </Group>
          <CandidateIdentity candidate={c} id={`${idPrefix}-who`} />
          <ScoreLine candidate={c} threshold={threshold} id={`${idPrefix}-score`} />
          <GateBadges gates={c.gates} />
          {compact && (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              px={4}
              rightSection={
                <IconChevronDown
                  size={14}
                  aria-hidden
                  style={{ transform: explained ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
                />
              }
              aria-expanded={explained}
              aria-controls={`${idPrefix}-criteria`}
              onClick={() => setExplained((v) => !v)}
            >
              {t('matching.showCriteria')}
            </Button>
          )}
          {(!compact || explained) && <CriterionBars criteria={c.criteria} idPrefix={idPrefix} />}
        </Stack>
      </Group>
    </Card>
  );
}
