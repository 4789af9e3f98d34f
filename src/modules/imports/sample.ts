/** The sample file of an import: the header row in the reader's language, one invented row, and the columns explained. */
import ExcelJS from 'exceljs';
import { type Locale, RTL_LOCALES } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { IMPORT_FIELDS, type ImportKind, REQUIRED_IMPORT_FIELDS } from '../../shared/imports.js';
import { LANGUAGE_NAMES } from '../../shared/languageNames.js';

export const sampleFileName = (kind: ImportKind, locale: Locale) =>
  `${translate(locale, `imports.sampleFile.${kind}`)}.xlsx`;

function exampleRow(kind: ImportKind, locale: Locale, district: string): Record<string, string | Date> {
  const t = (key: string) => translate(locale, key);
  if (kind === 'guides')
    return {
      firstName: 'Amira',
      lastName: 'Beispiel',
      email: 'amira.beispiel@example.org',
      phone: '+49 511 0000000',
      languages: `${LANGUAGE_NAMES.ar[locale]} (${t('level.native')}), ${LANGUAGE_NAMES.de[locale]} (C1)`,
      homeDistrict: district,
      serviceDistricts: district,
      certifiedAt: new Date(Date.UTC(2025, 2, 15)),
      notes: t('imports.sample.note'),
      externalKey: 'L-001',
    };
  return {
    name: t('imports.sample.partnerName'),
    type: t('partnerType.welfare_association'),
    street: 'Musterstraße 1',
    postalCode: '30159',
    city: 'Musterstadt',
    district,
    email: 'kontakt@beispiel-verein.example',
    phone: '+49 511 0000001',
    notes: t('imports.sample.note'),
    externalKey: 'E-001',
  };
}

export async function sampleWorkbook(kind: ImportKind, locale: Locale, district: string): Promise<Buffer> {
  const t = (key: string) => translate(locale, key);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotsennetz';
  const rtl = RTL_LOCALES.includes(locale);
  const data = workbook.addWorksheet(t('imports.sample.dataSheet').slice(0, 31), { views: [{ rightToLeft: rtl }] });
  const fields = IMPORT_FIELDS[kind];
  data.columns = fields.map((f) => ({
    key: f,
    header: t(`imports.field.${kind}.${f}`),
    width: 24,
    style: f === 'certifiedAt' ? { numFmt: 'dd.mm.yyyy' } : undefined,
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(exampleRow(kind, locale, district));

  const help = workbook.addWorksheet(t('imports.sample.helpSheet').slice(0, 31), { views: [{ rightToLeft: rtl }] });
  help.columns = [
    { key: 'column', header: t('imports.sample.column'), width: 28 },
    { key: 'required', header: t('imports.sample.required'), width: 14 },
    { key: 'help', header: t('imports.sample.explanation'), width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of fields)
    help.addRow({
      column: t(`imports.field.${kind}.${f}`),
      required: t(REQUIRED_IMPORT_FIELDS[kind].includes(f) ? 'imports.sample.yes' : 'imports.sample.no'),
      help: t(`imports.help.${kind}.${f}`),
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
