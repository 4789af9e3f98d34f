import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HARD_GATES } from '../../domain/matching/types.js';
import { LOCALES } from '../enums.js';
import { ERROR_CODES } from '../errors.js';
import { OFFER_STATUSES } from '../matching.js';
import { catalogues } from './index.js';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });

const has = (locale: (typeof LOCALES)[number], key: string) => {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string';
};

/**
 * Every code the server puts into a problem's field errors, found in the source, must read as a sentence in every
 * language: an error shown as "errors.guideHasDeployments" is a bug.
 */
describe('regression: no untranslated error keys reach the user', () => {
  const codes = new Set<string>();
  for (const file of [...sourceFiles('src/modules'), ...sourceFiles('src/server'), ...sourceFiles('src/domain')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/invalidField\([^,]+,\s*'(\w+)'\)/g)) codes.add(m[1]);
    for (const m of text.matchAll(/\bcode:\s*'(\w+)'/g)) codes.add(m[1]);
    // Union types of codes: `code: 'a' | 'b' | …`.
    for (const m of text.matchAll(/\bcode:\s*((?:\|?\s*'\w+'\s*)+)/g))
      for (const c of m[1].matchAll(/'(\w+)'/g)) codes.add(c[1]);
    for (const m of text.matchAll(/message:\s*'validation\.(\w+)'/g)) codes.add(m[1]);
  }
  for (const gate of HARD_GATES) codes.add(`gate_${gate}`);
  const problemCodes = new Set<string>([...ERROR_CODES, ...OFFER_STATUSES.map((s) => `offer_${s}`)]);
  problemCodes.delete('offer_pending');

  it('finds the codes in the source (the scan works)', () => {
    expect(codes.has('guideHasDeployments')).toBe(true);
    expect(codes.has('outsideAgreement')).toBe(true);
    expect(codes.size).toBeGreaterThan(20);
  });

  it.each([...LOCALES])('every field error code has a message in %s', (locale) => {
    const missing = [...codes].filter((c) => !has(locale, `validation.${c}`) && !has(locale, `errors.${c}`));
    expect(missing).toEqual([]);
  });

  it.each([...LOCALES])('every problem code has a title in %s', (locale) => {
    expect([...problemCodes].filter((c) => !has(locale, `errors.${c}`))).toEqual([]);
  });
});
