import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppSecret, SecretBox } from './secrets.js';
import { accountMail, composeText, revealText, secret } from './templates.js';

const dir = mkdtempSync(join(tmpdir(), 'lotsennetz-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the key for mail secrets (APP_SECRET)', () => {
  it('is generated once outside production and kept in DATA_DIR/app-secret, readable by its owner only', () => {
    const first = resolveAppSecret({ env: 'development', dataDir: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'app-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'app-secret'), 'utf8').trim()).toBe(first);
    expect(resolveAppSecret({ env: 'development', dataDir: dir })).toBe(first);
  });

  it('comes from APP_SECRET when set, and is never generated in production', () => {
    expect(resolveAppSecret({ env: 'production', dataDir: dir, appSecret: 'p'.repeat(40) })).toBe('p'.repeat(40));
    expect(() => resolveAppSecret({ env: 'production', dataDir: join(dir, 'prod') })).toThrow(/APP_SECRET/);
  });
});

describe('sealed secrets', () => {
  const box = new SecretBox('k'.repeat(40));

  it('open only with the same key and the same context, and detect tampering', () => {
    const sealed = box.seal('https://x/reset-password/abc', 'outbox:1:a@test.example');
    expect(sealed).not.toContain('abc');
    expect(box.open(sealed, 'outbox:1:a@test.example')).toBe('https://x/reset-password/abc');
    expect(() => box.open(sealed, 'outbox:2:a@test.example')).toThrow();
    expect(() => new SecretBox('j'.repeat(40)).open(sealed, 'outbox:1:a@test.example')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1.${raw.toString('base64url')}`, 'outbox:1:a@test.example')).toThrow();
    // A fresh IV each time: the same link never seals to the same text.
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });
});

describe('mail text with secrets', () => {
  it('stores a placeholder where a secret was and puts it back for sending, even if the text contains the placeholder', () => {
    const placeholder = '[Link nur für die Empfängerin / den Empfänger]';
    const { text, secrets } = composeText('de', [
      `Nachricht: ${placeholder}`,
      ['Annehmen: ', secret('https://x/a')],
      ['Ablehnen: ', secret('https://x/d')],
    ]);
    expect(text).toBe(`Nachricht: ${placeholder}\nAnnehmen: ${placeholder}\nAblehnen: ${placeholder}`);
    expect(revealText(text, secrets)).toBe(`Nachricht: ${placeholder}\nAnnehmen: https://x/a\nAblehnen: https://x/d`);
    expect(() => revealText(`x${text}`, secrets)).toThrow();
  });

  it('gives an invitation to an existing account the same stored text as a real invitation', () => {
    const params = { name: 'Leyla', office: 'Hannover', hours: 72 };
    const real = accountMail('invite', 'ar', { ...params, link: secret('https://x/invitation/t') });
    const existing = accountMail('invite_existing', 'ar', params);
    expect(existing.subject).toBe(real.subject);
    expect(existing.text).toBe(real.text);
    expect(revealText(real.text, real.secrets)).toContain('https://x/invitation/t');
    expect(revealText(existing.text, existing.secrets)).not.toContain('https://');
  });
});
