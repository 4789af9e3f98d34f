import {
  ActionIcon,
  Badge,
  Button,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconCalendarPlus,
  IconCircleCheck,
  IconClockHour4,
  IconEdit,
  IconFileTypePdf,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_STATUSES } from '../../../shared/assignments.js';
import { api } from '../../api/client';
import { agreementPdfUrl, loopKeys, loopWide } from '../../api/loopQueries';
import type { Agreement, LoopAssignment } from '../../api/loopTypes';
import { useApiMutation } from '../../api/queries';
import { formatDate, formatDateTime } from '../../i18n/format';
import { AppModal } from '../AppModal';
import { ConfirmDialog } from '../ConfirmDialog';
import { Field, FieldList } from '../Field';
import { applyServerErrors, FormError } from '../FormError';
import { LoopSection } from '../loop/LoopSection';
import { notifySuccess } from '../notify';

const STEP_COLORS: Record<string, string> = { open: 'gray', in_progress: 'blue', done: 'green', dropped: 'grape' };

function Confirmation({ label, at }: { label: string; at: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ThemeIcon size={22} radius="xl" variant="light" color={at ? 'green' : 'gray'} aria-hidden>
        {at ? <IconCircleCheck size={16} /> : <IconClockHour4 size={16} />}
      </ThemeIcon>
      <div>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c={at ? undefined : 'dimmed'} className="tabular">
          {at ? t('assignments.confirmedAt', { date: formatDateTime(at) }) : t('assignments.notConfirmed')}
        </Text>
      </div>
    </Group>
  );
}

type EditValues = {
  goal: string;
  steps: { key: string; title: string; status: string }[];
  contactChannels: string;
  reviewOn: string;
};
let stepCounter = 0;
const stepRow = (title = '', status = 'open') => ({ key: `step-${++stepCounter}`, title, status });

