import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../api/coordinationTypes';
import { formatList, formatNumber, languageName } from '../../i18n/format';

type T = (key: string, o?: Record<string, unknown>) => string;
type Criterion = Candidate['criteria'][number];

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** The machine detail of a criterion in words: languages matched and missing, km, minutes covered … */
export function criterionDetail(c: Criterion, t: T): string {
  const d = c.detail as Record<string, unknown>;
  switch (c.criterion) {
    case 'language': {
      const matched = (d.matched as { code: string; level: string }[] | undefined) ?? [];
      const missing = (d.missing as string[] | undefined) ?? [];
      if (!matched.length && !missing.length) return t('matching.detail.noLanguageRequired');
      const parts: string[] = [];
      if (matched.length)
        parts.push(
          formatList(
            matched.map((m) => `${languageName(m.code)} ${t(`levelShort.${m.level}`, { defaultValue: m.level })}`),
          ),
        );
      if (missing.length)
        parts.push(t('matching.detail.missing', { list: formatList(missing.map((m) => languageName(m))) }));
      return parts.join(' · ');
    }
    case 'distance':
      if (d.serviceDistrict) return t('matching.detail.serviceDistrict');
      if (num(d.km) !== null) return t('matching.detail.km', { km: formatNumber(num(d.km) as number) });
      if (d.reason === 'no_district') return t('matching.detail.noDistrict');
      return t('matching.detail.unknownLocation');
    case 'skills': {
      const parts: string[] = [];
      if (typeof d.field === 'boolean') parts.push(t(d.field ? 'matching.detail.fieldYes' : 'matching.detail.fieldNo'));
      if (typeof d.specialization === 'boolean')
        parts.push(t(d.specialization ? 'matching.detail.specYes' : 'matching.detail.specNo'));
      return parts.length ? parts.join(' · ') : t('matching.detail.noRequirement');
    }
    case 'availability':
      if (d.reason === 'no_time_given') return t('matching.detail.noTimeGiven');
      if (num(d.wantedMinutes) !== null)
        return t('matching.detail.minutes', {
          covered: formatNumber(num(d.coveredMinutes) ?? 0),
          wanted: formatNumber(num(d.wantedMinutes) as number),
        });
      return t('matching.detail.noRequirement');
    case 'gender':
      if (!d.preferred) return t('matching.detail.noRequirement');
      return c.score >= 1 ? t('matching.detail.genderYes') : t('matching.detail.genderNo');
    case 'fairness':
      return t('matching.detail.recent', { count: num(d.recentAssignments) ?? 0 });
    case 'continuity':
      return c.score >= 1 ? t('matching.detail.continuityYes') : t('matching.detail.continuityNo');
    default:
      return '';
  }
}

/**
 * One small bar per criterion with its weight and the reason in words. The bar is decoration; the row's text
 * (criterion, points, weight, reason) is what a screen reader reads.
 */
export function CriterionBars({ criteria, idPrefix }: { criteria: Criterion[]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <ul className="criteria" aria-label={t('matching.criteriaLabel')} id={`${idPrefix}-criteria`}>
      {criteria.map((c) => {
        const pct = Math.round(c.score * 100);
        return (
          <li key={c.criterion} className="criteria-row">
            <span className="criteria-name">
              {t(`matching.criterion.${c.criterion}`)}
              <span className="visually-hidden">, </span>
              <span className="criteria-weight">{t('matching.weightShort', { weight: c.weight })}</span>
            </span>
            <span className="criteria-bar" aria-hidden="true">
              <span
                className="criteria-fill"
                data-level={pct >= 67 ? 'high' : pct >= 34 ? 'mid' : 'low'}
                style={{ width: `${Math.max(pct, 2)}%` }}
              />
            </span>
            <span className="visually-hidden">{t('matching.points', { points: pct })}</span>
            <span className="criteria-detail">{criterionDetail(c, t)}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function GateBadges({ gates }: { gates: Candidate['gates'] }) {
  const { t } = useTranslation();
  const failed = gates.filter((g) => !g.passed);
  if (!failed.length) return null;
  return (
    <Group gap={4} component="span">
      {failed.map((g) => (
        <Badge key={g.gate} component="span" size="sm" variant="light" color={g.overridable ? 'orange' : 'red'}>
          {t(`matching.gate.${g.gate}`)}
        </Badge>
      ))}
    </Group>
  );
}
