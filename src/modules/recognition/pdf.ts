import { createDocument, fileSlug, formatDate, type Office } from '../../documents/index.js';
import { DEFAULT_HOUR_CATEGORIES } from '../../domain/hours/kinds.js';
import type { CardRuleKey } from '../../domain/recognition/card.js';
import { type Locale, RTL_LOCALES } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { formatDecimal, intlLocaleOf } from '../../shared/numbers.js';

/** Hours from minutes in the reader's way of writing numbers ("12,5" / "12.5"). */
export const hoursText = (minutes: number, language: Locale) =>
  formatDecimal(Math.round(minutes / 6) / 10, language, { maxFractionDigits: 1 });

/** An office's category label, or the translation of a default category the office kept unchanged. */
export function categoryLabel(key: string, label: string | null, language: Locale): string {
  const standard = DEFAULT_HOUR_CATEGORIES.find((c) => c.key === key);
  if (standard && (label === null || label === standard.label))
    return translate(language, `documents.statement.category.${standard.kind}`);
  return label ?? key;
}

/** The place for "Ort, Datum": the town of the office's address ("Musterweg 1, 30159 Hannover" → "Hannover"); empty without one. */
export function placeOf(office: Office): string {
  const last = office.address
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .pop();
  return last?.replace(/^\d{4,5}\s+/, '') ?? '';
}

/**
 * The town for the "place, date" line. In a right-to-left document a right-to-left mark closes the (Latin) town:
 * otherwise the bidi algorithm joins the date's first number to the town ("2026/12/Hannover، 03").
 */
export function placeIn(office: Office, language: Locale): string {
  const place = placeOf(office);
  return place && RTL_LOCALES.includes(language) ? `${place}\u200f` : place;
}

function monthText(month: string, language: Locale) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : intlLocaleOf(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(new Date(`${month}-01T12:00:00Z`));
}

export type StatementData = {
  office: Office;
  language: Locale;
  guideName: string;
  engagedSince: string | null;
  from: string;
  to: string;
  totalMinutes: number;
  byCategory: { key: string; label: string | null; minutes: number }[];
  byField: { label: string | null; key: string; minutes: number; deployments: number }[];
  courses: { title: string; teachingUnits: number; code: string | null; completedOn: string | null }[];
  signedOn: string;
  coordinatorName: string;
  createdAt: Date;
};

/**
 * The Engagementnachweis of one guide for a period: hours by category, deployments by field of action (counts and
 * hours only: nothing about the people accompanied), completed courses and certificates, signed by the office.
 */
