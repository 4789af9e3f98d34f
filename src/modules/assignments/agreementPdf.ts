import { createDocument, fileSlug, formatDate, formatDateTime } from '../../documents/index.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';

/** Everything printed on one version of an agreement (Vereinbarung). Names may be in any script. */
export type AgreementPdfData = {
  office: { name: string; address: string; phone: string; email: string; website: string };
  /** Null for a request from the public form: the person asked directly, no partner signs. */
  partnerName: string | null;
  guideName: string;
  personInitials: string;
  requestTitle: string;
  /** Agreement version, printed prominently ("Fassung 3"). */
  version: number;
  /** ISO date-time. */
  versionCreatedAt: string;
  /** Why this version exists. */
  changeNote: string | null;
  /** A newer version exists: the PDF says so in a banner. */
  superseded: boolean;
  goal: string;
  steps: { title: string; status: 'open' | 'in_progress' | 'done' | 'dropped' }[];
  /** ISO dates. */
  startsOn: string;
  endsOn: string;
  reviewOn: string;
  frequency: 'once' | 'weekly' | 'biweekly' | 'monthly' | 'irregular';
  contactChannels: string;
  boundaries: string;
  confidentiality: string;
  /** The office's insurance paragraph for the partner's type. */
  insurance: string;
  /** Who confirmed this version, when (ISO); null = not yet. */
  confirmations: { role: 'guide' | 'partner'; name: string | null; at: string | null }[];
  extensions: { from: string; to: string; reason: string }[];
  /** Times are printed in this zone, e.g. Europe/Berlin. */
  timeZone: string;
};

const STEP_COLOR: Record<AgreementPdfData['steps'][number]['status'], [number, number, number]> = {
  open: [0.36, 0.38, 0.42],
  in_progress: [0.05, 0.27, 0.45],
  done: [0.1, 0.42, 0.22],
  dropped: [0.55, 0.56, 0.6],
};

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The printable agreement for signatures, on the shared document layer, in the reader's language (German by
 * default): every fixed text comes from the catalogues (`documents.agreement`), dates by the locale's rules.
 */
export async function renderAgreementPdf(data: AgreementPdfData, locale: Locale = 'de'): Promise<Uint8Array> {
  const tz = data.timeZone;
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, `documents.agreement.${key}`, params);
  const date = (iso: string) => formatDate(iso, tz, locale);
  const dateTime = (iso: string) => formatDateTime(iso, tz, locale);
  const fassung = t('version', { version: data.version });
  const doc = createDocument({
    title: t('docTitle', { title: data.requestTitle, version: fassung }),
    subject: t('title'),
    keywords: [t('keyword'), 'Integrationslotsen', fassung],
    office: data.office,
    reference:
      t('reference', { title: shorten(data.requestTitle, 48), version: fassung, date: date(data.versionCreatedAt) }) +
      (data.superseded ? t('referenceSuperseded') : ''),
    createdAt: new Date(data.versionCreatedAt),
    locale,
  });

  doc.title(t('title'), { badge: fassung, subtitle: data.requestTitle });
  if (data.superseded) doc.banner(t('superseded', { version: fassung }), { tone: 'warning' });
  doc.keyValues([
    [`${fassung}:`, t('createdAt', { at: dateTime(data.versionCreatedAt) })],
    ...(data.changeNote?.trim() ? [[t('changeNote'), data.changeNote.trim()] as [string, string]] : []),
  ]);

  doc.heading(t('parties')).keyValues([
    [`${t('partner')}:`, data.partnerName ?? t('publicRequest')],
    [`${t('guide')}:`, data.guideName],
    [`${t('person')}:`, data.personInitials],
  ]);

  doc.heading(t('goal')).paragraph(data.goal);

  doc.heading(t('steps'));
  if (data.steps.length)
    doc.list(
      data.steps.map((s) => ({ text: s.title, aside: t(`stepStatus.${s.status}`), asideColor: STEP_COLOR[s.status] })),
      { ordered: true },
    );
  else doc.paragraph(t('noSteps'));

  doc.heading(t('timeframe')).keyValues([
    [t('period'), t('periodValue', { from: date(data.startsOn), to: date(data.endsOn) })],
    [t('frequency'), t(`frequencies.${data.frequency}`)],
    [t('review'), t('reviewValue', { date: date(data.reviewOn) })],
  ]);
  doc.paragraph(t('ends'));
  if (data.extensions.length) {
    doc.heading(t('extensions'), 2);
    doc.list(
      data.extensions.map((e) => ({ text: t('extension', { from: date(e.from), to: date(e.to), reason: e.reason }) })),
    );
  }

  doc.heading(t('contact')).paragraph(data.contactChannels.trim() || t('contactDefault'));
  doc.heading(t('boundaries')).paragraph(data.boundaries);
  doc.heading(t('confidentiality')).paragraph(data.confidentiality);
  doc.heading(t('insurance')).paragraph(data.insurance);
  doc.paragraph(t('evidence'), { size: 9, color: [0.36, 0.38, 0.42], keepWithPrevious: true });

  // The confirmations and the signature lines form one unit: the signatures never start a page on their own.
  doc.keepTogether((d) => {
    d.heading(t('confirmations'));
    d.keyValues(
      (['partner', 'guide'] as const).map((role) => {
        const c = data.confirmations.find((x) => x.role === role);
        if (!c?.at) return [`${t(role)}:`, t('notConfirmed')];
        const at = dateTime(c.at);
        return [`${t(role)}:`, c.name ? t('confirmedBy', { at, name: c.name }) : t('confirmedAt', { at })];
      }),
    );
    d.paragraph(t('confirmationsNote', { version: fassung }), { size: 9, color: [0.36, 0.38, 0.42] });
    d.signatures([
      { label: t('partner'), name: data.partnerName ?? t('publicRequest') },
      { label: t('guide'), name: data.guideName },
      { label: t('person'), name: data.personInitials },
    ]);
  });

  return doc.render();
}

/**
 * "Vereinbarung-Begleitung-zum-Jobcenter-Fassung-3-2026-12-03.pdf": ASCII only (umlauts transliterated, other
 * characters dropped), at most 80 characters, always ending in .pdf.
 */
export function agreementPdfFileName(data: { requestTitle: string; version: number; date: string }): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(data.date)?.[0] ?? fileSlug(data.date, 10);
  const tail = [`Fassung-${Math.max(0, Math.trunc(data.version) || 0)}`, day].filter(Boolean).join('-');
  const room = 80 - 'Vereinbarung-'.length - tail.length - '-.pdf'.length;
  const title = fileSlug(data.requestTitle, Math.max(0, room));
  return `${['Vereinbarung', title, tail].filter(Boolean).join('-')}.pdf`;
}
