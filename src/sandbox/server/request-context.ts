import type { Response } from 'express';

import type { SandboxStore } from '../store/sandbox-store.ts';

/** What the auth middleware learns from the bearer token and hands to every route. */
export interface SandboxRequestContext {
  store: SandboxStore;
  portalId: number;
  appId: number;
  /** The sandbox clock (epoch ms); tests may pin it. */
  now: () => number;
}

/** The authenticated portal of this request; routes mounted behind the auth middleware only. */
export function requestContext(res: Response): SandboxRequestContext {
  const context = res.locals.sandbox as SandboxRequestContext | undefined;
  if (context === undefined) throw new Error('sandbox route reached without the auth middleware');
  return context;
}

export function setRequestContext(res: Response, context: SandboxRequestContext): void {
  res.locals.sandbox = context;
}
