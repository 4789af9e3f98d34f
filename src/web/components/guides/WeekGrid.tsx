import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../shared/enums.js';

type Slot = { weekday: number; from: string; to: string };

/** Weekly availability: a seven-column grid on wide screens, a list of days on phones. */
export function WeekGrid({ slots }: { slots: Slot[] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const byDay = (day: number) => slots.filter((s) => s.weekday === day).sort((a, b) => a.from.localeCompare(b.from));

  if (slots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('guides.noAvailability')}
      </Text>
    );

  if (!wide)
    return (
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {WEEKDAYS.filter((d) => byDay(d).length).map((d) => (
          <Text component="li" size="sm" key={d}>
            <Text span fw={600}>
              {t(`weekday.${d}`)}:
            </Text>{' '}
            <span dir="ltr" className="tabular">
              {byDay(d)
                .map((s) => `${s.from}–${s.to}`)
                .join(', ')}
            </span>
          </Text>
        ))}
      </Stack>
    );

  return (
    <ul className="week-grid" aria-label={t('guides.section.availability')}>
      {WEEKDAYS.map((d) => {
        const day = byDay(d);
        return (
          <li className="week-grid-day" key={d} data-empty={day.length ? undefined : true}>
            <Text size="xs" fw={700} ta="center">
              <abbr title={t(`weekday.${d}`)} style={{ textDecoration: 'none' }}>
                {t(`weekdayShort.${d}`)}
              </abbr>
            </Text>
            {day.map((s) => (
              <span className="slot" key={`${s.from}-${s.to}`}>
                {s.from}–{s.to}
              </span>
            ))}
            {day.length === 0 && <span className="visually-hidden">{t('guides.dayFree')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
