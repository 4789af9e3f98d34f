import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/certificates.js';
import { api, apiUrl, type List } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { SectionCard } from '../coordination/SectionCard';
import { FormModal, useServerErrors } from '../FormModal';
import { type Column, DataTable } from '../lists/DataTable';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../States';

export type CertificateEnrolment = { id: string; guideId: string; firstName: string; lastName: string; status: string };

export const certificateKeys = { course: (id: string) => ['certificates', id] as const };

function RevokeModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' } });
  const revoke = useApiMutation(
    (reason: string) => api.post(`/certificates/${certificate.id}/revoke`, { reason }),
    [certificateKeys.course(certificate.courseId)],
  );
  const server = useServerErrors(form);
  return (
    <FormModal
      opened
      title={t('certificates.revokeTitle', { name: certificate.holderName })}
      onClose={onClose}
      busy={revoke.isPending}
      danger
      submitLabel={t('certificates.revoke')}
      error={{ error: revoke.error, extra: server.extra }}
      onSubmit={form.onSubmit((v) =>
        server.run(async () => {
          await revoke.mutateAsync(v.reason.trim());
          notifySuccess(t('certificates.revoked'));
          onClose();
        }),
      )}
    >
      <Text size="sm">{t('certificates.revokeText')}</Text>
      <Textarea
        id="revoke-reason"
        label={t('certificates.reason')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}

/**
 * Certificates of a course: print one or all (issued on first print, each with a verification code), see which
 * were issued, and withdraw one issued by mistake.
 */
export function CourseCertificatesCard({
  courseId,
  enrolments,
}: {
  courseId: string;
  enrolments: CertificateEnrolment[];
}) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const issued = useQuery({
    queryKey: certificateKeys.course(courseId),
    queryFn: () => api.get<List<Certificate>>(`/courses/${courseId}/certificates`),
  });
  const completed = enrolments.filter((e) => e.status === 'completed');
  const byEnrolment = new Map((issued.data?.items ?? []).map((c) => [c.enrolmentId, c]));
  const language = i18n.language;
  const columns: Column<CertificateEnrolment>[] = [
    { key: 'name', header: t('certificates.holder'), cell: (e) => `${e.lastName}, ${e.firstName}` },
    {
      key: 'state',
      header: t('certificates.state'),
      cell: (e) => {
        const c = byEnrolment.get(e.id);
        if (!c)
          return (
            <Text size="sm" c="dimmed">
              {t('certificates.notIssued')}
            </Text>
          );
        return (
          <Stack gap={2}>
            <Group gap={6}>
              <Badge color={c.revokedAt ? 'orange' : 'green'} variant="light">
                {c.revokedAt ? t('certificates.stateRevoked') : t('certificates.stateIssued')}
              </Badge>
              <Text size="xs" ff="monospace">
                {c.code}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('certificates.issuedOn', { date: formatDate(c.issuedAt) })}
            </Text>
          </Stack>
        );
      },
    },
  ];
  const actions = (e: CertificateEnrolment) => {
    const c = byEnrolment.get(e.id);
    return (
      <Group gap="xs" wrap="wrap">
        <Button
          component="a"
          size="xs"
          variant="default"
          download
          href={apiUrl(`/courses/${courseId}/enrolments/${e.id}/certificate.pdf`, { language })}
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t('certificates.printNamed', { name: `${e.firstName} ${e.lastName}` })}
        >
          {t('certificates.print')}
        </Button>
        {c && !c.revokedAt && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setRevoking(c)}
            aria-label={t('certificates.revokeNamed', { name: c.holderName })}
          >
            {t('certificates.revoke')}
          </Button>
        )}
      </Group>
    );
  };
  return (
    <SectionCard
      title={t('certificates.title')}
      id="course-certificates"
      description={t('certificates.intro')}
      actions={
        completed.length > 0 && (
          <Button
            component="a"
            size="sm"
            download
            href={apiUrl(`/courses/${courseId}/certificates.pdf`, { language })}
            leftSection={<IconCertificate size={16} aria-hidden />}
          >
            {t('certificates.printAll', { count: completed.length })}
          </Button>
        )
      }
    >
      {issued.isPending ? (
        <LoadingState />
      ) : issued.error ? (
        <ErrorState error={issued.error} />
      ) : completed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('certificates.noneCompleted')}
        </Text>
      ) : (
        <DataTable
          label={t('certificates.title')}
          columns={columns}
          actions={actions}
          items={completed}
          rowKey={(e) => e.id}
        />
      )}
      {revoking && <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />}
    </SectionCard>
  );
}
