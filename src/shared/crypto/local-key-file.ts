import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * For local and demo runs without ENCRYPTION_KEY: a random key kept in a file beside the data, created once
 * with owner-only permissions. Production refuses to start without ENCRYPTION_KEY instead.
 */
export async function loadOrCreateLocalKey(path: string): Promise<{ key: Buffer; isNew: boolean }> {
  try {
    const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
    if (key.length === 32) return { key, isNew: false };
    throw new Error(`${path} does not hold a 32-byte hex key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, isNew: true };
}
