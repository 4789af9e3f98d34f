import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentText } from '../../../shared/consent.js';
import type { Locale } from '../../../shared/enums.js';
import { api } from '../../api/client';
import { consentKeys, consentPdfUrl, useMyConsents } from '../../api/consentQueries';
import { keys, useApiMutation } from '../../api/queries';
import { currentLocale, directionOf } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { FormError } from '../FormError';
import { notifySuccess } from '../notify';

function ConfirmCard({ text }: { text: ConsentText }) {
  const { t } = useTranslation();
  const ui = currentLocale() as Locale;
  const [language, setLanguage] = useState<Locale>(text.languages.includes(ui) ? ui : (text.languages[0] ?? 'de'));
  const content = text.texts[language];
  const confirm = useApiMutation(
    () => api.post('/me/consents', { textId: text.id, language }),
    [consentKeys.all, keys.guides],
  );
  const headingId = `confirm-${text.id}-h`;
  return (
    <Card
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      withBorder
      style={{ borderColor: 'var(--mantine-color-orange-4)' }}
    >
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {t('consent.confirm.title', { kind: t(`consent.kind.${text.kind}`) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('consent.confirm.intro', {
              version: formatNumber(text.version),
              date: formatDate(text.publishedAt),
            })}
          </Text>
        </div>
        {text.changeNote && (
          <Alert variant="light" color="blue" title={t('consent.confirm.whatChanged')}>
            {text.changeNote}
          </Alert>
        )}
        {text.languages.length > 1 && (
          <SegmentedControl
            aria-label={t('consent.confirm.language')}
            value={language}
            onChange={(v) => setLanguage(v as Locale)}
            data={text.languages.map((l) => ({ value: l, label: t(`consent.language.${l}`) }))}
            w="fit-content"
          />
        )}
        {content && (
          <Card withBorder padding="md" bg="var(--mantine-color-gray-0)" lang={language} dir={directionOf(language)}>
            <Title order={3} size="h5" mb="xs">
              {content.title}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {content.body}
            </Text>
          </Card>
        )}
        <FormError error={confirm.error} />
        <Group>
          <Button
            leftSection={<IconCircleCheck size={18} aria-hidden />}
            loading={confirm.isPending}
            onClick={async () => {
              // mutateAsync: the card unmounts once the list refetches, and a per-call onSuccess would be dropped.
              try {
                await confirm.mutateAsync(undefined);
                notifySuccess(t('consent.confirm.done'));
              } catch {
                /* FormError shows it */
              }
            }}
          >
            {t('consent.confirm.button')}
          </Button>
          <Button
            component="a"
            href={consentPdfUrl(text.id, language)}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('consent.confirm.pdf')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('consent.confirm.hint')}
        </Text>
      </Stack>
    </Card>
  );
}

/** On the guide's home: every text in force that waits for their confirmation. */
export function ConsentConfirmCards() {
  const mine = useMyConsents();
  if (!mine.data?.pending.length) return null;
  return (
    <Stack gap="md" mb="xl">
      {mine.data.pending.map((text) => (
        <ConfirmCard key={text.id} text={text} />
      ))}
    </Stack>
  );
}
