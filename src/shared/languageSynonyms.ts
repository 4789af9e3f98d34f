import { LANGUAGE_NAMES } from './languageNames.js';

/**
 * Other names people type for a language: common exonyms, spellings, the language's own name. Search matches
 * these in every UI language, together with the names in de/en/ar, so "Farsi" finds Persisch and "Kurmanci"
 * finds Kurmanji whatever language the screen is in.
 */
export const LANGUAGE_SYNONYMS: Partial<Record<keyof typeof LANGUAGE_NAMES, readonly string[]>> = {
  de: ['Deutsch', 'Almanca', 'ألماني'],
  ar: ['Arabisch', 'عربي', 'Levantinisch', 'Ägyptisch-Arabisch', 'Irakisch-Arabisch'],
  kmr: [
    'Kurmanji',
    'Kurmandschi',
    'Kurmanci',
    'Kurmancî',
    'Kurmandji',
    'Nordkurdisch',
    'Northern Kurdish',
    'Kurdî',
    'Kurdisch',
    'Kurdish',
    'كرمانجي',
    'كردي',
  ],
  ckb: [
    'Sorani',
    'Soranî',
    'Zentralkurdisch',
    'Central Kurdish',
    'Kurdisch',
    'Kurdish',
    'کوردی',
    'سۆرانی',
    'سوراني',
    'كردي',
  ],
  fa: ['Farsi', 'Persisch', 'Persian', 'Iranisch', 'Parsi', 'فارسی', 'فارسي'],
  prs: ['Dari', 'Afghanisch-Persisch', 'Farsi-Dari', 'Dari-Persisch', 'دری', 'دري'],
  ps: ['Paschtu', 'Paschto', 'Pashto', 'Pushto', 'Paschtunisch', 'Afghanisch', 'پښتو', 'بشتو', 'البشتونية'],
  tr: ['Türkçe', 'Tuerkisch', 'تركي'],
  ru: ['Русский', 'Russkij', 'روسي'],
  uk: ['Українська', 'Ukrainian'],
  bg: ['Български'],
  ro: ['Română', 'Moldauisch', 'Moldovan'],
  pl: ['Polski'],
  es: ['Español', 'Castellano'],
  en: ['Englisch', 'انجليزي'],
  fr: ['Français', 'فرنسي'],
  it: ['Italiano'],
  pt: ['Português', 'Brasilianisch'],
  el: ['Ελληνικά'],
  sr: ['Srpski', 'Српски', 'Serbokroatisch'],
  hr: ['Hrvatski', 'Serbokroatisch'],
  bs: ['Bosanski', 'Serbokroatisch'],
  sq: ['Shqip', 'Albanian', 'Kosovarisch'],
  mk: ['Македонски', 'Makedonisch'],
  sl: ['Slovenščina', 'Slowenisch'],
  hu: ['Magyar'],
  cs: ['Čeština', 'Tschechisch'],
  sk: ['Slovenčina'],
  lt: ['Lietuvių'],
  lv: ['Latviešu'],
  et: ['Eesti'],
  ka: ['ქართული', 'Grusinisch'],
  hy: ['Հայերեն'],
  az: ['Azeri', 'Aseri', 'Azərbaycan'],
  uz: ["O'zbek", 'Oʻzbekcha'],
  kk: ['Қазақша', 'Kasachisch'],
  ti: ['Tigrinya', 'Tigrinisch', 'Tigrigna', 'Tigrinja', 'Tigrinia', 'ትግርኛ', 'تغرينية', 'تيغرينية'],
  am: ['Amharisch', 'Amharic', 'አማርኛ', 'أمهري'],
  so: ['Soomaali', 'Somalisch', 'صومالي'],
  sw: ['Kiswahili', 'Swahili', 'Suaheli'],
  ha: ['Hausa', 'Haussa'],
  yo: ['Yorùbá'],
  ig: ['Ibo'],
  wo: ['Wolof'],
  ln: ['Lingála'],
  ur: ['اردو', 'أردو'],
  hi: ['हिन्दी', 'Hindustani'],
  bn: ['Bangla', 'Bengali', 'বাংলা'],
  pa: ['Panjabi', 'Pandschabi', 'Pundschabi', 'ਪੰਜਾਬੀ', 'پنجابی'],
  ta: ['தமிழ்'],
  si: ['Sinhala', 'Singhalesisch', 'සිංහල'],
  ne: ['Nepali', 'नेपाली'],
  zh: ['Mandarin', 'Hochchinesisch', '中文', 'Kantonesisch', 'Cantonese'],
  vi: ['Tiếng Việt'],
  th: ['Thai', 'ไทย'],
  tl: ['Tagalog', 'Filipino', 'Philippinisch'],
  id: ['Bahasa Indonesia', 'Bahasa'],
  ko: ['한국어'],
  ja: ['日本語'],
  he: ['Ivrit', 'עברית', 'عبري'],
  syr: [
    'Aramäisch',
    'Aramaic',
    'Assyrisch',
    'Assyrian',
    'Suryoyo',
    'Surayt',
    'Turoyo',
    'Syriac',
    'Syrisch-Aramäisch',
    'Chaldäisch',
    'ܣܘܪܝܝܐ',
    'آرامي',
    'سرياني',
  ],
  rom: ['Romanes', 'Romani', 'Romany', 'Romanés', 'روماني'],
  nl: ['Nederlands', 'Holländisch', 'Flämisch'],
  sv: ['Svenska'],
  da: ['Dansk'],
  no: ['Norsk'],
  fi: ['Suomi'],
  be: ['Weißrussisch', 'Беларуская'],
  mn: ['Монгол'],
  ug: ['Uyghur', 'Uigurisch', 'ئۇيغۇرچە'],
};

/** Lower case, no accents or Arabic vowel marks, one alef and yeh: "Kurmancî" ~ "kurmanci", "فارسی" ~ "فارسي". */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى|ی/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك')
    .replace(/ß/g, 'ss')
    .trim();
}

const searchTerms = new Map<string, string[]>(
  Object.entries(LANGUAGE_NAMES).map(([code, names]) => [
    code,
    [names.de, names.en, names.ar, ...(LANGUAGE_SYNONYMS[code as keyof typeof LANGUAGE_NAMES] ?? [])].map(
      normalizeSearch,
    ),
  ]),
);

/** Whether a typed search finds the language: its names in any UI language or one of its synonyms contain it. */
export function languageMatches(code: string, search: string): boolean {
  const query = normalizeSearch(search);
  if (!query) return true;
  return (searchTerms.get(code) ?? [code]).some((term) => term.includes(query));
}
