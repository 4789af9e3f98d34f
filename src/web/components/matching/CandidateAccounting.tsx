import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HARD_GATES } from '../../../domain/matching/types.js';
import type { Candidates } from '../../api/coordinationTypes';
import { formatNumber } from '../../i18n/format';

/** Every guide of the office is accounted for: ranked, not eligible (shown), not considered, filtered out. */
export function accountingLine(a: Candidates['accounting'], t: (k: string, o?: Record<string, unknown>) => string) {
  return t('matching.accounting', {
    count: a.guides,
    guides: formatNumber(a.guides),
    ranked: formatNumber(a.ranked),
    listed: formatNumber(a.notEligibleListed),
    notConsidered: formatNumber(a.notConsidered),
    filteredOut: formatNumber(a.filteredOut),
  });
}

/** How many guides (matching the filters) fail each hard gate; a guide can fail several. */
export function FailedGateCounts({ failed }: { failed: Candidates['accounting']['failedGates'] }) {
  const { t } = useTranslation();
  const gates = HARD_GATES.filter((g) => (failed[g] ?? 0) > 0);
  if (gates.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" mb="xs">
      <Text size="sm" fw={500} id="cand-failed-gates">
        {t('matching.failedGates')}
      </Text>
      <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="cand-failed-gates">
        {gates.map((g) => (
          <Badge key={g} component="li" variant="light" color="gray" size="md" className="tabular">
            {t(`matching.gate.${g}`)}: {formatNumber(failed[g] ?? 0)}
          </Badge>
        ))}
      </Group>
    </Group>
  );
}
