import { describe, expect, it } from 'vitest';

import { loadConfig } from './load-config.ts';

function problemsFor(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.problems;
}

describe('loadConfig', () => {
  it('when the environment is empty, then defaults give a runnable embedded setup', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      PORT: 3000,
      DATA_DIR: '.data/pglite',
      DATABASE_SCHEMA: 'public',
      HUBSPOT_API_BASE_URL: 'https://api.hubapi.com',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
    expect(result.config.DATABASE_URL).toBeUndefined();
    expect(result.config.ENCRYPTION_KEY).toBeUndefined();
  });

  it('when PORT is not a number, then the problem names PORT', () => {
    expect(problemsFor({ PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it('when several values are bad, then every bad key is named at once', () => {
    const problems = problemsFor({
      PORT: '70000',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      PUBLIC_BASE_URL: 'not a url',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'PUBLIC_BASE_URL',
    ]);
  });

  it('when a secret is malformed, then the message names the key but never echoes the value', () => {
    const secret = 'not-a-valid-key-but-still-secret';
    const problems = problemsFor({ ENCRYPTION_KEY: secret, DATABASE_URL: `mysql://user:${secret}@host/db` });
    expect(problems.join('\n')).not.toContain(secret);
    expect(problems.join('\n')).toMatch(/ENCRYPTION_KEY: must be 32 bytes/);
  });

  it('when the encryption key is 64 hex characters or base64 of 32 bytes, then it becomes 32 bytes', () => {
    const hex = 'ab'.repeat(32);
    const fromHex = loadConfig({ ENCRYPTION_KEY: hex });
    const fromBase64 = loadConfig({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(fromHex.ok && fromHex.config.ENCRYPTION_KEY?.length).toBe(32);
    expect(fromBase64.ok && fromBase64.config.ENCRYPTION_KEY?.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('when running in production without a key or public URL, then both are demanded', () => {
    expect(problemsFor({ NODE_ENV: 'production' }).sort()).toEqual([
      'ENCRYPTION_KEY: is required in production',
      'PUBLIC_BASE_URL: is required in production',
    ]);
  });

  it('when values are empty strings or URLs end in a slash, then empties mean unset and slashes are trimmed', () => {
    const result = loadConfig({
      HUBSPOT_CLIENT_SECRET: '',
      DATABASE_URL: '',
      PUBLIC_BASE_URL: 'https://harbor.example.com/',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.HUBSPOT_CLIENT_SECRET).toBeUndefined();
    expect(result.config.DATABASE_URL).toBeUndefined();
    expect(result.config.PUBLIC_BASE_URL).toBe('https://harbor.example.com');
  });
});
