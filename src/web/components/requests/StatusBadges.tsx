import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Size = 'sm' | 'md' | 'lg';

const REQUEST_STATUS_COLORS: Record<string, MantineColor> = {
  new: 'blue',
  in_review: 'indigo',
  offered: 'yellow',
  matched: 'teal',
  active: 'green',
  closed: 'gray',
  cancelled: 'grape',
  no_match: 'orange',
};

const URGENCY_COLORS: Record<string, MantineColor> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

const OFFER_STATUS_COLORS: Record<string, MantineColor> = {
  pending: 'yellow',
  accepted: 'green',
  declined: 'red',
  expired: 'gray',
  withdrawn: 'grape',
  superseded: 'gray',
};

const ASSIGNMENT_STATUS_COLORS: Record<string, MantineColor> = {
  pending_agreement: 'orange',
  active: 'green',
  closed: 'gray',
};

export function RequestStatusBadge({ status, size = 'md' }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={REQUEST_STATUS_COLORS[status] ?? 'gray'}>
      {t(`requests.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** Urgency as a word, never colour alone; "urgent" is filled so it stands out in long queues. */
export function UrgencyBadge({ urgency, size = 'md' }: { urgency: string; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant={urgency === 'urgent' ? 'filled' : 'light'} size={size} color={URGENCY_COLORS[urgency] ?? 'gray'}>
      {t(`requests.urgency.${urgency}`, { defaultValue: urgency })}
    </Badge>
  );
}

export function OfferStatusBadge({ status, size = 'md' }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={OFFER_STATUS_COLORS[status] ?? 'gray'}>
      {t(`offers.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function AssignmentStatusBadge({ status, size = 'md' }: { status: string; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size={size} color={ASSIGNMENT_STATUS_COLORS[status] ?? 'gray'}>
      {t(`assignments.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
