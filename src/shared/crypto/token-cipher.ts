import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { AppError } from '../errors/app-error.ts';

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

export interface TokenCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

/**
 * AES-256-GCM with a fresh 96-bit IV per value. The stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url,
 * so a later key or algorithm change can be told apart from old rows.
 */
export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32)
    throw new AppError('INTERNAL', 'Encryption key must be 32 bytes', { isOperational: false });
  return {
    encrypt(plaintext) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [version, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(ciphertext) {
      const [tag, iv, authTag, body] = ciphertext.split('.');
      if (tag !== version || iv === undefined || authTag === undefined || body === undefined) {
        throw new AppError('INTERNAL', 'Stored secret has an unknown format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: tagBytes,
        });
        decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        // Wrong key or tampered row: say which without leaking anything about the value.
        throw new AppError(
          'INTERNAL',
          'Stored secret could not be decrypted (wrong ENCRYPTION_KEY or tampered value)',
          { cause: error },
        );
      }
    },
  };
}
