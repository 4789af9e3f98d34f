import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.js';

/**
 * Secret values in mail (password-reset, invitation and offer-answer links) are for the recipient only. The outbox
 * keeps the text with each secret replaced by a placeholder, and the secrets themselves sealed with AES-256-GCM under
 * a key derived from APP_SECRET, which is not in the database: coordinators reading the outbox, a database dump or a
 * backup file cannot recover a link.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    // A derived key, so APP_SECRET can serve other purposes later without reusing the same key material.
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'lotsennetz', 'outbox-secrets/v1', 32));
  }

  /** `context` is bound as additional data: a sealed value only opens for the same message and recipient. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Throws when the key, the context or the ciphertext is not the one it was sealed with. */
  open(sealed: string, context: string): string {
    const [version, data] = sealed.split('.');
    if (version !== VERSION || !data) throw new Error('unknown secret format');
    const raw = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

export const APP_SECRET_FILE = 'app-secret';

/**
 * APP_SECRET from the environment; outside production, when it is unset, a random one generated on first start and
 * kept in DATA_DIR/app-secret (mode 0600), so queued mail survives a restart of the demo. Production refuses to start
 * without APP_SECRET (config.ts): every instance must share it, and it must not sit next to the data it protects.
 */
export function resolveAppSecret(config: Pick<Config, 'appSecret' | 'env' | 'dataDir'>): string {
  if (config.appSecret) return config.appSecret;
  if (config.env === 'production') throw new Error('APP_SECRET is required in production');
  const file = join(config.dataDir, APP_SECRET_FILE);
  const read = () => {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length < 32) throw new Error(`${file} holds no usable secret; delete it to generate a new one`);
    return text;
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once do not overwrite each other's secret; the second reads the first's.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600); // the mode of a new file is subject to the umask; make sure
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return read();
}
