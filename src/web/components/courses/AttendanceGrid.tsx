import { Button, Checkbox, Group, NumberInput, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseDetail } from '../../../shared/courses.js';
import { api } from '../../api/client';
import { courseKeys } from '../../api/courseQueries';
import { useApiMutation } from '../../api/queries';
import { formatMoment } from '../coordination/format';
import { type Column, DataTable } from '../lists/DataTable';
import { notifyError, notifySuccess } from '../notify';
import { errorMessage } from '../States';

type Mark = { present: boolean; minutesMissed: number };
const HOLDS_PLACE = new Set(['enrolled', 'completed', 'not_completed']);

/**
 * Attendance per session: pick a session, tick who was there and the minutes they missed (on a phone in the room or
 * from the paper list), save; below, the overview of guides × sessions with the UE attended so far.
 */
export function AttendanceGrid({ detail, canRecord }: { detail: CourseDetail; canRecord: boolean }) {
  const { t } = useTranslation();
  const participants = detail.enrolments.filter((e) => HOLDS_PLACE.has(e.status));
  const now = Date.now();
  const past = detail.sessions.filter((s) => new Date(s.startsAt).getTime() <= now);
  const [chosen, setSessionId] = useState<string | null>(null);
  // The chosen session while it exists, else the latest that has begun (or the first): sessions may be added later.
  const sessionId =
    chosen && detail.sessions.some((s) => s.id === chosen)
      ? chosen
      : (past.at(-1)?.id ?? detail.sessions[0]?.id ?? null);
  const saved = useMemo(() => {
    const map = new Map<string, Mark>();
    for (const a of detail.attendance)
      if (a.sessionId === sessionId) map.set(a.guideId, { present: a.present, minutesMissed: a.minutesMissed });
    return map;
  }, [detail.attendance, sessionId]);
  const [marks, setMarks] = useState<Map<string, Mark>>(saved);
  useEffect(() => setMarks(new Map(saved)), [saved]);
  const save = useApiMutation(
    () =>
      api.put(`/courses/${detail.course.id}/sessions/${sessionId}/attendance`, {
        rows: participants.map((p) => ({
          guideId: p.guideId,
          ...(marks.get(p.guideId) ?? { present: false, minutesMissed: 0 }),
        })),
      }),
    [courseKeys.all],
  );
  const set = (guideId: string, change: Partial<Mark>) =>
    setMarks((m) =>
      new Map(m).set(guideId, { ...(m.get(guideId) ?? { present: false, minutesMissed: 0 }), ...change }),
    );
  const name = (p: (typeof participants)[number]) => `${p.firstName} ${p.lastName}`;
  const columns: Column<(typeof participants)[number]>[] = [
    { key: 'name', header: t('courses.col.guide'), cell: name, dir: 'auto', fw: 500 },
    {
      key: 'present',
      header: t('courses.attendance.present'),
      cell: (p) => (
        <Checkbox
          aria-label={t('courses.attendance.presentFor', { name: name(p) })}
          checked={marks.get(p.guideId)?.present ?? false}
          disabled={!canRecord}
          onChange={(e) => set(p.guideId, { present: e.currentTarget.checked })}
        />
      ),
    },
    {
      key: 'missed',
      header: t('courses.attendance.minutesMissed'),
      cell: (p) => (
        <NumberInput
          aria-label={t('courses.attendance.minutesMissedFor', { name: name(p) })}
          w={110}
          min={0}
          max={1440}
          step={15}
          allowDecimal={false}
          disabled={!canRecord || !(marks.get(p.guideId)?.present ?? false)}
          value={marks.get(p.guideId)?.minutesMissed ?? 0}
          onChange={(v) => set(p.guideId, { minutesMissed: Number(v) || 0 })}
        />
      ),
    },
  ];
  const cell = (guideId: string, sid: string) => {
    const a = detail.attendance.find((x) => x.guideId === guideId && x.sessionId === sid);
    if (!a) return '–';
    if (!a.present) return t('courses.attendance.absentShort');
    return a.minutesMissed ? t('courses.attendance.lateShort', { minutes: a.minutesMissed }) : '✓';
  };
  if (!detail.sessions.length) return <Text c="dimmed">{t('courses.attendance.noSessions')}</Text>;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Select
          label={t('courses.attendance.session')}
          allowDeselect={false}
          value={sessionId}
          onChange={setSessionId}
          data={detail.sessions.map((s) => ({
            value: s.id,
            label: `${formatMoment(s.startsAt, { weekday: true })}${s.topic ? ` · ${s.topic}` : ''}`,
          }))}
          maw={480}
        />
        {participants.length === 0 ? (
          <Text c="dimmed">{t('courses.attendance.nobody')}</Text>
        ) : (
          <DataTable
            items={participants}
            rowKey={(p) => p.id}
            columns={columns}
            label={t('courses.attendance.title')}
            breakpoint="48em"
            card={(p) => (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={500} dir="auto">
                  {name(p)}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  {columns[1].cell(p)}
                  {columns[2].cell(p)}
                </Group>
              </Group>
            )}
          />
        )}
        {canRecord && participants.length > 0 && (
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutateAsync(undefined).then(
                  () => notifySuccess(t('courses.attendance.saved')),
                  (e) => notifyError(errorMessage(e, t)),
                )
              }
            >
              {t('courses.attendance.save')}
            </Button>
          </Group>
        )}
      </Stack>
      {participants.length > 0 && (
        <section aria-labelledby="attendance-overview">
          <Title order={3} size="h5" id="attendance-overview" mb="xs">
            {t('courses.attendance.overview')}
          </Title>
          <ScrollArea type="auto">
            <Table striped withTableBorder miw={320 + detail.sessions.length * 90} className="tabular">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('courses.col.guide')}</Table.Th>
                  {detail.sessions.map((s) => (
                    <Table.Th key={s.id} scope="col">
                      {formatMoment(s.startsAt, { year: false })}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('courses.col.attendedUnits')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" dir="auto">
                      {name(p)}
                    </Table.Th>
                    {detail.sessions.map((s) => (
                      <Table.Td key={s.id}>{cell(p.guideId, s.id)}</Table.Td>
                    ))}
                    <Table.Td>
                      {t('courses.unitsOf', { units: p.attendedUnits, total: detail.course.teachingUnits })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </section>
      )}
    </Stack>
  );
}
