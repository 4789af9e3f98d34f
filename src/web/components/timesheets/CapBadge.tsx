import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimeSheet } from '../../../shared/timesheets.js';

const COLORS = { none: 'gray', ok: 'teal', warning: 'orange', reached: 'red' } as const;

/**
 * Where a guide stands against the year's cap of paid hours. `compact` lets the text wrap inside a table cell,
 * so a narrow column does not push the row's actions out of view.
 */
export function CapBadge({ cap, compact = false }: { cap: TimeSheet['cap']; compact?: boolean }) {
  const { t } = useTranslation();
  if (cap.capHours === null) return null;
  return (
    <Badge
      color={COLORS[cap.state]}
      variant="light"
      size="lg"
      style={{ textTransform: 'none' }}
      styles={
        compact
          ? { root: { height: 'auto', maxWidth: 180, paddingBlock: 3 }, label: { whiteSpace: 'normal' } }
          : undefined
      }
    >
      {t(`timesheets.cap.${cap.state}`, {
        used: Math.round((cap.usedMinutes / 60) * 10) / 10,
        cap: cap.capHours,
      })}
    </Badge>
  );
}

const STATE_COLORS = { open: 'gray', submitted: 'blue', returned: 'orange', approved: 'teal' } as const;
export function SheetStateBadge({ state }: { state: TimeSheet['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" size="lg" style={{ textTransform: 'none' }}>
      {t(`timesheets.state.${state}`)}
    </Badge>
  );
}
