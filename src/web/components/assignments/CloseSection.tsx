import {
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES } from '../../../shared/assignments.js';
import { ApiError, api } from '../../api/client';
import { coordinationKeys, coordinationWide, useServices } from '../../api/coordinationQueries';
import type { AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { Field, FieldList } from '../Field';
import { applyServerErrors, FormError } from '../FormError';
import { notifySuccess } from '../notify';
import { CloseConfirmDialog, type CloseSummary } from './CloseConfirmDialog';
import { FeedbackForm } from './FeedbackForm';

type CloseValues = {
  outcome: string;
  referredServiceId: string;
  referredTo: string;
  endedEarlyReason: string;
  guideFeedback: string;
  partnerFeedback: string;
};

function CloseForm({ assignment: a, onDone }: { assignment: AssignmentItem; onDone: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const [extra, setExtra] = useState<string[]>([]);
  const [pending, setPending] = useState<CloseValues | null>(null);
  const form = useForm<CloseValues>({
    initialValues: {
      outcome: '',
      referredServiceId: '',
      referredTo: '',
      endedEarlyReason: '',
      guideFeedback: a.guideFeedback ?? '',
      partnerFeedback: a.partnerFeedback ?? '',
    },
    validate: {
      outcome: (v) => (v ? null : t('validation.required')),
      referredTo: (v, all) =>
        all.outcome === 'referred' && !v.trim() && !all.referredServiceId ? t('validation.referralRequired') : null,
      endedEarlyReason: (v, all) =>
        all.outcome === 'ended_early' && !v.trim() ? t('validation.reasonRequired') : null,
    },
  });
  const close = useApiMutation(
    ({ v, acknowledgeUnconfirmed }: { v: CloseValues; acknowledgeUnconfirmed: boolean }) =>
      api.post<AssignmentItem>(`/assignments/${a.id}/close`, {
        ...(acknowledgeUnconfirmed ? { acknowledgeUnconfirmed: true } : {}),
        outcome: v.outcome,
        referredServiceId: v.outcome === 'referred' && v.referredServiceId ? v.referredServiceId : null,
        referredTo: v.outcome === 'referred' && v.referredTo.trim() ? v.referredTo.trim() : null,
        endedEarlyReason: v.outcome === 'ended_early' ? v.endedEarlyReason.trim() : null,
        guideFeedback: v.guideFeedback.trim() || null,
        partnerFeedback: v.partnerFeedback.trim() || null,
      }),
    [...coordinationWide, coordinationKeys.assignment(a.id)],
  );
  const outcome = form.getValues().outcome;
  const serviceName = (id: string) => services.data?.items.find((s) => s.id === id)?.name ?? null;
  const summary: CloseSummary | null = pending && {
    outcome: pending.outcome,
    referral:
      pending.outcome === 'referred'
        ? [serviceName(pending.referredServiceId), pending.referredTo.trim()].filter(Boolean).join(' · ')
        : null,
    reason: pending.outcome === 'ended_early' ? pending.endedEarlyReason.trim() : null,
    guideFeedback: Boolean(pending.guideFeedback.trim()),
    partnerFeedback: Boolean(pending.partnerFeedback.trim()),
  };
  const confirmClose = async (acknowledgeUnconfirmed: boolean) => {
    if (!pending) return;
    setExtra([]);
    try {
      await close.mutateAsync({ v: pending, acknowledgeUnconfirmed });
      notifySuccess(t('assignments.closedMsg'));
      setPending(null);
      onDone();
    } catch (error) {
      // The partner's missing confirmation is answered in the dialog; field errors go back to the form.
      if (error instanceof ApiError && error.code === 'agreement_unconfirmed') return;
      setPending(null);
      setExtra(applyServerErrors(form, error));
    }
  };
  return (
    <form
      noValidate
      aria-labelledby="close-form-title"
      onSubmit={form.onSubmit((v) => {
        close.reset();
        setPending(v);
      })}
    >
      <Paper withBorder p="md" bg="gray.0">
        <Title order={3} size="h5" id="close-form-title" mb="sm">
          {t('assignments.closeFormTitle')}
        </Title>
        {!pending && <FormError error={close.error} extra={extra} />}
        <Stack gap="sm">
          <Radio.Group label={t('assignments.field.outcome')} required {...form.getInputProps('outcome')}>
            <Stack gap="xs" mt="xs">
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={t(`assignments.outcome.${o}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {outcome === 'referred' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('assignments.field.referredService')}
                data={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                clearable
                searchable
                nothingFoundMessage={t('common.nothingFound')}
                {...form.getInputProps('referredServiceId')}
              />
              <TextInput
                label={t('assignments.field.referredTo')}
                description={t('assignments.referredToHint')}
                maxLength={200}
                {...form.getInputProps('referredTo')}
              />
            </SimpleGrid>
          )}
          {outcome === 'ended_early' && (
            <Textarea
              label={t('assignments.field.endedEarlyReason')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              {...form.getInputProps('endedEarlyReason')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea
              label={t('assignments.field.guideFeedback')}
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('guideFeedback')}
            />
            <Textarea
              label={t('assignments.field.partnerFeedback')}
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('partnerFeedback')}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" color="red" leftSection={<IconFlag size={16} aria-hidden />}>
              {t('assignments.closeReview')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <CloseConfirmDialog
        opened={pending !== null}
        summary={summary}
        loading={close.isPending}
        error={close.error}
        onConfirm={(ack) => void confirmClose(ack)}
        onClose={() => {
          setPending(null);
          close.reset();
        }}
      />
    </form>
  );
}

/** The end of a deployment: outcome, referral or reason, and both sides' feedback. */
export function CloseSection({ assignment: a }: { assignment: AssignmentItem }) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const closed = a.status === 'closed';
  if (!closed && !a.abilities.close && !a.abilities.feedback) return null;
  return (
    <SectionCard
      title={t('assignments.closeTitle')}
      id="asg-close"
      description={closed ? undefined : t('assignments.closeHint')}
    >
      <Stack gap="md">
        {closed && (
          <FieldList>
            <Field label={t('assignments.field.outcome')}>
              {a.outcome ? t(`assignments.outcome.${a.outcome}`) : '–'}
            </Field>
            <Field label={t('assignments.field.closedAt')}>{formatDateTime(a.closedAt)}</Field>
            {a.referredTo && <Field label={t('assignments.field.referredTo')}>{a.referredTo}</Field>}
            {a.endedEarlyReason && <Field label={t('assignments.field.endedEarlyReason')}>{a.endedEarlyReason}</Field>}
          </FieldList>
        )}
        {(a.guideFeedback || a.partnerFeedback) && (
          <FieldList>
            <Field label={t('assignments.field.guideFeedback')}>
              <span className="preformatted" dir="auto">
                {a.guideFeedback || '–'}
              </span>
            </Field>
            <Field label={t('assignments.field.partnerFeedback')}>
              <span className="preformatted" dir="auto">
                {a.partnerFeedback || '–'}
              </span>
            </Field>
          </FieldList>
        )}
        {a.abilities.feedback && <FeedbackForm assignment={a} />}
        {a.abilities.close &&
          !closed &&
          (closing ? (
            <CloseForm assignment={a} onDone={() => setClosing(false)} />
          ) : (
            <Button variant="outline" color="red" w="fit-content" onClick={() => setClosing(true)}>
              {t('assignments.startClose')}
            </Button>
          ))}
        {!closed && !a.abilities.close && !a.abilities.feedback && (
          <Text size="sm" c="dimmed">
            {t('assignments.notClosed')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
