import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TRANSLATED_LOCALES, type TranslatedLocale } from '../../../shared/localized.js';
import { LOCALE_NAMES } from '../../i18n';

/** The languages an office text has besides German ("English · العربية"), or that it is German only. */
export function TranslatedInto({ translations }: { translations: Partial<Record<TranslatedLocale, string>> }) {
  const { t } = useTranslation();
  const done = TRANSLATED_LOCALES.filter((l) => translations[l]);
  return done.length ? (
    done.map((l) => LOCALE_NAMES[l]).join(' · ')
  ) : (
    <Text span size="sm" c="dimmed">
      {t('settings.items.germanOnly')}
    </Text>
  );
}
