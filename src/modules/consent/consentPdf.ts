import { createDocument, fileSlug, formatDate, type Office } from '../../documents/index.js';
import type { ConsentKind } from '../../shared/consent.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';

/** One version of a consent text in one language, printed for signing on paper. */
export type ConsentPdfData = {
  office: Office;
  kind: ConsentKind;
  version: number;
  /** ISO date; null for a draft (the PDF says so). */
  publishedAt: string | null;
  language: Locale;
  title: string;
  body: string;
};

/** The text for signing, on the shared document layer (letterhead, Arabic shaping, page numbers). */
export async function renderConsentPdf(data: ConsentPdfData): Promise<Uint8Array> {
  // The document's own words come from the catalogues, in the language of the text it carries.
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(data.language, `documents.consent.${key}`, params);
  const kind = t(`kind.${data.kind}`);
  const version = t('version', { version: data.version });
  const draft = t('draft');
  const state = data.publishedAt
    ? t('published', { date: formatDate(data.publishedAt, undefined, data.language) })
    : draft;
  const doc = createDocument({
    title: `${data.title} (${version})`,
    subject: kind,
    keywords: [kind, version],
    office: data.office,
    reference: `${kind} · ${version} · ${data.publishedAt ? state : draft}`,
    locale: data.language,
  });
  doc.title(data.title, { badge: version, subtitle: kind });
  if (!data.publishedAt) doc.banner(draft, { tone: 'warning' });
  else doc.paragraph(`${version}, ${state}`, { size: 9, color: [0.36, 0.38, 0.42] });
  // Blank lines separate paragraphs; single line breaks stay inside one.
  for (const para of data.body.split(/\n\s*\n/)) {
    const text = para.replace(/\s*\n\s*/g, ' ').trim();
    if (text) doc.paragraph(text);
  }
  if (data.kind !== 'confidentiality_pledge') doc.paragraph(t('note'), { size: 9, color: [0.36, 0.38, 0.42] });
  doc.keepTogether((d) => {
    d.paragraph(`${t('name')} ________________________________________`, { spaceBefore: 12 });
    d.signatures([{ label: t(`signer.${data.kind}`) }]);
  });
  return doc.render();
}

/** "Einwilligung-guide_consent-Fassung-2-de.pdf": ASCII only. */
export function consentPdfFileName(data: { kind: ConsentKind; version: number; language: Locale }): string {
  return `${fileSlug(`Einwilligung-${data.kind.replaceAll('_', '-')}`, 60)}-Fassung-${data.version}-${data.language}.pdf`;
}
