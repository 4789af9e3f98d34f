import { ActionIcon, Anchor, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Room, RoomBooking } from '../../shared/rooms.js';
import { api } from '../api/client';
import { useApiMutation } from '../api/queries';
import { roomKeys, useRoomBookings, useRooms } from '../api/roomQueries';
import { AppModal } from '../components/AppModal';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatMoment } from '../components/coordination/format';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { BookingModal, type Slot } from '../components/rooms/BookingModal';
import { RoomModal } from '../components/rooms/RoomModal';
import { WeekView } from '../components/rooms/WeekView';
import { addLocalDays, dayKey, hourLabel, weekFrom } from '../components/rooms/week';
import { EmptyState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';
import { intlLocale } from '../i18n';

const KEYS = ['week', 'room'] as const;

function RoomFacts({ room }: { room: Room }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {room.stepFree && (
        <Badge variant="light" color="teal" size="sm">
          {t('rooms.stepFree')}
        </Badge>
      )}
      {room.partnerName && (
        <Badge variant="light" color="gray" size="sm" style={{ textTransform: 'none' }}>
          <span dir="auto">{room.partnerName}</span>
        </Badge>
      )}
      {room.archived && (
        <Badge variant="light" color="orange" size="sm">
          {t('rooms.archived')}
        </Badge>
      )}
    </Group>
  );
}

