import { RECEIPT_MAX_BYTES, type ReceiptContentType } from '../../domain/expenses/kinds.js';
import { AppError } from '../../server/errors.js';
import { checkUpload } from '../files/checkUpload.js';

const EXTENSIONS: Record<ReceiptContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/**
 * Checks an uploaded receipt: at most 5 MB, and a photo or PDF by its content (magic bytes), whatever name or type the
 * browser gave it (see checkUpload). The codes stay the receipt's own: 413 receipt_too_large, 415 receipt_type_refused.
 */
export function checkReceipt(fileName: string, base64: string) {
  return checkUpload(fileName, base64, {
    types: EXTENSIONS,
    maxBytes: RECEIPT_MAX_BYTES,
    fallbackName: 'Beleg',
    tooLarge: () => new AppError(413, 'receipt_too_large'),
    refused: () => new AppError(415, 'receipt_type_refused'),
    empty: () => new AppError(400, 'receipt_type_refused'),
    alias: { 'image/heif': 'image/heic' },
  });
}
