import {
  Anchor,
  MultiSelect,
  NumberInput,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  buildRule,
  NTH_CHOICES,
  nthWeekdayOf,
  type Repeat,
  type SeriesEnd,
  WEEKDAYS,
  type Weekday,
  weekdayOf,
} from '../../../domain/events/ruleForm.js';
import { EVENT_AUDIENCES, EVENT_TYPES, type EventAudience, type EventType } from '../../../shared/eventEnums.js';
import type { EventDetail } from '../../../shared/events.js';
import { api } from '../../api/client';
import { useOfficeSettings } from '../../api/coordinationQueries';
import { eventKeys, useEventGroups } from '../../api/eventQueries';
import { useApiMutation, useGuideList } from '../../api/queries';
import { roomKeys, useRooms } from '../../api/roomQueries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';
import { localizeConflict } from '../rooms/conflict';
import { browserTimeZone, describeRule, minutesBetween, officeInstant, weekdayName } from './eventTime';

type Values = {
  type: EventType;
  title: string;
  date: string;
  from: string;
  to: string;
  repeat: Repeat;
  interval: string;
  nth: string;
  weekday: Weekday;
  end: SeriesEnd;
  count: number | string;
  until: string;
  roomId: string | null;
  place: string;
  onlineLink: string;
  agenda: string;
  audience: EventAudience;
  groupId: string | null;
  invitedGuideIds: string[];
  capacity: number | string;
};

/** Server paths of the contract → the fields of this form, so its refusals land on the right input. */
const SERVER_FIELDS = {
  startsAt: 'from',
  endsAt: 'to',
  'recurrence.rrule': 'repeat',
  'recurrence.startDate': 'date',
  'recurrence.startTime': 'from',
  'recurrence.durationMinutes': 'to',
};

const ruleOf = (v: Values) =>
  buildRule({
    repeat: v.repeat === 'weekly' ? 'weekly' : 'monthly_nth',
    interval: Number(v.interval),
    nth: Number(v.nth) as (typeof NTH_CHOICES)[number],
    weekday: v.weekday,
    end: v.end,
    count: Number(v.count),
    until: v.until,
  });

/**
 * A new event or series (issue 12 §1): type, title, the office's date and time, a series rule (weekly, or monthly
 * on the n-th weekday, such as the Plenum on the first Tuesday), a room of the office (booked at once, a double
 * booking names the booking in the way) or a place, the audience and a capacity. Creating invites at once.
 */
