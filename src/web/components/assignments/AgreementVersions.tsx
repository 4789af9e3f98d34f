import { Anchor, Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconFileTypePdf, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementPdfUrl, useAgreementVersions } from '../../api/coordinationQueries';
import type { Agreement, AssignmentItem } from '../../api/coordinationTypes';
import { formatMoment, isolate, localizeIsoDates } from '../coordination/format';
import { ErrorState, LoadingState } from '../States';
import { ConfirmationPair } from './AgreementConfirmations';

function VersionCard({ assignment: a, version: v }: { assignment: AssignmentItem; version: Agreement }) {
  const { t } = useTranslation();
  const current = !v.supersededAt;
  return (
    <Card component="li" padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text fw={650} size="sm">
              {t('assignments.versionBadge', { version: v.version })}
            </Text>
            <Badge size="sm" variant="light" color={current ? 'petrol' : 'gray'}>
              {current
                ? t('assignments.versionCurrent')
                : t('assignments.versionSuperseded', { date: formatMoment(v.supersededAt) })}
            </Badge>
          </Group>
          <Anchor href={agreementPdfUrl(a.id, v.version)} download size="sm" underline="always" className="pdf-link">
            <IconFileTypePdf size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
            {t('assignments.versionPdf', { version: v.version })}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed" className="tabular">
          {v.createdByName
            ? t('assignments.versionCreatedBy', { name: isolate(v.createdByName), date: formatMoment(v.createdAt) })
            : t('assignments.versionCreated', { date: formatMoment(v.createdAt) })}
        </Text>
        {v.changeNote && (
          <Text size="sm">{t('assignments.changeNoteShown', { note: isolate(localizeIsoDates(v.changeNote)) })}</Text>
        )}
        <ConfirmationPair assignment={a} agreement={v} />
      </Stack>
    </Card>
  );
}

/** Every version of the agreement with its change note, confirmations and PDF; loaded when opened. */
export function AgreementVersions({ assignment: a }: { assignment: AssignmentItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = useAgreementVersions(a.id, open);
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="sm"
        w="fit-content"
        px={6}
        leftSection={<IconHistory size={16} aria-hidden />}
        rightSection={
          <IconChevronDown
            size={14}
            aria-hidden
            style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
        }
        aria-expanded={open}
        aria-controls="agreement-versions"
        onClick={() => setOpen((v) => !v)}
      >
        {t('assignments.versionsToggle', { count: a.agreement?.version ?? 1 })}
      </Button>
      <Collapse in={open}>
        <div id="agreement-versions">
          {!open ? null : versions.isPending ? (
            <LoadingState rows={2} />
          ) : versions.isError ? (
            <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
          ) : (
            <Stack
              component="ol"
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('assignments.versionsTitle')}
            >
              {[...versions.data.items]
                .sort((x, y) => y.version - x.version)
                .map((v) => (
                  <VersionCard key={v.id} assignment={a} version={v} />
                ))}
            </Stack>
          )}
        </div>
      </Collapse>
    </Stack>
  );
}
