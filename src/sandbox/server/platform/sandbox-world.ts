import { createHash } from 'node:crypto';

import { SandboxStore } from '../../store/sandbox-store.ts';
import { TokenRegistry } from './token-registry.ts';

/** The sandbox app's OAuth credentials; derived from the seed so every run with the same seed repeats them. */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  appId: number;
}

/** Scopes the static token carries and the authorize endpoint grants when none are asked for optionally. */
export const SANDBOX_DEFAULT_SCOPES: readonly string[] = [
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.owners.read',
  'crm.objects.feedback_submissions.read',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'tickets',
  'automation',
];

export interface SandboxWorldOptions {
  seed: string | number;
  /** The default portal; its token is the static one printed at start. */
  defaultPortal: SandboxStore;
  now: () => number;
  /** OAuth access-token lifetime (HubSpot: 1800 s). */
  accessTokenTtlSeconds: number;
}

export interface PortalIdentity {
  portalId: number;
  hubDomain: string;
  user: string;
  userId: number;
  /** What the account details answer: every sandbox portal is a US portal that bills in dollars. */
  timeZone: string;
  companyCurrency: string;
}

/**
 * Everything outside the CRM data: the app, the portals (one store each), which portals have the app
 * installed, and the tokens. The default portal is installed from the start with a static, never-expiring
 * token, like a private app's access token.
 */
export class SandboxWorld {
  readonly seed: string | number;
  readonly app: AppCredentials;
  readonly defaultPortalId: number;
  readonly defaultPortal: SandboxStore;
  readonly staticToken: string;
  readonly tokens = new TokenRegistry();
  readonly now: () => number;
  readonly accessTokenTtlSeconds: number;
  readonly #portals = new Map<number, SandboxStore>();
  readonly #installs = new Set<number>();
  readonly #portalListeners: ((store: SandboxStore) => void)[] = [];

  constructor(options: SandboxWorldOptions) {
    this.seed = options.seed;
    this.now = options.now;
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds;
    this.app = deriveAppCredentials(options.seed);
    this.defaultPortal = options.defaultPortal;
    this.defaultPortalId = options.defaultPortal.portalId;
    this.#portals.set(this.defaultPortalId, options.defaultPortal);
    this.#installs.add(this.defaultPortalId);
    this.staticToken = `pat-na1-${derivedUuid(options.seed, `static-token:${this.defaultPortalId}`)}`;
    this.tokens.addStatic(this.staticToken, this.defaultPortalId, SANDBOX_DEFAULT_SCOPES, this.now());
  }

  portal(portalId: number): SandboxStore | undefined {
    return this.#portals.get(portalId);
  }

  portals(): SandboxStore[] {
    return [...this.#portals.values()];
  }

  /** Calls the listener for every portal, now and as portals are added (webhook wiring). */
  eachPortal(listener: (store: SandboxStore) => void): void {
    this.#portalListeners.push(listener);
    for (const store of this.#portals.values()) listener(store);
  }

  /** The portal with this id, created empty when it does not exist yet. */
  ensurePortal(portalId: number): SandboxStore {
    let store = this.#portals.get(portalId);
    if (store === undefined) {
      store = new SandboxStore(portalId);
      this.#portals.set(portalId, store);
      for (const listener of this.#portalListeners) listener(store);
    }
    return store;
  }

  isInstalled(portalId: number): boolean {
    return this.#installs.has(portalId);
  }

  install(portalId: number): SandboxStore {
    const store = this.ensurePortal(portalId);
    this.#installs.add(portalId);
    return store;
  }

  /** Removes the app from a portal and revokes all its tokens (the static one included). */
  uninstall(portalId: number): { wasInstalled: boolean; accessTokens: number; refreshTokens: number } {
    const wasInstalled = this.#installs.delete(portalId);
    return { wasInstalled, ...this.tokens.revokePortal(portalId) };
  }

  identity(portalId: number): PortalIdentity {
    return {
      portalId,
      hubDomain: `sandbox-${portalId}.example.com`,
      user: `admin@sandbox-${portalId}.example.com`,
      userId: 1_000_000 + (derivedNumber(this.seed, `user:${portalId}`) % 9_000_000),
      timeZone: 'America/New_York',
      companyCurrency: 'USD',
    };
  }
}

export function deriveAppCredentials(seed: string | number): AppCredentials {
  return {
    clientId: derivedUuid(seed, 'client-id'),
    clientSecret: derivedUuid(seed, 'client-secret'),
    appId: 1_000_000 + (derivedNumber(seed, 'app-id') % 9_000_000),
  };
}

function digest(seed: string | number, label: string): Buffer {
  return createHash('sha256')
    .update(`harbor-sandbox:${String(seed)}:${label}`)
    .digest();
}

function derivedUuid(seed: string | number, label: string): string {
  const hex = digest(seed, label).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function derivedNumber(seed: string | number, label: string): number {
  return digest(seed, label).readUInt32BE(0);
}
