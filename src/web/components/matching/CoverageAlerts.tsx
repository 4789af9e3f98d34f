import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLanguageOff, IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Candidate, Candidates } from '../../api/coordinationTypes';
import { formatList, formatNumber, languageName } from '../../i18n/format';
import { languageNames } from '../coordination/format';
import { fullName, selectable } from './candidateUtils';

/**
 * Shown before any list: a required language nobody of the office speaks. It names the related languages guides do
 * speak (the office's proximity pairs, e.g. Persian for Dari) and where else to look.
 */
export function MissingLanguageAlert({
  coverage,
  threshold,
}: {
  coverage: Candidates['languageCoverage'];
  threshold: number;
}) {
  const { t } = useTranslation();
  const missing = coverage.filter((c) => c.speakers === 0);
  if (missing.length === 0) return null;
  const related = missing.flatMap((m) => m.related.map((r) => ({ ...r, for: m.code })));
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconLanguageOff aria-hidden />}
      title={t('matching.coverage.title', { languages: languageNames(missing.map((m) => m.code)) })}
      data-testid="missing-language"
    >
      <Stack gap={6}>
        <Text size="sm">{t('matching.coverage.capNote', { max: threshold - 1 })}</Text>
        {related.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('matching.coverage.relatedTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {related.map((r) => (
                <List.Item key={`${r.for}-${r.code}`}>
                  {r.speakers > 0
                    ? t('matching.coverage.relatedSpeakers', {
                        language: languageName(r.code),
                        count: r.speakers,
                        n: formatNumber(r.speakers),
                      })
                    : t('matching.coverage.relatedNone', { language: languageName(r.code) })}
                  {missing.length > 1 && ` (${t('matching.coverage.relatedTo', { language: languageName(r.for) })})`}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm">
          {t('matching.coverage.elsewhere')}{' '}
          <Anchor component={Link} to="/services" size="sm" underline="always">
            {t('matching.coverage.toServices')}
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}

/** Without the person's consent nothing may be offered; the lists stay visible for planning. */
export function ConsentMissingAlert() {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconUserShield aria-hidden />}
      title={t('matching.consentMissingTitle')}
      data-testid="consent-missing"
    >
      <Text size="sm">{t('matching.consentMissingText')}</Text>
    </Alert>
  );
}

/** No eligible guide reaches the threshold: the nearest ones and what each lacks. */
export function NoGoodFitAlert({ data }: { data: Candidates }) {
  const { t } = useTranslation();
  const nearest: Candidate[] = [...data.eligible, ...data.notEligible.filter(selectable)]
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('matching.noGoodFitTitle')}>
      <Stack gap={6}>
        <Text size="sm">{t('matching.noGoodFitText', { threshold: data.threshold })}</Text>
        {nearest.length > 0 && (
          <List size="sm" spacing={2}>
            {nearest.map((c) => (
              <List.Item key={c.guideId}>
                <Text span fw={600} size="sm">
                  <bdi>{fullName(c)}</bdi>
                </Text>
                {` – ${t('matching.scoreOf', { score: formatNumber(Math.round(c.score)) })}`}
                {c.lacks.length > 0 &&
                  ` – ${t('matching.lacks', { list: formatList(c.lacks.map((l) => t(`matching.criterion.${l}`))) })}`}
                {!c.eligible &&
                  ` – ${formatList(c.gates.filter((g) => !g.passed).map((g) => t(`matching.gate.${g.gate}`)))}`}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('matching.overrideHint')}</Text>
      </Stack>
    </Alert>
  );
}
