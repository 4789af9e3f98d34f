import { describe, expect, it } from 'vitest';
import { LOCALES } from '../enums.js';
import { catalogues } from './index.js';

/**
 * Buttons whose accessible name adds the row it acts on ("Freigeben: Amal Haddad") to the visible text ("Freigeben").
 * WCAG 2.5.3 (label in name, axe's label-content-name-mismatch) wants the visible text inside the name, in every
 * language: a translator can break that without noticing, so each pair is checked here. Named key → visible key.
 */
const NAMED_BUTTONS: Record<string, string> = {
  'certificates.attendanceListNamed': 'certificates.attendanceList',
  'certificates.downloadNamed': 'certificates.download',
  'certificates.printNamed': 'certificates.print',
  'certificates.revokeNamed': 'certificates.revoke',
  'offers.withdrawNamed': 'offers.withdraw',
  'fundingRules.deleteNamed': 'common.delete',
  'courses.withdrawNamed': 'courses.withdraw',
  'events.groups.editNamed': 'common.edit',
  'recognition.card.confirmNamed': 'recognition.card.confirm',
  'recognition.confirmations.pdfNamed': 'recognition.confirmations.pdf',
  'recognition.record.buttonNamed': 'recognition.record.button',
  'outbox.openNamed': 'outbox.open',
  'timesheets.correctNamed': 'timesheets.correct',
  'timesheets.approveNamed': 'timesheets.approve',
  'timesheets.returnNamed': 'timesheets.return',
  'pwa.queue.discardNamed': 'pwa.queue.discard',
};

const lookup = (catalogue: unknown, key: string): string => {
  let node = catalogue as Record<string, unknown> | string | undefined;
  for (const part of key.split('.')) node = typeof node === 'object' ? (node?.[part] as typeof node) : undefined;
  if (typeof node !== 'string') throw new Error(`no text for ${key}`);
  return node;
};
const words = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

describe('label in name', () => {
  it.each(LOCALES)('%s: every named button says its visible text', (locale) => {
    const broken = Object.entries(NAMED_BUTTONS)
      .filter(([named, visible]) => {
        const name = words(lookup(catalogues[locale], named));
        return !name.includes(words(lookup(catalogues[locale], visible)));
      })
      .map(
        ([named, visible]) =>
          `${named}: "${lookup(catalogues[locale], named)}" ⊅ "${lookup(catalogues[locale], visible)}"`,
      );
    expect(broken).toEqual([]);
  });
});
