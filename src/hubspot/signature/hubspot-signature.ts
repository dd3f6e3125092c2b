import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { ErrorCode } from '../../shared/errors/error-codes.ts';

export type SignatureVersion = 'v3' | 'v2';

/** The error codes a failed check answers with (members of the one error-code enum). */
export type SignatureFailureCode = Extract<
  ErrorCode,
  'SIGNATURE_MISSING' | 'SIGNATURE_EXPIRED' | 'SIGNATURE_MISMATCH'
>;

/** Raw request body exactly as received; a Buffer keeps non-UTF-8 bytes intact. */
export type RawBody = string | Uint8Array;

export interface SignatureV3Input {
  clientSecret: string;
  method: string;
  uri: string;
  rawBody: RawBody;
  timestamp: string;
}

export interface SignatureV2Input {
  clientSecret: string;
  method: string;
  uri: string;
  rawBody: RawBody;
}

export interface VerifyHubSpotSignatureInput {
  clientSecret: string;
  method: string;
  /** The full public URL HubSpot called: scheme + host + path + query, as sent. */
  uri: string;
  rawBody: RawBody;
  /** Header record with lower-cased names, e.g. Node's `req.headers`. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Versions this endpoint trusts; v3 wins when both are accepted and present. */
  accept: readonly SignatureVersion[];
}

export type SignatureVerification =
  | { ok: true; version: SignatureVersion }
  | { ok: false; code: SignatureFailureCode; reason: string; version?: SignatureVersion };

/** HubSpot allows five minutes of clock difference either way. */
export const MAX_TIMESTAMP_SKEW_MS = 300_000;

export const HUBSPOT_SIGNATURE_HEADERS = {
  v3: 'x-hubspot-signature-v3',
  timestamp: 'x-hubspot-request-timestamp',
  v2: 'x-hubspot-signature',
  version: 'x-hubspot-signature-version',
} as const;

// Only these escapes are decoded by HubSpot before signing; anything else (%20, %26, %3D, ...) stays encoded.
const DECODED_ESCAPES = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** Applies HubSpot's v3 URI normalisation: decodes only the listed reserved-character escapes. */
export function normalizeSignedUri(uri: string): string {
  return uri.replace(DECODED_ESCAPES, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** base64(HMAC-SHA256(clientSecret, method + normalizedUri + rawBody + timestamp)). */
export function computeSignatureV3({
  clientSecret,
  method,
  uri,
  rawBody,
  timestamp,
}: SignatureV3Input): string {
  // Successive updates equal hashing the concatenation, without decoding the body bytes to a string.
  return createHmac('sha256', clientSecret)
    .update(method)
    .update(normalizeSignedUri(uri))
    .update(rawBody)
    .update(timestamp)
    .digest('base64');
}

/** hex(SHA-256(clientSecret + method + uri + rawBody)); v2 signs the URI exactly as sent. */
export function computeSignatureV2({ clientSecret, method, uri, rawBody }: SignatureV2Input): string {
  return createHash('sha256').update(clientSecret).update(method).update(uri).update(rawBody).digest('hex');
}

/** Checks HubSpot's v3 or v2 request signature; never throws and never echoes secrets in `reason`. */
export function verifyHubSpotSignature(
  input: VerifyHubSpotSignatureInput,
  nowMs: number,
): SignatureVerification {
  if (input.clientSecret === '') {
    return { ok: false, code: 'SIGNATURE_MISMATCH', reason: 'client secret is not configured' };
  }
  const v3Signature = readHeader(input.headers, HUBSPOT_SIGNATURE_HEADERS.v3);
  if (input.accept.includes('v3') && v3Signature !== undefined) {
    return verifyV3(input, v3Signature, nowMs);
  }
  const v2Signature = readV2Signature(input.headers);
  if (input.accept.includes('v2') && v2Signature !== undefined) {
    return verifyV2(input, v2Signature);
  }
  const expected = input.accept.map((version) => HUBSPOT_SIGNATURE_HEADERS[version]).join(' or ');
  return {
    ok: false,
    code: 'SIGNATURE_MISSING',
    reason: expected === '' ? 'no signature version is accepted' : `missing ${expected} header`,
  };
}

function verifyV3(
  input: VerifyHubSpotSignatureInput,
  signature: string,
  nowMs: number,
): SignatureVerification {
  const timestamp = readHeader(input.headers, HUBSPOT_SIGNATURE_HEADERS.timestamp);
  if (timestamp === undefined) {
    const reason = `missing ${HUBSPOT_SIGNATURE_HEADERS.timestamp} header`;
    return { ok: false, code: 'SIGNATURE_MISSING', reason, version: 'v3' };
  }
  // Digits only: Number() would also accept '', ' 1 ', '1e3' and '0x1', which HubSpot never sends.
  const timestampMs = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isSafeInteger(timestampMs)) {
    return {
      ok: false,
      code: 'SIGNATURE_EXPIRED',
      reason: 'request timestamp is not a number',
      version: 'v3',
    };
  }
  const skewMs = nowMs - timestampMs;
  if (Math.abs(skewMs) > MAX_TIMESTAMP_SKEW_MS) {
    const direction = skewMs > 0 ? 'old' : 'in the future';
    const reason = `request timestamp is ${Math.abs(skewMs)} ms ${direction} (limit ${MAX_TIMESTAMP_SKEW_MS} ms)`;
    return { ok: false, code: 'SIGNATURE_EXPIRED', reason, version: 'v3' };
  }
  const expected = computeSignatureV3({ ...input, timestamp });
  return matches(expected, signature)
    ? { ok: true, version: 'v3' }
    : { ok: false, code: 'SIGNATURE_MISMATCH', reason: 'v3 signature does not match', version: 'v3' };
}

function verifyV2(input: VerifyHubSpotSignatureInput, signature: string): SignatureVerification {
  // Hex is case-insensitive; HubSpot sends lower case, which is what digest('hex') produces.
  return matches(computeSignatureV2(input), signature.toLowerCase())
    ? { ok: true, version: 'v2' }
    : { ok: false, code: 'SIGNATURE_MISMATCH', reason: 'v2 signature does not match', version: 'v2' };
}

function readV2Signature(headers: VerifyHubSpotSignatureInput['headers']): string | undefined {
  const version = readHeader(headers, HUBSPOT_SIGNATURE_HEADERS.version);
  // The same header carries v1 for webhooks; v1 signs only the body, so it must never pass as v2.
  if (version !== undefined && version.trim().toLowerCase() !== 'v2') return undefined;
  return readHeader(headers, HUBSPOT_SIGNATURE_HEADERS.v2);
}

function readHeader(headers: VerifyHubSpotSignatureInput['headers'], name: string): string | undefined {
  const value = headers[name];
  const text = typeof value === 'string' ? value : value?.join(', ');
  return text === undefined || text === '' ? undefined : text;
}

function matches(expected: string, received: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const receivedBytes = Buffer.from(received, 'utf8');
  // timingSafeEqual throws on unequal lengths; the length of a valid signature is public anyway.
  return expectedBytes.length === receivedBytes.length && timingSafeEqual(expectedBytes, receivedBytes);
}
