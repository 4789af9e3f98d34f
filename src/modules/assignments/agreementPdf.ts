import { createDocument, fileSlug, formatDate, formatDateTime } from '../../documents/index.js';

/** Everything printed on one version of an agreement (Vereinbarung). Names may be in any script. */
export type AgreementPdfData = {
  office: { name: string; address: string; phone: string; email: string; website: string };
  partnerName: string;
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

const FREQUENCY_DE: Record<AgreementPdfData['frequency'], string> = {
  once: 'einmalig',
  weekly: 'wöchentlich',
  biweekly: 'alle zwei Wochen',
  monthly: 'monatlich',
  irregular: 'nach Absprache',
};
const STEP_DE: Record<AgreementPdfData['steps'][number]['status'], string> = {
  open: 'offen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  dropped: 'entfallen',
};
const STEP_COLOR: Record<AgreementPdfData['steps'][number]['status'], [number, number, number]> = {
  open: [0.36, 0.38, 0.42],
  in_progress: [0.05, 0.27, 0.45],
  done: [0.1, 0.42, 0.22],
  dropped: [0.55, 0.56, 0.6],
};
const ROLE_DE = { partner: 'Einsatzstelle', guide: 'Lotsin / Lotse' } as const;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The printable agreement for signatures, in German, on the shared document layer. */
export async function renderAgreementPdf(data: AgreementPdfData): Promise<Uint8Array> {
  const tz = data.timeZone;
  const fassung = `Fassung ${data.version}`;
  const doc = createDocument({
    title: `Vereinbarung – ${data.requestTitle} (${fassung})`,
    subject: 'Vereinbarung über eine Begleitung durch Integrationslots:innen',
    keywords: ['Vereinbarung', 'Integrationslotsen', fassung],
    office: data.office,
    reference:
      `Vereinbarung „${shorten(data.requestTitle, 48)}“ · ${fassung} vom ${formatDate(data.versionCreatedAt, tz)}` +
      (data.superseded ? ' · ersetzt' : ''),
    createdAt: new Date(data.versionCreatedAt),
  });

  doc.title('Vereinbarung über eine Begleitung durch Integrationslots:innen', {
    badge: fassung,
    subtitle: data.requestTitle,
  });
  if (data.superseded)
    doc.banner(
      `Ersetzt durch eine neuere Fassung. Diese ${fassung} gilt nicht mehr; maßgeblich ist die neueste Fassung der Vereinbarung.`,
      { tone: 'warning' },
    );
  doc.keyValues([
    [`${fassung}:`, `erstellt am ${formatDateTime(data.versionCreatedAt, tz)}`],
    ...(data.changeNote?.trim() ? [['Anlass dieser Fassung:', data.changeNote.trim()] as [string, string]] : []),
  ]);

  doc.heading('Beteiligte').keyValues([
    ['Einsatzstelle:', data.partnerName],
    ['Lotsin / Lotse:', data.guideName],
    ['Begleitete Person:', data.personInitials],
  ]);

  doc.heading('Ziel: Hilfe zur Selbsthilfe').paragraph(data.goal);

  doc.heading('Konkrete Schritte');
  if (data.steps.length)
    doc.list(
      data.steps.map((s) => ({ text: s.title, aside: STEP_DE[s.status], asideColor: STEP_COLOR[s.status] })),
      { ordered: true },
    );
  else doc.paragraph('Noch keine Schritte festgelegt.');

  doc.heading('Zeitrahmen').keyValues([
    ['Zeitraum:', `vom ${formatDate(data.startsOn, tz)} bis zum ${formatDate(data.endsOn, tz)}`],
    ['Häufigkeit:', FREQUENCY_DE[data.frequency] ?? data.frequency],
    ['Überprüfung:', `gemeinsam am ${formatDate(data.reviewOn, tz)}`],
  ]);
  doc.paragraph(
    'Die Vereinbarung endet spätestens mit dem genannten Datum; eine Verlängerung wird schriftlich festgehalten.',
  );
  if (data.extensions.length) {
    doc.heading('Verlängerungen', 2);
    doc.list(
      data.extensions.map((e) => ({
        text: `Verlängert vom ${formatDate(e.from, tz)} bis ${formatDate(e.to, tz)}: ${e.reason}`,
      })),
    );
  }

  doc.heading('Kontaktwege').paragraph(data.contactChannels.trim() || 'Nach Absprache zwischen den Beteiligten.');
  doc.heading('Grenzen der Begleitung').paragraph(data.boundaries);
  doc.heading('Vertraulichkeit').paragraph(data.confidentiality);
  doc.heading('Versicherung').paragraph(data.insurance);
  doc.paragraph('Diese dokumentierte, datierte Vereinbarung ist der Nachweis des ehrenamtlichen Einsatzes.', {
    size: 9,
    color: [0.36, 0.38, 0.42],
    keepWithPrevious: true,
  });

  // The confirmations and the signature lines form one unit: the signatures never start a page on their own.
  doc.keepTogether((d) => {
    d.heading('Bestätigungen');
    d.keyValues(
      (['partner', 'guide'] as const).map((role) => {
        const c = data.confirmations.find((x) => x.role === role);
        if (!c?.at) return [`${ROLE_DE[role]}:`, 'noch nicht bestätigt'];
        return [`${ROLE_DE[role]}:`, `bestätigt am ${formatDateTime(c.at, tz)}${c.name ? ` von ${c.name}` : ''}`];
      }),
    );
    d.paragraph(`Die digitalen Bestätigungen beziehen sich auf ${fassung} dieser Vereinbarung.`, {
      size: 9,
      color: [0.36, 0.38, 0.42],
    });
    d.signatures([
      { label: 'Einsatzstelle', name: data.partnerName },
      { label: 'Lotsin / Lotse', name: data.guideName },
      { label: 'Begleitete Person', name: data.personInitials },
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
