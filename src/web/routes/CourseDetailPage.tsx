import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CourseSession, Enrolment } from '../../shared/courses.js';
import { api, apiUrl } from '../api/client';
import { courseKeys, useCourse } from '../api/courseQueries';
import { useApiMutation } from '../api/queries';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { AttendanceListLink } from '../components/certificates/AttendanceListLink';
import { CourseCertificatesCard } from '../components/certificates/CourseCertificatesCard';
import { CourseReportCard } from '../components/certificates/CourseReportCard';
import { formatMoment } from '../components/coordination/format';
import { euros } from '../components/coordination/SectionCard';
import { AttendanceGrid } from '../components/courses/AttendanceGrid';
import { CourseModal } from '../components/courses/CourseModal';
import { EnrolModal, SessionModal } from '../components/courses/SessionModals';
import { type Column, DataTable } from '../components/lists/DataTable';
import { QueryView } from '../components/lists/ListStates';
import { EditDeleteActions, useConfirmDelete } from '../components/lists/RowActions';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { CourseStatusBadge } from './CoursesPage';

type Modal =
  | { kind: 'edit' }
  | { kind: 'session'; session?: CourseSession }
  | { kind: 'enrol' }
  | { kind: 'finish' }
  | null;

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </section>
  );
}

/** One course: its facts, sessions, participants, waiting list and the attendance grid. */
export function CourseDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const course = useCourse(id);
  const [modal, setModal] = useState<Modal>(null);
  const removeSession = useConfirmDelete({
    remove: (s: CourseSession) => api.delete(`/courses/${id}/sessions/${s.id}`),
    invalidate: [courseKeys.all],
    title: t('courses.session.deleteTitle'),
    text: (s) => t('courses.session.deleteText', { when: formatMoment(s.startsAt) }),
    done: () => t('courses.saved'),
  });
  const withdraw = useApiMutation(
    (e: Enrolment) => api.post(`/courses/${id}/enrolments/${e.id}/withdraw`),
    [courseKeys.all],
  );
  const finish = useApiMutation(
    () => api.post<{ completed: string[]; notCompleted: string[] }>(`/courses/${id}/finish`),
    [courseKeys.all, ['guides']],
  );
  return (
    <QueryView query={course} loadingRows={8}>
      {(detail) => {
        const c = detail.course;
        const can = c.abilities;
        const participants = detail.enrolments.filter((e) => e.status !== 'waitlisted' && e.status !== 'withdrawn');
        const waiting = detail.enrolments.filter((e) => e.status === 'waitlisted');
        const name = (e: Enrolment) => `${e.firstName} ${e.lastName}`;
        const sessionColumns: Column<CourseSession>[] = [
          {
            key: 'when',
            header: t('courses.session.when'),
            cell: (s) => formatMoment(s.startsAt, { weekday: true }),
            numeric: true,
          },
          { key: 'topic', header: t('courses.session.topic'), cell: (s) => s.topic ?? '–', dir: 'auto' },
          { key: 'room', header: t('courses.session.room'), cell: (s) => s.room ?? '–', dir: 'auto' },
          { key: 'units', header: t('courses.session.units'), cell: (s) => s.teachingUnits, numeric: true },
        ];
        const enrolmentColumns: Column<Enrolment>[] = [
          { key: 'name', header: t('courses.col.guide'), cell: name, dir: 'auto', fw: 500 },
          {
            key: 'status',
            header: t('courses.col.status'),
            cell: (e) => (
              <Badge variant="light" size="sm">
                {t(`courses.enrolmentStatus.${e.status}`)}
              </Badge>
            ),
          },
          {
            key: 'units',
            header: t('courses.col.attendedUnits'),
            cell: (e) => t('courses.unitsOf', { units: e.attendedUnits, total: c.teachingUnits }),
            numeric: true,
          },
        ];
        const withdrawButton = (e: Enrolment) =>
          can.enrol && (e.status === 'enrolled' || e.status === 'waitlisted') ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={t('courses.withdrawNamed', { name: name(e) })}
              loading={withdraw.isPending && withdraw.variables?.id === e.id}
              onClick={() =>
                withdraw.mutateAsync(e).then(() => notifySuccess(t('courses.withdrawn', { name: name(e) })))
              }
            >
              {t('courses.withdraw')}
            </Button>
          ) : null;
        return (
          <>
            <PageHeader
              title={c.title}
              crumbs={[{ label: t('courses.title'), to: '/courses' }]}
              badge={<CourseStatusBadge status={c.status} />}
              actions={
                <Group gap="xs">
                  <Button
                    component="a"
                    variant="default"
                    href={apiUrl(`/courses/${c.id}/calendar.ics`)}
                    leftSection={<IconCalendar size={16} aria-hidden />}
                  >
                    {t('courses.calendar')}
                  </Button>
                  {can.update && c.status !== 'finished' && (
                    <Button variant="default" onClick={() => setModal({ kind: 'edit' })}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {can.finish && <Button onClick={() => setModal({ kind: 'finish' })}>{t('courses.finish')}</Button>}
                </Group>
              }
            />
            <Stack gap="xl">
              <Card padding="md">
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
                  <Fact label={t('courses.col.type')} value={t(`courses.type.${c.type}`)} />
                  <Fact label={t('courses.col.units')} value={t('courses.unitsShort', { units: c.teachingUnits })} />
                  <Fact
                    label={t('courses.col.places')}
                    value={t('courses.places', { taken: c.enrolledCount, capacity: c.capacity })}
                  />
                  <Fact label={t('courses.field.completion')} value={`${c.completionMinAttendancePercent} %`} />
                  <Fact
                    label={t('courses.field.fee')}
                    value={c.feeCents == null ? '–' : euros(c.feeCents, i18n.language)}
                  />
                  <Fact label={t('courses.field.trainers')} value={c.trainers.map((tr) => tr.name).join(', ') || '–'} />
                  {c.grantsSpecialisation && (
                    <Fact label={t('courses.field.grantsSpecialisation')} value={c.grantsSpecialisation} />
                  )}
                </SimpleGrid>
                {c.description && (
                  <Text size="sm" mt="sm" className="preformatted" dir="auto">
                    {c.description}
                  </Text>
                )}
              </Card>
              <Section
                id="sessions-title"
                title={t('courses.sessions')}
                actions={
                  can.manageSessions && (
                    <Button
                      size="sm"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => setModal({ kind: 'session' })}
                    >
                      {t('courses.session.add')}
                    </Button>
                  )
                }
              >
                {detail.sessions.length === 0 ? (
                  <Text c="dimmed">{t('courses.attendance.noSessions')}</Text>
                ) : (
                  <DataTable
                    items={detail.sessions}
                    rowKey={(s) => s.id}
                    columns={sessionColumns}
                    label={t('courses.sessions')}
                    minWidth={640}
                    actions={(s) => (
                      <Group gap="xs" wrap="nowrap">
                        <AttendanceListLink courseId={c.id} sessionId={s.id} label={formatMoment(s.startsAt)} />
                        {can.manageSessions && (
                          <EditDeleteActions
                            name={formatMoment(s.startsAt)}
                            onEdit={() => setModal({ kind: 'session', session: s })}
                            onDelete={() => removeSession.ask(s)}
                          />
                        )}
                      </Group>
                    )}
                  />
                )}
              </Section>
              <Section
                id="participants-title"
                title={t('courses.participants')}
                actions={
                  can.enrol && (
                    <Button
                      size="sm"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => setModal({ kind: 'enrol' })}
                    >
                      {t('courses.enrol')}
                    </Button>
                  )
                }
              >
                {participants.length === 0 ? (
                  <Text c="dimmed">{t('courses.attendance.nobody')}</Text>
                ) : (
                  <DataTable
                    items={participants}
                    rowKey={(e) => e.id}
                    columns={enrolmentColumns}
                    label={t('courses.participants')}
                    actions={withdrawButton}
                  />
                )}
              </Section>
              {waiting.length > 0 && (
                <Section id="waitlist-title" title={t('courses.waitlist')}>
                  <Stack gap={4} component="ol" m={0}>
                    {waiting.map((e) => (
                      <Group key={e.id} component="li" justify="space-between" gap="xs">
                        <Text dir="auto">{name(e)}</Text>
                        {withdrawButton(e)}
                      </Group>
                    ))}
                  </Stack>
                </Section>
              )}
              <Section id="attendance-title" title={t('courses.attendance.title')}>
                <AttendanceGrid detail={detail} canRecord={can.recordAttendance === true} />
              </Section>
              {can.update && (
                <>
                  <CourseCertificatesCard courseId={c.id} enrolments={detail.enrolments} />
                  <CourseReportCard courseId={c.id} />
                </>
              )}
            </Stack>
            {modal?.kind === 'edit' && <CourseModal course={c} onClose={() => setModal(null)} />}
            {modal?.kind === 'session' && (
              <SessionModal courseId={c.id} session={modal.session} onClose={() => setModal(null)} />
            )}
            {modal?.kind === 'enrol' && <EnrolModal courseId={c.id} onClose={() => setModal(null)} />}
            <ConfirmDialog
              opened={modal?.kind === 'finish'}
              title={t('courses.finishTitle')}
              text={t('courses.finishText', { percent: c.completionMinAttendancePercent })}
              confirmLabel={t('courses.finish')}
              danger={false}
              loading={finish.isPending}
              error={finish.error}
              onClose={() => setModal(null)}
              onConfirm={() =>
                finish.mutateAsync(undefined).then((r) => {
                  notifySuccess(
                    t('courses.finished', { completed: r.completed.length, notCompleted: r.notCompleted.length }),
                  );
                  setModal(null);
                })
              }
            />
            {removeSession.dialog}
          </>
        );
      }}
    </QueryView>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} dir="auto">
        {value}
      </Text>
    </div>
  );
}
