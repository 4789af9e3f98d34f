import { Box, Button, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { intlLocaleOf } from '../../../shared/numbers.js';
import type { RoomBooking } from '../../../shared/rooms.js';
import { intlLocale } from '../../i18n';
import { addLocalDays, dayKey, hourLabel, timeKey } from './week';

/** The hours the grid shows; bookings outside them are clamped to its edges (and still listed on a phone). */
export const FIRST_HOUR = 7;
export const LAST_HOUR = 22;
const HOUR_PX = 48;
/** WCAG 2.5.8 target size: every booking and every free hour keeps at least 24 × 24 px. */
const MIN_TARGET_PX = 24;
const FREE_STRIP_PX = 28;
const HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);

type Props = {
  weekStart: Date;
  bookings: RoomBooking[];
  /** Every room is shown: the blocks name their room. */
  showRoom: boolean;
  compact: boolean;
  onSlot: (date: string, hour: number) => void;
  onBooking: (booking: RoomBooking) => void;
};

const minutesOfDay = (d: Date) => d.getHours() * 60 + d.getMinutes();

/** The part of a booking that falls on a day, in minutes since midnight (a booking may span midnight or days). */
function onDay(b: RoomBooking, day: Date) {
  const start = new Date(b.startsAt);
  const end = new Date(b.endsAt);
  const dayStart = day;
  const dayEnd = addLocalDays(day, 1);
  if (end <= dayStart || start >= dayEnd) return null;
  const from = start < dayStart ? 0 : minutesOfDay(start);
  const to = end >= dayEnd ? 24 * 60 : minutesOfDay(end);
  return { from, to };
}

/** Side-by-side lanes for bookings that overlap on one day (different rooms in the all-rooms view). */
function lanes(items: { b: RoomBooking; from: number; to: number }[]) {
  const ends: number[] = [];
  const placed = items
    .sort((x, y) => x.from - y.from || y.to - x.to)
    .map((item) => {
      let lane = ends.findIndex((end) => end <= item.from);
      if (lane === -1) {
        lane = ends.length;
        ends.push(item.to);
      } else ends[lane] = item.to;
      return { ...item, lane };
    });
  return { placed, count: Math.max(1, ends.length) };
}

function useDayFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const long = new Intl.DateTimeFormat(intlLocaleOf(locale), { weekday: 'long', day: 'numeric', month: 'long' });
  const short = new Intl.DateTimeFormat(intlLocaleOf(locale), { weekday: 'short', day: 'numeric', month: 'numeric' });
  const time = new Intl.DateTimeFormat(intlLocaleOf(locale), { hour: '2-digit', minute: '2-digit' });
  return {
    long: (d: Date) => long.format(d),
    short: (d: Date) => short.format(d),
    time: (iso: string) => time.format(new Date(iso)),
  };
}

/**
 * A week of room bookings: on a desktop, days as columns and hours as rows, bookings as blocks, and every empty hour
 * a button that books it; on a phone, a list per day with a button to book on that day.
 */
export function WeekView({ weekStart, bookings, showRoom, compact, onSlot, onBooking }: Props) {
  const { t } = useTranslation();
  const fmt = useDayFormat();
  const days = Array.from({ length: 7 }, (_, i) => addLocalDays(weekStart, i));
  const todayKey = dayKey(new Date());
  if (compact) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('rooms.week.title')}>
        {days.map((day) => {
          const items = bookings.filter((b) => onDay(b, day)).sort((x, y) => x.startsAt.localeCompare(y.startsAt));
          return (
            <Card key={dayKey(day)} component="li" padding="sm" data-day={dayKey(day)}>
              <Group justify="space-between" wrap="nowrap" mb={items.length ? 'xs' : 0}>
                <Text fw={600} component="h3" size="md" m={0}>
                  {fmt.long(day)}
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => onSlot(dayKey(day), 9)}
                  aria-label={t('rooms.week.bookOn', { day: fmt.long(day) })}
                >
                  {t('rooms.week.book')}
                </Button>
              </Group>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('rooms.week.free')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {items.map((b) => (
                    <UnstyledButton key={b.id} onClick={() => onBooking(b)} className="room-booking-row">
                      <Text size="sm" className="tabular" fw={600}>
                        {fmt.time(b.startsAt)} – {fmt.time(b.endsAt)}
                      </Text>
                      <Text size="sm" dir="auto">
                        {b.title}
                      </Text>
                      {showRoom && (
                        <Text size="xs" c="dimmed" dir="auto">
                          {b.roomName}
                        </Text>
                      )}
                    </UnstyledButton>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </Stack>
    );
  }

  const gridHeight = HOURS.length * HOUR_PX;
  return (
    <Box className="room-week" role="group" aria-label={t('rooms.week.title')}>
      <Box className="room-week-head" aria-hidden />
      {days.map((day) => (
        <Text
          key={dayKey(day)}
          className="room-week-head"
          fw={600}
          size="sm"
          ta="center"
          data-today={dayKey(day) === todayKey || undefined}
        >
          {fmt.short(day)}
        </Text>
      ))}
      <Box className="room-week-hours" style={{ height: gridHeight }} aria-hidden>
        {HOURS.map((h) => (
          <Text key={h} size="xs" c="dimmed" className="tabular" style={{ height: HOUR_PX }}>
            {hourLabel(h)}
          </Text>
        ))}
      </Box>
      {days.map((day) => {
        const key = dayKey(day);
        const items = bookings.flatMap((b) => {
          const part = onDay(b, day);
          if (!part) return [];
          const from = Math.max(part.from, FIRST_HOUR * 60);
          const to = Math.min(part.to, LAST_HOUR * 60);
          // Outside the shown hours: pinned to the edge with a minimum height, so it is never hidden.
          return [
            {
              b,
              from: Math.min(from, LAST_HOUR * 60 - 20),
              to: Math.max(to, Math.min(from, LAST_HOUR * 60 - 20) + 20),
            },
          ];
        });
        const { placed, count } = lanes(items);
        return (
          <Box key={key} className="room-week-day" style={{ height: gridHeight }} data-day={key}>
            {HOURS.map((h) => (
              <UnstyledButton
                key={h}
                className="room-week-slot"
                style={{ height: HOUR_PX }}
                onClick={() => onSlot(key, h)}
                aria-label={t('rooms.week.bookSlot', { day: fmt.long(day), time: hourLabel(h) })}
              />
            ))}
            {placed.map(({ b, from, to, lane }) => (
              <UnstyledButton
                key={`${b.id}-${key}`}
                className="room-week-block"
                onClick={() => onBooking(b)}
                style={{
                  top: ((from - FIRST_HOUR * 60) / 60) * HOUR_PX,
                  height: Math.max(((to - from) / 60) * HOUR_PX - 2, MIN_TARGET_PX),
                  // A strip at the end of every hour stays free, so the hour under a booking can still be booked
                  // and keeps a 24 px target (WCAG 2.5.8).
                  insetInlineStart: `calc((100% - ${FREE_STRIP_PX}px) * ${lane / count})`,
                  width: `calc((100% - ${FREE_STRIP_PX}px) / ${count} - 4px)`,
                }}
              >
                <Text size="xs" fw={700} lineClamp={2} dir="auto">
                  {b.title}
                </Text>
                <Text size="xs" className="tabular">
                  {timeKey(new Date(b.startsAt))}–{timeKey(new Date(b.endsAt))}
                </Text>
                {showRoom && (
                  <Text size="xs" lineClamp={1} dir="auto">
                    {b.roomName}
                  </Text>
                )}
              </UnstyledButton>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
