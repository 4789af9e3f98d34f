import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';

/** "Teilnehmendenliste (PDF)" of one session, for the coordinator or the course's trainer. */
export function AttendanceListLink({
  courseId,
  sessionId,
  label,
}: {
  courseId: string;
  sessionId: string;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      component="a"
      size="xs"
      variant="subtle"
      download
      href={apiUrl(`/courses/${courseId}/sessions/${sessionId}/attendance-list.pdf`, { language: i18n.language })}
      leftSection={<IconDownload size={14} aria-hidden />}
      aria-label={t('certificates.attendanceListNamed', { session: label })}
    >
      {t('certificates.attendanceList')}
    </Button>
  );
}
