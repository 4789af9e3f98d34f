import { MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_TYPES, type Course } from '../../../shared/courses.js';
import { api } from '../../api/client';
import { useOfficeSettings } from '../../api/coordinationQueries';
import { courseKeys } from '../../api/courseQueries';
import { useApiMutation, useSpecializations, useUsers } from '../../api/queries';
import { useErrorSummary, withFieldIds } from '../ErrorSummary';
import { FormModal } from '../FormModal';
import { notifySuccess } from '../notify';

type Values = {
  title: string;
  type: Course['type'];
  description: string;
  teachingUnits: number | string;
  capacity: number | string;
  fee: number | string;
  completionMinAttendancePercent: number | string;
  grantsSpecialisation: string | null;
  trainerIds: string[];
};

/** Create or change a course: title, type, UE, capacity, fee, completion rule, specialisation, trainers. */
export function CourseModal({ course, onClose }: { course?: Course; onClose: () => void }) {
  const { t } = useTranslation();
  const specs = useSpecializations();
  const users = useUsers();
  const form = useForm<Values>({
    initialValues: {
      title: course?.title ?? '',
      type: course?.type ?? 'basic',
      description: course?.description ?? '',
      teachingUnits: course?.teachingUnits ?? 48,
      capacity: course?.capacity ?? 16,
      fee: course?.feeCents != null ? course.feeCents / 100 : '',
      // A new course starts from the office's default rule (settings); left empty, the server applies it.
      completionMinAttendancePercent: course?.completionMinAttendancePercent ?? '',
      grantsSpecialisation: course?.grantsSpecialisation ?? null,
      trainerIds: course?.trainers.map((tr) => tr.id) ?? [],
    },
    enhanceGetInputProps: withFieldIds('course'),
    validate: {
      title: (v) => (v.trim() ? null : t('courses.form.titleRequired')),
      teachingUnits: (v) => (Number(v) >= 1 ? null : t('courses.form.unitsRequired')),
      capacity: (v) => (Number(v) >= 1 ? null : t('courses.form.capacityRequired')),
    },
  });
  const settings = useOfficeSettings(!course);
  const officeDefault = settings.data?.courses.completionMinAttendancePercent;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the office's default arrives
  useEffect(() => {
    if (officeDefault !== undefined && form.getValues().completionMinAttendancePercent === '')
      form.setFieldValue('completionMinAttendancePercent', officeDefault);
  }, [officeDefault]);
  const errors = useErrorSummary(form, 'course');
  const save = useApiMutation(
    (v: Values) => {
      const body = {
        title: v.title.trim(),
        type: v.type,
        description: v.description.trim() || null,
        teachingUnits: Number(v.teachingUnits),
        capacity: Number(v.capacity),
        feeCents: v.fee === '' ? null : Math.round(Number(v.fee) * 100),
        completionMinAttendancePercent:
          v.completionMinAttendancePercent === '' ? undefined : Number(v.completionMinAttendancePercent),
        grantsSpecialisation: v.type === 'specialisation' ? v.grantsSpecialisation : null,
        trainerIds: v.trainerIds,
      };
      return course ? api.patch(`/courses/${course.id}`, body) : api.post('/courses', { ...body, status: 'open' });
    },
    [courseKeys.all],
  );
  const trainers = (users.data?.items ?? [])
    .filter((u) => u.role === 'trainer' || u.role === 'coordinator')
    .map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <FormModal
      opened
      onClose={onClose}
      size="lg"
      title={course ? t('courses.edit') : t('courses.create')}
      onSubmit={form.onSubmit(
        (v) =>
          errors.run(async () => {
            await save.mutateAsync(v);
            notifySuccess(t('courses.saved'));
            onClose();
          }),
        errors.onInvalid,
      )}
      busy={save.isPending}
      summary={errors.summary}
    >
      <TextInput
        label={t('courses.field.title')}
        required
        maxLength={200}
        data-autofocus
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('courses.field.type')}
          required
          allowDeselect={false}
          data={COURSE_TYPES.map((type) => ({ value: type, label: t(`courses.type.${type}`) }))}
          {...form.getInputProps('type')}
        />
        {form.values.type === 'specialisation' && (
          <Select
            label={t('courses.field.grantsSpecialisation')}
            clearable
            data={(specs.data?.items ?? []).map((s) => ({ value: s.key, label: s.name }))}
            {...form.getInputProps('grantsSpecialisation')}
          />
        )}
        <NumberInput
          label={t('courses.field.teachingUnits')}
          description={t('courses.field.teachingUnitsHint')}
          required
          min={1}
          max={500}
          allowDecimal={false}
          {...form.getInputProps('teachingUnits')}
        />
        <NumberInput
          label={t('courses.field.capacity')}
          required
          min={1}
          max={500}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <NumberInput
          label={t('courses.field.fee')}
          min={0}
          max={100000}
          decimalScale={2}
          {...form.getInputProps('fee')}
        />
        <NumberInput
          label={t('courses.field.completion')}
          description={t('courses.field.completionHint')}
          min={1}
          max={100}
          suffix=" %"
          allowDecimal={false}
          {...form.getInputProps('completionMinAttendancePercent')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('courses.field.trainers')}
        data={trainers}
        searchable
        clearable
        maxValues={10}
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('trainerIds')}
      />
      <Textarea
        label={t('courses.field.description')}
        autosize
        minRows={2}
        maxLength={4000}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
