import { Anchor, Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale, intlLocale } from '../../i18n';
import { type CalendarEntry, type CalendarView, dayKey, viewRange } from './entries';
import { byOfficeDay, officeDayKey, officeTime } from './officeTime';

const KIND_COLORS = { event: 'teal', course: 'blue', booking: 'gray' } as const;

/**
 * The month or the week as a table: weekdays as columns (Monday first), one row per week, each day cell listing
 * its entries with time, kind and a link. The kind is written out, not only coloured.
 */
export function CalendarGrid({
  view,
  anchor,
  entries,
  caption,
  timeZone,
}: {
  view: Exclude<CalendarView, 'list'>;
  anchor: Date;
  entries: readonly CalendarEntry[];
  caption: string;
  /** The office's zone: entries fall on the office's days at the office's times. */
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = intlLocale(currentLocale());
  const { start, end } = viewRange(view, anchor);
  // The grid starts on the Monday on or before the first day and ends after the Sunday on or after the last.
  const first = new Date(start);
  first.setDate(first.getDate() - ((first.getDay() + 6) % 7));
  const days: Date[] = [];
  for (const d = new Date(first); d < end || days.length % 7 !== 0; d.setDate(d.getDate() + 1)) days.push(new Date(d));
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  const byDay = byOfficeDay(entries, timeZone);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const today = officeDayKey(new Date(), timeZone);
  return (
    <Table withTableBorder withColumnBorders layout="fixed" verticalSpacing={4} horizontalSpacing={4}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {weeks[0].map((d) => (
            <Table.Th key={d.getDay()} scope="col" ta="center">
              {weekday.format(d)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={dayKey(week[0])}>
            {week.map((d) => {
              const key = dayKey(d);
              const inRange = d >= start && d < end;
              const items = byDay.get(key) ?? [];
              return (
                <Table.Td
                  key={key}
                  valign="top"
                  style={{
                    height: view === 'week' ? 220 : 104,
                    background: inRange ? undefined : 'var(--mantine-color-gray-0)',
                    outline: key === today ? '2px solid var(--mantine-color-teal-7)' : undefined,
                    outlineOffset: -2,
                  }}
                >
                  <Text size="xs" fw={key === today ? 700 : 500} c={inRange ? undefined : 'dimmed'} aria-hidden>
                    {d.getDate()}
                  </Text>
                  <VisuallyHidden>{weekdayLong.format(d)}</VisuallyHidden>
                  {inRange && items.length > 0 && (
                    <Stack gap={4} component="ul" p={0} m={0} mt={2} style={{ listStyle: 'none' }}>
                      {items.map((e) => (
                        <li key={e.key} style={{ minWidth: 0 }}>
                          <Text size="xs" component="div" className="tabular" c="dimmed">
                            {officeTime(e.startsAt, locale, timeZone)}{' '}
                            <Badge
                              size="xs"
                              variant="light"
                              color={KIND_COLORS[e.kind]}
                              style={{ textTransform: 'none' }}
                            >
                              {t(`events.kind.${e.kind}`)}
                            </Badge>
                          </Text>
                          <Anchor
                            component={Link}
                            to={e.href}
                            size="xs"
                            underline="always"
                            dir="auto"
                            td={e.cancelled ? 'line-through' : undefined}
                            style={{ display: 'block', overflowWrap: 'anywhere' }}
                          >
                            {e.title}
                            {e.cancelled && ` (${t('events.cancelled')})`}
                          </Anchor>
                        </li>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
