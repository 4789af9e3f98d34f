import type { ConsentKind, ConsentRecord, ConsentText } from '../../shared/consent.js';
import { LOCALES, type Locale } from '../../shared/enums.js';
import type { ConsentRecordRow, ConsentTextRow } from './repository.js';

/** A version's state: a draft, the one in force, or superseded by a newer published version. */
export function presentText(row: ConsentTextRow, current: Map<ConsentKind, ConsentTextRow>): ConsentText {
  const inForce = current.get(row.kind as ConsentKind);
  return {
    id: row.id,
    kind: row.kind as ConsentKind,
    version: row.version,
    texts: row.texts,
    languages: LOCALES.filter((l) => row.texts[l]),
    changeNote: row.changeNote,
    state: !row.publishedAt ? 'draft' : inForce && inForce.version > row.version ? 'superseded' : 'published',
    publishedAt: row.publishedAt,
    createdAt: row.createdAt.toISOString(),
  };
}

export const presentRecord = (row: ConsentRecordRow): ConsentRecord => ({
  id: row.id,
  textId: row.textId,
  kind: row.kind as ConsentKind,
  version: row.version,
  guideId: row.guideId,
  requestId: row.requestId,
  language: row.language as Locale,
  givenAt: row.givenAt,
  method: row.method as ConsentRecord['method'],
  withdrawnAt: row.withdrawnAt,
  withdrawalMethod: (row.withdrawalMethod as ConsentRecord['withdrawalMethod']) ?? null,
  recordedByName: row.recordedByName,
  createdAt: row.createdAt.toISOString(),
});
