import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { RECEIPT_CONTENT_TYPES, RECEIPT_MAX_BYTES, type ReceiptContentType } from '../../domain/expenses/kinds.js';
import { AppError } from '../../server/errors.js';

const EXTENSIONS: Record<ReceiptContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/**
 * Checks an uploaded receipt: at most 5 MB, and a photo or PDF by its content (magic bytes, `file-type`), whatever
 * name or type the browser gave it. An executable renamed `.jpg` is refused. The stored name gets the extension of
 * the type found, so a download never opens as something else.
 */
export async function checkReceipt(fileName: string, base64: string) {
  const bytes = Buffer.from(base64.replace(/[\r\n]/g, ''), 'base64');
  if (bytes.length === 0) throw new AppError(400, 'receipt_type_refused');
  if (bytes.length > RECEIPT_MAX_BYTES) throw new AppError(413, 'receipt_too_large');
  const found = await fileTypeFromBuffer(bytes);
  const contentType = found?.mime === 'image/heif' ? 'image/heic' : found?.mime;
  if (!contentType || !(RECEIPT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError(415, 'receipt_type_refused');
  }
  const type = contentType as ReceiptContentType;
  const base =
    fileName
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
      .trim()
      .slice(0, 80) || 'Beleg';
  return {
    bytes,
    contentType: type,
    fileName: `${base}.${EXTENSIONS[type]}`,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
