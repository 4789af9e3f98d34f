import { createDocument, formatDate, type Office } from '../../documents/index.js';
import type { Locale } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { intlLocaleOf } from '../../shared/numbers.js';
import { displayName } from '../../shared/reference-data.js';
import {
  KPIS,
  type OfficeFigures,
  type OfficeReport,
  rowLabel,
  type SACHBERICHT_SECTIONS,
  type SachberichtInput,
} from '../../shared/reports.js';
import type { ReportCover } from './verwendungsnachweis.js';

export type SachberichtData = {
  report: OfficeReport;
  cover: ReportCover;
  letterhead: Office;
  texts: SachberichtInput;
  locale: Locale;
  now: Date;
};

/** The single numbers the Sachbericht charts: counts only, so the bars of one chart share a scale. */
const CHARTED = [
  'activeGuides',
  'newlyQualifiedTotal',
  'requestsFiled',
  'requestsMatched',
  'deploymentsActive',
  'deploymentsClosed',
  'supportedPeople',
  'courseParticipants',
];
const RTL: readonly Locale[] = ['ar', 'fa'];

/**
 * The Sachbericht draft (issue 13 §2) on the document layer, in the coordinator's language: cover data, the
 * coordinator's texts per section (an empty one shows a visible placeholder), and the office's figures for the period
 * beside the period before, as bar charts drawn as vector graphics, each followed by its table.
 */
export async function renderSachberichtPdf(data: SachberichtData): Promise<Uint8Array> {
  const { report, cover, locale } = data;
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const s = (key: string, params?: Record<string, unknown>) => t(`reports.sb.${key}`, params);
  const number = new Intl.NumberFormat(intlLocaleOf(locale), { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(intlLocaleOf(locale), { style: 'currency', currency: 'EUR' });
  const period = (p: { from: string; to: string }) =>
    `${formatDate(p.from, 'UTC', locale)} – ${formatDate(p.to, 'UTC', locale)}`;
  const rtl = RTL.includes(locale);
  const series = [
    { name: `${t('reports.current')} (${period(report.period)})`, style: 'solid' as const },
    { name: `${t('reports.previous')} (${period(report.previousPeriod)})`, style: 'outline' as const },
  ];

  const doc = createDocument({
    title: s('title'),
    subject: `${report.office.name} · ${period(report.period)}`,
    office: data.letterhead,
    reference: `${s('title')} · ${period(report.period)} · ${s('created', { date: formatDate(data.now.toISOString(), 'UTC', locale) })}`,
    locale,
    createdAt: data.now,
  });
  doc.title(s('title'), { badge: s('draft'), subtitle: report.office.name });
  doc.keyValues([
    [s('office'), cover.officeName],
    [s('provider'), cover.provider || '–'],
    [s('programme'), cover.programme ? `${cover.programme} (${cover.region})` : s('noProgramme')],
    [s('period'), period(report.period)],
    [s('comparison'), period(report.previousPeriod)],
  ]);

  const section = (key: (typeof SACHBERICHT_SECTIONS)[number]) => {
    doc.heading(s(`section.${key}`));
    const text = data.texts[key]?.trim();
    if (text) doc.paragraph(text);
    else doc.banner(s('placeholder'), { tone: 'warning' });
  };
  section('goals');
  section('activities');

  // The figures: a chart of the single numbers, then the same numbers (and all the others) as a table.
  doc.heading(s('figures'));
  doc.paragraph(s('figuresNote'), { size: 8.5, color: [0.36, 0.38, 0.42] });
  const kpiText = (format: string, v: number | null) => {
    if (v === null) return '–';
    if (format === 'cents') return money.format(v / 100);
    if (format === 'minutes') return t('reports.hours', { value: number.format(v / 60) });
    if (format === 'days') return t('reports.days', { value: number.format(v) });
    return number.format(v);
  };
  const charted = KPIS.filter((k) => CHARTED.includes(k.id));
  doc.heading(s('chartKpis'), 2);
  doc.barChart({
    rtl,
    series,
    items: charted.map((k) => {
      const values = [k.pick(report.current) ?? 0, k.pick(report.previous) ?? 0];
      return { label: t(`reports.kpi.${k.id}`), values, texts: values.map((v) => kpiText(k.format, v)) };
    }),
  });
  doc.table(
    [
      { header: t('reports.xlsx.figure'), share: 3 },
      { header: t('reports.current'), share: 1.3, align: 'end' },
      { header: t('reports.previous'), share: 1.3, align: 'end' },
    ],
    KPIS.map((k) => [
      t(`reports.kpi.${k.id}`),
      kpiText(k.format, k.pick(report.current)),
      kpiText(k.format, k.pick(report.previous)),
    ]),
    { size: 9 },
  );

  // Requests by field of action: the office's work in its own words.
  const nameOf = (kind: 'language' | 'region', code: string) => displayName(kind, code, locale);
  const fields = mergeRows(report.current, report.previous, (f) => f.requests.byField);
  doc.heading(t('reports.figure.requestsByField'), 2);
  if (fields.length === 0) doc.paragraph(t('reports.empty'));
  else {
    const label = (key: string, labelText: string | null) =>
      rowLabel('field', { key, label: labelText, count: 0 }, t, nameOf);
    doc.barChart({
      rtl,
      series,
      items: fields.map((r) => ({
        label: label(r.key, r.label),
        values: [r.current, r.previous],
        texts: [number.format(r.current), number.format(r.previous)],
      })),
    });
    doc.table(
      [
        { header: t('reports.category'), share: 3 },
        { header: t('reports.current'), share: 1.3, align: 'end' },
        { header: t('reports.previous'), share: 1.3, align: 'end' },
      ],
      fields.map((r) => [label(r.key, r.label), number.format(r.current), number.format(r.previous)]),
      { size: 9 },
    );
  }

  // Courses: what was taught and what is fundable.
  doc.heading(t('reports.section.courses'), 2);
  const courses = report.current.courses.items;
  if (courses.length === 0) doc.paragraph(t('reports.empty'));
  else
    doc.table(
      [
        { header: t('reports.course.title'), share: 3 },
        { header: t('reports.course.participants'), share: 1.2, align: 'end' },
        { header: t('reports.course.unitsHeld'), share: 1, align: 'end' },
        { header: t('reports.course.completions'), share: 1.2, align: 'end' },
        { header: t('reports.course.fundable'), share: 1.5, align: 'end' },
      ],
      courses.map((c) => [
        c.title,
        number.format(c.participants),
        number.format(c.unitsHeld),
        number.format(c.completions),
        c.funding ? money.format(c.funding.totalCents / 100) : '–',
      ]),
      { size: 9 },
    );

  section('outcomes');
  section('outlook');
  return doc.render();
}

/** The rows of a breakdown in both periods by key: this period's order first, then rows only the previous had. */
function mergeRows(
  current: OfficeFigures,
  previous: OfficeFigures,
  pick: (f: OfficeFigures) => OfficeFigures['requests']['byField'],
) {
  const now = pick(current);
  const before = pick(previous);
  const keys = [...now.map((r) => r.key), ...before.map((r) => r.key).filter((k) => !now.some((r) => r.key === k))];
  return keys.map((key) => {
    const a = now.find((r) => r.key === key);
    const b = before.find((r) => r.key === key);
    return { key, label: a?.label ?? b?.label ?? null, current: a?.count ?? 0, previous: b?.count ?? 0 };
  });
}
