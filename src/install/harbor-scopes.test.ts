import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { optionalScopes, requiredScopes } from './harbor-scopes.ts';

describe('install scopes', () => {
  it('when the install flow asks for scopes, then they are exactly the ones the app declares in app-hsmeta.json', async () => {
    const raw = await readFile(join(import.meta.dirname, '..', '..', 'app', 'app-hsmeta.json'), 'utf8');
    const app = JSON.parse(raw) as {
      config: { auth: { requiredScopes: string[]; optionalScopes: string[] } };
    };
    expect([...requiredScopes].sort()).toEqual([...app.config.auth.requiredScopes].sort());
    expect([...optionalScopes].sort()).toEqual([...app.config.auth.optionalScopes].sort());
  });
});
