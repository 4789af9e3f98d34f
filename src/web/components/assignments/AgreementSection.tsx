import { Badge, Button, Divider, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementPdfUrl } from '../../api/coordinationQueries';
import type { AssignmentItem } from '../../api/coordinationTypes';
import { formatMoment, isolate, localizeIsoDates } from '../coordination/format';
import { SectionCard } from '../coordination/SectionCard';
import { AgreementBody } from './AgreementBody';
import { AgreementConfirmations } from './AgreementConfirmations';
import { AgreementVersions } from './AgreementVersions';
import { EditAgreementModal } from './EditAgreementModal';
import { ExtendModal } from './ExtendModal';
import './assignments.css';

/**
 * The agreement between partner, guide and the person accompanied: the current version with its change note, both
 * confirmations (time-stamped, named), the version history with a PDF per version, and the coordinator's edits.
 */
export function AgreementSection({ assignment: a }: { assignment: AssignmentItem }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'edit' | 'extend' | null>(null);
  const g = a.agreement;
  if (!g)
    return (
      <SectionCard title={t('assignments.agreementTitle')} id="asg-agreement">
        <Text size="sm" c="dimmed">
          {t('assignments.noAgreement')}
        </Text>
      </SectionCard>
    );

  const editable = a.abilities.editAgreement && a.status !== 'closed';
  return (
    <SectionCard
      title={t('assignments.agreementTitle')}
      id="asg-agreement"
      description={
        <>
          <Badge component="span" variant="light" color="petrol" size="md" me={8} className="tabular">
            {t('assignments.versionBadge', { version: g.version })}
          </Badge>
          {t('assignments.agreementHint')}
        </>
      }
      actions={
        <>
          <Button
            component="a"
            href={agreementPdfUrl(a.id)}
            download
            variant="default"
            size="sm"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('assignments.pdf')}
          </Button>
          {editable && (
            <>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconEdit size={16} aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                {t('assignments.editAgreement')}
              </Button>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
                onClick={() => setDialog('extend')}
              >
                {t('assignments.extend')}
              </Button>
            </>
          )}
        </>
      }
    >
      <Stack gap="md">
        {g.version > 1 && g.changeNote && (
          <Text size="sm" className="change-note">
            {t('assignments.changeNoteCurrent', {
              version: g.version,
              note: isolate(localizeIsoDates(g.changeNote)),
              name: isolate(g.createdByName ?? '–'),
              date: formatMoment(g.createdAt),
            })}
          </Text>
        )}
        <AgreementBody agreement={g} />
        <Divider />
        <AgreementConfirmations assignment={a} agreement={g} />
        <AgreementVersions assignment={a} />
      </Stack>
      {editable && dialog === 'edit' && (
        <EditAgreementModal assignmentId={a.id} agreement={g} opened onClose={() => setDialog(null)} />
      )}
      {editable && dialog === 'extend' && (
        <ExtendModal assignmentId={a.id} agreement={g} opened onClose={() => setDialog(null)} />
      )}
    </SectionCard>
  );
}
