import { Anchor, Badge } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExpenseClaim } from '../../../shared/expenses.js';
import { apiUrl } from '../../api/client';
import { formatDate } from '../../i18n/format';

const COLORS: Record<ExpenseClaim['status'], string> = {
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
  paid: 'green',
};

export function ClaimStatusBadge({ status }: { status: ExpenseClaim['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" size="sm" color={COLORS[status]}>
      {t(`expenses.status.${status}`)}
    </Badge>
  );
}

/** The receipt as a download (the server sends it as an attachment, never rendered inline in the app). */
export function ReceiptLink({ claim }: { claim: ExpenseClaim }) {
  const { t } = useTranslation();
  if (!claim.receipt) return null;
  return (
    <Anchor
      href={apiUrl(`/expense-claims/${claim.id}/receipt`)}
      download
      size="sm"
      aria-label={`${t('expenses.viewReceipt')}: ${claim.receipt.fileName}, ${formatDate(claim.date)}`}
    >
      <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('expenses.viewReceipt')}
    </Anchor>
  );
}

export function routeOf(claim: ExpenseClaim) {
  return [claim.origin, claim.destination].filter(Boolean).join(' → ');
}
