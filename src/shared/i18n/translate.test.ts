import { describe, expect, it } from 'vitest';
import type { Locale } from '../enums.js';
import { i18n, translate } from './index.js';

/** The server's i18next instance on the shared catalogues (mails, problem details, reminders, PDFs). */
describe('translate on the server', () => {
  it('picks German plural forms by count', () => {
    expect(translate('de', 'coordination.waitingDays', { count: 1 })).toBe('seit 1 Tag');
    expect(translate('de', 'coordination.waitingDays', { count: 0 })).toBe('seit 0 Tagen');
    expect(translate('de', 'coordination.waitingDays', { count: 2 })).toBe('seit 2 Tagen');
    expect(translate('de', 'guides.capacityValue', { count: 1 })).toBe('1 Einsatz gleichzeitig');
    expect(translate('de', 'jobs.digestSubject', { count: 1 })).toBe('Lotsennetz: 1 Punkt braucht Ihre Aufmerksamkeit');
    expect(translate('de', 'jobs.digestSubject', { count: 5 })).toBe(
      'Lotsennetz: 5 Punkte brauchen Ihre Aufmerksamkeit',
    );
  });

  it("picks all six Arabic plural forms by Arabic's rules", () => {
    const subject = (count: number) => translate('ar', 'jobs.digestSubject', { count });
    expect(subject(0)).toBe('لوتسن‌نتس: لا بنود بحاجة إلى انتباهك');
    expect(subject(1)).toBe('لوتسن‌نتس: بند واحد بحاجة إلى انتباهك');
    expect(subject(2)).toBe('لوتسن‌نتس: بندان بحاجة إلى انتباهك');
    // few: 3–10 (also 103–110), many: 11–99 (also 111…), other: 100–102, 200 …
    expect(subject(3)).toBe('لوتسن‌نتس: 3 بنود بحاجة إلى انتباهك');
    expect(subject(10)).toBe('لوتسن‌نتس: 10 بنود بحاجة إلى انتباهك');
    expect(subject(11)).toBe('لوتسن‌نتس: 11 بندًا بحاجة إلى انتباهك');
    expect(subject(99)).toBe('لوتسن‌نتس: 99 بندًا بحاجة إلى انتباهك');
    expect(subject(100)).toBe('لوتسن‌نتس: 100 بند بحاجة إلى انتباهك');
    expect(subject(102)).toBe('لوتسن‌نتس: 102 بند بحاجة إلى انتباهك');
    expect(subject(103)).toBe('لوتسن‌نتس: 103 بنود بحاجة إلى انتباهك');
    expect(translate('ar', 'coordination.waitingDays', { count: 2 })).toBe('منذ يومين');
    expect(translate('ar', 'coordination.waitingDays', { count: 0 })).toBe('منذ أقل من يوم');
  });

  it("writes ISO dates in the locale's date format", () => {
    const line = (locale: Locale) =>
      translate(locale, 'jobs.line.background_check_due', { guide: 'Amal Haddad', date: '2026-12-03' });
    expect(line('de')).toBe('Amal Haddad (Wiedervorlage am 03.12.2026)');
    expect(line('en')).toBe('Amal Haddad (renewal due on Dec 3, 2026)');
    // Arabic writes day/month/year with right-to-left marks around the separators.
    expect(line('ar')).toBe('Amal Haddad (موعد التجديد 03\u200f/12\u200f/2026)');
    // Text that only looks like a date in part stays as it is.
    expect(translate('de', 'jobs.line.background_check_due', { guide: 'X', date: '2026-12-03T10:00' })).toBe(
      'X (Wiedervorlage am 2026-12-03T10:00)',
    );
  });

  it("writes numbers with the locale's separators and digits", () => {
    expect(translate('de', 'jobs.digestSubject', { count: 1234 })).toBe(
      'Lotsennetz: 1.234 Punkte brauchen Ihre Aufmerksamkeit',
    );
    expect(translate('en', 'jobs.digestSubject', { count: 1234 })).toBe('Lotsennetz: 1,234 items need your attention');
    expect(translate('ar', 'jobs.digestSubject', { count: 1234 })).toContain(new Intl.NumberFormat('ar').format(1234));
    // Any numeric parameter, not only `count`.
    expect(translate('de', 'jobs.line.agreement_unconfirmed', { guide: 2.5, title: 10000 })).toBe('2,5 – 10.000');
  });

  it('falls back to German for a key the locale lacks, and to the key itself when no catalogue has it', () => {
    i18n.addResource('de', 'translation', 'test.onlyInGerman', 'Nur auf Deutsch: {{name}}');
    expect(translate('ar', 'test.onlyInGerman', { name: 'Amal' })).toBe('Nur auf Deutsch: Amal');
    expect(translate('en', 'test.onlyInGerman', { name: 'Amal' })).toBe('Nur auf Deutsch: Amal');
    expect(translate('ar', 'test.nowhere')).toBe('test.nowhere');
    // A locale the server does not know (a stale value in the database) reads German.
    expect(translate('fr' as Locale, 'jobs.heading.review_due')).toBe('Überprüfung fällig');
  });

  it('does not HTML-escape names: mails and PDFs are plain text', () => {
    expect(
      translate('de', 'jobs.line.review_due', { guide: 'Ali <Ali> & Söhne', title: '"Q" & \'A\'', date: '2026-01-05' }),
    ).toBe('Ali <Ali> & Söhne – "Q" & \'A\' (fällig am 05.01.2026)');
  });

  it('writes a missing parameter as nothing rather than as {{name}}', () => {
    expect(translate('de', 'jobs.line.agreement_unconfirmed', { guide: 'Amal' })).toBe('Amal – ');
  });

  it('treats parameters named like i18next options as values', () => {
    i18n.addResource('de', 'translation', 'test.optionNames', '{{context}}/{{ns}}/{{lng}}');
    expect(translate('en', 'test.optionNames', { context: 'a', ns: 'b', lng: 'c' })).toBe('a/b/c');
  });
});
