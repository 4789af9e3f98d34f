import type { Tx } from '../../db/client.js';
import type { Locale } from '../../shared/enums.js';
import { localizedText } from '../../shared/localized.js';
import { settingsRepository } from '../settings/repository.js';

/**
 * The office's e-mail signature (settings `mailSignature`, issue 14 §1) in the recipient's language, else German;
 * null while the office keeps none. Read in the caller's transaction: the office's own scope or the system scope.
 */
export async function officeSignature(tx: Tx, officeId: string, locale: Locale): Promise<string | null> {
  const { mailSignature } = await settingsRepository.get(tx, officeId);
  if (!mailSignature) return null;
  return localizedText(mailSignature, locale).trim() || null;
}

/** The text with the signature after the usual delimiter ("-- " on a line of its own), so mail programs know it. */
export function withSignature(text: string, signature: string | null): string {
  return signature ? `${text.replace(/\s+$/, '')}\n\n-- \n${signature}` : text;
}
