import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { AppError } from '../../server/errors.js';

/** What one kind of upload accepts and how it refuses (each caller keeps its own stable error codes). */
export type UploadRules<T extends string> = {
  /** Accepted content types and the extension the stored name gets. */
  types: Record<T, string>;
  maxBytes: number;
  /** The name when nothing usable is left of the given one. */
  fallbackName: string;
  tooLarge: () => AppError;
  refused: () => AppError;
  /** An empty file; `refused` unless the caller answers it differently. */
  empty?: () => AppError;
  /** Maps a type `file-type` reports onto one of ours (e.g. HEIF photos count as HEIC). */
  alias?: Record<string, T>;
};

export type CheckedUpload<T extends string> = {
  bytes: Buffer;
  contentType: T;
  fileName: string;
  sizeBytes: number;
  sha256: string;
};

/**
 * Checks an upload sent as base64: its size, and its type by content (magic bytes, `file-type`), whatever name or
 * type the browser gave it, so an executable renamed `.pdf` is refused. The stored name keeps only letters, digits,
 * spaces and `._-`, and gets the extension of the type found, so a download never opens as something else.
 */
export async function checkUpload<T extends string>(
  fileName: string,
  base64: string,
  rules: UploadRules<T>,
): Promise<CheckedUpload<T>> {
  const bytes = Buffer.from(base64.replace(/[\r\n]/g, ''), 'base64');
  if (bytes.length === 0) throw (rules.empty ?? rules.refused)();
  if (bytes.length > rules.maxBytes) throw rules.tooLarge();
  const found = await fileTypeFromBuffer(bytes);
  const mime = found ? (rules.alias?.[found.mime] ?? found.mime) : undefined;
  if (!mime || !Object.hasOwn(rules.types, mime)) throw rules.refused();
  const contentType = mime as T;
  const base =
    fileName
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
      .trim()
      .slice(0, 80) || rules.fallbackName;
  return {
    bytes,
    contentType,
    fileName: `${base}.${rules.types[contentType]}`,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