export async function renderStatementPdf(d: StatementData): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(d.language, `documents.statement.${key}`, params);
  const date = (iso: string) => formatDate(iso, 'UTC', d.language);
  const period = `${date(d.from)} – ${date(d.to)}`;
  const doc = createDocument({
    title: `${t('title')}: ${d.guideName}`,
    subject: period,
    office: d.office,
    reference: `${t('title')} · ${d.guideName} · ${period}`,
    locale: d.language,
    createdAt: d.createdAt,
  });
  doc.title(t('title'), { subtitle: d.office.name });
  doc.paragraph(d.guideName, { size: 18, bold: true, spaceBefore: 12, direction: 'document' });
  doc.paragraph(t('intro', { office: d.office.name, period }), { spaceBefore: 6, direction: 'document' });
  doc.keyValues([
    [t('period'), period],
    ...(d.engagedSince ? ([[t('engagedSince'), date(d.engagedSince)]] as [string, string][]) : []),
    [t('totalHours'), t('hoursValue', { hours: hoursText(d.totalMinutes, d.language) })],
  ]);
  doc.heading(t('byCategory'), 2);
  if (d.byCategory.length)
    doc.table(
      [
        { header: t('activity'), share: 4 },
        { header: t('hours'), share: 1.4, align: 'end' },
      ],
      d.byCategory.map((c) => [categoryLabel(c.key, c.label, d.language), hoursText(c.minutes, d.language)]),
    );
  else doc.paragraph(t('none'));
  doc.heading(t('byField'), 2);
  if (d.byField.length) {
    doc.table(
      [
        { header: t('field'), share: 4 },
        { header: t('deployments'), share: 1.4, align: 'end' },
        { header: t('hours'), share: 1.4, align: 'end' },
      ],
      d.byField.map((f) => [f.label ?? f.key, String(f.deployments), hoursText(f.minutes, d.language)]),
    );
    doc.paragraph(t('privacy'), { size: 8.5, color: [0.36, 0.38, 0.42] });
  } else doc.paragraph(t('none'));
  doc.heading(t('courses'), 2);
  if (d.courses.length)
    doc.list(
      d.courses.map((c) => ({
        text: [
          c.title,
          t('units', { count: c.teachingUnits }),
          c.completedOn ? date(c.completedOn) : null,
          c.code ? t('certificateCode', { code: c.code }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
    );
  else doc.paragraph(t('none'));
  doc.keepTogether((k) => {
    k.paragraph(t('confirm', { office: d.office.name }), { spaceBefore: 14, direction: 'document' });
    // Printed when the office's address names its town; the signature block keeps its "Ort, Datum" line.
    const place = placeIn(d.office, d.language);
    if (place)
      k.paragraph(t('placeDate', { place, date: date(d.signedOn) }), { spaceBefore: 8, direction: 'document' });
    k.signatures([{ label: t('signer'), name: d.coordinatorName }]);
  });
  return doc.render();
}

export type ConfirmationData = {
  office: Office;
  language: Locale;
  rule: CardRuleKey;
  guideName: string;
  periodFrom: string;
  periodTo: string;
  confirmedMinutes: number;
  years: { from: string; to: string; minutes: number }[];
  confirmedOn: string;
  coordinatorName: string;
  createdAt: Date;
};

/** The office's confirmation for an Ehrenamtskarte application: the period, the hours a year, signed. */
export async function renderConfirmationPdf(d: ConfirmationData): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(d.language, `documents.cardConfirmation.${key}`, params);
  const date = (iso: string) => formatDate(iso, 'UTC', d.language);
  const card = t(`card.${d.rule}`);
  const period = `${monthText(d.periodFrom, d.language)} – ${monthText(d.periodTo, d.language)}`;
  const doc = createDocument({
    title: `${t('title')}: ${d.guideName}`,
    subject: card,
    office: d.office,
    reference: `${t('title')} · ${d.guideName} · ${date(d.confirmedOn)}`,
    locale: d.language,
    createdAt: d.createdAt,
  });
  doc.title(t('title'), { subtitle: card });
  doc.paragraph(t('intro', { office: d.office.name, name: d.guideName, period }), {
    spaceBefore: 12,
    direction: 'document',
  });
  doc.keyValues([
    [t('name'), d.guideName],
    [t('period'), period],
    [t('totalHours'), t('hoursValue', { hours: hoursText(d.confirmedMinutes, d.language) })],
  ]);
  doc.table(
    [
      { header: t('year'), share: 4 },
      { header: t('hours'), share: 1.4, align: 'end' },
    ],
    d.years.map((y) => [
      `${monthText(y.from, d.language)} – ${monthText(y.to, d.language)}`,
      hoursText(y.minutes, d.language),
    ]),
  );
  doc.paragraph(t(`criteria.${d.rule}`), { spaceBefore: 8 });
  doc.keepTogether((k) => {
    const place = placeIn(d.office, d.language);
    if (place)
      k.paragraph(t('placeDate', { place, date: date(d.confirmedOn) }), { spaceBefore: 14, direction: 'document' });
    k.signatures([{ label: t('signer'), name: d.coordinatorName }]);
  });
  return doc.render();
}

export const statementFileName = (name: string, from: string, to: string) =>
  `${fileSlug(`Engagementnachweis-${name}`, 60)}-${from}-${to}.pdf`;
export const confirmationFileName = (name: string, on: string) =>
  `${fileSlug(`Bestaetigung-Ehrenamtskarte-${name}`, 60)}-${on}.pdf`;