function EditAgreementModal({
  assignmentId,
  agreement,
  opened,
  onClose,
}: {
  assignmentId: string;
  agreement: Agreement;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<EditValues>({
    initialValues: {
      goal: agreement.goal,
      steps: agreement.steps.map((s) => stepRow(s.title, s.status)),
      contactChannels: agreement.contactChannels,
      reviewOn: agreement.reviewOn,
    },
    validate: {
      goal: (v) => (v.trim().length >= 5 ? null : t('validation.too_small_string', { minimum: 5 })),
      steps: {
        title: (v) => (v.trim() ? null : t('validation.required')),
      },
      reviewOn: (v) => (v ? null : t('validation.required')),
    },
  });
  const save = useApiMutation(
    (v: EditValues) =>
      api.patch<LoopAssignment>(`/assignments/${assignmentId}/agreement`, {
        goal: v.goal.trim(),
        steps: v.steps.map((s) => ({ title: s.title.trim(), status: s.status })),
        contactChannels: v.contactChannels.trim(),
        reviewOn: v.reviewOn,
      }),
    [loopKeys.assignment(assignmentId), loopKeys.assignments, loopKeys.dashboard],
  );
  const steps = form.getValues().steps;
  return (
    <AppModal opened={opened} onClose={onClose} title={t('assignments.editAgreement')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          setExtra([]);
          try {
            await save.mutateAsync(v);
            notifySuccess(t('assignments.agreementSaved'));
            onClose();
          } catch (error) {
            setExtra(applyServerErrors(form, error));
          }
        })}
      >
        <Stack>
          <FormError error={save.error} extra={extra} />
          <Textarea
            label={t('assignments.field.goal')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('goal')}
          />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('assignments.field.steps')}
            </Text>
            {steps.map((s, i) => (
              <Group key={s.key} align="flex-start" gap="sm" wrap="wrap">
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
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size={36}
                  mt={25}
                  disabled={steps.length <= 1}
                  aria-label={t('assignments.removeStep', { n: i + 1 })}
                  onClick={() => form.removeListItem('steps', i)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="sm"
              w="fit-content"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={steps.length >= 20}
              onClick={() => form.insertListItem('steps', stepRow())}
            >
              {t('assignments.addStep')}
            </Button>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assignments.field.contactChannels')}
              maxLength={500}
              {...form.getInputProps('contactChannels')}
            />
            <TextInput
              type="date"
              label={t('assignments.field.reviewOn')}
              required
              {...form.getInputProps('reviewOn')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('assignments.editHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function ExtendModal({
  assignmentId,
  agreement,
  opened,
  onClose,
}: {
  assignmentId: string;
  agreement: Agreement;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: { endsOn: '', reason: '' },
    validate: {
      endsOn: (v) =>
        !v ? t('validation.required') : v <= agreement.endsOn ? t('validation.extensionMustBeLater') : null,
      reason: (v) => (v.trim().length >= 3 ? null : t('validation.reasonRequired')),
    },
  });
  const extend = useApiMutation(
    (v: { endsOn: string; reason: string }) =>
      api.post<LoopAssignment>(`/assignments/${assignmentId}/agreement/extend`, {
        endsOn: v.endsOn,
        reason: v.reason.trim(),
      }),
    [loopKeys.assignment(assignmentId), loopKeys.assignments, loopKeys.dashboard],
  );
  return (
    <AppModal opened={opened} onClose={onClose} title={t('assignments.extend')}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          setExtra([]);
          try {
            await extend.mutateAsync(v);
            notifySuccess(t('assignments.extended', { date: formatDate(v.endsOn) }));
            form.reset();
            onClose();
          } catch (error) {
            setExtra(applyServerErrors(form, error));
          }
        })}
      >
        <Stack>
          <FormError error={extend.error} extra={extra} />
          <Text size="sm">{t('assignments.extendText', { date: formatDate(agreement.endsOn) })}</Text>
          <TextInput type="date" label={t('assignments.field.newEndsOn')} required {...form.getInputProps('endsOn')} />
          <Textarea
            label={t('assignments.field.extensionReason')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={extend.isPending}>
              {t('assignments.extendConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The agreement between partner, guide and the person accompanied; confirmations are time-stamped. */
export function AgreementSection({ assignment: a }: { assignment: LoopAssignment }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'extend' | 'confirm' | null>(null);
  const confirm = useApiMutation(
    () => api.post<LoopAssignment>(`/assignments/${a.id}/agreement/confirm`),
    [...loopWide, loopKeys.assignment(a.id)],
  );
  const g = a.agreement;
  if (!g)
    return (
      <LoopSection title={t('assignments.agreementTitle')} id="asg-agreement">
        <Text size="sm" c="dimmed">
          {t('assignments.noAgreement')}
        </Text>
      </LoopSection>
    );

  const open = a.status !== 'closed';
  return (
    <LoopSection
      title={t('assignments.agreementTitle')}
      id="asg-agreement"
      description={t('assignments.agreementVersion', { version: g.version })}
      actions={
        <>
          <Button
            component="a"
            href={agreementPdfUrl(a.id)}
            download
            variant="default"
            size="sm"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('assignments.pdf')}
          </Button>
          {a.abilities.editAgreement && open && (
            <>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                {t('assignments.editAgreement')}
              </Button>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
                onClick={() => setDialog('extend')}
              >
                {t('assignments.extend')}
              </Button>
            </>
          )}
        </>
      }
    >
      <Stack gap="md">
        <div>
          <Title order={3} size="h6" mb={4}>
            {t('assignments.field.goal')}
          </Title>
          <Text size="sm" className="preformatted">
            {g.goal}
          </Text>
        </div>
        <div>
          <Title order={3} size="h6" mb={4}>
            {t('assignments.field.steps')}
          </Title>
          <List type="ordered" size="sm" spacing={6}>
            {g.steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity beyond their position
              <List.Item key={i}>
                <Group gap="xs" wrap="wrap">
                  <Text span size="sm" td={s.status === 'dropped' ? 'line-through' : undefined}>
                    {s.title}
                  </Text>
                  <Badge size="sm" variant="light" color={STEP_COLORS[s.status]}>
                    {t(`assignments.step.${s.status}`)}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
        <FieldList>
          <Field label={t('assignments.field.period')}>
            {t('loop.period', { from: formatDate(g.startsOn), to: formatDate(g.endsOn) })}
          </Field>
          <Field label={t('assignments.field.frequency')}>{t(`requests.frequency.${g.frequency}`)}</Field>
          <Field label={t('assignments.field.reviewOn')}>{formatDate(g.reviewOn)}</Field>
          <Field label={t('assignments.field.contactChannels')}>{g.contactChannels || '–'}</Field>
        </FieldList>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <div>
            <Title order={3} size="h6" mb={4}>
              {t('assignments.field.boundaries')}
            </Title>
            <Text size="sm" className="preformatted">
              {g.boundaries}
            </Text>
          </div>
          <div>
            <Title order={3} size="h6" mb={4}>
              {t('assignments.field.confidentiality')}
            </Title>
            <Text size="sm" className="preformatted">
              {g.confidentiality}
            </Text>
          </div>
        </SimpleGrid>
        {g.extensions.length > 0 && (
          <div>
            <Title order={3} size="h6" mb={4}>
              {t('assignments.extensionsTitle')}
            </Title>
            <List size="sm" spacing={4}>
              {g.extensions.map((x) => (
                <List.Item key={x.at}>
                  {t('assignments.extensionLine', {
                    from: formatDate(x.from),
                    to: formatDate(x.to),
                    at: formatDateTime(x.at),
                    by: x.by,
                    reason: x.reason,
                  })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <div>
          <Title order={3} size="h6" mb="xs">
            {t('assignments.confirmationsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Confirmation label={t('assignments.confirmGuide', { name: a.guideName })} at={g.guideConfirmedAt} />
            <Confirmation label={t('assignments.confirmPartner', { name: a.partnerName })} at={g.partnerConfirmedAt} />
          </SimpleGrid>
        </div>
        {a.abilities.confirm && (
          <Button
            leftSection={<IconCircleCheck size={18} aria-hidden />}
            onClick={() => setDialog('confirm')}
            w="fit-content"
          >
            {t('assignments.confirmAgreement')}
          </Button>
        )}
      </Stack>
      {a.abilities.editAgreement && dialog === 'edit' && (
        <EditAgreementModal assignmentId={a.id} agreement={g} opened onClose={() => setDialog(null)} />
      )}
      {a.abilities.editAgreement && dialog === 'extend' && (
        <ExtendModal assignmentId={a.id} agreement={g} opened onClose={() => setDialog(null)} />
      )}
      <ConfirmDialog
        opened={dialog === 'confirm'}
        danger={false}
        title={t('assignments.confirmAgreement')}
        text={t('assignments.confirmText', { version: g.version })}
        confirmLabel={t('assignments.confirm')}
        loading={confirm.isPending}
        error={confirm.error}
        onClose={() => {
          setDialog(null);
          confirm.reset();
        }}
        onConfirm={() =>
          confirm.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('assignments.confirmedMsg'));
              setDialog(null);
            },
          })
        }
      />
    </LoopSection>
  );
}
