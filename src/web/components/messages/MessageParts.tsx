import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageSummary, ThreadPost } from '../../../shared/messages.js';
import { formatDecimal } from '../../../shared/numbers.js';
import { formatMoment } from '../coordination/format';

/** "12 Empfänger*innen · 10 per E-Mail · 2 nur in der App · 3 mit Antwort" in the reader's locale. */
export function DeliveryLine({ counts }: { counts: MessageSummary['counts'] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatDecimal(v, i18n.language);
  const parts = [
    `${n(counts.total)} ${t('messages.counts.total')}`,
    `${n(counts.byMail)} ${t('messages.counts.byMail')}`,
    `${n(counts.optedOut + counts.noEmail)} ${t('messages.counts.inAppOnly')}`,
    `${n(counts.read)} ${t('messages.counts.read')}`,
    `${n(counts.replied)} ${t('messages.counts.replied')}`,
  ];
  return (
    <Text size="sm" c="dimmed" className="tabular">
      {parts.join(' · ')}
    </Text>
  );
}

/** The posts of one thread, oldest first; the guide's own side reads "Sie"/"you" through the author name. */
export function ThreadPosts({ posts }: { posts: ThreadPost[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {posts.map((p) => (
        <Paper
          key={p.id}
          component="li"
          withBorder
          p="sm"
          radius="md"
          bg={p.authorRole === 'coordinator' ? 'var(--mantine-color-blue-0)' : undefined}
        >
          <Group justify="space-between" gap="xs" mb={4}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {p.authorName}
              </Text>
              <Badge size="xs" variant="light" color={p.authorRole === 'coordinator' ? 'blue' : 'gray'}>
                {t(`messages.author.${p.authorRole}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" className="tabular">
              {formatMoment(p.createdAt)}
            </Text>
          </Group>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {p.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
