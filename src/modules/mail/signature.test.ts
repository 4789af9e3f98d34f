import { describe, expect, it } from 'vitest';
import { withSignature } from './signature.js';
import { composeText, revealText, secret } from './templates.js';

describe('withSignature', () => {
  it('puts the signature after the usual delimiter, once, after trailing blank lines', () => {
    expect(withSignature('Hallo\n\nIhr Lotsennetz-Team\n\n', 'Lotsenstelle Nord')).toBe(
      'Hallo\n\nIhr Lotsennetz-Team\n\n-- \nLotsenstelle Nord',
    );
  });
  it('leaves the text alone without a signature', () => {
    expect(withSignature('Hallo\n', null)).toBe('Hallo\n');
  });
  it('keeps every secret where the template put it', () => {
    const { text, secrets } = composeText('ar', ['مرحبا', ['الرابط: ', secret('https://example.org/t/abc')], '']);
    const signed = withSignature(text, 'مكتب الإرشاد');
    expect(revealText(signed, secrets)).toBe('مرحبا\nالرابط: https://example.org/t/abc\n\n-- \nمكتب الإرشاد');
  });
});
