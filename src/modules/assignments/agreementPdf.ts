import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';

export type AgreementPdfData = {
  office: { name: string; address: string; phone: string; email: string; website: string };
  partnerName: string;
  guideName: string;
  personInitials: string;
  requestTitle: string;
  version: number;
  versionCreatedAt: string;
  changeNote: string | null;
  superseded: boolean;
  goal: string;
  steps: { title: string; status: 'open' | 'in_progress' | 'done' | 'dropped' }[];
  startsOn: string;
  endsOn: string;
  reviewOn: string;
  frequency: 'once' | 'weekly' | 'biweekly' | 'monthly' | 'irregular';
  contactChannels: string;
  boundaries: string;
  confidentiality: string;
  insurance: string;
  confirmations: { role: 'guide' | 'partner'; name: string | null; at: string | null }[];
  extensions: { from: string; to: string; reason: string }[];
  timeZone: string;
};

export function agreementPdfFileName(data: { requestTitle: string; version: number; date: string }): string {
  const slug = data.requestTitle
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `Vereinbarung-${slug || 'Einsatz'}-${data.date}.pdf`;
}

const FREQUENCY_DE: Record<string, string> = {
  once: 'einmalig',
  weekly: 'wöchentlich',
  biweekly: 'alle zwei Wochen',
  monthly: 'monatlich',
  irregular: 'nach Absprache',
};
const STEP_DE: Record<string, string> = {
  open: 'offen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  dropped: 'entfallen',
};
const dateDe = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

/** Breaks text into lines that fit the width; the standard fonts cover German (WinAnsi). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** WinAnsi cannot encode every character (e.g. Arabic initials): replace what it cannot draw. */
const safe = (font: PDFFont, text: string) =>
  [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');

/** The printable agreement (Vereinbarung) for signatures, in German. */
export async function renderAgreementPdf(data: AgreementPdfData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Vereinbarung – ${data.requestTitle}`);
  pdf.setLanguage('de-DE');
  pdf.setCreator('Lotsennetz');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = pdf.addPage([595.28, 841.89]);
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;

  const ensure = (needed: number) => {
    if (y - needed < margin) {
      page = pdf.addPage([595.28, 841.89]);
      y = page.getHeight() - margin;
    }
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10.5;
    for (const line of wrap(safe(font, text), font, size, width)) {
      ensure(size * 1.45);
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.1, 0.1, 0.12) });
      y -= size * 1.45;
    }
    y -= options.gap ?? 6;
  };
  const heading = (text: string) => {
    y -= 6;
    write(text, { font: bold, size: 12, gap: 2 });
  };

  write(data.office.name, { size: 9, gap: 10 });
  write(`Fassung ${data.version}${data.superseded ? ' (ersetzt durch eine neuere Fassung)' : ''}`, { size: 9, gap: 6 });
  write('Vereinbarung über eine Begleitung durch Integrationslots:innen', { font: bold, size: 16, gap: 4 });
  write(data.requestTitle, { size: 12, gap: 12 });

  heading('Beteiligte');
  write(`Einsatzstelle: ${data.partnerName}`, { gap: 0 });
  write(`Lotsin / Lotse: ${data.guideName}`, { gap: 0 });
  write(`Begleitete Person: ${data.personInitials}`);

  heading('Ziel: Hilfe zur Selbsthilfe');
  write(data.goal);

  heading('Konkrete Schritte');
  for (const [i, step] of data.steps.entries()) {
    write(`${i + 1}. ${step.title} (${STEP_DE[step.status] ?? step.status})`, { gap: 0 });
  }
  y -= 6;

  heading('Zeitrahmen');
  write(
    `Vom ${dateDe(data.startsOn)} bis zum ${dateDe(data.endsOn)}, ${FREQUENCY_DE[data.frequency] ?? data.frequency}.`,
    { gap: 0 },
  );
  write(
    `Gemeinsame Überprüfung am ${dateDe(data.reviewOn)}. Die Vereinbarung endet spätestens mit dem genannten Datum; eine Verlängerung wird schriftlich festgehalten.`,
  );
  for (const ext of data.extensions)
    write(`Verlängert vom ${dateDe(ext.from)} bis ${dateDe(ext.to)}: ${ext.reason}`, { gap: 0 });

  heading('Kontaktwege');
  write(data.contactChannels || 'Nach Absprache zwischen den Beteiligten.');

  heading('Grenzen der Begleitung');
  write(data.boundaries);

  heading('Vertraulichkeit');
  write(data.confidentiality);

  heading('Versicherung');
  write(data.insurance);

  heading('Bestätigung');
  for (const c of data.confirmations) {
    const who = c.role === 'guide' ? 'der Lotsin / des Lotsen' : 'der Einsatzstelle';
    write(`Digitale Bestätigung ${who}: ${c.at ? `${dateDe(c.at)} von ${c.name ?? ''}` : 'noch nicht bestätigt'}`, {
      gap: 0,
    });
  }
  ensure(110);
  y -= 30;
  const columns = ['Einsatzstelle', 'Lotsin / Lotse', 'Begleitete Person'];
  const columnWidth = width / 3;
  columns.forEach((label, i) => {
    const x = margin + i * columnWidth;
    page.drawLine({ start: { x, y }, end: { x: x + columnWidth - 16, y }, thickness: 0.7, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(`Ort, Datum, Unterschrift ${label}`, {
      x,
      y: y - 12,
      size: 7.5,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return pdf.save();
}
