import { createDocument, fileSlug, formatDate, type Office } from '../../documents/index.js';
import type { ConsentKind } from '../../shared/consent.js';
import type { Locale } from '../../shared/enums.js';

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

/** The document's own words, in the language of the text it carries. */
const LABELS: Record<
  Locale,
  {
    version: (n: number) => string;
    published: (d: string) => string;
    draft: string;
    kind: Record<ConsentKind, string>;
    name: string;
    signer: Record<ConsentKind, string>;
    note: string;
  }
> = {
  de: {
    version: (n) => `Fassung ${n}`,
    published: (d) => `veröffentlicht am ${d}`,
    draft: 'Entwurf – noch nicht veröffentlicht, nicht zur Unterschrift.',
    kind: {
      guide_consent: 'Einwilligung in die Datenverarbeitung',
      confidentiality_pledge: 'Verschwiegenheitserklärung',
      person_consent: 'Einwilligung der begleiteten Person',
    },
    name: 'Name, Vorname:',
    signer: {
      guide_consent: 'Lotsin / Lotse',
      confidentiality_pledge: 'Lotsin / Lotse',
      person_consent: 'Begleitete Person',
    },
    note: 'Die Einwilligung kann jederzeit mit Wirkung für die Zukunft widerrufen werden.',
  },
  en: {
    version: (n) => `Version ${n}`,
    published: (d) => `published on ${d}`,
    draft: 'Draft – not yet published, not for signing.',
    kind: {
      guide_consent: 'Consent to data processing',
      confidentiality_pledge: 'Confidentiality pledge',
      person_consent: 'Consent of the person accompanied',
    },
    name: 'Full name:',
    signer: { guide_consent: 'Guide', confidentiality_pledge: 'Guide', person_consent: 'Person accompanied' },
    note: 'Consent can be withdrawn at any time with effect for the future.',
  },
  ar: {
    version: (n) => `النسخة ${n}`,
    published: (d) => `نُشرت في ${d}`,
    draft: 'مسودة – لم تُنشر بعد، ليست للتوقيع.',
    kind: {
      guide_consent: 'الموافقة على معالجة البيانات',
      confidentiality_pledge: 'تعهد بالحفاظ على السرية',
      person_consent: 'موافقة الشخص المرافَق',
    },
    name: 'الاسم الكامل:',
    signer: { guide_consent: 'المرشد/ة', confidentiality_pledge: 'المرشد/ة', person_consent: 'الشخص المرافَق' },
    note: 'يمكن سحب الموافقة في أي وقت، ويسري السحب على المستقبل.',
  },
};

/** The text for signing, on the shared document layer (letterhead, Arabic shaping, page numbers). */
export async function renderConsentPdf(data: ConsentPdfData): Promise<Uint8Array> {
  const l = LABELS[data.language];
  const version = l.version(data.version);
  const state = data.publishedAt ? l.published(formatDate(data.publishedAt, undefined, data.language)) : l.draft;
  const doc = createDocument({
    title: `${data.title} (${version})`,
    subject: l.kind[data.kind],
    keywords: [l.kind[data.kind], version],
    office: data.office,
    reference: `${l.kind[data.kind]} · ${version} · ${data.publishedAt ? state : l.draft}`,
    locale: data.language,
  });
  doc.title(data.title, { badge: version, subtitle: l.kind[data.kind] });
  if (!data.publishedAt) doc.banner(l.draft, { tone: 'warning' });
  else doc.paragraph(`${version}, ${state}`, { size: 9, color: [0.36, 0.38, 0.42] });
  // Blank lines separate paragraphs; single line breaks stay inside one.
  for (const para of data.body.split(/\n\s*\n/)) {
    const text = para.replace(/\s*\n\s*/g, ' ').trim();
    if (text) doc.paragraph(text);
  }
  if (data.kind !== 'confidentiality_pledge') doc.paragraph(l.note, { size: 9, color: [0.36, 0.38, 0.42] });
  doc.keepTogether((d) => {
    d.paragraph(`${l.name} ________________________________________`, { spaceBefore: 12 });
    d.signatures([{ label: l.signer[data.kind] }]);
  });
  return doc.render();
}

/** "Einwilligung-guide_consent-Fassung-2-de.pdf": ASCII only. */
export function consentPdfFileName(data: { kind: ConsentKind; version: number; language: Locale }): string {
  return `${fileSlug(`Einwilligung-${data.kind.replaceAll('_', '-')}`, 60)}-Fassung-${data.version}-${data.language}.pdf`;
}
