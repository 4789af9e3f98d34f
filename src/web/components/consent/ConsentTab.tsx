import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconFileTypePdf, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, type ConsentKind, type ConsentText } from '../../../shared/consent.js';
import { api } from '../../api/client';
import { consentKeys, consentPdfUrl, useConsentTexts } from '../../api/consentQueries';
import { useApiMutation } from '../../api/queries';
import { currentLocale } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { notifySuccess } from '../notify';
import { EmptyState, ErrorState, LoadingState } from '../States';
import { ConsentTextModal } from './ConsentTextModal';
import { PendingConfirmations } from './PendingConfirmations';

const STATE_COLOR = { draft: 'yellow', published: 'green', superseded: 'gray' } as const;

function PdfLinks({ text }: { text: ConsentText }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {text.languages.map((l) => (
        <Button
          key={l}
          component="a"
          href={consentPdfUrl(text.id, l)}
          download
          size="compact-sm"
          variant="default"
          leftSection={<IconFileTypePdf size={14} aria-hidden />}
          // The accessible name starts with the visible code (WCAG 2.5.3 label in name).
          aria-label={`${l.toUpperCase()}: ${t('consent.pdfNamed', { version: text.version, language: t(`consent.language.${l}`) })}`}
        >
          {l.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

function KindCard({ kind, versions }: { kind: ConsentKind; versions: ConsentText[] }) {
  const { t } = useTranslation();
  // Each version's title in the interface language where the version has it, else in German.
  const ui = currentLocale();
  const [editing, setEditing] = useState<'new' | 'draft' | null>(null);
  const [publishing, setPublishing] = useState(false);
  const draft = versions.find((v) => v.state === 'draft') ?? null;
  const current = versions.find((v) => v.state === 'published') ?? null;
  const publish = useApiMutation((id: string) => api.post(`/consent-texts/${id}/publish`), [consentKeys.all]);
  const headingId = `consent-${kind}-h`;

  return (
    <Card padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h5" id={headingId}>
            {t(`consent.kind.${kind}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {current
              ? t('consent.inForce', { version: formatNumber(current.version), date: formatDate(current.publishedAt) })
              : t('consent.noneInForce')}
          </Text>
        </div>
        <Group gap="xs">
          {draft ? (
            <>
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={() => setEditing('draft')}
              >
                {t('consent.editDraft')}
              </Button>
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setPublishing(true)}>
                {t('consent.publish')}
              </Button>
            </>
          ) : (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('consent.newVersion')}
            </Button>
          )}
        </Group>
      </Group>
      {versions.length === 0 ? (
        <EmptyState title={t('consent.noVersions')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped="even" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consent.col.version')}</Table.Th>
                <Table.Th scope="col">{t('consent.col.state')}</Table.Th>
                <Table.Th scope="col">{t('consent.col.title')}</Table.Th>
                <Table.Th scope="col">{t('consent.col.publishedAt')}</Table.Th>
                <Table.Th scope="col">{t('consent.col.pdf')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td className="tabular">{formatNumber(v.version)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATE_COLOR[v.state]}>
                      {t(`consent.state.${v.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lang={v.texts[ui] ? ui : 'de'}>
                      {(v.texts[ui] ?? v.texts.de)?.title}
                    </Text>
                    {v.changeNote && (
                      <Text size="xs" c="dimmed">
                        {v.changeNote}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{v.publishedAt ? formatDate(v.publishedAt) : '–'}</Table.Td>
                  <Table.Td>
                    <PdfLinks text={v} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ConsentTextModal
          kind={kind}
          draft={editing === 'draft' ? draft : null}
          base={current}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={publishing}
        danger={false}
        title={t('consent.publishTitle', { version: formatNumber(draft?.version ?? 0) })}
        text={t(kind === 'person_consent' ? 'consent.publishTextPerson' : 'consent.publishText')}
        confirmLabel={t('consent.publish')}
        loading={publish.isPending}
        error={publish.error}
        onClose={() => {
          setPublishing(false);
          publish.reset();
        }}
        onConfirm={() =>
          draft &&
          publish.mutate(draft.id, {
            onSuccess: () => {
              notifySuccess(t('consent.published', { version: formatNumber(draft.version) }));
              setPublishing(false);
            },
          })
        }
      />
    </Card>
  );
}

/** Settings → consent: the versions of each text, drafts and publishing, and who has not confirmed yet. */
export function ConsentTab() {
  const { t } = useTranslation();
  const texts = useConsentTexts();
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h4">
          {t('consent.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('consent.intro')}
        </Text>
      </div>
      {texts.isPending ? (
        <LoadingState />
      ) : texts.isError ? (
        <ErrorState error={texts.error} onRetry={() => void texts.refetch()} />
      ) : (
        CONSENT_KINDS.map((kind) => (
          <KindCard key={kind} kind={kind} versions={texts.data.items.filter((x) => x.kind === kind)} />
        ))
      )}
      <PendingConfirmations />
    </Stack>
  );
}
