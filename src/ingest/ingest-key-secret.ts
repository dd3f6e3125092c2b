import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
const keyPrefix = 'hik_';
/** Enough of the key to tell keys apart in settings, far too little to guess the rest. */
const shownChars = 10;

export interface NewIngestKey {
  secret: string;
  hash: string;
  prefix: string;
}

/** A fresh key: the secret is shown once and never stored; Harbor keeps its sha256. */
export function generateIngestKey(): NewIngestKey {
  const secret = `${keyPrefix}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashIngestKey(secret), prefix: secret.slice(0, shownChars) };
}

/** A key is 256 random bits, so a plain sha256 is enough: there is nothing to brute-force as with passwords. */
export function hashIngestKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The key of an `Authorization: Bearer <key>` header, or undefined when there is none of that form. */
export function bearerKey(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
  return match?.[1];
}
