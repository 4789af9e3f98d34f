import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../domain/reports/period.js';
import { SACHBERICHT_SECTIONS, SACHBERICHT_TEXT_MAX } from '../../../shared/reports.js';
import { apiUrl, postForFile } from '../../api/client';
import { errorMessage } from '../States';

type Section = (typeof SACHBERICHT_SECTIONS)[number];

/** Saves a Blob under a file name through a temporary link (the browser's download). */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The funder forms of the reports page (issue 13 §2): the Niedersachsen Verwendungsnachweis (numerical part) as XLSX,
 * and the Sachbericht draft whose texts the coordinator types here. The texts are not stored: they live in this form
 * until the page is left, and go to the server only to render the PDF.
 */
export function FunderForms({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<Section, string>>({ goals: '', activities: '', outcomes: '', outlook: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { from: period.from, to: period.to, ...texts };
      const blob = await postForFile('/reports/sachbericht.pdf', body);
      saveBlob(blob, `Sachbericht-${period.from}-${period.to}.pdf`);
    } catch (e) {
      setError(`${t('reports.forms.failed')} ${errorMessage(e, t)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="reports-funder-forms">
      <Title order={2} size="h3" id="reports-funder-forms">
        {t('reports.forms.title')}
      </Title>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('reports.forms.verwendungsnachweis')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.forms.verwendungsnachweisHint')}
          </Text>
          <Group>
            <Button
              component="a"
              href={apiUrl('/reports/verwendungsnachweis.xlsx', { from: period.from, to: period.to })}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('reports.forms.downloadXlsx')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('reports.forms.sachbericht')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.forms.sachberichtHint')}
          </Text>
          {SACHBERICHT_SECTIONS.map((section) => (
            <Fragment key={section}>
              {section === 'outcomes' && (
                // The report's third section is the figures and charts: written by the report itself.
                <Text size="sm" fw={500}>
                  {t('reports.sb.figures')}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('reports.forms.figuresAutomatic')})
                  </Text>
                </Text>
              )}
              <Textarea
                label={t(`reports.sb.section.${section}`)}
                description={t('reports.forms.textHint')}
                value={texts[section]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setTexts((current) => ({ ...current, [section]: value }));
                }}
                maxLength={SACHBERICHT_TEXT_MAX}
                autosize
                minRows={3}
                maxRows={12}
              />
            </Fragment>
          ))}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group>
            <Button
              onClick={() => void download()}
              loading={busy}
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
            >
              {t('reports.forms.download')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
