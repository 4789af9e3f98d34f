import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../api/coordinationTypes';
import { useReferenceNames } from '../../api/queries';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { formatDate, formatList, formatNumber, languageName } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { Field, FieldList } from '../Field';
import { Pending } from '../States';

/** Who filed the request: the partner's name, or "public form" for a request a person sent themselves. */
export function partnerLabel(r: { partnerName: string | null }, t: (k: string) => string) {
  return r.partnerName ?? t('requests.origin.public');
}

export function SlotList({ slots }: { slots: { weekday: number; from: string; to: string }[] }) {
  const { t } = useTranslation();
  if (slots.length === 0) return <>{t('requests.noSlotsGiven')}</>;
  return (
    <Group gap={6} component="span">
      {slots.map((s) => (
        <Badge
          key={`${s.weekday}-${s.from}`}
          component="span"
          variant="light"
          color="petrol"
          fw={500}
          className="tabular"
        >
          {t(`weekdayShort.${s.weekday}`)} <span dir="ltr">{`${s.from}–${s.to}`}</span>
        </Badge>
      ))}
    </Group>
  );
}

export function periodText(
  startsOn: string,
  endsOn: string | null,
  t: (k: string, o?: Record<string, unknown>) => string,
) {
  return endsOn
    ? t('coordination.period', { from: formatDate(startsOn), to: formatDate(endsOn) })
    : t('coordination.from', { from: formatDate(startsOn) });
}

/** What the partner asked for: the description, when and where, and what kind of guide. */
export function RequestDescription({ request: r, showPartner }: { request: RequestItem; showPartner: boolean }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const langs = (codes: string[]) => (codes.length ? formatList(codes.map((c) => languageName(c))) : '–');
  return (
    <SectionCard title={t('requests.section.description')} id="req-description">
      <Stack gap="md">
        <Text className="preformatted" dir="auto" size="sm">
          {r.description}
        </Text>
        <FieldList>
          {showPartner && <Field label={t('requests.field.partner')}>{partnerLabel(r, t)}</Field>}
          <Field label={t('requests.field.field')}>
            <Pending loading={ref.loading}>{ref.field(r.field)}</Pending>
          </Field>
          <Field label={t('requests.field.type')}>{t(`requests.type.${r.type}`)}</Field>
          <Field label={districtWord.label}>
            <Pending loading={ref.loading}>{ref.district(r.districtId)}</Pending>
          </Field>
          <Field label={t('requests.field.place')}>{r.place || '–'}</Field>
          {r.meetingPoint && <Field label={t('requests.field.meetingPoint')}>{r.meetingPoint}</Field>}
          {r.onSiteContact && <Field label={t('requests.field.onSiteContact')}>{r.onSiteContact}</Field>}
          <Field label={t('requests.field.period')}>{periodText(r.startsOn, r.endsOn, t)}</Field>
          <Field label={t('requests.field.frequency')}>{t(`requests.frequency.${r.frequency}`)}</Field>
          <Field label={t('requests.field.expectedHours')}>
            {t('requests.hours', { count: r.expectedHours, hours: formatNumber(r.expectedHours) })}
          </Field>
          <Field label={t('requests.field.languages')}>{langs(r.languages)}</Field>
          <Field label={t('requests.field.guidesNeeded')}>
            {r.guidesNeeded > 1 ? t('requests.guidesNeededValue', { count: r.guidesNeeded }) : formatNumber(1)}
          </Field>
          {r.specialization && (
            <Field label={t('requests.field.specialization')}>
              <Pending loading={ref.loading}>{ref.specialization(r.specialization)}</Pending>
            </Field>
          )}
          <Field label={t('requests.field.preferredGender')}>
            {r.preferredGender ? t(`gender.${r.preferredGender}`) : t('requests.form.noPreference')}
          </Field>
          <Field label={t('requests.field.minorsInvolved')}>
            {r.minorsInvolved ? t('common.yes') : t('common.no')}
          </Field>
        </FieldList>
        <FieldList cols={1}>
          <Field label={t('requests.field.slots')}>
            <SlotList slots={r.slots} />
          </Field>
          {r.matters.length > 0 && (
            <Field label={t('requests.field.mattersShort')}>
              {formatList(r.matters.map((m) => t(`requests.matter.${m}`)))}
            </Field>
          )}
          {r.notes && (
            <Field label={t('requests.field.notes')}>
              <span className="preformatted" dir="auto">
                {r.notes}
              </span>
            </Field>
          )}
        </FieldList>
      </Stack>
    </SectionCard>
  );
}

/** The person accompanied: only the minimum the office needs (DSGVO Art. 5(1)(c)). */
export function PersonSection({ request: r }: { request: RequestItem }) {
  const { t } = useTranslation();
  const p = r.person;
  return (
    <SectionCard title={t('requests.section.person')} id="req-person" description={t('requests.personMinimal')}>
      <FieldList>
        <Field label={t('requests.field.initials')}>{p.initials}</Field>
        <Field label={t('requests.field.ageGroup')}>{t(`requests.ageGroup.${p.ageGroup}`)}</Field>
        <Field label={t('requests.field.personLanguages')}>{formatList(p.languages.map((c) => languageName(c)))}</Field>
        <Field label={t('requests.field.household')}>
          {/* Older records may hold "family of 1": say just "Familie" rather than a contradiction. */}
          {p.household === 'family' && p.householdSize >= 2
            ? t('requests.familyOf', { count: p.householdSize })
            : p.household === 'family'
              ? t('requests.household.family')
              : t('requests.household.individual')}
        </Field>
        <Field label={t('requests.field.consentGiven')}>
          {p.consentGiven ? (
            <>
              {t('common.yes')}
              {p.consentVersion && ` · ${t('requests.consentVersionShort', { version: p.consentVersion })}`}
              {p.consentLanguage && ` · ${languageName(p.consentLanguage)}`}
            </>
          ) : (
            <Text span c="red.8" fw={600} size="sm">
              {t('requests.noConsentYet')}
            </Text>
          )}
        </Field>
      </FieldList>
    </SectionCard>
  );
}
