import { describe, expect, it } from 'vitest';
import { count, pdfPages } from '../../documents/readPdf.testutil.js';
import { type AgreementPdfData, agreementPdfFileName, renderAgreementPdf } from './agreementPdf.js';

const INSURANCE =
  'Die Lotsin / der Lotse wird im Auftrag einer öffentlichen Stelle tätig. Für diesen Einsatz besteht ' +
  'gesetzlicher Unfallversicherungsschutz (§ 2 Abs. 1 Nr. 10 SGB VII).';

const agreement = (over: Partial<AgreementPdfData> = {}): AgreementPdfData => ({
  office: {
    name: 'Koordinierungsstelle Integrationslots:innen Hannover',
    address: 'Trammplatz 2\n30159 Hannover',
    phone: '0511 168-12345',
    email: 'lotsen@hannover.example',
    website: 'www.hannover.example/lotsen',
  },
  partnerName: 'AWO Region Hannover e. V.',
  guideName: 'فاطمة الحسيني',
  personInitials: 'О. К.',
  requestTitle: 'Begleitung zum Jobcenter',
  version: 3,
  versionCreatedAt: '2026-12-03T13:05:00Z',
  changeNote: 'Zeitraum bis Ende März verlängert.',
  superseded: false,
  goal: 'Frau K. vereinbart Termine beim Jobcenter selbstständig.',
  steps: [
    { title: 'Termin vereinbaren', status: 'done' },
    { title: 'Unterlagen sortieren', status: 'in_progress' },
    { title: 'Antrag abgeben', status: 'open' },
    { title: 'Dolmetscher anfragen', status: 'dropped' },
  ],
  startsOn: '2026-12-03',
  endsOn: '2027-03-31',
  reviewOn: '2027-01-15',
  frequency: 'weekly',
  contactChannels: 'Telefon nach Absprache.',
  boundaries: 'Keine Rechtsberatung.',
  confidentiality: 'Persönliches bleibt vertraulich.',
  insurance: INSURANCE,
  confirmations: [
    { role: 'guide', name: 'فاطمة الحسيني', at: '2026-12-03T14:10:00Z' },
    { role: 'partner', name: 'Jörg Müller', at: '2026-07-01T08:00:00Z' },
  ],
  extensions: [{ from: '2027-02-28', to: '2027-03-31', reason: 'Termin verschoben' }],
  timeZone: 'Europe/Berlin',
  ...over,
});

const textOf = async (data: AgreementPdfData) => (await pdfPages(await renderAgreementPdf(data))).join(' ');

