import {
  HubSpotError,
  HubSpotNotFoundError,
  HubSpotRateLimitedError,
  HubSpotRequestError,
  HubSpotUnauthorizedError,
  HubSpotUnavailableError,
} from './hubspot-errors.ts';

export interface ToHubSpotErrorOptions {
  /** Values that must never appear in a message (the token in use, a client secret, an OAuth code). */
  secrets?: readonly string[];
  /** For HTTP-date Retry-After values. */
  now?: () => number;
}

interface HttpFailure {
  code: number;
  body: unknown;
  headers: Record<string, unknown>;
}

/** Both the SDK's ApiException and our HubSpotResponseFailure carry `{ code: status, body, headers }`. */
function isHttpFailure(error: unknown): error is HttpFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { code, headers } = error as Partial<HttpFailure>;
  return (
    typeof code === 'number' && code >= 100 && code <= 599 && 'body' in error && typeof headers === 'object'
  );
}

// Connection-level failures worth retrying (Node's http and undici's fetch spell them differently).
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The first network error code found along the `cause` chain (fetch wraps the real one in a TypeError). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  // fetch reports every transport failure as TypeError("fetch failed"), whatever its cause says.
  if (error instanceof Error && /fetch failed|socket hang up|other side closed/i.test(error.message)) {
    return 'ECONNRESET';
  }
  return undefined;
}

function redact(text: string, secrets: readonly string[]): string {
  let result = text.replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]');
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** OAuth errors put their code in `status` (BAD_REFRESH_TOKEN, BAD_AUTH_CODE); elsewhere it is just "error". */
function oauthStatus(body: unknown): string | undefined {
  const status = field(body, 'status');
  return status === undefined || status === 'error' ? undefined : status;
}

/** `Retry-After` as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** X-HubSpot-RateLimit-Interval-Milliseconds; undefined when absent or not a positive whole number. */
export function parseWindowMs(value: string | undefined): number | undefined {
  const ms = Number(value);
  return value !== undefined && Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

/**
 * The 429 policy: `policyName` from the body when present, else read from HubSpot's message ("You have
 * reached your ten_secondly_rolling limit." → TEN_SECONDLY_ROLLING, "secondly" → SECONDLY, "daily" → DAILY).
 */
export function rateLimitPolicy(body: unknown): string | undefined {
  const named = field(body, 'policyName');
  if (named !== undefined) return named.toUpperCase();
  const match = /reached your (\w+) limit/i.exec(field(body, 'message') ?? '');
  return match?.[1]?.toUpperCase();
}

function fromHttpFailure(failure: HttpFailure, secrets: readonly string[], now: number): HubSpotError {
  const status = failure.code;
  const hubspotMessage = field(failure.body, 'message');
  const fields = {
    hubspotStatus: status,
    category:
      field(failure.body, 'category') ?? field(failure.body, 'errorType') ?? oauthStatus(failure.body),
    correlationId: field(failure.body, 'correlationId'),
  };
  const explain = (prefix: string): string =>
    redact(hubspotMessage === undefined ? prefix : `${prefix}: ${hubspotMessage}`, secrets);

  if (status === 429) {
    const policyName = rateLimitPolicy(failure.body);
    const retryAfterMs = parseRetryAfterMs(header(failure.headers, 'retry-after'), now);
    const windowMs = parseWindowMs(header(failure.headers, 'x-hubspot-ratelimit-interval-milliseconds'));
    const message =
      policyName === 'DAILY'
        ? 'HubSpot daily API limit reached for this account; calls stop until it resets at midnight (account time zone)'
        : `HubSpot rate limit reached (${policyName ?? 'unknown policy'})`;
    return new HubSpotRateLimitedError(message, { ...fields, policyName, retryAfterMs, windowMs });
  }
  if (status === 401 || status === 403) {
    return new HubSpotUnauthorizedError(explain(`HubSpot refused the credentials (HTTP ${status})`), fields);
  }
  if (status === 404) return new HubSpotNotFoundError(explain('HubSpot has no such object'), fields);
  if (status >= 500) return new HubSpotUnavailableError(explain(`HubSpot failed (HTTP ${status})`), fields);
  return new HubSpotRequestError(explain(`HubSpot rejected the request (HTTP ${status})`), {
    ...fields,
    hubspotStatus: status,
  });
}

/**
 * Maps anything a HubSpot call can throw to our typed errors. HTTP failures keep status, category and
 * correlation id; the original error is kept as `cause` only for network failures (HTTP bodies are already
 * summarised, and the SDK's ApiException message repeats the whole body).
 */
export function toHubSpotError(error: unknown, options: ToHubSpotErrorOptions = {}): HubSpotError {
  if (error instanceof HubSpotError) return error;
  const secrets = options.secrets ?? [];
  if (isHttpFailure(error)) return fromHttpFailure(error, secrets, (options.now ?? Date.now)());
  const networkCode = networkErrorCode(error);
  if (networkCode !== undefined) {
    return new HubSpotUnavailableError(`HubSpot could not be reached (${networkCode})`, {
      extra: { networkCode },
      cause: error,
    });
  }
  const message = error instanceof Error ? redact(error.message, secrets) : 'non-error value thrown';
  return new HubSpotError('INTERNAL', `Unexpected failure calling HubSpot: ${message}`, {
    extra: { errorName: error instanceof Error ? error.name : typeof error },
  });
}
