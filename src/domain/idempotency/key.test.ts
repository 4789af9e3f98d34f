import { describe, expect, it } from 'vitest';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './key.js';

describe('idempotency keys', () => {
  it('accepts a UUID, refuses anything else, and treats a missing header as none', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
    expect(parseIdempotencyKey('6F1C2A4E-1B2C-4D5E-8F90-A1B2C3D4E5F6')).toBe('6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6');
    expect(parseIdempotencyKey('')).toBe('invalid');
    expect(parseIdempotencyKey('abc')).toBe('invalid');
    expect(parseIdempotencyKey(['6f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6'])).toBe('invalid');
  });

  it('hashes the same body the same in any field order, and a different body, route or method differently', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], u: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const a = requestFingerprint('POST', '/api/v1/hour-entries', { minutes: 60, date: '2026-12-01' });
    expect(requestFingerprint('POST', '/api/v1/hour-entries', { date: '2026-12-01', minutes: 60 })).toBe(a);
    expect(requestFingerprint('POST', '/api/v1/hour-entries', { date: '2026-12-01', minutes: 61 })).not.toBe(a);
    expect(requestFingerprint('POST', '/api/v1/other', { date: '2026-12-01', minutes: 60 })).not.toBe(a);
    expect(requestFingerprint('PATCH', '/api/v1/hour-entries', { date: '2026-12-01', minutes: 60 })).not.toBe(a);
  });
});
