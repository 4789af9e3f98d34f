import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../enums.js';
import { catalogues } from './index.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens a catalogue to dot paths ("guides.field.firstName") with their texts. */
function flatten(node: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  else throw new Error(`${prefix}: expected a string or an object`);
  return out;
}

/** Groups plural forms under their base key: "guides.count_one" and "guides.count_other" → "guides.count". */
function byBaseKey(flat: Map<string, string>) {
  const groups = new Map<string, { forms: Set<string>; texts: string[] }>();
  for (const [key, text] of flat) {
    const match = key.match(PLURAL_SUFFIX);
    const base = match ? key.slice(0, -match[0].length) : key;
    const group = groups.get(base) ?? { forms: new Set<string>(), texts: [] };
    if (match) group.forms.add(match[1]);
    group.texts.push(text);
    groups.set(base, group);
  }
  return groups;
}

const variables = (texts: string[]) =>
  [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])))].sort();

const source = byBaseKey(flatten(catalogues.de));

describe.each(LOCALES.filter((l): l is Exclude<Locale, 'de'> => l !== 'de'))('catalogue %s', (locale) => {
  const target = byBaseKey(flatten(catalogues[locale]));

  it('has every key of the German source catalogue', () => {
    expect([...source.keys()].filter((k) => !target.has(k))).toEqual([]);
  });

  it('has no keys that the German source lacks', () => {
    expect([...target.keys()].filter((k) => !source.has(k))).toEqual([]);
  });

  it('uses the same interpolation variables as German', () => {
    const differing = [...source.entries()]
      .filter(([key]) => target.has(key))
      .filter(([key, group]) => {
        const theirs = target.get(key)!;
        // Plural forms such as Arabic "_one" may spell the number out; compare the union over all forms.
        const mine = variables(group.texts).filter((v) => !(group.forms.size && v === 'count'));
        const other = variables(theirs.texts).filter((v) => !(theirs.forms.size && v === 'count'));
        return JSON.stringify(mine) !== JSON.stringify(other);
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has every plural form its language needs', () => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = [...target.entries()]
      .filter(([, group]) => group.forms.size > 0)
      .flatMap(([key, group]) => needed.filter((form) => !group.forms.has(form)).map((form) => `${key}_${form}`));
    expect(missing).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...flatten(catalogues[locale]).entries()].filter(([, text]) => !text.trim()).map(([k]) => k)).toEqual([]);
  });
});

describe('catalogue de', () => {
  it('has every plural form German needs', () => {
    const needed = new Intl.PluralRules('de').resolvedOptions().pluralCategories;
    const missing = [...source.entries()]
      .filter(([, group]) => group.forms.size > 0)
      .flatMap(([key, group]) => needed.filter((form) => !group.forms.has(form)).map((form) => `${key}_${form}`));
    expect(missing).toEqual([]);
  });
});

import meta from './meta.json' with { type: 'json' };

/** German words that never belong in another language's text: a sentence left untranslated shows one of them. */
const GERMAN_WORDS =
  /(?<![\p{L}])(und|oder|nicht|der|die|das|für|wird|werden|bitte|eine?n?|ist|sind|wurde|können|mit)(?![\p{L}])/iu;

const LATIN_SCRIPT: readonly Locale[] = ['en', 'tr'];

describe('translations', () => {
  const allowed = meta.allowedSameAsGerman as Record<string, string>;
  const german = flatten(catalogues.de);

  it('says for every language whether a person or a machine translated it, and whether it was reviewed', () => {
    for (const locale of LOCALES) {
      const entry = (meta as Record<string, unknown>)[locale] as { source?: string; reviewed?: boolean } | undefined;
      expect(entry?.source, locale).toMatch(/^(original|team|translator|machine)$/);
      expect(typeof entry?.reviewed, locale).toBe('boolean');
    }
  });

  it.each(LOCALES.filter((l) => l !== 'de'))('%s: leaves no text in German, except allowed proper names', (locale) => {
    const left = [...flatten(catalogues[locale]).entries()]
      .filter(([key]) => !(key in allowed))
      .filter(([key, text]) => {
        const source = german.get(key) ?? german.get(key.replace(PLURAL_SUFFIX, '_other'));
        const words = text.replace(/\{\{\s*\w+\s*\}\}/g, '');
        // In Latin script many words are the same as in German ("Name", "Status"); only German spelling betrays them.
        const same = source !== undefined && text === source && /\p{L}{4,}/u.test(words);
        return GERMAN_WORDS.test(words) || (same && (!LATIN_SCRIPT.includes(locale) || /[äöüß]/i.test(words)));
      })
      .map(([key, text]) => `${key}: ${text}`);
    expect(left).toEqual([]);
  });
});

describe('labels per UI language', () => {
  // The consent screens label each language's text with `consent.language.<locale>`: a new UI language needs one.
  it.each(LOCALES)('%s: names every UI language for the consent texts', (locale) => {
    const names = (catalogues[locale].consent as { language: Record<string, string> }).language;
    expect(LOCALES.filter((l) => !names[l]?.trim())).toEqual([]);
  });
});
