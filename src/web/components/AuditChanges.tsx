import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && ('from' in v || 'to' in v);

/** The changed fields of an audit event: names first, old and new values on demand. */
export function AuditChanges({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) return <>–</>;
  const entries = Object.entries(changes);
  const label = (field: string) => t(`audit.field.${field}`, { defaultValue: field });
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm">
          {entries.map(([field]) => label(field)).join(', ')}
        </Text>
      </summary>
      <dl style={{ margin: '6px 0 0' }}>
        {entries.map(([field, value]) => (
          <div key={field} style={{ marginBottom: 4 }}>
            <Text component="dt" size="xs" fw={600}>
              {label(field)}
            </Text>
            <Text component="dd" size="xs" m={0} style={{ overflowWrap: 'anywhere' }} dir="auto">
              {isChange(value) ? (
                <>
                  {show(value.from)} <span aria-hidden>→</span>
                  <span className="visually-hidden">{t('audit.changedTo')}</span> {show(value.to)}
                </>
              ) : (
                show(value)
              )}
            </Text>
          </div>
        ))}
      </dl>
    </details>
  );
}
