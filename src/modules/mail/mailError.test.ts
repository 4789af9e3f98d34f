import { describe, expect, it } from 'vitest';
import { describeMailError } from './mailer.js';

describe('describeMailError', () => {
  const slot = { at: 0, placeholder: '[Link]', value: 'https://app.example/reset/abcDEF123' };

  it('replaces a secret the transport echoed by its placeholder', () => {
    expect(describeMailError(new Error(`550 rejected: ${slot.value} please`), [slot])).toBe(
      '550 rejected: [Link] please',
    );
  });

  it('cuts credentials out of URLs and token-shaped strings', () => {
    const text = describeMailError(
      new Error('connect failed for smtps://mailer:s3cret@smtp.example:465 token a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7'),
    );
    expect(text).not.toContain('s3cret');
    expect(text).toContain('smtps://***@smtp.example:465');
    expect(text).not.toContain('a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7');
  });

  it('keeps one short line', () => {
    const text = describeMailError(new Error(`line one\nline two ${'x '.repeat(400)}`));
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThanOrEqual(300);
    expect(describeMailError('')).toBe('unknown error');
  });
});