describe('agreement PDF', () => {
  it('prints the version, its date in local time and why it exists', async () => {
    const text = await textOf(agreement());
    expect(text).toContain(
      'Vereinbarung über eine Begleitung durch Integrationslots:innen Fassung 3 Begleitung zum Jobcenter',
    );
    expect(text).toContain('Fassung 3: erstellt am 03.12.2026, 14:05 Uhr');
    expect(text).toContain('Zeitraum bis Ende März verlängert.');
    expect(text).not.toContain('Ersetzt durch eine neuere Fassung');
  });

  it('lists both confirmations with names and local times, never UTC or ISO', async () => {
    const text = await textOf(agreement());
    expect(text).toContain('Bestätigungen');
    expect(text).toContain('Einsatzstelle: bestätigt am 01.07.2026, 10:00 Uhr von Jörg Müller'); // summer time
    expect(text).toContain('Lotsin / Lotse: bestätigt am 03.12.2026, 15:10 Uhr von فاطمة الحسيني'); // winter time
    expect(text).not.toMatch(/UTC|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
  });

  it('says which confirmation is still missing', async () => {
    const text = await textOf(
      agreement({ confirmations: [{ role: 'guide', name: null, at: '2026-12-03T14:10:00Z' }] }),
    );
    expect(text).toContain('Lotsin / Lotse: bestätigt am 03.12.2026, 15:10 Uhr');
    expect(text).toContain('Einsatzstelle: noch nicht bestätigt');
  });

  it('prints the office insurance paragraph, parties, steps with status, time frame and extensions', async () => {
    const text = await textOf(agreement());
    expect(text).toContain(INSURANCE);
    expect(text).toContain('Lotsin / Lotse: فاطمة الحسيني');
    expect(text).toContain('Begleitete Person: О. К.');
    expect(text).toContain('1. Termin vereinbaren erledigt');
    expect(text).toContain('4. Dolmetscher anfragen entfallen');
    expect(text).toContain('vom 03.12.2026 bis zum 31.03.2027');
    expect(text).toContain('wöchentlich');
    expect(text).toContain('Überprüfung: gemeinsam am 15.01.2027');
    expect(text).toContain('Verlängert vom 28.02.2027 bis 31.03.2027: Termin verschoben');
    expect(text).toContain('Trammplatz 2 30159 Hannover Tel. 0511 168-12345 lotsen@hannover.example');
  });

  it('round-trips a Persian guide name and an emoji in a name', async () => {
    const text = await textOf(agreement({ guideName: 'زهرا احمدی', partnerName: 'Mia 🌻 Schmidt' }));
    expect(text).toContain('زهرا احمدی');
    expect(text).toContain('Mia 🌻 Schmidt');
  });

  it('marks a superseded version clearly', async () => {
    const text = await textOf(agreement({ superseded: true, version: 2 }));
    expect(text).toContain('Ersetzt durch eine neuere Fassung. Diese Fassung 2 gilt nicht mehr');
  });

  it('spreads a long agreement over pages and keeps the signature lines with the confirmations', {
    timeout: 30_000,
  }, async () => {
    const long = (extra: number) =>
      agreement({
        goal: 'Frau K. kann ihre Angelegenheiten beim Jobcenter selbstständig regeln und versteht die Schreiben. '.repeat(
          4,
        ),
        steps: Array.from({ length: 20 }, (_, i) => ({
          title: `Schritt ${i + 1}: Unterlagen für den Weiterbewilligungsantrag gemeinsam sortieren und fehlende Nachweise anfordern`,
          status: (['done', 'in_progress', 'open', 'dropped'] as const)[i % 4],
        })),
        boundaries: 'Keine Rechtsberatung, keine Geldangelegenheiten, keine Übersetzung von Bescheiden. '.repeat(
          3 + extra,
        ),
        confidentiality: 'Alle Beteiligten behandeln persönliche Informationen vertraulich. '.repeat(4),
      });
    // Lengths in steps of about two lines move the confirmations through a whole page, so in some variants the
    // page boundary falls inside them; none may separate the signature lines from the heading.
    for (let extra = 0; extra < 48; extra += 2) {
      const pages = await pdfPages(await renderAgreementPdf(long(extra)));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const signing = pages.findIndex((p) => p.includes('Bestätigungen'));
      expect(count(pages[signing], 'Ort, Datum')).toBe(3);
      expect(count(pages[signing], 'Unterschrift')).toBe(3);
      expect(pages[signing]).toContain('Begleitete Person');
      expect(pages[signing]).toContain(`Seite ${signing + 1} von ${pages.length}`);
      expect(pages.join(' ')).toContain('Schritt 20: Unterlagen');
    }
  });
});

describe("agreement PDF in the reader's language", () => {
  it('prints English labels, dates by the English rules and an English page label', async () => {
    const text = (await pdfPages(await renderAgreementPdf(agreement(), 'en'))).join(' ');
    expect(text).toContain('Agreement on accompaniment by an integration guide');
    expect(text).toContain('Version 3: created on 03/12/2026, 14:05');
    expect(text).toContain('Place, date');
    expect(text).toContain('Page 1 of');
    expect(text).toContain('weekly');
    expect(text).not.toContain('Vereinbarung über');
    expect(text).not.toContain('Seite 1');
  });

  it('prints Arabic labels and the Arabic page label, with the same user-entered texts', async () => {
    const text = (await pdfPages(await renderAgreementPdf(agreement(), 'ar'))).join(' ');
    expect(text).toContain('الأطراف');
    expect(text).toContain('التأكيدات');
    expect(text).toContain('الصفحة');
    expect(text).toContain('Begleitung zum Jobcenter');
    expect(text).not.toContain('Beteiligte');
  });
});

describe('agreement PDF file name', () => {
  const name = (requestTitle: string, version = 3, date = '2026-12-03') =>
    agreementPdfFileName({ requestTitle, version, date });

  it('is an ASCII slug of the title with version and date', () => {
    expect(name('Begleitung zum Jobcenter')).toBe('Vereinbarung-Begleitung-zum-Jobcenter-Fassung-3-2026-12-03.pdf');
    expect(name('Begleitung zum Jobcenter', 1, '2026-12-03T23:30:00Z')).toBe(
      'Vereinbarung-Begleitung-zum-Jobcenter-Fassung-1-2026-12-03.pdf',
    );
  });

  it('transliterates umlauts and drops slashes, emoji and other scripts', () => {
    expect(name('Übergabe an Schülerin – Größe')).toBe(
      'Vereinbarung-Uebergabe-an-Schuelerin-Groesse-Fassung-3-2026-12-03.pdf',
    );
    expect(name('Jobcenter/Ausländerbehörde\\Termin')).toBe(
      'Vereinbarung-Jobcenter-Auslaenderbehoerde-Termin-Fassung-3-2026-12-03.pdf',
    );
    expect(name('Sprachcafé 🌻 mit فاطمة')).toBe('Vereinbarung-Sprachcafe-mit-Fassung-3-2026-12-03.pdf');
    expect(name('فاطمة الحسيني')).toBe('Vereinbarung-Fassung-3-2026-12-03.pdf');
    expect(name('../../etc/passwd')).toBe('Vereinbarung-etc-passwd-Fassung-3-2026-12-03.pdf');
  });

  it('stays at most 80 characters for very long titles', () => {
    const file = name('Begleitung zur Ausländerbehörde wegen der Verlängerung des Aufenthaltstitels '.repeat(5), 12);
    expect(file.length).toBeLessThanOrEqual(80);
    expect(file).toMatch(/^Vereinbarung-Begleitung-zur-Auslaenderbehoerde[A-Za-z0-9-]*-Fassung-12-2026-12-03\.pdf$/);
  });
});
