import { Alert, Badge, Button, CloseButton, Group, List, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { offerCreateInput } from '../../../shared/matching.js';
import { ApiError, type List as ApiList, api } from '../../api/client';
import { coordinationKeys, coordinationWide, useOfficeSettings } from '../../api/coordinationQueries';
import type { OfferItem } from '../../api/coordinationTypes';
import { useApiMutation } from '../../api/queries';
import { formatList } from '../../i18n/format';
import { AppModal } from '../AppModal';
import { formatMoment } from '../coordination/format';
import { notifySuccess } from '../notify';
import { errorMessage } from '../States';
import { type Chosen, fullName, needsReason } from './candidateUtils';

const DEADLINES = [24, 48, 72];
const URGENT_HOURS = 24;

type Body = z.input<typeof offerCreateInput>;

/** The offer: who gets it, a message, the answer deadline, and the reason when an exception is made. */
export function OfferDialog({
  requestId,
  chosen,
  threshold,
  urgent,
  opened,
  onClose,
  onRemove,
  onSent,
}: {
  requestId: string;
  chosen: Chosen[];
  threshold: number;
  urgent: boolean;
  opened: boolean;
  onClose: () => void;
  onRemove: (guideId: string) => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const settings = useOfficeSettings();
  const officeHours = settings.data?.offerExpiryHours ?? 72;
  const timeZone = settings.data?.timeZone;
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const weak = chosen.filter((c) => needsReason(c, threshold));
  const send = useApiMutation(
    (body: Body) => api.post<ApiList<OfferItem>>(`/requests/${requestId}/offers`, body),
    [
      ...coordinationWide,
      coordinationKeys.candidates(requestId),
      coordinationKeys.requestOffers(requestId),
      coordinationKeys.request(requestId),
    ],
  );

  // The deadline starts at the office's default; urgent requests suggest a shorter one.
  useEffect(() => {
    if (opened && hours === null && settings.data) setHours(String(urgent ? URGENT_HOURS : officeHours));
  }, [opened, hours, settings.data, urgent, officeHours]);

  const options = useMemo(
    () =>
      [...new Set([...DEADLINES, officeHours])]
        .sort((a, b) => a - b)
        .map((h) => ({
          value: String(h),
          label:
            h === officeHours
              ? t('matching.deadlineDefault', { hours: t('offers.hours', { count: h }) })
              : t('offers.hours', { count: h }),
        })),
    [officeHours, t],
  );
  const chosenHours = Number(hours ?? officeHours);
  const deadline = new Date(Date.now() + chosenHours * 3_600_000).toISOString();

  const problems = send.error instanceof ApiError ? send.error.fieldErrors : [];
  const reasonError = problems.find((p) => p.path === 'overrideReason')?.message;
  const guideProblems = problems
    .filter((p) => p.path.startsWith('guideIds.'))
    .map((p) => {
      const who = chosen[Number(p.path.split('.')[1])];
      return who ? `${fullName(who.candidate)}: ${p.message}` : p.message;
    });
  const generalError = send.error && !reasonError && guideProblems.length === 0 ? errorMessage(send.error, t) : null;

  function close() {
    send.reset();
    setLocalError(null);
    setReasonMissing(false);
    onClose();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocalError(null);
    if (chosen.length === 0) return setLocalError(t('matching.chooseFirst'));
    if (weak.length > 0 && reason.trim().length < 5) return setReasonMissing(true);
    send.mutate(
      {
        guideIds: chosen.map((c) => c.candidate.guideId),
        message: message.trim(),
        ...(weak.length > 0 ? { overrideReason: reason.trim() } : {}),
        ...(chosenHours !== officeHours ? { expiresInHours: chosenHours } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('matching.sent', { count: chosen.length }));
          setMessage('');
          setReason('');
          setHours(null);
          onSent();
        },
      },
    );
  }

  return (
    <AppModal opened={opened} onClose={close} title={t('matching.composerTitle')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('matching.composerTitle')}>
        <Stack gap="md">
          {(localError || generalError || guideProblems.length > 0) && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={localError ?? generalError ?? t('common.errorTitle')}
            >
              {guideProblems.length > 0 && (
                <List size="sm">
                  {guideProblems.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} id="offer-recipients">
              {t('matching.recipients', { count: chosen.length })}
            </Text>
            <Stack
              component="ul"
              gap={4}
              p={0}
              m={0}
              mt={4}
              style={{ listStyle: 'none' }}
              aria-labelledby="offer-recipients"
            >
              {chosen.map((c) => (
                <Group component="li" key={c.candidate.guideId} gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {fullName(c.candidate)}
                    </Text>
                    {c.outside && (
                      <Badge size="sm" variant="light" color="orange">
                        {t('matching.outsideBadge')}
                      </Badge>
                    )}
                    {!c.outside && needsReason(c, threshold) && (
                      <Badge size="sm" variant="light" color="orange">
                        {c.candidate.eligible ? t('matching.belowThreshold') : t('matching.notEligibleShort')}
                      </Badge>
                    )}
                  </Group>
                  <CloseButton
                    size="sm"
                    aria-label={t('matching.removeRecipient', { name: fullName(c.candidate) })}
                    onClick={() => onRemove(c.candidate.guideId)}
                  />
                </Group>
              ))}
            </Stack>
          </div>
          <Textarea
            label={t('matching.message')}
            description={t('matching.messageHint')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <Select
            label={t('matching.deadline')}
            description={
              urgent
                ? t('matching.deadlineUrgentHint', { until: formatMoment(deadline, { timeZone, weekday: true }) })
                : t('matching.deadlineHint', { until: formatMoment(deadline, { timeZone, weekday: true }) })
            }
            data={options}
            value={hours ?? String(officeHours)}
            onChange={(v) => setHours(v)}
            allowDeselect={false}
          />
          {weak.length > 0 && (
            <Textarea
              label={t('matching.overrideReason')}
              description={t('matching.overrideReasonHint', {
                names: formatList(weak.map((c) => fullName(c.candidate))),
              })}
              required
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonMissing(false);
              }}
              error={reasonMissing ? t('validation.overrideReasonRequired') : reasonError}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={send.isPending}
              disabled={chosen.length === 0}
              leftSection={<IconSend size={16} className="flip-rtl" aria-hidden />}
            >
              {t('matching.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
