import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../api/coordinationTypes';
import { formatDate } from '../../i18n/format';
import { formatMoment, isolate, localizeIsoDates } from '../coordination/format';
import { Field, FieldList } from '../Field';

const STEP_COLORS: Record<string, string> = { open: 'gray', in_progress: 'blue', done: 'green', dropped: 'grape' };

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h6" mb={4}>
        {title}
      </Title>
      {children}
    </div>
  );
}

/** The agreement's content: goal, steps, period and rhythm, the fixed texts, and the extensions so far. */
export function AgreementBody({ agreement: g }: { agreement: Agreement }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Block title={t('assignments.field.goal')}>
        <Text size="sm" className="preformatted" dir="auto">
          {g.goal}
        </Text>
      </Block>
      <Block title={t('assignments.field.steps')}>
        <List type="ordered" size="sm" spacing={6}>
          {g.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity beyond their position
            <List.Item key={i}>
              <Group gap="xs" wrap="wrap">
                <Text span size="sm" dir="auto" td={s.status === 'dropped' ? 'line-through' : undefined}>
                  {s.title}
                </Text>
                <Badge size="sm" variant="light" color={STEP_COLORS[s.status]}>
                  {t(`assignments.step.${s.status}`)}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      </Block>
      <FieldList>
        <Field label={t('assignments.field.period')}>
          {t('coordination.period', { from: formatDate(g.startsOn), to: formatDate(g.endsOn) })}
        </Field>
        <Field label={t('assignments.field.frequency')}>{t(`requests.frequency.${g.frequency}`)}</Field>
        <Field label={t('assignments.field.reviewOn')}>{formatDate(g.reviewOn)}</Field>
        <Field label={t('assignments.field.contactChannels')}>{g.contactChannels || '–'}</Field>
      </FieldList>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Block title={t('assignments.field.boundaries')}>
          <Text size="sm" className="preformatted" dir="auto">
            {g.boundaries}
          </Text>
        </Block>
        <Block title={t('assignments.field.confidentiality')}>
          <Text size="sm" className="preformatted" dir="auto">
            {g.confidentiality}
          </Text>
        </Block>
      </SimpleGrid>
      {g.insurance && (
        <Block title={t('assignments.field.insurance')}>
          <Text size="sm" className="preformatted" dir="auto">
            {g.insurance}
          </Text>
        </Block>
      )}
      {g.extensions.length > 0 && (
        <Block title={t('assignments.extensionsTitle')}>
          <List size="sm" spacing={4}>
            {g.extensions.map((x) => (
              <List.Item key={x.at}>
                {t('assignments.extensionLine', {
                  from: formatDate(x.from),
                  to: formatDate(x.to),
                  at: formatMoment(x.at),
                  by: isolate(x.by),
                  reason: isolate(localizeIsoDates(x.reason)),
                })}
              </List.Item>
            ))}
          </List>
        </Block>
      )}
    </Stack>
  );
}
