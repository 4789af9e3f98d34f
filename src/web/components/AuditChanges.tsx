import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { humaniseKey } from '../../shared/audit.js';
import { formatDecimal } from '../../shared/numbers.js';
import { formatList } from '../i18n/format';

/** What the server writes instead of personal free text (audit/recorder.ts). */
const REDACTED = '[geändert]';

/** Enumerated values with a label of their own: "active → closed" reads "Laufend → Abgeschlossen". */
const VALUE_LABELS: Record<string, (entityType: string | undefined) => string | null> = {
  status: (entity) =>
    entity === 'request'
      ? 'requests.status'
      : entity === 'guide'
        ? 'status'
        : entity === 'assignment'
          ? 'assignments.status'
          : entity === 'offer'
            ? 'offers.status'
            : null,
  outcome: () => 'assignments.outcome',
  by: () => 'role',
  role: () => 'role',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function show(field: string, value: unknown, t: TFunction, locale: string, entityType?: string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (value === REDACTED) return t('audit.value.redacted');
  if (typeof value === 'boolean') return value ? t('audit.value.yes') : t('audit.value.no');
  if (typeof value === 'number') {
    if (field === 'expensesCents') return `${formatDecimal(value / 100, locale, { minFractionDigits: 2 })} €`;
    return formatDecimal(value, locale, { maxFractionDigits: 6 });
  }
  const labels = VALUE_LABELS[field]?.(entityType);
  if (labels && typeof value === 'string') return t(`${labels}.${value}`, { defaultValue: value });
  // A record id means nothing to a reader; a short reference still tells entries apart.
  if (typeof value === 'string' && UUID.test(value)) return t('audit.value.record', { ref: value.slice(0, 8) });
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && ('from' in v || 'to' in v);

/** The changed fields of an audit event: names first, old and new values on demand. */
export function AuditChanges({
  changes,
  entityType,
}: {
  changes: Record<string, unknown> | null;
  entityType?: string;
}) {
  const { t, i18n } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) return <>–</>;
  const entries = Object.entries(changes);
  const label = (field: string) => t(`audit.field.${field}`, { defaultValue: humaniseKey(field) });
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm">
          {formatList(
            entries.map(([field]) => label(field)),
            i18n.language,
          )}
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
                  {show(field, value.from, t, i18n.language, entityType)} <span aria-hidden>→</span>
                  <span className="visually-hidden">{t('audit.changedTo')}</span>{' '}
                  {show(field, value.to, t, i18n.language, entityType)}
                </>
              ) : (
                show(field, value, t, i18n.language, entityType)
              )}
            </Text>
          </div>
        ))}
      </dl>
    </details>
  );
}
