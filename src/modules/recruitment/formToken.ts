/**
 * The public form's spam protection without a third-party service: the form is served with a token that carries the
 * office and the issue time, signed with a key derived from the app secret (HMAC). A submission needs a genuine
 * token that is at least MIN_FILL_MS old (people take longer than that to fill in a form; bots do not) and not
 * older than MAX_AGE_MS.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 3_600_000;

export type FormTokenCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export class FormTokens {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'lotsennetz', 'volunteer-form/v1', 32));
  }

  private sign(payload: string) {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  issue(officeId: string, now: Date): string {
    const payload = `${officeId}.${now.getTime()}`;
    return `${payload}.${this.sign(payload)}`;
  }

  check(token: string, officeId: string, now: Date): FormTokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return 'invalid';
    const [office, issued, signature] = parts;
    const expected = Buffer.from(this.sign(`${office}.${issued}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || office !== officeId) return 'invalid';
    const age = now.getTime() - Number(issued);
    if (!Number.isFinite(age)) return 'invalid';
    if (age < MIN_FILL_MS) return 'too_fast';
    if (age > MAX_AGE_MS) return 'expired';
    return 'ok';
  }
}
