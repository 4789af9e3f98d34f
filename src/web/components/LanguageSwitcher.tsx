import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/enums.js';
import { useAuth } from '../auth/AuthProvider';
import { currentLocale, i18next, LOCALE_NAMES, storeLocale } from '../i18n';
import { notifyError } from './notify';

const SHORT_NAMES: Record<Locale, string> = { de: 'DE', en: 'EN', ar: 'ع' };

/** Deutsch / English / العربية: remembered on this device and, when signed in, on the account. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { me, saveLocale } = useAuth();
  const locale = currentLocale();

  async function choose(next: Locale) {
    storeLocale(next);
    await i18next.changeLanguage(next);
    if (me) {
      try {
        await saveLocale(next);
      } catch {
        notifyError(t('common.localeNotSaved'));
      }
    }
  }

  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
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
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            onClick={() => void choose(l)}
            rightSection={l === locale ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={l === locale ? 'true' : undefined}
          >
            {LOCALE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
