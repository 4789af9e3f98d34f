/** Receipt files for the expense tests: real content by magic bytes, and an executable dressed as a photo. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PNG_BYTES = Buffer.from(PNG_BASE64, 'base64');
/** A Windows executable's header, named like a photo. */
export const EXE_BASE64 = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(64, 0x90),
  Buffer.from('This program cannot be run in DOS mode'),
]).toString('base64');
export const PDF_BASE64 = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');
