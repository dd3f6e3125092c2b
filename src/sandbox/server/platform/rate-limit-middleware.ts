import { randomUUID } from 'node:crypto';

import type { RequestHandler, Response } from 'express';

import { requestContext } from '../request-context.ts';
import { authenticatedToken } from './auth-middleware.ts';
import type {
  RateLimitHeaderValues,
  RateLimitPolicy,
  RateLimitPolicyName,
} from './rate-limit-policy.pure.ts';
import type { SandboxStats } from './sandbox-stats.ts';

const messages: Record<RateLimitPolicyName, string> = {
  TEN_SECONDLY_ROLLING: 'You have reached your ten_secondly_rolling limit.',
  SECONDLY: 'You have reached your secondly limit.',
  DAILY: 'You have reached your daily limit.',
};

/** HubSpot's 429 body (platform doc §8.2): errorType RATE_LIMIT plus the policy that tripped. */
export function rateLimitBody(policy: RateLimitPolicyName): Record<string, unknown> {
  return {
    status: 'error',
    message: messages[policy],
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
    requestId: randomUUID(),
  };
}

/**
 * Sends a 429. `Retry-After` (seconds until the window frees a slot) is a sandbox choice: whether HubSpot sends
 * it on REST 429s is unverified, and the SDK ignores it either way.
 */
export function sendRateLimited(
  res: Response,
  stats: SandboxStats,
  policy: RateLimitPolicyName,
  retryAfterSeconds: number,
): void {
  stats.recordRateLimited(policy);
  res.set('Retry-After', String(retryAfterSeconds));
  res.status(429).json(rateLimitBody(policy));
}

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search\/?$/;

export function isSearchRequest(method: string, path: string): boolean {
  return method === 'POST' && SEARCH_PATH.test(path);
}

/** Applies the per-app-and-portal burst limit, the per-portal search limit and the optional daily limit. */
export function enforceRateLimits(policy: RateLimitPolicy, stats: SandboxStats): RequestHandler {
  return (req, res, next) => {
    const { portalId, appId, now } = requestContext(res);
    const path = req.originalUrl.split('?')[0] ?? '';
    const isSearch = isSearchRequest(req.method, path);
    const verdict = policy.check({
      appPortalKey: `${appId}:${portalId}`,
      portalKey: String(portalId),
      isSearch,
      now: now(),
    });
    // HubSpot sends no rate-limit headers on search responses, and no daily ones to OAuth-authorized calls.
    if (!isSearch) setRateLimitHeaders(res, verdict.headers, authenticatedToken(res)?.kind !== 'oauth');
    if (!verdict.allowed) {
      sendRateLimited(res, stats, verdict.policy, verdict.retryAfterSeconds);
      return;
    }
    next();
  };
}

function setRateLimitHeaders(res: Response, headers: RateLimitHeaderValues, withDaily: boolean): void {
  res.set('X-HubSpot-RateLimit-Max', String(headers.max));
  res.set('X-HubSpot-RateLimit-Remaining', String(headers.remaining));
  res.set('X-HubSpot-RateLimit-Interval-Milliseconds', String(headers.intervalMs));
  if (withDaily && headers.daily !== undefined && headers.dailyRemaining !== undefined) {
    res.set('X-HubSpot-RateLimit-Daily', String(headers.daily));
    res.set('X-HubSpot-RateLimit-Daily-Remaining', String(headers.dailyRemaining));
  }
}
