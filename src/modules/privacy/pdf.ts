import { createDocument, type Office } from '../../documents/index.js';
import { humaniseKey } from '../../shared/audit.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import type { PrivacyExport } from '../../shared/privacy.js';

type Options = { locale: Locale; timeZone: string; office: Office };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The readable twin of the JSON file: the same content, in the reader's language, empty fields left out. */
export async function renderPrivacyPdf(file: PrivacyExport, o: Options): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, unknown>) => translate(o.locale, `privacy.pdf.${key}`, params);
  const known = (key: string) => {
    const text = translate(o.locale, key);
    return text === key ? null : text;
  };
  // Column labels: the export's own, then the audit log's field labels, then the column name in words.
  const label = (key: string) =>
    known(`privacy.pdf.fields.${camel(key)}`) ?? known(`audit.field.${camel(key)}`) ?? humaniseKey(camel(key));
  const tableName = (table: string) => {
    return known(`privacy.pdf.tables.${table}`) ?? humaniseKey(camel(table));
  };
  const value = (v: unknown): string => {
    if (typeof v === 'boolean') return translate(o.locale, v ? 'audit.value.yes' : 'audit.value.no');
    if (typeof v === 'number') return new Intl.NumberFormat(intlLocaleOf(o.locale)).format(v);
    if (typeof v === 'string' && DATE.test(v))
      return new Intl.DateTimeFormat(intlLocaleOf(o.locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${v}T00:00Z`),
      );
    if (typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))
      return new Intl.DateTimeFormat(intlLocaleOf(o.locale), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: o.timeZone,
      }).format(new Date(v));
    if (typeof v === 'string') return v;
    return JSON.stringify(v);
  };
  const pairs = (row: Record<string, unknown>): [string, string][] =>
    Object.entries(row)
      .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [`${label(k)}:`, value(v)]);

  const generated = value(file.generatedAt);
  const doc = createDocument({
    title: t('title'),
    subject: t('title'),
    office: o.office,
    reference: t('footer', { date: generated }),
    locale: o.locale,
    createdAt: new Date(file.generatedAt),
  });
  doc.title(t('title'), { subtitle: t(`subject.${file.subject.kind}`) });
  doc.paragraph(t('intro'));
  doc.keyValues([
    [`${t('office')}:`, file.office.name],
    [`${t('generatedAt')}:`, generated],
    [`${t('subjectId')}:`, file.subject.id],
  ]);

  doc.heading(t('record')).keyValues(pairs(file.record));
  for (const section of file.sections) {
    doc.heading(`${tableName(section.table)} (${section.rows.length})`);
    if (section.rows.length === 0) doc.paragraph(t('none'), { size: 9 });
    section.rows.forEach((row, i) => {
      if (i > 0) doc.rule();
      doc.keyValues(pairs(row));
    });
  }
  const listed: [string, Record<string, unknown>[]][] = [
    ['mails', file.mails],
    ['auditTrail', file.auditTrail],
    ['reads', file.reads],
  ];
  for (const [key, rows] of listed) {
    doc.heading(`${t(key)} (${rows.length})`);
    if (rows.length === 0) doc.paragraph(t('none'), { size: 9 });
    rows.forEach((row, i) => {
      if (i > 0) doc.rule();
      doc.keyValues(pairs(row));
    });
  }
  return doc.render();
}
