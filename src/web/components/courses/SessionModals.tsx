import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CourseSession } from '../../../shared/courses.js';
import { api } from '../../api/client';
import { courseKeys } from '../../api/courseQueries';
import { useApiMutation, useGuideList } from '../../api/queries';
import { roomKeys, useRooms } from '../../api/roomQueries';
import { useAuth } from '../../auth/AuthProvider';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';
import { localizeConflict } from '../rooms/conflict';

type Values = {
  date: string;
  from: string;
  to: string;
  room: string;
  topic: string;
  teachingUnits: number | string;
  trainerNames: string;
  /** One of the office's rooms, booked for the session (issue 12 §2). */
  roomId: string | null;
};

const pad = (n: number) => String(n).padStart(2, '0');
const localParts = (iso: string) => {
  const d = new Date(iso);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
};
const instant = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/** Add or change a session: day, times (in the browser's time zone), room, topic, UE and who teaches. */
export function SessionModal({
  courseId,
  session,
  onClose,
}: {
  courseId: string;
  session?: CourseSession;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const rooms = useRooms();
  const roomList = me?.abilities['rooms.manage'] ? (rooms.data?.items ?? []) : [];
  // The room booked before: the session's place names one of the office's rooms.
  const bookedRoomId = roomList.find((r) => session?.room && r.name === session.room)?.id ?? null;
  const start = session ? localParts(session.startsAt) : null;
  const end = session ? localParts(session.endsAt) : null;
  const form = useForm<Values>({
    initialValues: {
      date: start?.date ?? '',
      from: start?.time ?? '17:00',
      to: end?.time ?? '20:00',
      room: session?.room ?? '',
      topic: session?.topic ?? '',
      teachingUnits: session?.teachingUnits ?? 4,
      trainerNames: session?.trainerNames ?? '',
      roomId: null,
    },
    enhanceGetInputProps: withFieldIds('session'),
    validate: {
      date: (v) => (v ? null : t('courses.form.dateRequired')),
      to: (v, all) => (v > all.from ? null : t('validation.endBeforeStart')),
    },
  });
  const errors = useErrorSummary(form, 'session');
  const save = useApiMutation(
    (v: Values) => {
      const roomId = v.roomId ?? bookedRoomId;
      const body = {
        ...(v.roomId && v.roomId !== bookedRoomId ? { roomId: v.roomId } : {}),
        ...(v.roomId === '' && bookedRoomId ? { roomId: null } : {}),
        startsAt: instant(v.date, v.from),
        endsAt: instant(v.date, v.to),
        room: roomId && v.roomId !== '' ? undefined : v.room.trim() || null,
        topic: v.topic.trim() || null,
        teachingUnits: Number(v.teachingUnits),
        trainerNames: v.trainerNames.trim() || null,
      };
      return session
        ? api.patch(`/courses/${courseId}/sessions/${session.id}`, body)
        : api.post(`/courses/${courseId}/sessions`, body);
    },
    [courseKeys.all, roomKeys.all],
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={session ? t('courses.session.edit') : t('courses.session.add')}
      onSubmit={form.onSubmit(async (v) => {
        errors.clear();
        try {
          await save.mutateAsync(v);
          notifySuccess(t('courses.saved'));
          onClose();
        } catch (error) {
          // A refused room booking names the booking in the way, with its times in the user's locale.
          errors.onServerError(localizeConflict(error, t), { startsAt: 'from', endsAt: 'to' });
        }
      }, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('courses.session.date')}
          required
          data-autofocus
          {...form.getInputProps('date')}
        />
        <TextInput type="time" label={t('courses.session.from')} required {...form.getInputProps('from')} />
        <TextInput type="time" label={t('courses.session.to')} required {...form.getInputProps('to')} />
      </SimpleGrid>
      <TextInput label={t('courses.session.topic')} maxLength={300} {...form.getInputProps('topic')} />
      {roomList.length > 0 && (
        <Select
          label={t('rooms.sessionRoom')}
          description={t('rooms.sessionRoomHint')}
          clearable
          data={roomList.map((r) => ({ value: r.id, label: r.name }))}
          value={form.values.roomId === '' ? null : (form.values.roomId ?? bookedRoomId)}
          onChange={(value) => form.setFieldValue('roomId', value ?? '')}
          error={form.errors.roomId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('courses.session.room')}
          maxLength={200}
          disabled={Boolean(form.values.roomId || (form.values.roomId === null && bookedRoomId))}
          {...form.getInputProps('room')}
        />
        <NumberInput
          label={t('courses.session.units')}
          min={0}
          max={20}
          allowDecimal={false}
          {...form.getInputProps('teachingUnits')}
        />
      </SimpleGrid>
      <TextInput label={t('courses.session.trainerNames')} maxLength={300} {...form.getInputProps('trainerNames')} />
    </FormModal>
  );
}

/** Enrol a guide of the office; a full course puts them on the waiting list. */
export function EnrolModal({ courseId, onClose }: { courseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const guides = useGuideList({ limit: 200, sort: 'lastName' });
  const form = useForm<{ guideId: string | null }>({
    initialValues: { guideId: null },
    enhanceGetInputProps: withFieldIds('enrol'),
    validate: { guideId: (v) => (v ? null : t('courses.form.guideRequired')) },
  });
  const errors = useErrorSummary(form, 'enrol');
  const save = useApiMutation(
    (guideId: string) =>
      api.post<{ status: string; waitlistPosition: number | null }>(`/courses/${courseId}/enrolments`, { guideId }),
    [courseKeys.all],
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('courses.enrol')}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            const res = await save.mutateAsync(v.guideId as string);
            notifySuccess(
              res.status === 'waitlisted'
                ? t('courses.waitlisted', { position: res.waitlistPosition })
                : t('courses.enrolled'),
            );
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <Select
        label={t('courses.field.guide')}
        required
        searchable
        data-autofocus
        nothingFoundMessage={t('common.nothingFound')}
        data={(guides.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.lastName}, ${g.firstName}` }))}
        {...form.getInputProps('guideId')}
      />
    </FormModal>
  );
}
