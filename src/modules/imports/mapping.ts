/** Which column feeds which field: the remembered mapping, or one guessed from the headers. */
import { LOCALES } from '../../shared/enums.js';
import { translate } from '../../shared/i18n/index.js';
import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '../../shared/imports.js';
import { normalizeHeader } from './cells.js';

/** Words offices use in their own spreadsheets, besides the field labels of the UI languages. */
const HEADER_WORDS: Partial<Record<ImportField, string[]>> = {
  firstName: ['Vorname', 'Vornamen', 'First name', 'Given name'],
  lastName: ['Nachname', 'Familienname', 'Name', 'Last name', 'Surname'],
  email: ['E-Mail', 'Email', 'Mail', 'E-Mail-Adresse', 'Mailadresse'],
  phone: ['Telefon', 'Tel', 'Telefonnummer', 'Handy', 'Mobil', 'Phone', 'Mobile'],
  languages: ['Sprachen', 'Sprache', 'Sprachkenntnisse', 'Languages'],
  homeDistrict: ['Stadtbezirk', 'Bezirk', 'Wohnbezirk', 'Ortsteil', 'Wohnort', 'District'],
  serviceDistricts: ['Einsatzbezirke', 'Einsatzgebiet', 'Einsatzorte', 'Service districts'],
  certifiedAt: ['Zertifiziert am', 'Zertifikat', 'Zertifizierung', 'Certified on'],
  notes: ['Notizen', 'Bemerkungen', 'Bemerkung', 'Anmerkungen', 'Notes'],
  externalKey: ['Nr', 'Nummer', 'ID', 'Kennung', 'Mitgliedsnummer', 'Externe Nummer', 'Key'],
  name: ['Name', 'Einrichtung', 'Organisation', 'Einsatzstelle', 'Träger'],
  type: ['Art', 'Typ', 'Type', 'Kategorie'],
  street: ['Straße', 'Strasse', 'Adresse', 'Street'],
  postalCode: ['PLZ', 'Postleitzahl', 'Postal code', 'ZIP'],
  city: ['Ort', 'Stadt', 'City'],
  district: ['Stadtbezirk', 'Bezirk', 'Ortsteil', 'District'],
};

function wordsFor(kind: ImportKind, field: ImportField): Set<string> {
  const words = [
    field,
    ...LOCALES.map((l) => translate(l, `imports.field.${kind}.${field}`)),
    ...(HEADER_WORDS[field] ?? []),
  ];
  return new Set(words.map(normalizeHeader));
}

/** Each column is used once, for the first field (in the contract's order) whose words it matches. */
export function suggestMapping(kind: ImportKind, columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS[kind]) {
    const words = wordsFor(kind, field);
    const column = columns.find((c) => !used.has(c) && words.has(normalizeHeader(c)));
    mapping[field] = column ?? null;
    if (column) used.add(column);
  }
  return mapping;
}

/** A remembered mapping fits when every column it names is in the file. */
export function fits(mapping: ImportMapping, columns: string[]): boolean {
  const named = Object.values(mapping).filter((c): c is string => Boolean(c));
  return named.length > 0 && named.every((c) => columns.includes(c));
}

/** The mapping restricted to the kind's fields, with every field present (null when not imported). */
export function complete(kind: ImportKind, mapping: ImportMapping): Record<string, string | null> {
  return Object.fromEntries(IMPORT_FIELDS[kind].map((f) => [f, mapping[f] ?? null]));
}
