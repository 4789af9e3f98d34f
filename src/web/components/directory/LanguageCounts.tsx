import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_MIN_GUIDES, type DirectoryOffice } from '../../../shared/directory.js';
import { formatNumber, languageName } from '../../i18n/format';

/** The languages the office's guides speak, as rounded counts; a list, so screen readers hear how many. */
export function LanguageCounts({
  languages,
  note,
}: {
  languages: NonNullable<DirectoryOffice['languages']>;
  note?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {languages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('directory.languagesNone')}
        </Text>
      ) : (
        <Group component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {languages.map((l) => (
            <li key={l.code}>
              <Badge variant="light" color="blue" size="lg" tt="none" fw={600}>
                {languageName(l.code, i18n.language)}{' '}
                <Text span size="xs" fw={400} c="dark.6">
                  {t('directory.approx', { value: formatNumber(l.approxGuides) })}
                </Text>
              </Badge>
            </li>
          ))}
        </Group>
      )}
      {note && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('directory.languagesNote', { min: DIRECTORY_MIN_GUIDES })}
        </Text>
      )}
    </>
  );
}
