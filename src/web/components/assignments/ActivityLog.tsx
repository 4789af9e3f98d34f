import { Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { coordinationKeys, useActivities } from '../../api/coordinationQueries';
import type { Activity, AssignmentItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n/format';
import { OfflineQueueList } from '../../pwa/OfflineQueue';
import { AppModal } from '../AppModal';
import { ConfirmDialog } from '../ConfirmDialog';
import { euros, minutesLabel, SectionCard } from '../coordination/SectionCard';
import { QueryView } from '../lists/ListStates';
import { useConfirmDelete } from '../lists/RowActions';
import { notifySuccess } from '../notify';
import { ActivityForm, todayIso } from './ActivityForm';
import { ActivityList } from './ActivityList';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card padding="sm" component="div">
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text fz={22} fw={700} className="tabular" component="dd" m={0}>
        {value}
      </Text>
    </Card>
  );
}

/** The coordinator approves entries (all open ones up to today, or the selected ones): they become locked evidence. */
function ApproveBar({
  assignmentId,
  openCount,
  selected,
  onDone,
}: {
  assignmentId: string;
  openCount: number;
  selected: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<'all' | 'selected' | null>(null);
  const approve = useApiMutation(
    (ids: string[] | undefined) =>
      api.post(`/assignments/${assignmentId}/activities/approve`, ids ? { activityIds: ids } : {}),
    [coordinationKeys.activities(assignmentId), coordinationKeys.assignment(assignmentId)],
  );
  if (openCount === 0 && selected.length === 0) return null;
  const close = () => {
    setConfirming(null);
    approve.reset();
  };
  return (
    <Paper withBorder p="sm" bg="petrol.0">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('assignments.approveHint', { count: openCount })}</Text>
        <Group gap="xs">
          {selected.length > 0 && (
            <Button size="sm" variant="default" onClick={() => setConfirming('selected')}>
              {t('assignments.approveSelected', { count: selected.length })}
            </Button>
          )}
          {openCount > 0 && (
            <Button size="sm" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => setConfirming('all')}>
              {t('assignments.approveAll')}
            </Button>
          )}
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirming !== null}
        danger={false}
        title={t('assignments.approveAll')}
        text={
          confirming === 'selected'
            ? t('assignments.approveSelectedText', { count: selected.length })
            : t('assignments.approveAllText', { count: openCount, date: formatDate(todayIso()) })
        }
        confirmLabel={t('assignments.approveConfirm')}
        loading={approve.isPending}
        error={approve.error}
        onClose={close}
        onConfirm={() =>
          approve.mutate(confirming === 'selected' ? selected : undefined, {
            onSuccess: () => {
              notifySuccess(t('assignments.approvedMsg'));
              setConfirming(null);
              onDone();
            },
          })
        }
      />
    </Paper>
  );
}

/** Tätigkeitsnachweis: each meeting with date, times, type, km and expenses; corrections until approved; totals. */
export function ActivityLog({ assignment: a }: { assignment: AssignmentItem }) {
  const { t, i18n } = useTranslation();
  const activities = useActivities(a.id);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const remove = useConfirmDelete({
    remove: (x: Activity) => api.delete(`/assignments/${a.id}/activities/${x.id}`),
    invalidate: [coordinationKeys.activities(a.id), coordinationKeys.assignment(a.id), coordinationKeys.assignments],
    title: t('assignments.deleteActivity'),
    text: (x) => t('assignments.deleteActivityText', { date: formatDate(x.date), time: `${x.startTime}–${x.endTime}` }),
    done: () => t('assignments.activityDeleted'),
  });
  const items = [...(activities.data?.items ?? [])].sort(
    (x, y) => y.date.localeCompare(x.date) || y.startTime.localeCompare(x.startTime),
  );
  const today = todayIso();
  const approvable = a.abilities.approveActivities;
  const openUpToToday = items.filter((x) => !x.approvedAt && x.date <= today).length;
  const select = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <SectionCard
      title={t('assignments.activitiesTitle')}
      id="asg-activities"
      description={t('assignments.activitiesHint')}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Stat label={t('assignments.totals.activities')} value={formatNumber(a.totals.activities)} />
          <Stat label={t('assignments.totals.time')} value={minutesLabel(a.totals.minutes, t)} />
          <Stat
            label={t('assignments.totals.km')}
            value={t('assignments.kmValue', { km: formatNumber(a.totals.km) })}
          />
          <Stat label={t('assignments.totals.expenses')} value={euros(a.totals.expensesCents, i18n.language)} />
        </SimpleGrid>
        {a.abilities.logActivity && (
          <Paper withBorder p="md" bg="gray.0">
            <Title order={3} size="h5" mb="sm">
              {t('assignments.activityFormTitle')}
            </Title>
            <ActivityForm assignmentId={a.id} />
          </Paper>
        )}
        <OfflineQueueList path={`/assignments/${a.id}/activities`} />
        {approvable && (
          <ApproveBar
            assignmentId={a.id}
            openCount={openUpToToday}
            selected={[...selected].filter((id) => items.some((x) => x.id === id && !x.approvedAt))}
            onDone={() => setSelected(new Set())}
          />
        )}
        <QueryView
          query={activities}
          loadingRows={3}
          isEmpty={() => items.length === 0}
          empty={
            <Text size="sm" c="dimmed">
              {t('assignments.noActivities')}
            </Text>
          }
        >
          {() => (
            <ActivityList
              items={items}
              selectable={approvable && items.some((x) => x.abilities.approve)}
              selected={selected}
              onSelect={select}
              onEdit={setEditing}
              onDelete={remove.ask}
            />
          )}
        </QueryView>
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('assignments.editActivity')}
        size="lg"
      >
        {editing && <ActivityForm assignmentId={a.id} activity={editing} onDone={() => setEditing(null)} />}
      </AppModal>
      {remove.dialog}
    </SectionCard>
  );
}