export function EventFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const timeZone = settings.data?.timeZone ?? browserTimeZone();
  const rooms = useRooms();
  const groups = useEventGroups();
  const guides = useGuideList({ limit: 200, sort: 'lastName', status: 'active' });
  const form = useForm<Values>({
    initialValues: {
      type: 'plenum',
      title: '',
      date: '',
      from: '18:00',
      to: '20:00',
      repeat: 'none',
      interval: '1',
      nth: '1',
      weekday: 'TU',
      end: 'count',
      count: 6,
      until: '',
      roomId: null,
      place: '',
      onlineLink: '',
      agenda: '',
      audience: 'all_guides',
      groupId: null,
      invitedGuideIds: [],
      capacity: '',
    },
    enhanceGetInputProps: withFieldIds('event'),
    validate: {
      title: (v) => (v.trim() ? null : t('events.form.titleRequired')),
      date: (v) => (v ? null : t('events.form.dateRequired')),
      to: (v, all) => (v > all.from ? null : t('validation.endBeforeStart')),
      count: (v, all) =>
        all.repeat === 'none' || all.end !== 'count' || (Number(v) >= 1 && Number(v) <= 200)
          ? null
          : t('events.form.countRange'),
      until: (v, all) =>
        all.repeat === 'none' || all.end !== 'until' || (v && v >= all.date) ? null : t('events.form.untilAfterStart'),
      onlineLink: (v) => (!v.trim() || v.trim().startsWith('https://') ? null : t('validation.httpsOnly')),
      groupId: (v, all) => (all.audience !== 'group' || v ? null : t('events.form.groupRequired')),
      invitedGuideIds: (v, all) => (all.audience !== 'invited' || v.length ? null : t('events.form.guidesRequired')),
    },
  });
  const errors = useErrorSummary(form, 'event');
  const save = useApiMutation(
    (v: Values) => {
      const when =
        v.repeat === 'none'
          ? { startsAt: officeInstant(v.date, v.from, timeZone), endsAt: officeInstant(v.date, v.to, timeZone) }
          : {
              recurrence: {
                rrule: ruleOf(v),
                startDate: v.date,
                startTime: v.from,
                durationMinutes: minutesBetween(v.from, v.to),
              },
            };
      return api.post<EventDetail>('/events', {
        type: v.type,
        title: v.title.trim(),
        ...when,
        roomId: v.roomId || null,
        place: v.place.trim() || null,
        onlineLink: v.onlineLink.trim() || null,
        agenda: v.agenda.trim() || null,
        audience: v.audience,
        ...(v.audience === 'group' ? { groupId: v.groupId } : {}),
        ...(v.audience === 'invited' ? { invitedGuideIds: v.invitedGuideIds } : {}),
        capacity: v.capacity === '' ? null : Number(v.capacity),
      });
    },
    [eventKeys.all, roomKeys.all],
  );
  // A new start date suggests its own weekday (and, monthly, which one of the month it is): the Plenum on the 1st
  // of December 2026 becomes "first Tuesday" without further clicks.
  const setDate = (date: string) => {
    form.setFieldValue('date', date);
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      const { nth, weekday } = nthWeekdayOf(date);
      form.setFieldValue('weekday', form.values.repeat === 'weekly' ? weekdayOf(date) : weekday);
      form.setFieldValue('nth', String(nth));
    }
  };
  const v = form.values;
  const series = v.repeat !== 'none';
  const preview = series && v.date && (v.end !== 'until' || v.until) ? describeRule(ruleOf(v), t) : null;
  return (
    <FormModal
      opened
      onClose={onClose}
      size="lg"
      title={t('events.form.createTitle')}
      submitLabel={series ? t('events.form.createSeries') : t('events.form.create')}
      onSubmit={form.onSubmit(async (values) => {
        errors.clear();
        try {
          const created = await save.mutateAsync(values);
          notifySuccess(t('events.form.created'));
          onCreated(created.id);
        } catch (error) {
          errors.onServerError(localizeConflict(error, t), SERVER_FIELDS);
        }
      }, errors.onInvalid)}
      busy={save.isPending}
      summary={errors.summary}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('events.field.type')}
          required
          allowDeselect={false}
          data={EVENT_TYPES.map((type) => ({ value: type, label: t(`events.type.${type}`) }))}
          {...form.getInputProps('type')}
        />
        <TextInput
          label={t('events.field.title')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('title')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={series ? t('events.field.firstDate') : t('events.field.date')}
          required
          {...form.getInputProps('date')}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput type="time" label={t('events.field.from')} required {...form.getInputProps('from')} />
        <TextInput type="time" label={t('events.field.to')} required {...form.getInputProps('to')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('events.form.timeZoneHint', { timeZone })}
      </Text>
      <Stack gap="sm">
        <Select
          label={t('events.field.repeat')}
          allowDeselect={false}
          data={(['none', 'weekly', 'monthly_nth'] as const).map((r) => ({
            value: r,
            label: t(`events.repeat.${r}`),
          }))}
          {...form.getInputProps('repeat')}
          onChange={(value) => {
            form.setFieldValue('repeat', (value ?? 'none') as Repeat);
            if (value === 'weekly' && v.date) form.setFieldValue('weekday', weekdayOf(v.date));
            if (value === 'monthly_nth' && v.date) form.setValues(withNth(v.date));
          }}
        />
        {v.repeat === 'weekly' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('events.field.interval')}
              allowDeselect={false}
              data={[
                { value: '1', label: t('events.interval.1') },
                { value: '2', label: t('events.interval.2') },
              ]}
              {...form.getInputProps('interval')}
            />
            <WeekdaySelect label={t('events.field.weekday')} {...form.getInputProps('weekday')} />
          </SimpleGrid>
        )}
        {v.repeat === 'monthly_nth' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('events.field.nth')}
              allowDeselect={false}
              data={NTH_CHOICES.map((n) => ({ value: String(n), label: t(`events.nthOption.${n}`) }))}
              {...form.getInputProps('nth')}
            />
            <WeekdaySelect label={t('events.field.weekday')} {...form.getInputProps('weekday')} />
          </SimpleGrid>
        )}
        {series && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('events.field.end')}
              allowDeselect={false}
              data={(['count', 'until', 'open'] as const).map((e) => ({ value: e, label: t(`events.end.${e}`) }))}
              {...form.getInputProps('end')}
            />
            {v.end === 'count' && (
              <NumberInput
                label={t('events.field.count')}
                required
                min={1}
                max={200}
                allowDecimal={false}
                {...form.getInputProps('count')}
              />
            )}
            {v.end === 'until' && (
              <TextInput type="date" label={t('events.field.until')} required {...form.getInputProps('until')} />
            )}
          </SimpleGrid>
        )}
        {v.end === 'open' && series && (
          <Text size="xs" c="dimmed">
            {t('events.form.openEndHint')}
          </Text>
        )}
        {preview && (
          <Text size="sm" fw={500} role="status" data-testid="rule-preview">
            {preview}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('events.field.room')}
          description={t('events.form.roomHint')}
          clearable
          data={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('roomId')}
        />
        <TextInput
          label={t('events.field.place')}
          description={t('events.form.placeHint')}
          maxLength={300}
          {...form.getInputProps('place')}
        />
      </SimpleGrid>
      <TextInput
        type="url"
        label={t('events.field.onlineLink')}
        maxLength={500}
        dir="ltr"
        {...form.getInputProps('onlineLink')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('events.field.audience')}
          allowDeselect={false}
          data={EVENT_AUDIENCES.map((a) => ({ value: a, label: t(`events.audience.${a}`) }))}
          {...form.getInputProps('audience')}
        />
        <NumberInput
          label={t('events.field.capacity')}
          description={t('events.form.capacityHint')}
          min={1}
          max={10000}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
      </SimpleGrid>
      {v.audience === 'group' && (
        <Select
          label={t('events.field.group')}
          required
          data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
          nothingFoundMessage={t('events.form.noGroups')}
          description={
            <Anchor component={Link} to="/calendar/groups" size="xs" underline="always">
              {t('events.groups.manage')}
            </Anchor>
          }
          {...form.getInputProps('groupId')}
        />
      )}
      {v.audience === 'invited' && (
        <MultiSelect
          label={t('events.field.guides')}
          required
          searchable
          data={(guides.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.firstName} ${g.lastName}` }))}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('invitedGuideIds')}
        />
      )}
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

const withNth = (date: string) => {
  const { nth, weekday } = nthWeekdayOf(date);
  return { nth: String(nth), weekday };
};

function WeekdaySelect(props: Omit<SelectProps, 'data'>) {
  return <Select {...props} allowDeselect={false} data={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))} />;
}
