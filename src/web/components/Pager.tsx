import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page controls with accessible names and a "showing x–y of z" line. */
export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (total === 0) return null;
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.showing', { from: offset + 1, to: Math.min(offset + limit, total), total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => onChange((p - 1) * limit)}
            siblings={1}
            boundaries={1}
            size="sm"
            getItemProps={(p) => ({
              'aria-label': t('common.page', { page: p }),
              'aria-current': p === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({
              'aria-label': t(`common.pageControl.${control}`),
            })}
          />
        </nav>
      )}
    </Group>
  );
}
