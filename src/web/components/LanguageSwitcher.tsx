import { Button, Text, VisuallyHidden } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/enums.js';
import { currentLocale, LOCALE_NAMES } from '../i18n';
import { DeferredMenu, lazyMenu } from './DeferredMenu';

const SHORT_NAMES: Record<Locale, string> = { de: 'DE', en: 'EN', ar: 'ع', fa: 'فا', tr: 'TR', ru: 'RU', uk: 'UK' };

const LanguageMenu = lazyMenu(() => import('./LanguageMenu').then((m) => m.LanguageMenu));

/** Deutsch / English / العربية / …: remembered on this device and, when signed in, on the account. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const button = (
    <Button
      variant="subtle"
      color="gray"
      c="var(--mantine-color-text)"
      leftSection={<IconLanguage size={18} aria-hidden />}
      px="xs"
    >
      {/* The name comes from the hidden text, which contains the visible language (label in name, WCAG 2.5.3). */}
      <VisuallyHidden>{t('common.languageSwitch', { language: LOCALE_NAMES[locale] })}</VisuallyHidden>
      <Text span lang={locale} visibleFrom="xs" fw={600} size="sm" aria-hidden>
        {LOCALE_NAMES[locale]}
      </Text>
      <Text span lang={locale} hiddenFrom="xs" fw={600} size="sm" aria-hidden>
        {SHORT_NAMES[locale]}
      </Text>
    </Button>
  );
  return (
    <DeferredMenu
      target={button}
      menu={(opened) => <LanguageMenu target={button} defaultOpened={opened} locale={locale} />}
    />
  );
}
