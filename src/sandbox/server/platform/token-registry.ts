import { randomBytes, randomUUID } from 'node:crypto';

/** A bearer token the sandbox accepts: the static (private-app style) one, or an OAuth access token. */
export interface AccessTokenRecord {
  token: string;
  kind: 'static' | 'oauth';
  portalId: number;
  scopes: readonly string[];
  issuedAt: number;
  /** Epoch ms; undefined = never expires (static tokens). */
  expiresAt?: number;
}

export interface RefreshTokenRecord {
  token: string;
  portalId: number;
  scopes: readonly string[];
}

interface AuthCodeRecord {
  portalId: number;
  scopes: readonly string[];
  redirectUri: string;
  expiresAt: number;
}

export type AccessTokenLookup =
  | { status: 'valid'; record: AccessTokenRecord }
  | { status: 'expired'; record: AccessTokenRecord; expiredMsAgo: number }
  | { status: 'unknown' };

export type AuthCodeRedemption =
  | { ok: true; portalId: number; scopes: readonly string[] }
  | { ok: false; reason: 'unknown' | 'expired' | 'redirect_mismatch' };

/** Authorization codes live 10 minutes, like HubSpot's. */
export const AUTH_CODE_TTL_MS = 600_000;

/**
 * Every token and authorization code the sandbox has issued, in memory. Expired access tokens stay known, so
 * a call with one gets HubSpot's EXPIRED_AUTHENTICATION rather than "credentials not found".
 */
export class TokenRegistry {
  readonly #access = new Map<string, AccessTokenRecord>();
  readonly #refresh = new Map<string, RefreshTokenRecord>();
  readonly #codes = new Map<string, AuthCodeRecord>();

  addStatic(token: string, portalId: number, scopes: readonly string[], now: number): AccessTokenRecord {
    const record: AccessTokenRecord = { token, kind: 'static', portalId, scopes, issuedAt: now };
    this.#access.set(token, record);
    return record;
  }

  createCode(portalId: number, scopes: readonly string[], redirectUri: string, now: number): string {
    const code = randomUUID();
    this.#codes.set(code, { portalId, scopes, redirectUri, expiresAt: now + AUTH_CODE_TTL_MS });
    return code;
  }

  /** Codes are single-use: any redemption attempt with a known code consumes it. */
  redeemCode(code: string, redirectUri: string, now: number): AuthCodeRedemption {
    const record = this.#codes.get(code);
    if (record === undefined) return { ok: false, reason: 'unknown' };
    this.#codes.delete(code);
    if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (record.redirectUri !== redirectUri) return { ok: false, reason: 'redirect_mismatch' };
    return { ok: true, portalId: record.portalId, scopes: record.scopes };
  }

  issueRefreshToken(portalId: number, scopes: readonly string[]): RefreshTokenRecord {
    const record: RefreshTokenRecord = { token: `na1-${randomUUID()}`, portalId, scopes };
    this.#refresh.set(record.token, record);
    return record;
  }

  issueAccessToken(
    portalId: number,
    scopes: readonly string[],
    ttlSeconds: number,
    now: number,
  ): AccessTokenRecord {
    // HubSpot OAuth access tokens are opaque base64url strings; only their length and charset are mimicked.
    const token = `C${randomBytes(72).toString('base64url')}`;
    const record: AccessTokenRecord = {
      token,
      kind: 'oauth',
      portalId,
      scopes,
      issuedAt: now,
      expiresAt: now + ttlSeconds * 1000,
    };
    this.#access.set(token, record);
    return record;
  }

  lookupAccess(token: string, now: number): AccessTokenLookup {
    const record = this.#access.get(token);
    if (record === undefined) return { status: 'unknown' };
    if (record.expiresAt !== undefined && record.expiresAt <= now) {
      return { status: 'expired', record, expiredMsAgo: now - record.expiresAt };
    }
    return { status: 'valid', record };
  }

  lookupRefresh(token: string): RefreshTokenRecord | undefined {
    return this.#refresh.get(token);
  }

  /** HubSpot: deleting a refresh token does not revoke access tokens already issued with it. */
  deleteRefresh(token: string): boolean {
    return this.#refresh.delete(token);
  }

  /** Revokes every token and code of a portal (app uninstalled); returns how many tokens went. */
  revokePortal(portalId: number): { accessTokens: number; refreshTokens: number } {
    let accessTokens = 0;
    let refreshTokens = 0;
    for (const [token, record] of this.#access) {
      if (record.portalId === portalId) {
        this.#access.delete(token);
        accessTokens += 1;
      }
    }
    for (const [token, record] of this.#refresh) {
      if (record.portalId === portalId) {
        this.#refresh.delete(token);
        refreshTokens += 1;
      }
    }
    for (const [code, record] of this.#codes) if (record.portalId === portalId) this.#codes.delete(code);
    return { accessTokens, refreshTokens };
  }
}
