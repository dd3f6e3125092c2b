import { describe, expect, it } from 'vitest';

import { createTokenCipher } from './token-cipher.ts';

const key = Buffer.alloc(32, 1);
const token = 'pat-na1-11111111-2222-3333-4444-555555555555';

describe('token cipher', () => {
  it('when a token is encrypted, then it decrypts back and the stored text does not contain it', () => {
    const cipher = createTokenCipher(key);
    const stored = cipher.encrypt(token);
    expect(stored).not.toContain(token);
    expect(stored.startsWith('v1.')).toBe(true);
    expect(cipher.decrypt(stored)).toBe(token);
  });

  it('when the same token is encrypted twice, then the ciphertexts differ (fresh IV each time)', () => {
    const cipher = createTokenCipher(key);
    expect(cipher.encrypt(token)).not.toBe(cipher.encrypt(token));
  });

  it('when the stored value is tampered with, then decryption fails instead of returning garbage', () => {
    const cipher = createTokenCipher(key);
    const [version, iv, tag, body] = cipher.encrypt(token).split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(
      /could not be decrypted/,
    );
  });

  it('when another key is used, then decryption fails with a message that says so and leaks nothing', () => {
    const stored = createTokenCipher(key).encrypt(token);
    expect(() => createTokenCipher(Buffer.alloc(32, 2)).decrypt(stored)).toThrow(/wrong ENCRYPTION_KEY/);
  });

  it('when the key is not 32 bytes, then the cipher refuses to exist', () => {
    expect(() => createTokenCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
