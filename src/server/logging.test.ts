import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { describeError, loggableError, redactUrl } from './logging.js';

const token = 'S3cr3t-Tok_en0123456789abcdefghijklmnopqrstu';

describe('what the server logs', () => {
  it('regression: cuts link tokens out of API and SPA paths, keeping the rest of the URL', () => {
    expect(redactUrl(`/api/v1/auth/tokens/${token}`)).toBe('/api/v1/auth/tokens/[redacted]');
    expect(redactUrl(`/api/v1/auth/tokens/${token}/password`)).toBe('/api/v1/auth/tokens/[redacted]/password');
    expect(redactUrl(`/api/v1/offer-links/${token}`)).toBe('/api/v1/offer-links/[redacted]');
    expect(redactUrl(`/invitation/${token}`)).toBe('/invitation/[redacted]');
    expect(redactUrl(`/reset-password/${token}?lang=ar`)).toBe('/reset-password/[redacted]?lang=ar');
    expect(redactUrl(`/offers/answer/${token}?answer=decline`)).toBe('/offers/answer/[redacted]?answer=decline');
    expect(redactUrl('/api/v1/guides/0b0e3d5e-1111-2222-3333-444455556666')).toBe(
      '/api/v1/guides/0b0e3d5e-1111-2222-3333-444455556666',
    );
  });

  it('regression: logs a failed query with its SQL and PostgreSQL code, never its parameters or detail', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (email)=(leyla@beispiel.example) already exists.',
      constraint: 'users_email_unique',
      table: 'users',
    });
    const error = new DrizzleQueryError('insert into "users" ("email") values ($1)', ['leyla@beispiel.example'], cause);
    const logged = JSON.stringify(loggableError(error));
    expect(logged).not.toContain('leyla');
    expect(logged).toContain('insert into \\"users\\" (\\"email\\") values ($1)');
    expect(logged).toContain('23505');
    expect(logged).toContain('users_email_unique');
    expect(describeError(error)).toBe(
      'Failed query: insert into "users" ("email") values ($1) (23505 duplicate key value violates unique constraint "users_email_unique")',
    );
  });

  it('cuts a value quoted at the end of a PostgreSQL message, and sanitizes causes of other errors', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "fatima@beispiel.example"'), {
      code: '22P02',
      severity: 'ERROR',
    });
    const wrapped = new Error('loading failed', { cause: new DrizzleQueryError('select $1::uuid', ['x'], cause) });
    const logged = JSON.stringify(loggableError(wrapped));
    expect(logged).not.toContain('fatima');
    expect(logged).toContain('invalid input syntax for type uuid: \\"[redacted]\\"');
    expect(logged).toContain('loading failed');
  });
});
