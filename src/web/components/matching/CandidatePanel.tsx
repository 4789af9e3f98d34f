import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  RingProgress,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconSend, IconUser } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type List as ApiList, api } from '../../api/client';
import { loopKeys, loopWide, useCandidates } from '../../api/loopQueries';
import type { Candidate, Candidates, LoopOffer } from '../../api/loopTypes';
import { useApiMutation } from '../../api/queries';
import { formatList, formatNumber } from '../../i18n/format';
import { LoopSection } from '../loop/LoopSection';
import { notifySuccess } from '../notify';
import { ErrorState, errorMessage, LoadingState } from '../States';
import { CriterionBars, GateBadges } from './CriterionBars';
import './matching.css';

const PAGE = 6;

const fullName = (c: Candidate) => `${c.firstName} ${c.lastName}`;
/** A gate that law or policy sets (certificate, consent, background check, capacity) cannot be overridden. */
const selectable = (c: Candidate) => !c.pendingOffer && c.gates.every((g) => g.passed || g.overridable);
const needsReason = (c: Candidate, threshold: number) => !c.eligible || c.score < threshold;

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

function CandidateCard({
  candidate: c,
  threshold,
  selected,
  onToggle,
}: {
  candidate: Candidate;
  threshold: number;
  selected: boolean;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const name = fullName(c);
  const canPick = selectable(c);
  const idPrefix = `cand-${c.guideId}`;
  return (
    <Card component="li" padding="md" className="candidate-card" data-selected={selected || undefined}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box visibleFrom="sm">
          <ScoreRing score={c.score} threshold={threshold} />
        </Box>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Checkbox
                checked={selected}
                disabled={!canPick}
                onChange={() => onToggle(c.guideId)}
                label={
                  <Text span fw={650} size="md">
                    {name}
                  </Text>
                }
                aria-describedby={`${idPrefix}-score`}
              />
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
          <Text
            size="sm"
            id={`${idPrefix}-score`}
            c={c.score >= threshold ? undefined : 'var(--mantine-color-orange-light-color)'}
            fw={500}
          >
            {t('matching.scoreOf', { score: formatNumber(Math.round(c.score)) })}
            {c.score < threshold && ` · ${t('matching.belowThreshold')}`}
            {!c.eligible && ` · ${t('matching.notEligibleShort')}`}
          </Text>
          <GateBadges gates={c.gates} />
          <CriterionBars criteria={c.criteria} idPrefix={idPrefix} />
        </Stack>
      </Group>
    </Card>
  );
}

function NoGoodFit({ data }: { data: Candidates }) {
  const { t } = useTranslation();
  const nearest = [...data.eligible, ...data.notEligible.filter(selectable)]
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('matching.noGoodFitTitle')}
      mb="md"
    >
      <Stack gap={6}>
        <Text size="sm">{t('matching.noGoodFitText', { threshold: data.threshold })}</Text>
        {nearest.length > 0 && (
          <List size="sm" spacing={2}>
            {nearest.map((c) => (
              <List.Item key={c.guideId}>
                <Text span fw={600} size="sm">
                  {fullName(c)}
                </Text>
                {` – ${t('matching.scoreOf', { score: formatNumber(Math.round(c.score)) })}`}
                {c.lacks.length > 0 &&
                  ` – ${t('matching.lacks', { list: formatList(c.lacks.map((l) => t(`matching.criterion.${l}`))) })}`}
                {!c.eligible && ` – ${t('matching.notEligibleShort')}`}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('matching.overrideHint')}</Text>
      </Stack>
    </Alert>
  );
}

function OfferComposer({
  requestId,
  chosen,
  threshold,
  onSent,
}: {
  requestId: string;
  chosen: Candidate[];
  threshold: number;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const weak = chosen.filter((c) => needsReason(c, threshold));
  const send = useApiMutation(
    (body: { guideIds: string[]; message: string; overrideReason?: string }) =>
      api.post<ApiList<LoopOffer>>(`/requests/${requestId}/offers`, body),
    [...loopWide, loopKeys.candidates(requestId), loopKeys.requestOffers(requestId), loopKeys.request(requestId)],
  );
  const problems = send.error instanceof ApiError ? send.error.fieldErrors : [];
  const overrideError = problems.find((p) => p.path === 'overrideReason')?.message;
  const guideProblems = problems
    .filter((p) => p.path.startsWith('guideIds.'))
    .map((p) => {
      const index = Number(p.path.split('.')[1]);
      const who = chosen[index] ? fullName(chosen[index]) : '';
      return who ? `${who}: ${p.message}` : p.message;
    });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocalError(null);
    if (chosen.length === 0) return setLocalError(t('matching.chooseFirst'));
    if (weak.length > 0 && overrideReason.trim().length < 5)
      return setLocalError(t('validation.overrideReasonRequired'));
    send.mutate(
      {
        guideIds: chosen.map((c) => c.guideId),
        message: message.trim(),
        ...(weak.length > 0 ? { overrideReason: overrideReason.trim() } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('matching.sent', { count: chosen.length }));
          setMessage('');
          setOverrideReason('');
          onSent();
        },
      },
    );
  }

  const generalError = send.error && !overrideError && guideProblems.length === 0 ? errorMessage(send.error, t) : null;
  return (
    <Card
      component="form"
      onSubmit={submit}
      noValidate
      padding="lg"
      mt="md"
      bg="petrol.0"
      aria-labelledby="offer-composer-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="offer-composer-title">
          {t('matching.composerTitle')}
        </Title>
        <Text size="sm" aria-live="polite">
          {chosen.length === 0
            ? t('matching.noneChosen')
            : t('matching.chosen', { count: chosen.length, names: formatList(chosen.map(fullName)) })}
        </Text>
        {(localError || guideProblems.length > 0 || generalError) && (
          <Alert color="red" variant="light" role="alert" title={localError ?? generalError ?? t('common.errorTitle')}>
            {guideProblems.length > 0 && (
              <List size="sm">
                {guideProblems.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Textarea
          label={t('matching.message')}
          description={t('matching.messageHint')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        {weak.length > 0 && (
          <Textarea
            label={t('matching.overrideReason')}
            description={t('matching.overrideReasonHint', { names: formatList(weak.map(fullName)) })}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
            error={overrideError}
          />
        )}
        <Button
          type="submit"
          loading={send.isPending}
          leftSection={<IconSend size={16} className="flip-rtl" aria-hidden />}
          w="fit-content"
        >
          {t('matching.send')}
        </Button>
      </Stack>
    </Card>
  );
}

/** Ranked candidates with their explanations, the not-eligible list, and the offer form. */
export function CandidatePanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const query = useCandidates(requestId);
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState(PAGE);
  const [showIneligible, setShowIneligible] = useState(false);
  const all = useMemo(
    () => new Map([...(query.data?.eligible ?? []), ...(query.data?.notEligible ?? [])].map((c) => [c.guideId, c])),
    [query.data],
  );
  const chosen = selected.map((id) => all.get(id)).filter((c): c is Candidate => !!c);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <LoopSection
      title={t('matching.title')}
      id="req-candidates"
      description={
        query.data
          ? t('matching.summary', {
              considered: query.data.consideredGuides,
              eligible: query.data.eligible.length,
              threshold: query.data.threshold,
            })
          : undefined
      }
    >
      {query.isPending ? (
        <LoadingState rows={4} label={t('matching.loading')} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {query.data.noGoodFit && <NoGoodFit data={query.data} />}
          {query.data.eligible.length === 0 ? (
            <Text size="sm" c="dimmed" mb="md">
              {t('matching.noneEligible')}
            </Text>
          ) : (
            <>
              <Title order={3} size="h5" mb="xs" id="cand-eligible">
                {t('matching.eligibleTitle', { count: query.data.eligible.length })}
              </Title>
              <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="cand-eligible">
                {query.data.eligible.slice(0, shown).map((c) => (
                  <CandidateCard
                    key={c.guideId}
                    candidate={c}
                    threshold={query.data.threshold}
                    selected={selected.includes(c.guideId)}
                    onToggle={toggle}
                  />
                ))}
              </Stack>
              {query.data.eligible.length > shown && (
                <Button variant="subtle" mt="xs" onClick={() => setShown((n) => n + PAGE * 2)}>
                  {t('matching.showMore', { count: query.data.eligible.length - shown })}
                </Button>
              )}
            </>
          )}
          {query.data.notEligible.length > 0 && (
            <Stack gap="xs" mt="md">
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
                  : t('matching.showIneligible', { count: query.data.notEligible.length })}
              </Button>
              {showIneligible && (
                <div id="cand-ineligible-list">
                  <Title order={3} size="h5" mb="xs" id="cand-ineligible">
                    {t('matching.ineligibleTitle', { count: query.data.notEligible.length })}
                  </Title>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('matching.ineligibleHint')}
                  </Text>
                  <Stack
                    component="ol"
                    gap="sm"
                    p={0}
                    m={0}
                    style={{ listStyle: 'none' }}
                    aria-labelledby="cand-ineligible"
                  >
                    {query.data.notEligible.map((c) => (
                      <CandidateCard
                        key={c.guideId}
                        candidate={c}
                        threshold={query.data.threshold}
                        selected={selected.includes(c.guideId)}
                        onToggle={toggle}
                      />
                    ))}
                  </Stack>
                </div>
              )}
            </Stack>
          )}
          <OfferComposer
            requestId={requestId}
            chosen={chosen}
            threshold={query.data.threshold}
            onSent={() => setSelected([])}
          />
        </>
      )}
    </LoopSection>
  );
}
