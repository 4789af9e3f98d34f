import { PDFDocument } from 'pdf-lib';
import { createDocument, fileSlug, formatDate, formatDateTime, type Office } from '../../documents/index.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';

export type CertificatePdfData = {
  office: Office;
  language: Locale;
  /** The basic qualification ends with a Zertifikat, every other module with a Teilnahmebescheinigung. */
  courseType: string;
  holderName: string;
  courseTitle: string;
  teachingUnits: number;
  firstDay: string | null;
  lastDay: string | null;
  topics: string[];
  code: string;
  verifyUrl: string;
  issuedAt: Date;
  revoked: boolean;
};

const tr = (language: Locale) => (key: string, params?: Record<string, unknown>) =>
  translate(language, `documents.certificate.${key}`, params);

function period(first: string | null, last: string | null, language: Locale) {
  if (!first) return '–';
  const a = formatDate(first, undefined, language);
  const b = last && last !== first ? formatDate(last, undefined, language) : null;
  return b ? `${a} – ${b}` : a;
}

/** One certificate on the document layer: the holder's name in any script, the course, its UE, dates and topics. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const t = tr(data.language);
  const heading = data.courseType === 'basic' ? t('titleCertificate') : t('titleAttendance');
  const doc = createDocument({
    title: `${heading}: ${data.holderName}`,
    subject: data.courseTitle,
    keywords: [heading, data.code],
    office: data.office,
    reference: `${heading} · ${t('code')} ${data.code}`,
    locale: data.language,
    createdAt: data.issuedAt,
  });
  doc.title(heading, { subtitle: data.office.name });
  if (data.revoked) doc.banner(t('revoked'), { tone: 'warning' });
  doc.paragraph(data.holderName, { size: 20, bold: true, spaceBefore: 18, direction: 'document' });
  doc.paragraph(t('statement', { course: data.courseTitle }), { spaceBefore: 8 });
  doc.keyValues([
    [t('course'), data.courseTitle],
    [t('type'), t(`courseType.${data.courseType}`)],
    [t('units'), t('unitsValue', { count: data.teachingUnits })],
    [t('period'), period(data.firstDay, data.lastDay, data.language)],
  ]);
  if (data.topics.length) {
    doc.heading(t('topics'), 2);
    doc.list(data.topics.map((text) => ({ text })));
  }
  doc.keepTogether((d) => {
    d.signatures([{ label: t('signer') }]);
    d.paragraph(t('verify', { code: data.code, url: data.verifyUrl }), {
      size: 8.5,
      color: [0.36, 0.38, 0.42],
      spaceBefore: 14,
    });
    d.paragraph(t('issued', { date: formatDateTime(data.issuedAt.toISOString(), undefined, data.language) }), {
      size: 8.5,
      color: [0.36, 0.38, 0.42],
    });
  });
  return doc.render();
}

/** Several PDFs as one file (all certificates of a course, to print at once). */
export async function mergePdfs(files: Uint8Array[]): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  for (const bytes of files) {
    const source = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}

export type AttendanceListData = {
  office: Office;
  language: Locale;
  courseTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  room: string | null;
  topic: string | null;
  trainerNames: string | null;
  teachingUnits: number;
  participants: string[];
};

/** The Teilnehmendenliste of one session: one row per participant with room for a signature, as funders require. */
export async function renderAttendanceListPdf(data: AttendanceListData): Promise<Uint8Array> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(data.language, `documents.attendanceList.${key}`, params);
  const day = formatDate(data.startsAt, data.timeZone, data.language);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(data.language === 'en' ? 'en-GB' : intlLocaleOf(data.language), {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: data.timeZone,
    }).format(new Date(iso));
  const doc = createDocument({
    title: `${t('title')}: ${data.courseTitle}`,
    subject: data.courseTitle,
    office: data.office,
    reference: `${t('title')} · ${data.courseTitle} · ${day}`,
    locale: data.language,
  });
  doc.title(t('title'), { subtitle: data.courseTitle });
  doc.keyValues([
    [
      t('date'),
      `${formatDate(data.startsAt, data.timeZone, data.language)}, ${time(data.startsAt)} – ${time(data.endsAt)}`,
    ],
    [t('room'), data.room ?? '–'],
    [t('topic'), data.topic ?? '–'],
    [t('trainers'), data.trainerNames ?? '–'],
    [t('units'), String(data.teachingUnits)],
  ]);
  const rows = data.participants.map((name, i) => [String(i + 1), name, '', '']);
  // Room for people who join on the day, written in by hand.
  for (let i = 0; i < 3; i++) rows.push([String(data.participants.length + i + 1), '', '', '']);
  doc.table(
    [
      { header: t('number'), share: 0.6 },
      { header: t('name'), share: 4 },
      { header: t('signature'), share: 3.4 },
      { header: t('minutesMissed'), share: 1.6 },
    ],
    rows,
    { minRowHeight: 26 },
  );
  doc.keepTogether((d) => {
    d.paragraph(t('confirm'), { size: 9, spaceBefore: 12 });
    d.signatures([{ label: t('trainerSignature') }]);
  });
  return doc.render();
}

export const certificateFileName = (holder: string, code: string) =>
  `${fileSlug(`Zertifikat-${holder}`, 60)}-${code}.pdf`;
export const attendanceListFileName = (course: string, day: string) =>
  `${fileSlug(`Teilnehmendenliste-${course}`, 60)}-${day}.pdf`;
