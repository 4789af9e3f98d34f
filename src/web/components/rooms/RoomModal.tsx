import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROOM_EQUIPMENT, type Room } from '../../../shared/rooms.js';
import { api } from '../../api/client';
import { useApiMutation, usePartnerList } from '../../api/queries';
import { roomKeys } from '../../api/roomQueries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

type Values = {
  name: string;
  location: string;
  capacity: number | string;
  stepFree: boolean;
  equipment: string[];
  partnerId: string | null;
  notes: string;
  archived: boolean;
};

/** Add or change a room: name, where it is, seats, step-free access, equipment, and whose room it is. */
export function RoomModal({ room, onClose }: { room?: Room; onClose: () => void }) {
  const { t } = useTranslation();
  const partners = usePartnerList({ limit: 200 });
  const form = useForm<Values>({
    initialValues: {
      name: room?.name ?? '',
      location: room?.location ?? '',
      capacity: room?.capacity ?? '',
      stepFree: room?.stepFree ?? false,
      equipment: room?.equipment ?? [],
      partnerId: room?.partnerId ?? null,
      notes: room?.notes ?? '',
      archived: room?.archived ?? false,
    },
    enhanceGetInputProps: withFieldIds('room'),
    validate: { name: (v) => (v.trim() ? null : t('rooms.form.nameRequired')) },
  });
  const errors = useErrorSummary(form, 'room');
  const save = useApiMutation(
    (v: Values) => {
      const body = {
        name: v.name.trim(),
        location: v.location.trim() || null,
        capacity: v.capacity === '' ? null : Number(v.capacity),
        stepFree: v.stepFree,
        equipment: v.equipment,
        partnerId: v.partnerId || null,
        notes: v.notes.trim() || null,
      };
      return room ? api.patch(`/rooms/${room.id}`, { ...body, archived: v.archived }) : api.post('/rooms', body);
    },
    [roomKeys.all],
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={room ? t('rooms.edit') : t('rooms.add')}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('rooms.saved'));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('rooms.field.name')}
        required
        maxLength={120}
        data-autofocus
        {...form.getInputProps('name')}
      />
      <TextInput label={t('rooms.field.location')} maxLength={300} {...form.getInputProps('location')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('rooms.field.capacity')}
          min={1}
          max={10000}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <Select
          label={t('rooms.field.partner')}
          description={t('rooms.field.partnerHint')}
          clearable
          searchable
          data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          {...form.getInputProps('partnerId')}
        />
      </SimpleGrid>
      <Checkbox label={t('rooms.field.stepFree')} {...form.getInputProps('stepFree', { type: 'checkbox' })} />
      <MultiSelect
        label={t('rooms.field.equipment')}
        data={ROOM_EQUIPMENT.map((e) => ({ value: e, label: t(`rooms.equipment.${e}`) }))}
        clearable
        {...form.getInputProps('equipment')}
      />
      {room && (
        <Checkbox
          label={t('rooms.field.archived')}
          description={t('rooms.field.archivedHint')}
          {...form.getInputProps('archived', { type: 'checkbox' })}
        />
      )}
      <Textarea label={t('rooms.field.notes')} maxLength={2000} autosize minRows={2} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
