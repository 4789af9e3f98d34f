import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Room, RoomBooking } from '../../../shared/rooms.js';
import { api } from '../../api/client';
import { useAssignmentList } from '../../api/coordinationQueries';
import { useApiMutation } from '../../api/queries';
import { roomKeys } from '../../api/roomQueries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';
import { localizeConflict } from './conflict';

type Values = {
  roomId: string | null;
  title: string;
  date: string;
  from: string;
  to: string;
  purpose: 'other' | 'assignment';
  assignmentId: string | null;
};

export type Slot = { roomId?: string; date: string; from: string; to: string };

/** Times in the browser's time zone, sent as instants. */
const instant = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/**
 * Book a room for a time: a conversation of a deployment in a quiet room, or anything else. Events and course
 * sessions book their rooms from their own pages. A refused double booking names the booking in the way.
 */
export function BookingModal({ rooms, slot, onClose }: { rooms: Room[]; slot: Slot; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: {
      roomId: slot.roomId ?? (rooms.length === 1 ? rooms[0].id : null),
      title: '',
      date: slot.date,
      from: slot.from,
      to: slot.to,
      purpose: 'other',
      assignmentId: null,
    },
    enhanceGetInputProps: withFieldIds('booking'),
    validate: {
      roomId: (v) => (v ? null : t('rooms.booking.roomRequired')),
      title: (v) => (v.trim() ? null : t('rooms.booking.titleRequired')),
      date: (v) => (v ? null : t('rooms.booking.dateRequired')),
      to: (v, all) => (v > all.from ? null : t('validation.endBeforeStart')),
      assignmentId: (v, all) => (all.purpose !== 'assignment' || v ? null : t('rooms.booking.assignmentRequired')),
    },
  });
  const assignments = useAssignmentList({ status: 'active', limit: 200 }, form.values.purpose === 'assignment');
  const errors = useErrorSummary(form, 'booking');
  const save = useApiMutation(
    (v: Values) =>
      api.post<RoomBooking>('/room-bookings', {
        roomId: v.roomId,
        title: v.title.trim(),
        startsAt: instant(v.date, v.from),
        endsAt: instant(v.date, v.to),
        purpose: v.purpose,
        assignmentId: v.purpose === 'assignment' ? v.assignmentId : null,
      }),
    [roomKeys.all],
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('rooms.booking.title')}
      submitLabel={t('rooms.booking.submit')}
      onSubmit={form.onSubmit(async (v) => {
        errors.clear();
        try {
          await save.mutateAsync(v);
          notifySuccess(t('rooms.booking.saved'));
          onClose();
        } catch (error) {
          // The server's field "startsAt" is the "from" field here.
          errors.onServerError(localizeConflict(error, t), { startsAt: 'from', endsAt: 'to' });
        }
      }, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <Select
        label={t('rooms.booking.room')}
        required
        data={rooms.map((r) => ({ value: r.id, label: r.name }))}
        {...form.getInputProps('roomId')}
      />
      <TextInput
        label={t('rooms.booking.name')}
        description={t('rooms.booking.nameHint')}
        required
        maxLength={200}
        data-autofocus
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t('rooms.booking.date')} required {...form.getInputProps('date')} />
        <TextInput type="time" label={t('rooms.booking.from')} required {...form.getInputProps('from')} />
        <TextInput type="time" label={t('rooms.booking.to')} required {...form.getInputProps('to')} />
      </SimpleGrid>
      <Select
        label={t('rooms.booking.purpose')}
        allowDeselect={false}
        data={(['other', 'assignment'] as const).map((p) => ({ value: p, label: t(`rooms.purpose.${p}`) }))}
        {...form.getInputProps('purpose')}
      />
      {form.values.purpose === 'assignment' && (
        <Select
          label={t('rooms.booking.assignment')}
          required
          searchable
          data={(assignments.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.requestTitle} · ${a.guideName}`,
          }))}
          {...form.getInputProps('assignmentId')}
        />
      )}
    </FormModal>
  );
}
