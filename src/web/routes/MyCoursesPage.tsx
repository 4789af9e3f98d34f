import { Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconCalendarDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MyCourse } from '../../shared/courses.js';
import { apiUrl } from '../api/client';
import { useMyCourses } from '../api/courseQueries';
import { SectionCard } from '../components/coordination/SectionCard';
import { QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { formatDateTime, formatNumber } from '../i18n/format';

const STATUS_COLORS = {
  enrolled: 'blue',
  waitlisted: 'orange',
  withdrawn: 'gray',
  completed: 'teal',
  not_completed: 'red',
} as const;

function Attendance({ session }: { session: MyCourse['sessions'][number] }) {
  const { t } = useTranslation();
  if (session.attendance === null)
    return (
      <Text size="sm" c="dimmed">
        {new Date(session.endsAt) > new Date() ? t('courses.mine.upcoming') : t('courses.mine.notRecorded')}
      </Text>
    );
  if (session.attendance === 'absent') return <Text size="sm">{t('courses.attendance.absentShort')}</Text>;
  return (
    <Text size="sm">
      {t('courses.attendance.present')}
      {session.minutesMissed > 0 ? ` (${t('courses.attendance.lateShort', { minutes: session.minutesMissed })})` : ''}
    </Text>
  );
}

function CourseCard({ course }: { course: MyCourse }) {
  const { t, i18n } = useTranslation();
  const id = `my-course-${course.enrolmentId}`;
  const percent = course.requiredUnits > 0 ? Math.min(100, (course.attendedUnits / course.requiredUnits) * 100) : 0;
  return (
    <SectionCard
      id={id}
      title={course.title}
      actions={
        <Badge color={STATUS_COLORS[course.enrolmentStatus]} variant="light" style={{ textTransform: 'none' }}>
          {course.enrolmentStatus === 'waitlisted' && course.waitlistPosition !== null
            ? t('courses.mine.waitlistPosition', { position: course.waitlistPosition })
            : t(`courses.enrolmentStatus.${course.enrolmentStatus}`)}
        </Badge>
      }
      description={`${t(`courses.type.${course.type}`)} · ${t(`courses.status.${course.courseStatus}`)}`}
    >
      <Stack gap="sm">
        {course.enrolmentStatus !== 'waitlisted' && (
          <div>
            <Text size="sm" id={`${id}-progress`}>
              {t('courses.mine.progress', {
                attended: formatNumber(course.attendedUnits, i18n.language),
                required: formatNumber(course.requiredUnits, i18n.language),
                percent: course.completionMinAttendancePercent,
                total: course.teachingUnits,
              })}
            </Text>
            <Progress.Root mt={4}>
              <Progress.Section
                value={Math.round(percent)}
                color={percent >= 100 ? 'teal' : 'blue'}
                aria-labelledby={`${id}-progress`}
                aria-valuetext={`${Math.round(percent)} %`}
              />
            </Progress.Root>
          </div>
        )}
        {course.sessions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('courses.attendance.noSessions')}
          </Text>
        ) : (
          <>
            {/* A phone gets a list: four columns do not fit 390 px, and a scrolling table hides the attendance. */}
            <Stack gap={0} component="ul" hiddenFrom="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {course.sessions.map((s) => (
                <Stack
                  key={s.id}
                  component="li"
                  gap={2}
                  py="xs"
                  style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Text size="sm" fw={600} className="tabular">
                    {formatDateTime(s.startsAt, i18n.language)} ·{' '}
                    {t('courses.unitsShort', { units: formatNumber(s.teachingUnits, i18n.language) })}
                  </Text>
                  {(s.topic || s.room) && (
                    <Text size="sm" dir="auto">
                      {[s.topic, s.room].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                  <Attendance session={s} />
                </Stack>
              ))}
            </Stack>
            <Table striped verticalSpacing="xs" visibleFrom="sm">
              <Table.Caption>{t('courses.mine.sessionsOf', { course: course.title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('courses.mine.when')}</Table.Th>
                  <Table.Th>{t('courses.mine.topic')}</Table.Th>
                  <Table.Th>{t('courses.mine.units')}</Table.Th>
                  <Table.Th>{t('courses.attendance.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {course.sessions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td className="tabular">{formatDateTime(s.startsAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" dir="auto">
                        {[s.topic, s.room].filter(Boolean).join(' · ') || '–'}
                      </Text>
                    </Table.Td>
                    <Table.Td className="tabular">{formatNumber(s.teachingUnits, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Attendance session={s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

/** "Meine Kurse": a guide's courses with the sessions, their own attendance and how far they are from completion. */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const mine = useMyCourses();
  return (
    <>
      <PageHeader
        title={t('courses.mine.title')}
        subtitle={t('courses.mine.intro')}
        actions={
          <Anchor href={apiUrl('/me/courses/calendar.ics')} size="sm">
            <Group gap={4} wrap="nowrap">
              <IconCalendarDown size={16} aria-hidden />
              {t('courses.mine.calendar')}
            </Group>
          </Anchor>
        }
      />
      <QueryView query={mine}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('courses.mine.empty')} />
          ) : (
            <Stack gap="md" maw={900}>
              {data.items.map((c) => (
                <CourseCard key={c.enrolmentId} course={c} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}
