/** Hands out a currently valid access token for one portal. */
export interface TokenSource {
  accessToken(): Promise<string>;
}

/** A token that never changes: HUBSPOT_ACCESS_TOKEN (static-auth) installs, the sandbox, tests. */
export function createStaticTokenSource(accessToken: string): TokenSource {
  return { accessToken: () => Promise.resolve(accessToken) };
}

/** What the store keeps per portal (structurally the portals repository's PortalCredentials). */
export interface StoredCredentials {
  authKind: 'oauth' | 'static';
  accessToken: string | null;
  refreshToken: string | null;
  tokenExpiresAt: Date | null;
  isActive: boolean;
}

export interface RefreshedTokens {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresAt: Date;
}

export type LoadCredentials = (portalId: number) => Promise<StoredCredentials | undefined>;
export type SaveTokens = (portalId: number, tokens: RefreshedTokens) => Promise<void>;
