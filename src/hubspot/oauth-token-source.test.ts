import { describe, expect, it, vi } from 'vitest';

import { HubSpotUnauthorizedError } from './hubspot-errors.ts';
import { createOAuthTokenSource } from './oauth-token-source.ts';
import type { OAuthTokens } from './oauth-tokens.ts';
import type { RefreshedTokens, StoredCredentials } from './token-source.ts';

const minute = 60_000;
const start = Date.parse('2026-01-01T12:00:00Z');

function setup(stored: Partial<StoredCredentials> = {}) {
  let now = start;
  let row: StoredCredentials = {
    authKind: 'oauth',
    accessToken: 'access-old',
    refreshToken: 'refresh-1',
    tokenExpiresAt: new Date(start + 30 * minute),
    isActive: true,
    ...stored,
  };
  const saved: RefreshedTokens[] = [];
  const load = vi.fn((_portalId: number) => Promise.resolve({ ...row }));
  const save = vi.fn((_portalId: number, tokens: RefreshedTokens) => {
    saved.push(tokens);
    row = { ...row, accessToken: tokens.accessToken, tokenExpiresAt: tokens.expiresAt };
    return Promise.resolve();
  });
  let issued = 0;
  const refresh = vi.fn(async (_refreshToken: string): Promise<OAuthTokens> => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    issued += 1;
    return {
      accessToken: `access-new-${issued}`,
      refreshToken: 'refresh-1',
      expiresAt: new Date(now + 30 * minute),
    };
  });
  const source = createOAuthTokenSource({ portalId: 42, load, save, refresh, now: () => now });
  return {
    source,
    load,
    save,
    refresh,
    saved,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('OAuth token source', () => {
  it('when the stored token has more than 5 minutes left, then it is used without a refresh', async () => {
    const { source, refresh, load } = setup();
    expect(await source.accessToken()).toBe('access-old');
    expect(await source.accessToken()).toBe('access-old');
    expect(refresh).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when less than 5 minutes are left, then it refreshes before expiry and saves the new tokens', async () => {
    const { source, refresh, saved, advance } = setup();
    await source.accessToken();
    advance(26 * minute);

    expect(await source.accessToken()).toBe('access-new-1');
    expect(refresh).toHaveBeenCalledWith('refresh-1');
    expect(saved).toEqual([
      { accessToken: 'access-new-1', refreshToken: 'refresh-1', expiresAt: new Date(start + 56 * minute) },
    ]);
  });

  it('when many calls need a refresh at once, then exactly one refresh happens and all get its token', async () => {
    const { source, refresh, save } = setup({ tokenExpiresAt: new Date(start + minute) });

    const tokens = await Promise.all(Array.from({ length: 25 }, () => source.accessToken()));

    expect(new Set(tokens)).toEqual(new Set(['access-new-1']));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('when another instance has already refreshed, then the stored token is used instead of refreshing again', async () => {
    const { source, refresh } = setup({
      accessToken: 'access-from-elsewhere',
      tokenExpiresAt: new Date(start + 29 * minute),
    });
    expect(await source.accessToken()).toBe('access-from-elsewhere');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('when the row holds a static-auth token, then it is served as is, never refreshed', async () => {
    const { source, refresh, advance } = setup({
      authKind: 'static',
      refreshToken: null,
      tokenExpiresAt: null,
    });
    advance(365 * 24 * 60 * minute);
    expect(await source.accessToken()).toBe('access-old');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('when the portal was uninstalled, then HubSpotUnauthorizedError says it must install again', async () => {
    const { source } = setup({ isActive: false, accessToken: null, refreshToken: null });
    await expect(source.accessToken()).rejects.toBeInstanceOf(HubSpotUnauthorizedError);
  });

  it('when a refresh fails, then the next call tries again rather than caching the failure', async () => {
    const { source, refresh } = setup({ tokenExpiresAt: new Date(start - minute) });
    refresh.mockRejectedValueOnce(new HubSpotUnauthorizedError('refresh token rejected'));

    await expect(source.accessToken()).rejects.toBeInstanceOf(HubSpotUnauthorizedError);
    expect(await source.accessToken()).toBe('access-new-1');
  });
});
