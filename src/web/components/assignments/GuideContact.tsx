import { Alert, Anchor, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssignmentItem } from '../../api/coordinationTypes';
import './assignments.css';

/**
 * What the partner sees after matching: the guide's first name and the one contact channel the guide agreed to
 * share (guide profile), while the deployment runs. Nothing when the guide shares nothing.
 */
export function GuideContact({ assignment }: { assignment: AssignmentItem }) {
  const { t } = useTranslation();
  const contact = assignment.guideContact;
  if (!contact) return null;
  const phone = contact.channel === 'phone';
  return (
    <Alert
      color="petrol"
      variant="light"
      icon={phone ? <IconPhone aria-hidden /> : <IconMail aria-hidden />}
      title={t('assignments.guideContactTitle', { name: contact.firstName })}
      data-testid="guide-contact"
    >
      <Text size="sm">
        <ContactChannel contact={contact} />
      </Text>
    </Alert>
  );
}

/** "Erreichbar per Telefon: 0511 …" with a tel: or mailto: link; also on the partner's request page. */
export function ContactChannel({ contact }: { contact: NonNullable<AssignmentItem['guideContact']> }) {
  const { t } = useTranslation();
  const phone = contact.channel === 'phone';
  const href = phone ? `tel:${contact.value.replace(/[^+\d]/g, '')}` : `mailto:${contact.value}`;
  return (
    <>
      {phone ? t('assignments.guideContactPhone') : t('assignments.guideContactEmail')}{' '}
      <Anchor href={href} dir="ltr" underline="always" fw={600} className="nowrap">
        {contact.value}
      </Anchor>
    </>
  );
}
