import { AppError } from '../shared/errors/app-error.ts';
import type { ErrorCode } from '../shared/errors/error-codes.ts';

export interface HubSpotErrorFields {
  /** HubSpot's HTTP status; undefined when no response arrived (network failure, timeout). */
  hubspotStatus?: number | undefined;
  /** HubSpot's error category, e.g. `VALIDATION_ERROR`, `OBJECT_NOT_FOUND`. */
  category?: string | undefined;
  correlationId?: string | undefined;
  /** Extra safe-to-log fields (never tokens). */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Base of every error the gateway throws about HubSpot; messages and details never carry tokens. */
export class HubSpotError extends AppError {
  readonly hubspotStatus: number | undefined;
  readonly category: string | undefined;
  readonly correlationId: string | undefined;

  constructor(code: ErrorCode, message: string, fields: HubSpotErrorFields = {}) {
    const { hubspotStatus, category, correlationId, extra = {}, cause } = fields;
    super(code, message, { details: compact({ hubspotStatus, category, correlationId, ...extra }), cause });
    this.hubspotStatus = hubspotStatus;
    this.category = category;
    this.correlationId = correlationId;
  }
}

/** 429. A DAILY limit is final until the account's midnight; the others pass within seconds. */
export class HubSpotRateLimitedError extends HubSpotError {
  readonly policyName: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** The limit's window from X-HubSpot-RateLimit-Interval-Milliseconds (10,000 for the rolling limit). */
  readonly windowMs: number | undefined;
  readonly isDaily: boolean;

  constructor(
    message: string,
    fields: HubSpotErrorFields & {
      policyName: string | undefined;
      retryAfterMs: number | undefined;
      windowMs?: number | undefined;
    },
  ) {
    const { policyName, retryAfterMs, windowMs } = fields;
    const isDaily = policyName === 'DAILY';
    super('HUBSPOT_RATE_LIMITED', message, {
      ...fields,
      extra: { ...fields.extra, policyName, retryAfterMs, windowMs, isDaily },
    });
    this.policyName = policyName;
    this.retryAfterMs = retryAfterMs;
    this.windowMs = windowMs;
    this.isDaily = isDaily;
  }
}

/** 401/403, or no usable stored credentials: the portal must (re)install or grant scopes. */
export class HubSpotUnauthorizedError extends HubSpotError {
  constructor(message: string, fields: HubSpotErrorFields = {}) {
    super('HUBSPOT_UNAUTHORIZED', message, fields);
  }
}

/** 404: the record, property or pipeline does not exist (or is archived). */
export class HubSpotNotFoundError extends HubSpotError {
  constructor(message: string, fields: HubSpotErrorFields = {}) {
    super('HUBSPOT_NOT_FOUND', message, fields);
  }
}

/** 5xx, dropped connections and timeouts, once retries are used up. */
export class HubSpotUnavailableError extends HubSpotError {
  constructor(message: string, fields: HubSpotErrorFields = {}) {
    super('HUBSPOT_UNAVAILABLE', message, fields);
  }
}

/**
 * Any other 4xx: HubSpot rejected what we sent. A 409 keeps its meaning (CONFLICT, e.g. a property that
 * already exists); the rest are HUBSPOT_REJECTED, with HubSpot's category and message on the error.
 */
export class HubSpotRequestError extends HubSpotError {
  constructor(message: string, fields: HubSpotErrorFields & { hubspotStatus: number }) {
    super(fields.hubspotStatus === 409 ? 'CONFLICT' : 'HUBSPOT_REJECTED', message, fields);
  }
}
