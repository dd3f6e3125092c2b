import type { RateLimiter } from './rate-limiter.ts';

/** One limiter per portal, shared by all work for that portal in this process. */
export interface RateLimiterRegistry {
  forPortal(portalId: number): RateLimiter;
}

export function createRateLimiterRegistry(create: (portalId: number) => RateLimiter): RateLimiterRegistry {
  const limiters = new Map<number, RateLimiter>();
  return {
    forPortal(portalId) {
      let limiter = limiters.get(portalId);
      if (limiter === undefined) {
        limiter = create(portalId);
        limiters.set(portalId, limiter);
      }
      return limiter;
    },
  };
}
