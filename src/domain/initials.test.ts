import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials.js';

describe('initialsOf', () => {
  it('keeps the first letter of each name', () => {
    expect(initialsOf('Amina Yusuf')).toBe('A. Y.');
    expect(initialsOf('  Maria  del Carmen   López ')).toBe('M. d. C. L.');
  });
  it('keeps short initials as they were typed', () => {
    expect(initialsOf('AY')).toBe('AY');
    expect(initialsOf('M. K.')).toBe('M. K.');
  });
  it('takes whole characters in any script, never half a surrogate pair', () => {
    expect(initialsOf('فاطمة حسن')).toBe('ف. ح.');
    expect(initialsOf('𝒜lex Brandt')).toBe('𝒜. B.');
  });
  it('stays within the column limit', () => {
    expect(initialsOf('A B C D E F G').length).toBeLessThanOrEqual(40);
  });
});
