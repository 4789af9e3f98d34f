import { Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconMessages, IconStepInto, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { keys, useApiMutation } from '../api/queries';
import { type ApplicantDetail, recruitmentKeys, useApplicant } from '../api/recruitmentQueries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { languageWithLevel } from '../components/coordination/format';
import { QueryView } from '../components/lists/ListStates';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { DataExportLinks } from '../components/privacy/PrivacySection';
import { ApplicantStatusBadge } from '../components/recruitment/ApplicantBoard';
import { ConversationModal, StepModal } from '../components/recruitment/ApplicantModals';
import { formatDate, formatDateTime, formatList } from '../i18n/format';

type Dialog = 'step' | 'dropOut' | 'converse' | 'accept' | 'delete' | null;

function Facts({ a }: { a: ApplicantDetail }) {
  const { t } = useTranslation();
  const none = t('recruitment.detail.none');
  const row = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text dir="auto">{value || none}</Text>
    </Stack>
  );
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {row(t('recruitment.detail.contact'), [a.email, a.phone].filter(Boolean).join(' · '))}
        {row(t('recruitment.detail.languages'), formatList(a.languages.map((l) => languageWithLevel(l, t))))}
        {row(
          t('recruitment.detail.availability'),
          formatList(a.availability.map((s) => `${t(`weekdayShort.${s.weekday}`)} ${s.from}–${s.to}`)),
        )}
        {row(
          t('recruitment.detail.consent'),
          a.consentVersion
            ? t('recruitment.detail.consentGiven', {
                version: a.consentVersion,
                language: a.consentLanguage,
                date: formatDateTime(a.consentGivenAt),
              })
            : '',
        )}
      </SimpleGrid>
      {a.motivation && (
        <Stack gap={0} mt="sm">
          <Text size="sm" c="dimmed">
            {t('recruitment.detail.motivation')}
          </Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {a.motivation}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function History({ a }: { a: ApplicantDetail }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="ap-steps">
        <Title order={2} size="h4" id="ap-steps" mb="sm">
          {t('recruitment.detail.steps')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {a.steps.map((s) => (
            <Timeline.Item key={s.id} title={`${formatDate(s.on)} · ${t(`recruitment.status.${s.status}`)}`}>
              {s.status === 'dropped_out' && a.dropOutReason && s === a.steps[0] && (
                <Text size="sm">{t('recruitment.detail.reason', { reason: a.dropOutReason })}</Text>
              )}
              {s.note && (
                <Text size="sm" dir="auto">
                  {s.note}
                </Text>
              )}
              {s.recordedByName && (
                <Text size="xs" c="dimmed">
                  {t('recruitment.detail.by', { name: s.recordedByName })}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      <Card withBorder component="section" aria-labelledby="ap-conversations">
        <Title order={2} size="h4" id="ap-conversations" mb="sm">
          {t('recruitment.detail.conversations')}
        </Title>
        {a.conversations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('recruitment.detail.noConversations')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {a.conversations.map((c) => (
              <li key={c.id}>
                <Text fw={600}>
                  {formatDate(c.heldOn)} · {t(`recruitment.outcome.${c.outcome}`)}
                </Text>
                {c.heldByName && (
                  <Text size="xs" c="dimmed">
                    {t('recruitment.detail.heldBy', { name: c.heldByName })}
                  </Text>
                )}
                {c.note && (
                  <Text size="sm" dir="auto">
                    {c.note}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  );
}

/** One applicant: what they gave on the form, the steps and conversations, and what to do next. */
export function ApplicantDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useApplicant(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const accept = useApiMutation(() => api.post(`/applicants/${id}/accept`), [recruitmentKeys.applicants, keys.guides]);
  const remove = useApiMutation(() => api.delete(`/applicants/${id}`), [recruitmentKeys.applicants]);
  return (
    <QueryView query={query} loadingRows={8}>
      {(a) => {
        const name = `${a.firstName} ${a.lastName}`;
        return (
          <>
            <PageHeader
              title={name}
              crumbs={[{ label: t('recruitment.title'), to: '/recruitment' }]}
              badge={<ApplicantStatusBadge status={a.status} />}
            />
            <Stack gap="md">
              <Group gap="xs">
                {a.abilities.converse && (
                  <Button
                    variant="light"
                    leftSection={<IconMessages size={18} aria-hidden />}
                    onClick={() => setDialog('converse')}
                  >
                    {t('recruitment.action.converse')}
                  </Button>
                )}
                {a.abilities.step && (
                  <Button
                    variant="light"
                    leftSection={<IconStepInto size={18} aria-hidden />}
                    onClick={() => setDialog('step')}
                  >
                    {t('recruitment.action.step')}
                  </Button>
                )}
                {a.abilities.accept && (
                  <Button leftSection={<IconUserCheck size={18} aria-hidden />} onClick={() => setDialog('accept')}>
                    {t('recruitment.action.accept')}
                  </Button>
                )}
                {a.guideId && (
                  <Button component={Link} to={`/guides/${a.guideId}`} variant="default">
                    {t('recruitment.action.openGuide')}
                  </Button>
                )}
                {a.abilities.step && a.status !== 'dropped_out' && (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconUserOff size={18} aria-hidden />}
                    onClick={() => setDialog('dropOut')}
                  >
                    {t('recruitment.action.dropOut')}
                  </Button>
                )}
              </Group>
              {!a.emailConfirmedAt && (
                <Text size="sm" c="orange.9">
                  {t('recruitment.unconfirmed')}
                </Text>
              )}
              <Facts a={a} />
              <History a={a} />
              <Group gap="xs">
                <DataExportLinks base={`/privacy/applicants/${a.id}/export`} />
                {a.abilities.delete && (
                  <Button variant="subtle" color="red" size="xs" onClick={() => setDialog('delete')}>
                    {t('recruitment.action.delete')}
                  </Button>
                )}
              </Group>
            </Stack>
            {(dialog === 'step' || dialog === 'dropOut') && (
              <StepModal applicant={a} dropOut={dialog === 'dropOut'} onClose={close} />
            )}
            {dialog === 'converse' && <ConversationModal applicant={a} onClose={close} />}
            <ConfirmDialog
              opened={dialog === 'accept'}
              danger={false}
              title={t('recruitment.acceptTitle')}
              text={t('recruitment.acceptText', { name })}
              confirmLabel={t('recruitment.action.accept')}
              loading={accept.isPending}
              error={accept.error}
              onClose={close}
              onConfirm={() =>
                accept.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    notifySuccess(t('recruitment.acceptedDone'));
                  },
                })
              }
            />
            <ConfirmDialog
              opened={dialog === 'delete'}
              title={t('recruitment.deleteTitle')}
              text={t('recruitment.deleteText', { name })}
              confirmLabel={t('recruitment.action.delete')}
              loading={remove.isPending}
              error={remove.error}
              onClose={close}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    notifySuccess(t('recruitment.deletedDone'));
                    void navigate('/recruitment');
                  },
                })
              }
            />
          </>
        );
      }}
    </QueryView>
  );
}
