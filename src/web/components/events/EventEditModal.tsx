import { NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../shared/events.js';
import { api } from '../../api/client';
import { eventKeys } from '../../api/eventQueries';
import { useApiMutation } from '../../api/queries';
import { roomKeys, useRooms } from '../../api/roomQueries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';
import { localizeConflict } from '../rooms/conflict';
import { minutesBetween, officeInstant, officeParts } from './eventTime';

type Values = {
  scope: 'this' | 'following';
  title: string;
  date: string;
  from: string;
  to: string;
  roomId: string | null;
  place: string;
  onlineLink: string;
  agenda: string;
  capacity: number | string;
};

const SERVER_FIELDS = { startsAt: 'from', endsAt: 'to', startTime: 'from', durationMinutes: 'to' };

/**
 * Change one occurrence ("this one": it may move to another day) or it and all later ones of its series ("this and
 * following": title, room, place, times of day; the later occurrences are invited afresh). Only changed fields are
 * sent, so an unchanged room is not booked again.
 */
export function EventEditModal({
  event,
  onClose,
  onSaved,
}: {
  event: EventDetail;
  onClose: () => void;
  /** "This and following" replaces the occurrence: the page follows the id the server returns. */
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const rooms = useRooms();
  const start = officeParts(event.startsAt, event.timeZone);
  const end = officeParts(event.endsAt, event.timeZone);
  const initial: Values = {
    scope: 'this',
    title: event.title,
    date: start.date,
    from: start.time,
    to: end.time,
    roomId: event.roomId,
    place: event.place ?? '',
    onlineLink: event.onlineLink ?? '',
    agenda: event.agenda ?? '',
    capacity: event.capacity ?? '',
  };
  const form = useForm<Values>({
    initialValues: initial,
    enhanceGetInputProps: withFieldIds('event-edit'),
    validate: {
      title: (v) => (v.trim() ? null : t('events.form.titleRequired')),
      date: (v) => (v ? null : t('events.form.dateRequired')),
      to: (v, all) => (v > all.from ? null : t('validation.endBeforeStart')),
      onlineLink: (v) => (!v.trim() || v.trim().startsWith('https://') ? null : t('validation.httpsOnly')),
    },
  });
  const errors = useErrorSummary(form, 'event-edit');
  const save = useApiMutation(
    (body: Record<string, unknown>) => api.patch<EventDetail>(`/events/${event.id}`, body),
    [eventKeys.all, roomKeys.all],
  );
  const changes = (v: Values) => {
    const body: Record<string, unknown> = {};
    const text = (key: 'title' | 'place' | 'onlineLink' | 'agenda', empty: null | undefined) => {
      if (v[key].trim() !== initial[key].trim()) body[key] = v[key].trim() || empty;
    };
    text('title', undefined);
    text('place', null);
    text('onlineLink', null);
    text('agenda', null);
    if ((v.roomId || null) !== (initial.roomId || null)) body.roomId = v.roomId || null;
    if (String(v.capacity) !== String(initial.capacity)) body.capacity = v.capacity === '' ? null : Number(v.capacity);
    const timesChanged = v.from !== initial.from || v.to !== initial.to;
    if (v.scope === 'this' && (timesChanged || v.date !== initial.date)) {
      body.startsAt = officeInstant(v.date, v.from, event.timeZone);
      body.endsAt = officeInstant(v.date, v.to, event.timeZone);
    }
    if (v.scope === 'following' && v.from !== initial.from) body.startTime = v.from;
    if (v.scope === 'following' && timesChanged) body.durationMinutes = minutesBetween(v.from, v.to);
    return body;
  };
  const following = form.values.scope === 'following';
  return (
    <FormModal
      opened
      onClose={onClose}
      size="lg"
      title={t('events.edit.title')}
      onSubmit={form.onSubmit(async (v) => {
        errors.clear();
        const body = changes(v);
        if (Object.keys(body).length === 0) {
          onClose();
          return;
        }
        try {
          const saved = await save.mutateAsync({ scope: v.scope, ...body });
          notifySuccess(following ? t('events.edit.savedFollowing') : t('events.edit.saved'));
          onSaved(saved.id);
        } catch (error) {
          errors.onServerError(localizeConflict(error, t), SERVER_FIELDS);
        }
      }, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      {event.seriesId && (
        <Radio.Group label={t('events.edit.scope')} {...form.getInputProps('scope')}>
          <Stack gap="xs" mt={6}>
            <Radio value="this" label={t('events.edit.scopeThis')} />
            <Radio
              value="following"
              label={t('events.edit.scopeFollowing')}
              description={t('events.edit.scopeFollowingHint')}
            />
          </Stack>
        </Radio.Group>
      )}
      <TextInput label={t('events.field.title')} required maxLength={200} {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {!following && (
          <TextInput type="date" label={t('events.field.date')} required {...form.getInputProps('date')} />
        )}
        <TextInput type="time" label={t('events.field.from')} required {...form.getInputProps('from')} />
        <TextInput type="time" label={t('events.field.to')} required {...form.getInputProps('to')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('events.form.timeZoneHint', { timeZone: event.timeZone })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('events.field.room')}
          clearable
          data={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('roomId')}
        />
        <TextInput label={t('events.field.place')} maxLength={300} {...form.getInputProps('place')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="url"
          label={t('events.field.onlineLink')}
          maxLength={500}
          dir="ltr"
          {...form.getInputProps('onlineLink')}
        />
        <NumberInput
          label={t('events.field.capacity')}
          min={1}
          max={10000}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
      </SimpleGrid>
      <Textarea
        label={t('events.field.agenda')}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('agenda')}
      />
    </FormModal>
  );
}
