import { Alert, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_STATUSES } from '../../../shared/assignments.js';
import { FREQUENCIES } from '../../../shared/requests.js';
import { api } from '../../api/client';
import { coordinationKeys } from '../../api/coordinationQueries';
import type { Agreement, AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { FormModal, useServerErrors } from '../FormModal';
import { notifySuccess } from '../notify';
import { RepeatRows } from '../RepeatRows';

type Step = { key: string; title: string; status: string };
type Values = {
  goal: string;
  steps: Step[];
  contactChannels: string;
  startsOn: string;
  endsOn: string;
  frequency: string;
  reviewOn: string;
  changeNote: string;
};

let stepCounter = 0;
const stepRow = (title = '', status = 'open'): Step => ({ key: `step-${++stepCounter}`, title, status });

/** Whether anyone confirmed this version: then a change makes a new version that both confirm again. */
export const isConfirmed = (g: Agreement) => Boolean(g.guideConfirmedAt || g.partnerConfirmedAt);

/** What the agreement's modals (edit, extend) are given. */
export type AgreementModalProps = {
  assignmentId: string;
  agreement: Agreement;
  opened: boolean;
  onClose: () => void;
};

/** What a change to the agreement makes stale: the deployment, its versions, the lists and the dashboard. */
export const agreementChangeKeys = (assignmentId: string) => [
  coordinationKeys.assignment(assignmentId),
  coordinationKeys.agreementVersions(assignmentId),
  coordinationKeys.assignments,
  coordinationKeys.dashboard,
];

/** Only what changed goes to the server, with the note that explains it. */
function patchOf(v: Values, g: Agreement) {
  const steps = v.steps.map((s) => ({ title: s.title.trim(), status: s.status }));
  const patch: Record<string, unknown> = {};
  if (v.goal.trim() !== g.goal) patch.goal = v.goal.trim();
  if (JSON.stringify(steps) !== JSON.stringify(g.steps.map((s) => ({ title: s.title, status: s.status }))))
    patch.steps = steps;
  if (v.contactChannels.trim() !== g.contactChannels) patch.contactChannels = v.contactChannels.trim();
  if (v.startsOn !== g.startsOn) patch.startsOn = v.startsOn;
  if (v.endsOn !== g.endsOn) patch.endsOn = v.endsOn;
  if (v.frequency !== g.frequency) patch.frequency = v.frequency;
  if (v.reviewOn !== g.reviewOn) patch.reviewOn = v.reviewOn;
  return patch;
}

/** The coordinator edits goal, steps, period, rhythm, review date and contact ways, and says what changed. */
export function EditAgreementModal({ assignmentId, agreement: g, opened, onClose }: AgreementModalProps) {
  const { t } = useTranslation();
  const [nothing, setNothing] = useState(false);
  const confirmed = isConfirmed(g);
  const form = useForm<Values>({
    initialValues: {
      goal: g.goal,
      steps: g.steps.map((s) => stepRow(s.title, s.status)),
      contactChannels: g.contactChannels,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
      frequency: g.frequency,
      reviewOn: g.reviewOn,
      changeNote: '',
    },
    validate: {
      goal: (v) => (v.trim().length >= 5 ? null : t('validation.too_small_string', { minimum: 5 })),
      steps: { title: (v) => (v.trim() ? null : t('validation.required')) },
      startsOn: (v) => (v ? null : t('validation.required')),
      endsOn: (v, all) => (!v ? t('validation.required') : v < all.startsOn ? t('validation.endBeforeStart') : null),
      reviewOn: (v, all) =>
        !v ? t('validation.required') : v < all.startsOn || v > all.endsOn ? t('validation.reviewOutsidePeriod') : null,
      changeNote: (v) => (confirmed && v.trim().length < 3 ? t('validation.too_small_string', { minimum: 3 }) : null),
    },
  });
  const save = useApiMutation(
    (body: Record<string, unknown>) => api.patch<AssignmentItem>(`/assignments/${assignmentId}/agreement`, body),
    agreementChangeKeys(assignmentId),
  );
  const errors = useServerErrors(form);
  const steps = form.getValues().steps;
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('assignments.editAgreement')}
      size="lg"
      onSubmit={form.onSubmit((v) => {
        const patch = patchOf(v, g);
        if (Object.keys(patch).length === 0) return setNothing(true);
        return errors.run(async () => {
          await save.mutateAsync({ ...patch, ...(v.changeNote.trim() ? { changeNote: v.changeNote.trim() } : {}) });
          notifySuccess(
            confirmed ? t('assignments.newVersionSaved', { version: g.version + 1 }) : t('assignments.agreementSaved'),
          );
          onClose();
        });
      })}
      busy={save.isPending}
      error={{ error: save.error, extra: errors.extra }}
      submitLabel={confirmed ? t('assignments.saveNewVersion', { version: g.version + 1 }) : undefined}
    >
      <Alert color={confirmed ? 'orange' : 'blue'} variant="light" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">
          {confirmed
            ? t('assignments.editNewVersion', { version: g.version + 1 })
            : t('assignments.editDraft', { version: g.version })}
        </Text>
      </Alert>
      {nothing && (
        <Text size="sm" c="var(--mantine-color-orange-light-color)" role="status">
          {t('validation.emptyPatch')}
        </Text>
      )}
      <Textarea
        label={t('assignments.field.goal')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('goal')}
      />
      <RepeatRows
        label={t('assignments.field.steps')}
        rows={steps}
        min={1}
        max={20}
        removeLabel={(i) => t('assignments.removeStep', { n: i + 1 })}
        onRemove={(i) => form.removeListItem('steps', i)}
        addLabel={t('assignments.addStep')}
        onAdd={() => form.insertListItem('steps', stepRow())}
        renderRow={(_, i) => (
          <>
            <TextInput
              label={t('assignments.stepN', { n: i + 1 })}
              required
              maxLength={200}
              style={{ flex: '3 1 14rem' }}
              {...form.getInputProps(`steps.${i}.title`)}
            />
            <Select
              label={t('assignments.stepStatusN', { n: i + 1 })}
              data={STEP_STATUSES.map((x) => ({ value: x, label: t(`assignments.step.${x}`) }))}
              allowDeselect={false}
              style={{ flex: '1 1 9rem' }}
              {...form.getInputProps(`steps.${i}.status`)}
            />
          </>
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('assignments.field.startsOn')} required {...form.getInputProps('startsOn')} />
        <TextInput type="date" label={t('assignments.field.endsOn')} required {...form.getInputProps('endsOn')} />
        <Select
          label={t('assignments.field.frequency')}
          required
          data={FREQUENCIES.map((f) => ({ value: f, label: t(`requests.frequency.${f}`) }))}
          allowDeselect={false}
          {...form.getInputProps('frequency')}
        />
        <TextInput type="date" label={t('assignments.field.reviewOn')} required {...form.getInputProps('reviewOn')} />
      </SimpleGrid>
      <TextInput
        label={t('assignments.field.contactChannels')}
        description={t('assignments.contactChannelsHint')}
        maxLength={500}
        {...form.getInputProps('contactChannels')}
      />
      <Textarea
        label={t('assignments.field.changeNote')}
        description={t('assignments.changeNoteHint')}
        required={confirmed}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('changeNote')}
      />
    </FormModal>
  );
}
