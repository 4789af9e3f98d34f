import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MessageDetail } from '../../shared/messages.js';
import { api } from '../api/client';
import { useCourseList } from '../api/courseQueries';
import { messageKeys, useRecipientPreview } from '../api/messageQueries';
import { useApiMutation } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../components/ErrorSummary';
import { GUIDE_FILTER_KEYS, GuideFilters } from '../components/guides/GuideFilters';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { useSearchState } from '../hooks/useSearchState';

const KEYS = [...GUIDE_FILTER_KEYS, 'courseId'] as const;

/** The filter as the API takes it in a body: arrays and booleans instead of query strings. */
function filterBody(v: Record<(typeof KEYS)[number], string>) {
  return {
    ...(v.language ? { language: v.language } : {}),
    ...(v.districtId ? { districtId: v.districtId } : {}),
    ...(v.specialization ? { specialization: v.specialization } : {}),
    ...(v.field ? { field: v.field } : {}),
    ...(v.status ? { status: v.status.split(',') } : {}),
    ...(v.hasCapacity ? { hasCapacity: v.hasCapacity === 'true' } : {}),
    ...(v.courseId ? { courseId: v.courseId } : {}),
  };
}

/**
 * Coordinators write to all guides or to a group chosen with the guide list's filters (plus a course). The count
 * below the filters is live; the list itself is fixed when the message is sent.
 */
export function MessageComposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, update } = useSearchState(KEYS);
  const courses = useCourseList({ limit: 200 });
  const query = {
    language: values.language,
    districtId: values.districtId,
    specialization: values.specialization,
    field: values.field,
    status: values.status,
    hasCapacity: values.hasCapacity,
    courseId: values.courseId,
  };
  const preview = useRecipientPreview(query);
  const form = useForm({
    initialValues: { subject: '', body: '' },
    validate: {
      subject: (v) => (v.trim() ? null : t('validation.required')),
      body: (v) => (v.trim() ? null : t('validation.required')),
    },
    enhanceGetInputProps: withFieldIds('message'),
  });
  const errors = useErrorSummary(form, 'message');
  const [confirming, setConfirming] = useState(false);
  const send = useApiMutation((body: unknown) => api.post<MessageDetail>('/messages', body), [messageKeys.all]);
  const p = preview.data;
  const count = p?.total ?? 0;
  const reach = t('messages.reach', { count });
  const countText =
    p && p.inAppOnly > 0
      ? t('messages.reachWithInApp', { reach, inApp: t('messages.inApp', { count: p.inAppOnly }) })
      : reach;

  return (
    <>
      <PageHeader
        title={t('messages.composeTitle')}
        subtitle={t('messages.composeIntro')}
        crumbs={[{ label: t('messages.title'), to: '/messages' }]}
      />
      <Stack gap="md" maw={960}>
        <GuideFilters
          values={values}
          update={update}
          forMessages
          label={t('messages.filters')}
          extra={
            <Select
              label={t('messages.course')}
              data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              value={values.courseId || null}
              onChange={(v) => update({ courseId: v })}
              searchable
              clearable
              placeholder={t('common.all')}
              nothingFoundMessage={t('common.nothingFound')}
            />
          }
        />
        <Alert
          variant="light"
          color={p && p.total === 0 ? 'orange' : 'blue'}
          aria-live="polite"
          data-testid="recipient-count"
        >
          {!p ? (
            <Text size="sm">{t('messages.counting')}</Text>
          ) : p.total === 0 ? (
            <Text size="sm">{t('messages.noRecipients')}</Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {countText}
              </Text>
              {p.inAppOnly > 0 && (
                <Text size="xs" c="dimmed">
                  {t('messages.inAppDetail', { optedOut: p.optedOut, noEmail: p.noEmail })}
                </Text>
              )}
            </>
          )}
        </Alert>
        <form
          noValidate
          onSubmit={form.onSubmit(() => setConfirming(true), errors.onInvalid)}
          style={{ maxWidth: 720 }}
        >
          <ErrorSummary {...errors.summary} />
          <Stack gap="md">
            <TextInput label={t('messages.subject')} required maxLength={200} {...form.getInputProps('subject')} />
            <Textarea
              label={t('messages.body')}
              required
              autosize
              minRows={6}
              maxLength={8000}
              {...form.getInputProps('body')}
            />
            <Group>
              <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} disabled={count === 0}>
                {t('messages.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('messages.confirmTitle')}
        text={t('messages.confirmText', { count })}
        confirmLabel={t('messages.confirm')}
        danger={false}
        loading={send.isPending}
        error={send.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void errors.run(async () => {
            const message = await send.mutateAsync({
              subject: form.values.subject,
              body: form.values.body,
              filter: filterBody(values),
            });
            setConfirming(false);
            notifySuccess(t('messages.sent'));
            navigate(`/messages/${message.id}`);
          })
        }
      />
    </>
  );
}
