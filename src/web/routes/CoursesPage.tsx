import { Anchor, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COURSE_STATUSES, type Course } from '../../shared/courses.js';
import { useCourseAgenda, useCourseList } from '../api/courseQueries';
import { useAuth } from '../auth/AuthProvider';
import { formatMoment, formatMomentDate } from '../components/coordination/format';
import { CourseModal } from '../components/courses/CourseModal';
import { type Column, DataTable } from '../components/lists/DataTable';
import { FilterBar, ListResults, QueryView } from '../components/lists/ListStates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState } from '../components/States';
import { useSearchState } from '../hooks/useSearchState';

const LIMIT = 25;
const KEYS = ['status', 'view'] as const;

export function CourseStatusBadge({ status }: { status: Course['status'] }) {
  const { t } = useTranslation();
  const color = { draft: 'gray', open: 'blue', running: 'teal', finished: 'green', cancelled: 'red' }[status];
  return (
    <Badge variant="light" size="sm" color={color}>
      {t(`courses.status.${status}`)}
    </Badge>
  );
}

function CourseRows({ items }: { items: Course[] }) {
  const { t } = useTranslation();
  const link = (c: Course) => (
    <Anchor component={Link} to={`/courses/${c.id}`} className="table-link" dir="auto">
      {c.title}
    </Anchor>
  );
  const places = (c: Course) => t('courses.places', { taken: c.enrolledCount, capacity: c.capacity });
  const columns: Column<Course>[] = [
    { key: 'title', header: t('courses.col.title'), cell: link },
    { key: 'type', header: t('courses.col.type'), cell: (c) => t(`courses.type.${c.type}`) },
    { key: 'status', header: t('courses.col.status'), cell: (c) => <CourseStatusBadge status={c.status} /> },
    { key: 'start', header: t('courses.col.start'), cell: (c) => formatMomentDate(c.firstSessionAt), numeric: true },
    { key: 'units', header: t('courses.col.units'), cell: (c) => c.teachingUnits, numeric: true },
    { key: 'places', header: t('courses.col.places'), cell: places, numeric: true },
    { key: 'waitlist', header: t('courses.col.waitlist'), cell: (c) => c.waitlistCount, numeric: true },
  ];
  return (
    <DataTable
      items={items}
      rowKey={(c) => c.id}
      columns={columns}
      label={t('courses.results')}
      minWidth={760}
      hover
      card={(c) => (
        <>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            {link(c)}
            <CourseStatusBadge status={c.status} />
          </Group>
          <Text size="sm" mt={4}>
            {t(`courses.type.${c.type}`)} · {t('courses.unitsShort', { units: c.teachingUnits })}
          </Text>
          <Text size="sm" c="dimmed" className="tabular">
            {formatMomentDate(c.firstSessionAt)} · {places(c)}
            {c.waitlistCount ? ` · ${t('courses.waitlistShort', { count: c.waitlistCount })}` : ''}
          </Text>
        </>
      )}
    />
  );
}

/** Upcoming sessions, day by day (the next three months). */
function Agenda() {
  const { t } = useTranslation();
  const agenda = useCourseAgenda();
  const items = agenda.data?.items ?? [];
  return (
    <QueryView
      query={agenda}
      loadingRows={4}
      isEmpty={() => items.length === 0}
      empty={<EmptyState title={t('courses.agendaEmpty')} />}
    >
      {() => (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('courses.agenda')}>
          {items.map((s) => (
            <Card key={s.id} component="li" padding="sm">
              <Text fw={600} className="tabular">
                {formatMoment(s.startsAt, { weekday: true })} –{' '}
                {formatMoment(s.endsAt, { year: false }).split(', ').at(-1)}
              </Text>
              <Anchor component={Link} to={`/courses/${s.courseId}`} dir="auto">
                {s.courseTitle}
              </Anchor>
              <Text size="sm" c="dimmed" dir="auto">
                {[s.topic, s.room].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

/** The office's courses (a trainer's own), as a list or as an agenda of upcoming sessions. */
export function CoursesPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { values, update, offset } = useSearchState(KEYS);
  const view = values.view === 'agenda' ? 'agenda' : 'list';
  const list = useCourseList({ status: values.status, limit: LIMIT, offset });
  const [creating, setCreating] = useState(false);
  const canManage = me?.abilities['courses.manage'] === true;
  return (
    <>
      <PageHeader
        title={t('courses.title')}
        subtitle={list.data ? t('courses.count', { count: list.data.total }) : undefined}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('courses.create')}
            </Button>
          )
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t('courses.viewLabel')}
        value={view}
        onChange={(v) => update({ view: v === 'agenda' ? 'agenda' : null })}
        data={[
          { value: 'list', label: t('courses.viewList') },
          { value: 'agenda', label: t('courses.agenda') },
        ]}
      />
      {view === 'agenda' ? (
        <Agenda />
      ) : (
        <>
          <FilterBar label={t('courses.filters')}>
            <Select
              label={t('courses.col.status')}
              data={COURSE_STATUSES.map((s) => ({ value: s, label: t(`courses.status.${s}`) }))}
              value={values.status || null}
              onChange={(v) => update({ status: v })}
              clearable
              placeholder={t('common.all')}
            />
          </FilterBar>
          <ListResults
            query={list}
            label={t('courses.results')}
            loadingRows={6}
            paging={{ limit: LIMIT, offset, update }}
            empty={<EmptyState title={t('courses.empty')} />}
          >
            {(items) => <CourseRows items={items} />}
          </ListResults>
        </>
      )}
      {creating && <CourseModal onClose={() => setCreating(false)} />}
    </>
  );
}
