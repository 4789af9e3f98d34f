import type { Locale } from './enums.js';
import { LANGUAGE_ENDONYMS, LANGUAGE_NAMES } from './languageNames.js';

/**
 * Global reference data. Only codes are kept here: display names come from the
 * runtime's ICU data (Intl.DisplayNames), so they exist in every UI language.
 */

/** ISO 639 codes offered for guide profiles. Kurdish is split into Kurmanji (kmr) and Sorani (ckb); Dari is prs. */
export const LANGUAGE_CODES = [
  'de',
  'ar',
  'kmr',
  'ckb',
  'fa',
  'prs',
  'ps',
  'tr',
  'ru',
  'uk',
  'bg',
  'ro',
  'pl',
  'es',
  'en',
  'fr',
  'it',
  'pt',
  'el',
  'sr',
  'hr',
  'bs',
  'sq',
  'mk',
  'sl',
  'hu',
  'cs',
  'sk',
  'lt',
  'lv',
  'et',
  'ka',
  'hy',
  'az',
  'uz',
  'kk',
  'ti',
  'am',
  'so',
  'sw',
  'ha',
  'yo',
  'ig',
  'wo',
  'ln',
  'ur',
  'hi',
  'bn',
  'pa',
  'ta',
  'si',
  'ne',
  'zh',
  'vi',
  'th',
  'tl',
  'id',
  'ko',
  'ja',
  'he',
  'syr',
  'rom',
  'nl',
  'sv',
  'da',
  'no',
  'fi',
  'be',
  'mn',
  'ug',
] as const;

/** ISO 3166-1 alpha-2 codes. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const languageSet = new Set<string>(LANGUAGE_CODES);
const countrySet = new Set<string>(COUNTRY_CODES);
export const isKnownLanguage = (code: string): boolean => languageSet.has(code);
export const isKnownCountry = (code: string): boolean => countrySet.has(code);

/** Default fields of action (domain.md); offices can rename, add and remove them. */
export const DEFAULT_FIELDS_OF_ACTION: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'authorities', name: 'Behörden & Ämter' },
  { key: 'school_kita', name: 'Schule & Kita (Elternarbeit)' },
  { key: 'university', name: 'Studium & Hochschule' },
  { key: 'training_work', name: 'Ausbildung & Beruf' },
  { key: 'health_care', name: 'Gesundheit & Pflege' },
  { key: 'housing', name: 'Wohnen' },
  { key: 'leisure', name: 'Freizeit, Sport & Kultur' },
  { key: 'language_support', name: 'Sprachförderung' },
  { key: 'orientation', name: 'Orientierung im Alltag / Erstorientierung' },
  { key: 'crisis', name: 'Krisen & Umbruchsituationen' },
];

/** Default specialisations (Speziallotsen); offices can add their own. */
export const DEFAULT_SPECIALIZATIONS: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'parents', name: 'Elternlotse' },
  { key: 'sport', name: 'Sportlotse' },
  { key: 'university', name: 'Hochschullotse' },
  { key: 'vocational', name: 'Ausbildungslotse' },
  { key: 'tolerance', name: 'Toleranzlotse' },
  { key: 'environment', name: 'Umweltlotse' },
  { key: 'health', name: 'Gesundheitslotse' },
];

export function displayName(kind: 'language' | 'region', code: string, locale: string): string {
  // Our own table first (browsers' ICU data lacks some names), ICU for other locales and codes.
  const own = kind === 'language' ? LANGUAGE_NAMES[code as keyof typeof LANGUAGE_NAMES] : undefined;
  const endonym =
    kind === 'language' && locale === code ? LANGUAGE_ENDONYMS[code as keyof typeof LANGUAGE_NAMES] : undefined;
  if (endonym) return endonym;
  if (own && locale in own) return own[locale as Locale];
  try {
    return new Intl.DisplayNames([locale], { type: kind, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
