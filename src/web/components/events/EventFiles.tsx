import { ActionIcon, Alert, Anchor, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_FILE_MAX_BYTES, EVENT_FILE_TYPES } from '../../../shared/eventEnums.js';
import type { EventDetail, EventFile } from '../../../shared/events.js';
import { ApiError, api, apiUrl } from '../../api/client';
import { eventKeys } from '../../api/eventQueries';
import { fileToBase64 } from '../../api/expenseQueries';
import { useApiMutation } from '../../api/queries';
import { formatDateTime, formatFileSize } from '../../i18n/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { FormError } from '../FormError';
import { notifySuccess } from '../notify';

/** What the file picker offers; the server decides by content all the same. */
const ACCEPT = [...Object.keys(EVENT_FILE_TYPES), ...Object.values(EVENT_FILE_TYPES).map((e) => `.${e}`)].join(',');

/** The server's field messages (e.g. which types are allowed), shown under the error's title. */
const fieldMessages = (error: unknown) => (error instanceof ApiError ? error.fieldErrors.map((e) => e.message) : []);

/**
 * The event's files under the minutes: everyone who sees the event downloads them; coordinators upload and delete.
 * Downloads are plain links (the server sends an attachment), so they work on a phone without any script.
 */
export function EventFiles({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const manage = Boolean(event.abilities.manageFiles);
  const [tooLarge, setTooLarge] = useState(false);
  const [deleting, setDeleting] = useState<EventFile | null>(null);
  const upload = useApiMutation(
    async (file: File) =>
      api.post<EventFile>(`/events/${event.id}/files`, {
        fileName: file.name,
        contentBase64: await fileToBase64(file),
      }),
    [eventKeys.all],
  );
  const remove = useApiMutation((fileId: string) => api.delete(`/events/${event.id}/files/${fileId}`), [eventKeys.all]);
  const pick = (file: File | null) => {
    if (!file) return;
    upload.reset();
    // Checked here too, so a phone does not send 14 MB only to hear "too large".
    setTooLarge(file.size > EVENT_FILE_MAX_BYTES);
    if (file.size > EVENT_FILE_MAX_BYTES) return;
    upload.mutate(file, { onSuccess: () => notifySuccess(t('events.files.uploaded')) });
  };
  return (
    <Card padding="md" component="section" aria-labelledby="event-files">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} size="h4" id="event-files">
          {t('events.files.title')}
        </Title>
        {manage && (
          <FileButton onChange={pick} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
              >
                {t('events.files.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {manage && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('events.files.uploadHint')}
        </Text>
      )}
      {tooLarge && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" mb="md">
          {t('events.files.tooLarge')}
        </Alert>
      )}
      <FormError error={upload.error} extra={fieldMessages(upload.error)} />
      {event.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('events.files.empty')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {event.files.map((f) => (
            <Group key={f.id} component="li" justify="space-between" wrap="nowrap" gap="xs" py={4}>
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconDownload size={16} aria-hidden style={{ flexShrink: 0 }} />
                <div style={{ minWidth: 0 }}>
                  <Anchor
                    href={apiUrl(`/events/${event.id}/files/${f.id}`)}
                    download
                    size="sm"
                    dir="auto"
                    aria-label={t('events.files.download', { name: f.fileName })}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {f.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="tabular">
                    {formatFileSize(f.sizeBytes)} · {formatDateTime(f.createdAt)}
                  </Text>
                </div>
              </Group>
              {manage && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('events.files.delete', { name: f.fileName })}
                  onClick={() => {
                    remove.reset();
                    setDeleting(f);
                  }}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('events.files.deleteTitle')}
        text={t('events.files.deleteText', { name: deleting?.fileName ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove
            .mutateAsync(deleting.id)
            .then(() => {
              notifySuccess(t('events.files.deleted'));
              setDeleting(null);
            })
            // The dialog shows the error (remove.error) and stays open.
            .catch(() => undefined)
        }
      />
    </Card>
  );
}
