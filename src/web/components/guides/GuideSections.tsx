import { Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceNames } from '../../api/queries';
import type { GuideDetail } from '../../api/types';
import { useDistrictTerm } from '../../hooks/useDistrictTerm';
import { countryName, formatDate, formatDateTime, formatList, languageName } from '../../i18n/format';
import { BackgroundCheckBadge, StatusBadge } from '../Badges';
import { Field, FieldList } from '../Field';
import { Pending } from '../States';
import { WeekGrid } from './WeekGrid';

export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Card padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

const dash = (value: string | null | undefined) => (value ? value : '–');

export function ContactSection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('guides.section.contact')} id="sec-contact">
      <FieldList>
        <Field label={t('guides.field.email')}>{dash(guide.email)}</Field>
        <Field label={t('guides.field.phone')}>
          <span dir="ltr">{dash(guide.phone)}</span>
        </Field>
        <Field label={t('forms.shareContact.label')}>{t(`forms.shareContact.${guide.shareContact}`)}</Field>
        <Field label={t('guides.field.locale')}>{languageName(guide.locale)}</Field>
        <Field label={t('guides.field.gender')}>{guide.gender ? t(`gender.${guide.gender}`) : '–'}</Field>
        <Field label={t('guides.field.account')}>
          {guide.hasAccount ? t('guides.hasAccount') : t('guides.noAccount')}
        </Field>
      </FieldList>
    </Section>
  );
}

export function StatusSection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  const history = [...guide.statusHistory].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Section title={t('guides.section.status')} id="sec-status">
      <Stack gap="md">
        <FieldList>
          <Field label={t('guides.field.status')}>
            <StatusBadge status={guide.status} />
          </Field>
          <Field label={t('guides.field.certifiedAt')}>{formatDate(guide.certifiedAt)}</Field>
        </FieldList>
        {history.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('guides.statusSince', {
              status: t(`status.${guide.status}`),
              date: formatDateTime(guide.statusChangedAt),
            })}
          </Text>
        )}
        {history.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="xs">
              {t('guides.statusHistory')}
            </Text>
            <Timeline bulletSize={14} lineWidth={2} active={0}>
              {history.map((h) => (
                <Timeline.Item key={`${h.status}-${h.at}`} title={t(`status.${h.status}`, { defaultValue: h.status })}>
                  <Text size="xs" c="dimmed" className="timeline-time">
                    {formatDateTime(h.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        )}
      </Stack>
    </Section>
  );
}

export function ProfileSection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  const districtWord = useDistrictTerm();
  const ref = useReferenceNames();
  const tags = (items: string[], name: (s: string) => string) =>
    items.length ? (
      <Group gap={6} component="span">
        {items.map((i) => (
          <Badge
            key={i}
            variant="light"
            color="gray"
            fw={500}
            size="md"
            component="span"
            h="auto"
            py={3}
            styles={{ label: { whiteSpace: 'normal' } }}
          >
            {name(i)}
          </Badge>
        ))}
      </Group>
    ) : (
      '–'
    );
  return (
    <Section title={t('guides.section.profile')} id="sec-profile">
      <FieldList>
        <Field label={t('guides.field.languages')}>
          {guide.languages.length ? (
            <Stack gap={4} component="span">
              {guide.languages.map((l) => (
                <Group key={l.code} gap={6} component="span">
                  <span>{languageName(l.code)}</span>
                  <Badge size="sm" variant="light" component="span" title={t(`level.${l.level}`)}>
                    {t(`levelShort.${l.level}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          ) : (
            '–'
          )}
        </Field>
        <Field label={t('guides.field.countries')}>
          {guide.countries.length ? formatList(guide.countries.map((c) => countryName(c))) : '–'}
        </Field>
        <Field label={districtWord.home}>
          <Pending loading={ref.loading}>{ref.district(guide.homeDistrictId)}</Pending>
        </Field>
        <Field label={districtWord.service}>{tags(guide.serviceDistrictIds, ref.district)}</Field>
        <Field label={t('guides.field.fields')}>{tags(guide.fields, ref.field)}</Field>
        <Field label={t('guides.field.specializations')}>{tags(guide.specializations, ref.specialization)}</Field>
      </FieldList>
    </Section>
  );
}

export function AvailabilitySection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('guides.section.availability')} id="sec-availability">
      <Stack gap="md">
        <WeekGrid slots={guide.availability} />
        <FieldList>
          <Field label={t('guides.field.maxActiveAssignments')}>
            {t('guides.capacityValue', { count: guide.maxActiveAssignments })}
          </Field>
        </FieldList>
      </Stack>
    </Section>
  );
}

export function ComplianceSection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  const check = guide.backgroundCheck;
  const consent = guide.consent;
  return (
    <Section title={t('guides.section.compliance')} id="sec-compliance">
      <Stack gap="lg">
        <div>
          <Group gap="xs" mb="xs">
            <Title order={3} size="h6">
              {t('guides.backgroundCheck')}
            </Title>
            <BackgroundCheckBadge state={guide.backgroundCheckState} />
          </Group>
          {check ? (
            <FieldList>
              <Field label={t('guides.field.checkedAt')}>{formatDate(check.checkedAt)}</Field>
              <Field label={t('guides.field.issuedAt')}>{formatDate(check.issuedAt)}</Field>
              <Field label={t('guides.field.relevantConviction')}>
                {check.relevantConviction ? t('common.yes') : t('common.no')}
              </Field>
              <Field label={t('guides.field.recheckDueOn')}>{formatDate(check.recheckDueOn)}</Field>
            </FieldList>
          ) : (
            <Text size="sm" c="dimmed">
              {t('guides.noBackgroundCheck')}
            </Text>
          )}
        </div>
        <div>
          <Title order={3} size="h6" mb="xs">
            {t('guides.consent')}
          </Title>
          {consent ? (
            <FieldList>
              <Field label={t('guides.field.consentVersion')}>{consent.version}</Field>
              <Field label={t('guides.field.consentLanguage')}>{languageName(consent.language)}</Field>
              <Field label={t('guides.field.consentGivenAt')}>{formatDate(consent.givenAt)}</Field>
              <Field label={t('guides.field.consentWithdrawnAt')}>{formatDate(consent.withdrawnAt)}</Field>
            </FieldList>
          ) : (
            <Text size="sm" c="dimmed">
              {t('guides.noConsent')}
            </Text>
          )}
        </div>
        <FieldList>
          <Field label={t('guides.field.confidentialityPledgeAt')}>
            {guide.confidentialityPledgeAt ? formatDate(guide.confidentialityPledgeAt) : t('guides.noPledge')}
          </Field>
        </FieldList>
      </Stack>
    </Section>
  );
}

export function NotesSection({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('guides.section.notes')} id="sec-notes">
      {guide.notes ? (
        <Text size="sm" className="preformatted">
          {guide.notes}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('guides.noNotes')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('guides.notesHint')}
      </Text>
    </Section>
  );
}
