import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const newToken = (): string => randomBytes(32).toString('base64url');
/** Only hashes of session ids and link tokens are stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// @node-rs/argon2 defaults to Argon2id; OWASP-recommended memory cost (19 MiB, t=2).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, ARGON2);
export const verifyPassword = async (stored: string | null, password: string) => {
  // A fixed dummy hash keeps the timing of unknown users close to that of known ones.
  dummyHash ??= hash('lotsennetz-timing-equaliser', ARGON2);
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return stored ? ok : false;
};
let dummyHash: Promise<string> | undefined;
