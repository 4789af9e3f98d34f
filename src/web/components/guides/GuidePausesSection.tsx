import { Badge, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlayerPause } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GuidePause } from '../../../shared/guidePauses.js';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { ErrorSummary, useErrorSummary, withFieldIds } from '../ErrorSummary';
import { notifySuccess } from '../notify';
import { errorMessage } from '../States';
import { Section } from './GuideSections';

type PauseList = { items: GuidePause[]; total: number; today: string; canEdit: boolean };
type Values = { startsOn: string; endsOn: string; reason: string };

const pauseKey = (guideId: string) => ['guide-pauses', guideId] as const;
const STATE_COLOR = { current: 'orange', upcoming: 'blue', past: 'gray' } as const;

/**
 * "My profile and availability": the guide pauses themself for a holiday or an illness, from one date to another;
 * matching leaves them out on those days. Coordinators see the pauses here, read-only.
 */
export function GuidePausesSection({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: pauseKey(guideId),
    queryFn: () => api.get<PauseList>(`/guides/${guideId}/pauses`),
  });
  const form = useForm<Values>({
    initialValues: { startsOn: '', endsOn: '', reason: '' },
    enhanceGetInputProps: withFieldIds('pause'),
    validate: {
      startsOn: (v) => (v ? null : t('guides.pauses.startRequired')),
      endsOn: (v, all) =>
        !v
          ? t('guides.pauses.endRequired')
          : all.startsOn && v < all.startsOn
            ? t('validation.pauseEndBeforeStart')
            : null,
    },
  });
  const errors = useErrorSummary(form, 'pause');
  const add = useApiMutation(
    (v: Values) =>
      api.post(`/guides/${guideId}/pauses`, {
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        reason: v.reason.trim() || null,
      }),
    [pauseKey(guideId)],
  );
  const end = useApiMutation((id: string) => api.post(`/guides/${guideId}/pauses/${id}/end`), [pauseKey(guideId)]);
  const remove = useApiMutation((id: string) => api.delete(`/guides/${guideId}/pauses/${id}`), [pauseKey(guideId)]);
  const data = list.data;
  const actionError = end.error ?? remove.error;

  return (
    <Section title={t('guides.pauses.title')} id="guide-pauses">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {data?.canEdit ? t('guides.pauses.introOwn') : t('guides.pauses.intro')}
        </Text>
        {list.isError && <Text c="red">{errorMessage(list.error, t)}</Text>}
        {data && data.items.length === 0 && <Text size="sm">{t('guides.pauses.none')}</Text>}
        {data?.items.map((p) => (
          <Group key={p.id} justify="space-between" wrap="wrap" gap="xs" data-testid="guide-pause">
            <Stack gap={0}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {t('guides.pauses.range', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
                </Text>
                <Badge variant="light" color={STATE_COLOR[p.state]}>
                  {t(`guides.pauses.state.${p.state}`)}
                </Badge>
              </Group>
              {p.reason && (
                <Text size="sm" c="dimmed">
                  {p.reason}
                </Text>
              )}
            </Stack>
            {data.canEdit && (
              <Group gap="xs">
                {p.state !== 'past' && (
                  <Button size="xs" variant="default" loading={end.isPending} onClick={() => end.mutate(p.id)}>
                    {p.state === 'current' ? t('guides.pauses.endNow') : t('guides.pauses.cancel')}
                  </Button>
                )}
                {p.state === 'past' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending}
                    onClick={() => remove.mutate(p.id)}
                  >
                    {t('common.delete')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        ))}
        {actionError && <Text c="red">{errorMessage(actionError, t)}</Text>}
        {data?.canEdit && (
          <form
            noValidate
            onSubmit={form.onSubmit(
              (v) =>
                errors.run(async () => {
                  await add.mutateAsync(v);
                  form.reset();
                  notifySuccess(t('guides.pauses.saved'));
                }),
              errors.onInvalid,
            )}
          >
            <Stack gap="xs">
              <ErrorSummary {...errors.summary} />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <TextInput type="date" label={t('guides.pauses.from')} required {...form.getInputProps('startsOn')} />
                <TextInput
                  type="date"
                  label={t('guides.pauses.to')}
                  required
                  min={form.values.startsOn || data.today}
                  {...form.getInputProps('endsOn')}
                />
              </SimpleGrid>
              <TextInput
                label={t('guides.pauses.reason')}
                description={t('guides.pauses.reasonHint')}
                maxLength={200}
                {...form.getInputProps('reason')}
              />
              <div>
                <Button type="submit" loading={add.isPending} leftSection={<IconPlayerPause size={16} aria-hidden />}>
                  {t('guides.pauses.add')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
