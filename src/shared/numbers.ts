/**
 * Decimal numbers as people type them: "2,80" in German, "2.80" in English, "٢٫٨٠" on an Arabic keyboard,
 * "۲٫۸" on a Persian one. Parsing never guesses silently: text it cannot read is null, never 280 for "2,80".
 */

const ARABIC_INDIC_ZERO = 0x0660; // ٠ … ٩
const PERSIAN_ZERO = 0x06f0; // ۰ … ۹
const ARABIC_DECIMAL = '\u066b'; // ٫
const ARABIC_GROUP = '\u066c'; // ٬
const ARABIC_COMMA = '\u060c'; // ، (typed for a comma on Arabic keyboards)

/** Spaces people type or copy as group separators, and invisible direction marks that RTL text carries along. */
const IGNORED = /[\s\u00a0\u202f\u2009\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * The locale tag handed to Intl for a UI language. Arabic and Persian in this UI write Latin digits (people type them
 * so, and dates sit beside German documents); Persian also keeps the Gregorian calendar, because Intl would otherwise
 * show appointments in the Solar Hijri calendar. The separators follow that numbering system.
 */
const INTL_TAGS: Record<string, string> = { ar: 'ar-u-nu-latn', fa: 'fa-u-ca-gregory-nu-latn' };
export const intlLocaleOf = (locale: string) => INTL_TAGS[locale] ?? locale;

type Separators = { group: string; decimal: string };
const separatorCache = new Map<string, Separators>();

/** The group and decimal separator the locale writes, as Intl knows them. */
export function separatorsOf(locale: string): Separators {
  const cached = separatorCache.get(locale);
  if (cached) return cached;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(intlLocaleOf(locale)).formatToParts(12345.6);
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(12345.6);
  }
  const found = {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
  separatorCache.set(locale, found);
  return found;
}

/** Arabic-Indic and Persian digits become 0-9; everything else is left as it is. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** "1.234" / "12,345,678": every group after the first has exactly three digits, and the first does not start with 0. */
const isGrouping = (text: string, sep: string) => {
  const groups = text.split(sep);
  const [first, ...rest] = groups;
  return rest.length > 0 && first !== undefined && /^[1-9]\d{0,2}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
};

const digitsOnly = (text: string) => /^\d+$/.test(text);

/**
 * Reads a decimal number typed in `locale`. Accepted:
 * - digits 0-9, Arabic-Indic ٠-٩ and Persian ۰-۹;
 * - the Arabic separators ٫ (decimal) and ٬ (group);
 * - a comma or dot as decimal separator when it cannot be a group separator: "2,80" is 2.8 in every locale, because a
 *   group has three digits; "1,234" is 1234 only where the comma is the locale's group separator (en), 1.234 elsewhere;
 * - both a comma and a dot: the last one is the decimal separator ("1.234,56", "1,234.56");
 * - a leading minus.
 * Anything else (letters, two decimal separators, broken groups such as "1,2,3") gives null.
 */
export function parseDecimal(text: string, locale: string): number | null {
  let s = toLatinDigits(text.normalize('NFKC')).replace(IGNORED, '');
  if (s === '') return null;
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replaceAll(ARABIC_COMMA, ',');
  // The Arabic marks say what they are: no guessing needed.
  if (s.includes(ARABIC_DECIMAL) || s.includes(ARABIC_GROUP)) {
    if (/[.,]/.test(s)) return null;
    const [whole = '', fraction, extra] = s.split(ARABIC_DECIMAL);
    if (extra !== undefined) return null;
    return finish(whole, fraction, ARABIC_GROUP, negative);
  }
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (s.split(decimal).length !== 2) return null;
    const [whole = '', fraction] = s.split(decimal);
    if (!whole.includes(group)) return null;
    return finish(whole, fraction, group, negative);
  }
  if (commas === 0 && dots === 0) return finish(s, undefined, null, negative);
  const sep = commas > 0 ? ',' : '.';
  if (sep === separatorsOf(locale).group && isGrouping(s, sep)) return finish(s, undefined, sep, negative);
  if (commas + dots > 1) return null;
  const [whole = '', fraction] = s.split(sep);
  return finish(whole, fraction, null, negative);
}

function finish(whole: string, fraction: string | undefined, group: string | null, negative: boolean): number | null {
  let integer = whole;
  if (group && integer.includes(group)) {
    if (!isGrouping(integer, group)) return null;
    integer = integer.replaceAll(group, '');
  }
  if (integer === '' && (fraction === undefined || fraction === '')) return null;
  if (integer !== '' && !digitsOnly(integer)) return null;
  if (fraction !== undefined && fraction !== '' && !digitsOnly(fraction)) return null;
  const value = Number(`${integer || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}

export type FormatDecimalOptions = {
  /** Fraction digits at least shown (e.g. 2 for money). Default 0. */
  minFractionDigits?: number;
  /** Fraction digits at most shown. Default 2. */
  maxFractionDigits?: number;
  /** Group separators ("1.234"). Default true; inputs switch them off so the text reads back unambiguously. */
  grouping?: boolean;
};

/**
 * A number in the locale's way of writing. Arabic keeps Latin digits, as the rest of the UI does, so what is shown
 * is what people type into the forms.
 */
export function formatDecimal(value: number, locale: string, opts: FormatDecimalOptions = {}): string {
  const max = opts.maxFractionDigits ?? 2;
  return new Intl.NumberFormat(intlLocaleOf(locale), {
    minimumFractionDigits: Math.min(opts.minFractionDigits ?? 0, max),
    maximumFractionDigits: max,
    useGrouping: opts.grouping ?? true,
  }).format(value);
}

/** Fraction digits in typed text, after parsing succeeded: "2,805" has 3. */
export function fractionDigits(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 20;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
