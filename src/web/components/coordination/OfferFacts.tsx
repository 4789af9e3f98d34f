import { SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarEvent,
  IconClockHour4,
  IconLanguage,
  IconMapPin,
  IconUserQuestion,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferDetail } from '../../api/coordinationTypes';
import { formatList, formatNumber, languageName } from '../../i18n/format';
import { periodText } from '../requests/RequestSummary';
import { isolate } from './format';
import './coordination.css';

type OfferRequest = OfferDetail['request'];

/** One fact with an icon: a label the eye can skim on a phone, and the value below. */
function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="offer-fact">
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        <ThemeIcon variant="light" color="petrol" size={34} radius="md" aria-hidden className="offer-fact-icon">
          {icon}
        </ThemeIcon>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The wished weekly times in full words: "Dienstag, 10:00–12:00". */
export function SlotLines({ slots }: { slots: OfferRequest['slots'] }) {
  const { t } = useTranslation();
  if (slots.length === 0) return <>{t('offers.facts.noSlots')}</>;
  return (
    <Stack component="span" gap={0}>
      {[...slots]
        .sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))
        .map((s) => (
          <span key={`${s.weekday}-${s.from}`} className="tabular">
            {t(`weekday.${s.weekday}`)}
            {t('offers.facts.slotSeparator')}
            <span dir="ltr">{`${s.from}–${s.to}`}</span>
          </span>
        ))}
    </Stack>
  );
}

/**
 * What a guide needs to decide, phone first: when (period, rhythm, times), where (district, place, meeting point),
 * whom to ask on site, how many guides are sought, and the languages.
 */
export function OfferFacts({ request: r }: { request: OfferRequest }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md" m={0}>
      <Fact icon={<IconCalendarEvent size={20} />} label={t('offers.facts.when')}>
        <Stack component="span" gap={0}>
          <span>{periodText(r.startsOn, r.endsOn, t)}</span>
          <span>
            {t(`requests.frequency.${r.frequency}`, { defaultValue: r.frequency })} ·{' '}
            {t('requests.hours', { count: r.expectedHours, hours: formatNumber(r.expectedHours) })}
          </span>
        </Stack>
      </Fact>
      <Fact icon={<IconClockHour4 size={20} />} label={t('offers.facts.times')}>
        <SlotLines slots={r.slots} />
      </Fact>
      <Fact icon={<IconMapPin size={20} />} label={t('offers.facts.where')}>
        <Stack component="span" gap={0}>
          {r.place && (
            <span>
              <bdi>{r.place}</bdi>
            </span>
          )}
          <span>{t('offers.facts.district', { district: r.districtName })}</span>
          {r.meetingPoint && <span>{t('offers.facts.meetingPoint', { place: isolate(r.meetingPoint) })}</span>}
        </Stack>
      </Fact>
      <Fact icon={<IconUserQuestion size={20} />} label={t('offers.facts.onSite')}>
        {r.onSiteContact ? <bdi>{r.onSiteContact}</bdi> : t('offers.facts.noOnSiteContact')}
      </Fact>
      <Fact icon={<IconUsersGroup size={20} />} label={t('offers.facts.guidesNeeded')}>
        {r.guidesNeeded > 1 ? t('offers.facts.team', { count: r.guidesNeeded }) : t('offers.facts.single')}
      </Fact>
      <Fact icon={<IconLanguage size={20} />} label={t('requests.field.languages')}>
        {r.languages.length ? formatList(r.languages.map((c) => languageName(c))) : t('offers.facts.noLanguage')}
      </Fact>
    </SimpleGrid>
  );
}
