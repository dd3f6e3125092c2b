import { hkdfSync } from 'node:crypto';

/** A separate 32-byte key per purpose, so one secret never signs and encrypts with the same bytes. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));
}
