import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_FIELDS, humaniseKey } from './audit.js';
import { LOCALES, type Locale } from './enums.js';
import { catalogues } from './i18n/index.js';

const section = (locale: Locale, name: string) =>
  ((catalogues[locale].audit as Record<string, unknown>)[name] ?? {}) as Record<string, unknown>;

describe('audit log labels', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every action, record type and changed field has a readable label`, () => {
      const missing = [
        ...AUDIT_ACTIONS.filter((a) => typeof section(locale, 'action')[a] !== 'string').map((a) => `action.${a}`),
        ...AUDIT_ENTITY_TYPES.filter((e) => typeof section(locale, 'entity')[e] !== 'string').map((e) => `entity.${e}`),
        ...AUDIT_FIELDS.filter((f) => typeof section(locale, 'field')[f] !== 'string').map((f) => `field.${f}`),
      ];
      expect(missing).toEqual([]);
      // A label is words, not the key again ("assignment.closed", "backgroundIssuedAt").
      for (const [kind, keys] of [
        ['action', AUDIT_ACTIONS],
        ['field', AUDIT_FIELDS],
      ] as const) {
        for (const key of keys) {
          const label = section(locale, kind)[key] as string;
          expect(label, `${kind}.${key}`).not.toBe(key);
          expect(label, `${kind}.${key}`).not.toMatch(/^[a-z]+[A-Z]\w*$|^[a-z_]+\.[a-z_]+$/);
        }
      }
    });
  }

  it('the German labels name what happened, as the office says it', () => {
    expect(section('de', 'action')['assignment.closed']).toBe('Einsatz abgeschlossen');
    expect(section('de', 'field').backgroundIssuedAt).toBe('Führungszeugnis ausgestellt am');
    expect(section('ar', 'action')['assignment.closed']).toMatch(/[\u0600-\u06ff]/);
  });

  it('lists each action once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_FIELDS).size).toBe(AUDIT_FIELDS.length);
  });
});

describe('humaniseKey, the fallback for a key without a label', () => {
  it.each([
    ['backgroundIssuedAt', 'Background issued at'],
    ['field_of_action.created', 'Field of action: created'],
    ['auth.password_reset', 'Auth: password reset'],
    ['homeDistrictId', 'Home district id'],
    ['expensesCents', 'Expenses cents'],
    ['status', 'Status'],
    ['URLValue', 'Url value'],
  ])('%s → %s', (key, text) => {
    expect(humaniseKey(key)).toBe(text);
  });
});
