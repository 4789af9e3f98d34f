import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutOfScopeFinding, RequestItem } from '../../api/coordinationTypes';

export type SensitiveCategory = RequestItem['sensitiveTextWarnings'][number];
type SuggestedService = RequestItem['suggestedServices'][number];

/** Data-protection warning: health, religion and residence details do not belong in free text (DSGVO Art. 9). */
export function SensitiveTextWarning({
  categories,
  saved = false,
  freeText = false,
}: {
  categories: SensitiveCategory[];
  saved?: boolean;
  /** A note or message rather than a request's description: the explanation names the text, not the fields. */
  freeText?: boolean;
}) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconShieldLock aria-hidden />}
      title={saved ? t('requests.sensitive.savedTitle') : t('requests.sensitive.title')}
    >
      <Stack gap={6}>
        <Text size="sm">{freeText ? t('privacy.sensitiveText') : t('requests.sensitive.text')}</Text>
        <List size="sm">
          {categories.map((c) => (
            <List.Item key={c}>{t(`requests.sensitive.${c}`)}</List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

function findingText(f: OutOfScopeFinding, t: (key: string, o?: Record<string, unknown>) => string) {
  const matter = t(`requests.matter.${f.matter}`);
  if (f.source === 'keyword') return t('requests.outOfScope.byKeyword', { matter, keyword: f.keyword ?? '' });
  if (f.source === 'field_type') return t('requests.outOfScope.byFieldType', { matter });
  return t('requests.outOfScope.byMatter', { matter });
}

/** Matters with legal or medical consequences go to professionals; the directory proposes where. */
export function OutOfScopeAlert({
  findings,
  services,
  live = false,
}: {
  findings: OutOfScopeFinding[];
  services: SuggestedService[];
  live?: boolean;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('requests.outOfScope.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{live ? t('requests.outOfScope.liveText') : t('requests.outOfScope.text')}</Text>
        <List size="sm">
          {findings.map((f) => (
            <List.Item key={f.matter}>{findingText(f, t)}</List.Item>
          ))}
        </List>
        {services.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('requests.outOfScope.services')}
            </Text>
            <List size="sm" spacing={4}>
              {services.map((s) => (
                <List.Item key={s.id}>
                  <Text span size="sm" fw={600}>
                    {s.name}
                  </Text>
                  {s.phone && (
                    <>
                      {' · '}
                      <Anchor href={`tel:${s.phone.replace(/[^+\d]/g, '')}`} size="sm" dir="ltr" underline="always">
                        {s.phone}
                      </Anchor>
                    </>
                  )}
                  {s.url && (
                    <>
                      {' · '}
                      <Anchor href={s.url} target="_blank" rel="noopener noreferrer" size="sm" underline="always">
                        {t('requests.outOfScope.website')}
                      </Anchor>
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('requests.outOfScope.noServices')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
