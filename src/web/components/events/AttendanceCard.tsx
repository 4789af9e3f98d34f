import { Alert, Badge, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { attendanceResultSchema, EventDetail } from '../../../shared/events.js';
import { api } from '../../api/client';
import { eventKeys } from '../../api/eventQueries';
import { useApiMutation } from '../../api/queries';
import { formatNumber } from '../../i18n/format';
import { isolate } from '../coordination/format';
import { FormError } from '../FormError';

type Result = z.infer<typeof attendanceResultSchema>;
type Invitation = EventDetail['invitations'][number];

/** Who said yes comes first in the room, then maybe, then those who did not answer, then those who said no. */
const ORDER = { yes: 0, maybe: 1, open: 2, no: 3 } as const;

/**
 * Attendance in the room, on a phone: one large tick per invited guide (the whole row is the touch target), then one
 * save. The answer says, per guide, whether hours were booked to their time sheet, or why not (the month is already
 * approved, the office has no category for it, booked before).
 */
export function AttendanceCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const invitations = useMemo(
    () =>
      [...event.invitations].sort(
        (a, b) => ORDER[a.response ?? 'open'] - ORDER[b.response ?? 'open'] || a.guideName.localeCompare(b.guideName),
      ),
    [event.invitations],
  );
  const saved = useMemo(
    () => new Set(event.invitations.filter((i) => i.attended).map((i) => i.guideId)),
    [event.invitations],
  );
  const [present, setPresent] = useState<Set<string>>(saved);
  useEffect(() => setPresent(new Set(saved)), [saved]);
  const [result, setResult] = useState<Result | null>(null);
  const save = useApiMutation(
    () =>
      api.put<Result>(`/events/${event.id}/attendance`, {
        items: invitations.map((i) => ({ guideId: i.guideId, attended: present.has(i.guideId) })),
      }),
    [eventKeys.all],
  );
  const toggle = (guideId: string, on: boolean) =>
    setPresent((s) => {
      const next = new Set(s);
      if (on) next.add(guideId);
      else next.delete(guideId);
      return next;
    });
  if (!invitations.length) return <Text c="dimmed">{t('events.attendance.nobody')}</Text>;
  const nameOf = (guideId: string) => invitations.find((i) => i.guideId === guideId)?.guideName ?? '';
  const booked = result?.items.filter((r) => r.attended && r.hoursBooked && r.reason === null).length ?? 0;
  const notBooked = result?.items.filter((r) => r.attended && r.reason && r.reason !== 'already_booked') ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('events.attendance.intro')}
      </Text>
      <Stack gap="xs" role="group" aria-label={t('events.attendance.title')}>
        {invitations.map((i) => (
          <AttendanceRow
            key={i.guideId}
            invitation={i}
            checked={present.has(i.guideId)}
            onChange={(on) => toggle(i.guideId, on)}
          />
        ))}
      </Stack>
      <FormError error={save.error} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" className="tabular" aria-live="polite">
          {t('events.attendance.presentCount', {
            n: formatNumber(present.size),
            total: formatNumber(invitations.length),
          })}
        </Text>
        <Button
          size="md"
          loading={save.isPending}
          onClick={() => save.mutateAsync(undefined).then(setResult, () => setResult(null))}
        >
          {t('events.attendance.save')}
        </Button>
      </Group>
      {result && (
        <Alert
          color={notBooked.length ? 'yellow' : 'green'}
          variant="light"
          icon={notBooked.length ? <IconInfoCircle aria-hidden /> : <IconCheck aria-hidden />}
          role="status"
          title={t('events.attendance.saved')}
        >
          <Text size="sm">{t('events.attendance.booked', { n: formatNumber(booked) })}</Text>
          {notBooked.length > 0 && (
            <List size="sm" mt={4}>
              {notBooked.map((r) => (
                <List.Item key={r.guideId}>
                  {t(`events.attendance.reason.${r.reason}`, { name: isolate(nameOf(r.guideId)) })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

function AttendanceRow({
  invitation: i,
  checked,
  onChange,
}: {
  invitation: Invitation;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Card checked={checked} onClick={() => onChange(!checked)} radius="md" p="md">
      <Group wrap="nowrap" align="center" gap="md">
        <Checkbox.Indicator size="lg" />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} dir="auto">
            {i.guideName}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t(`events.response.${i.response ?? 'open'}`)}
            </Text>
            {i.hoursBooked && (
              <Badge size="xs" variant="light" color="green">
                {t('events.attendance.hoursBooked')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Checkbox.Card>
  );
}