function RoomList({ rooms, onEdit }: { rooms: Room[]; onEdit: (room: Room) => void }) {
  const { t } = useTranslation();
  const equipment = (r: Room) => r.equipment.map((e) => t(`rooms.equipment.${e}`)).join(', ') || '–';
  const seats = (r: Room) => (r.capacity ? t('rooms.seats', { count: r.capacity }) : '–');
  const edit = (r: Room) => (
    <ActionIcon variant="subtle" onClick={() => onEdit(r)} aria-label={t('rooms.editNamed', { name: r.name })}>
      <IconPencil size={18} aria-hidden />
    </ActionIcon>
  );
  const columns: Column<Room>[] = [
    {
      key: 'name',
      header: t('rooms.col.name'),
      cell: (r) => (
        <Stack gap={2}>
          <Text fw={600} size="sm" dir="auto">
            {r.name}
          </Text>
          <RoomFacts room={r} />
        </Stack>
      ),
    },
    { key: 'location', header: t('rooms.col.location'), cell: (r) => <span dir="auto">{r.location ?? '–'}</span> },
    { key: 'capacity', header: t('rooms.col.capacity'), cell: seats, numeric: true },
    { key: 'equipment', header: t('rooms.col.equipment'), cell: equipment },
    { key: 'actions', header: t('rooms.col.actions'), cell: edit },
  ];
  return (
    <DataTable
      items={rooms}
      rowKey={(r) => r.id}
      columns={columns}
      label={t('rooms.listLabel')}
      minWidth={720}
      card={(r) => (
        <>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={600} dir="auto">
              {r.name}
            </Text>
            {edit(r)}
          </Group>
          <RoomFacts room={r} />
          <Text size="sm" mt={4} dir="auto">
            {[r.location, r.capacity ? seats(r) : null].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm" c="dimmed">
            {equipment(r)}
          </Text>
        </>
      )}
    />
  );
}

/** A booking's details, with the way to cancel it. */
function BookingDetails({ booking, onClose }: { booking: RoomBooking; onClose: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const cancel = useApiMutation(() => api.post(`/room-bookings/${booking.id}/cancel`, {}), [roomKeys.all]);
  if (confirming)
    return (
      <ConfirmDialog
        opened
        title={t('rooms.booking.cancelTitle')}
        text={t('rooms.booking.cancelText', { title: booking.title })}
        confirmLabel={t('rooms.booking.cancel')}
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await cancel.mutateAsync(undefined);
          notifySuccess(t('rooms.booking.cancelled'));
          onClose();
        }}
      />
    );
  return (
    <AppModal opened onClose={onClose} title={booking.title}>
      <Stack gap="xs">
        <Text size="sm">
          <strong>{t('rooms.booking.room')}:</strong> <span dir="auto">{booking.roomName}</span>
        </Text>
        <Text size="sm" className="tabular">
          <strong>{t('rooms.booking.when')}:</strong> {formatMoment(booking.startsAt, { weekday: true })} –{' '}
          {formatMoment(booking.endsAt, { weekday: true })}
        </Text>
        <Text size="sm">
          <strong>{t('rooms.booking.purpose')}:</strong> {t(`rooms.purpose.${booking.purpose}`)}
        </Text>
        {booking.courseId && (
          <Anchor component={Link} to={`/courses/${booking.courseId}`} size="sm">
            {t('rooms.booking.toCourse')}
          </Anchor>
        )}
        {booking.assignmentId && (
          <Anchor component={Link} to={`/assignments/${booking.assignmentId}`} size="sm">
            {t('rooms.booking.toAssignment')}
          </Anchor>
        )}
        {booking.bookedByName && (
          <Text size="sm" c="dimmed">
            {t('rooms.booking.bookedBy', { name: booking.bookedByName })}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {booking.purpose === 'other' || booking.purpose === 'assignment' ? (
            <Button color="red" onClick={() => setConfirming(true)}>
              {t('rooms.booking.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </AppModal>
  );
}

/** The office's rooms and partners' rooms, and a week of their bookings (per room or all rooms). */
export function RoomsPage() {
  const { t, i18n } = useTranslation();
  const { values, update } = useSearchState(KEYS);
  const compact = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false }) ?? false;
  const weekStart = useMemo(() => weekFrom(values.week), [values.week]);
  const range = useMemo(
    () => ({ from: weekStart.toISOString(), to: addLocalDays(weekStart, 7).toISOString() }),
    [weekStart],
  );
  const rooms = useRooms(true);
  const active = (rooms.data?.items ?? []).filter((r) => !r.archived);
  const roomId = active.some((r) => r.id === values.room) ? values.room : '';
  const bookings = useRoomBookings({ ...range, ...(roomId ? { roomId } : {}) });
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [shown, setShown] = useState<RoomBooking | null>(null);
  const [showArchived, setShowArchived] = useState(false);

  const weekLabel = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const go = (days: number) => update({ week: dayKey(addLocalDays(weekStart, days)) });
  const bookAt = (date: string, hour: number) =>
    setSlot({ roomId: roomId || undefined, date, from: hourLabel(hour), to: hourLabel(Math.min(hour + 1, 23)) });

  return (
    <>
      <PageHeader
        title={t('rooms.title')}
        subtitle={t('rooms.intro')}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('rooms.add')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={active.length === 0}
              onClick={() => bookAt(dayKey(new Date() > weekStart ? new Date() : weekStart), 9)}
            >
              {t('rooms.week.book')}
            </Button>
          </Group>
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="room-week-title">
          <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
            <Title order={2} size="h3" id="room-week-title">
              {t('rooms.week.title')}
            </Title>
            <Select
              label={t('rooms.week.roomFilter')}
              w={{ base: '100%', xs: 260 }}
              allowDeselect={false}
              value={roomId || 'all'}
              onChange={(v) => update({ room: v === 'all' ? null : v })}
              data={[
                { value: 'all', label: t('rooms.week.allRooms') },
                ...active.map((r) => ({ value: r.id, label: r.name })),
              ]}
            />
          </Group>
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => go(-7)} aria-label={t('rooms.week.previous')}>
              <IconChevronLeft size={18} aria-hidden className="flip-rtl" />
            </ActionIcon>
            <Stack gap={0} align="center">
              <Text fw={600} className="tabular" aria-live="polite">
                {weekLabel.format(weekStart)} – {weekLabel.format(addLocalDays(weekStart, 6))}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => update({ week: null })}>
                {t('rooms.week.thisWeek')}
              </Anchor>
            </Stack>
            <ActionIcon variant="default" size="lg" onClick={() => go(7)} aria-label={t('rooms.week.next')}>
              <IconChevronRight size={18} aria-hidden className="flip-rtl" />
            </ActionIcon>
          </Group>
          <QueryView query={bookings} loadingRows={6}>
            {(data) => (
              <WeekView
                weekStart={weekStart}
                bookings={data.items}
                showRoom={!roomId}
                compact={compact}
                onSlot={(date, hour) => (active.length ? bookAt(date, hour) : setEditing('new'))}
                onBooking={setShown}
              />
            )}
          </QueryView>
        </section>
        <section aria-labelledby="room-list-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="room-list-title">
              {t('rooms.listTitle')}
            </Title>
            <Anchor component="button" type="button" size="sm" onClick={() => setShowArchived((v) => !v)}>
              {showArchived ? t('rooms.hideArchived') : t('rooms.showArchived')}
            </Anchor>
          </Group>
          <QueryView
            query={rooms}
            loadingRows={3}
            isEmpty={(d) => d.items.length === 0}
            empty={<EmptyState title={t('rooms.empty')} text={t('rooms.emptyText')} />}
          >
            {(d) => (
              <RoomList rooms={d.items.filter((r) => showArchived || !r.archived)} onEdit={(r) => setEditing(r)} />
            )}
          </QueryView>
        </section>
      </Stack>
      {editing && <RoomModal room={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {slot && <BookingModal rooms={active} slot={slot} onClose={() => setSlot(null)} />}
      {shown && <BookingDetails booking={shown} onClose={() => setShown(null)} />}
    </>
  );
}
