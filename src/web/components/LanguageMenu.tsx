import { Menu } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/enums.js';
import { useAuth } from '../auth/AuthProvider';
import { directionOf, i18next, LOCALE_NAMES, storeLocale } from '../i18n';
import type { DeferredMenuProps } from './DeferredMenu';
import { notifyError } from './notify';

/** The language switcher's menu, loaded after the first paint (see `deferredMenu`). */
export function LanguageMenu({ target, defaultOpened, locale }: DeferredMenuProps & { locale: Locale }) {
  const { t } = useTranslation();
  const { me, saveLocale } = useAuth();

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
    <Menu position="bottom-end" withinPortal shadow="md" defaultOpened={defaultOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={directionOf(l)}
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
