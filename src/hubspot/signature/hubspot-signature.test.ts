import { createHash, createHmac } from 'node:crypto';

import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';

import {
  computeSignatureV2,
  computeSignatureV3,
  normalizeSignedUri,
  verifyHubSpotSignature,
  type VerifyHubSpotSignatureInput,
} from './hubspot-signature.ts';

const SECRET = 'harbor-test-secret';
const URI = 'https://harbor.example.com/hubspot/cards/health?portalId=123&objectId=456';
const BODY = '{"companyId":"456","score":87}';
const TIMESTAMP = '1767225600000';
const NOW = Number(TIMESTAMP);

// printf '%s' 'POSThttps://harbor.example.com/hubspot/cards/health?portalId=123&objectId=456{"companyId":"456","score":87}1767225600000' \
//   | openssl dgst -sha256 -hmac 'harbor-test-secret' -binary | base64
const V3_VECTOR = 'KsT4Q0KhIBhbkddpRqw8Kkua+9PYLJswqxTJUtmkttI=';
// printf '%s' 'harbor-test-secretPOSThttps://harbor.example.com/hubspot/cards/health?portalId=123&objectId=456{"companyId":"456","score":87}' \
//   | openssl dgst -sha256 -r
const V2_VECTOR = '6ef9af482592f2326773fbffcc70fbe3a6fd7de36ee0aa079699b97d6d425985';
// printf '%s' 'GEThttps://harbor.example.com/hubspot/lookup?email=ana@acme.io&next=/home:today1767225600000' \
//   | openssl dgst -sha256 -hmac 'harbor-test-secret' -binary | base64
const V3_DECODED_VECTOR = 'Pcf3K6X5vm7MEerwFdn3WSFpCLUWEpM5OPqLVsX1k38=';

function v3Headers(signature: string, timestamp = TIMESTAMP): Record<string, string> {
  return { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp };
}

function v2Headers(signature: string): Record<string, string> {
  return { 'x-hubspot-signature': signature, 'x-hubspot-signature-version': 'v2' };
}

function input(overrides: Partial<VerifyHubSpotSignatureInput> = {}): VerifyHubSpotSignatureInput {
  return {
    clientSecret: SECRET,
    method: 'POST',
    uri: URI,
    rawBody: BODY,
    headers: v3Headers(V3_VECTOR),
    accept: ['v3', 'v2'],
    ...overrides,
  };
}

/** Independent v3 reference: hashes exactly the string it is given (no URI decoding). */
function referenceV3(method: string, uri: string, body: string, timestamp: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`).digest('base64');
}

describe('computeSignatureV3', () => {
  it('when given the openssl-computed vector inputs, then it returns the same signature', () => {
    const signature = computeSignatureV3({
      clientSecret: SECRET,
      method: 'POST',
      uri: URI,
      rawBody: BODY,
      timestamp: TIMESTAMP,
    });
    expect(signature).toBe(V3_VECTOR);
  });

  it('when the body is a Buffer, then it signs the same bytes as the string', () => {
    const args = { clientSecret: SECRET, method: 'POST', uri: URI, timestamp: TIMESTAMP };
    expect(computeSignatureV3({ ...args, rawBody: Buffer.from(BODY, 'utf8') })).toBe(V3_VECTOR);
  });

  it('when the URI has no encoded characters, then it matches @hubspot/api-client Signature.getSignature', () => {
    const sdk = Signature.getSignature('POST', 'v3', {
      signature: '',
      clientSecret: SECRET,
      requestBody: BODY,
      url: URI,
      timestamp: NOW,
    });
    expect(sdk).toBe(V3_VECTOR);
  });
});

describe('computeSignatureV2', () => {
  it('when given the openssl-computed vector inputs, then it returns the same signature', () => {
    expect(computeSignatureV2({ clientSecret: SECRET, method: 'POST', uri: URI, rawBody: BODY })).toBe(
      V2_VECTOR,
    );
  });

  it('when compared with @hubspot/api-client Signature.getSignature, then both agree', () => {
    const sdk = Signature.getSignature('POST', 'v2', {
      signature: '',
      clientSecret: SECRET,
      requestBody: BODY,
      url: URI,
    });
    expect(sdk).toBe(V2_VECTOR);
  });

  it('when the URI contains encoded characters, then v2 signs it exactly as sent', () => {
    const uri = 'https://harbor.example.com/x?email=a%40b.com';
    const expected = createHash('sha256').update(`${SECRET}GET${uri}`).digest('hex');
    expect(computeSignatureV2({ clientSecret: SECRET, method: 'GET', uri, rawBody: '' })).toBe(expected);
  });
});

describe('normalizeSignedUri', () => {
  it("when the URI has escapes from HubSpot's list, then each is decoded", () => {
    const uri = 'https://h.example/p?a=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B';
    expect(normalizeSignedUri(uri)).toBe("https://h.example/p?a=:/?@!$'()*,;");
  });

  it('when the hex digits are lower case, then they are decoded too', () => {
    expect(normalizeSignedUri('https://h.example/p?t=10%3a30%2fx')).toBe('https://h.example/p?t=10:30/x');
  });

  it('when the URI has escapes outside the list, then they stay encoded', () => {
    const uri = 'https://h.example/p?q=a%20b%26c%3Dd%7Ee%25';
    expect(normalizeSignedUri(uri)).toBe(uri);
  });

  it('when an escaped percent precedes list characters, then nothing is double-decoded', () => {
    expect(normalizeSignedUri('https://h.example/p?q=%253A')).toBe('https://h.example/p?q=%253A');
  });
});

describe('verifyHubSpotSignature — v3', () => {
  it('when the v3 signature and timestamp are valid, then it accepts v3', () => {
    expect(verifyHubSpotSignature(input(), NOW)).toEqual({ ok: true, version: 'v3' });
  });

  it.each([
    ['body', { rawBody: '{"companyId":"457","score":87}' }],
    ['URI', { uri: URI.replace('objectId=456', 'objectId=999') }],
    ['method', { method: 'PUT' }],
    ['secret', { clientSecret: 'another-secret' }],
  ] as const)('when the %s is tampered with, then it is a mismatch', (_field, overrides) => {
    expect(verifyHubSpotSignature(input(overrides), NOW)).toMatchObject({
      ok: false,
      code: 'SIGNATURE_MISMATCH',
    });
  });

  it('when the timestamp header is changed within the window, then it is a mismatch', () => {
    const headers = v3Headers(V3_VECTOR, String(NOW + 1000));
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toMatchObject({ code: 'SIGNATURE_MISMATCH' });
  });

  it('when the signature was computed for another host, then it is a mismatch', () => {
    const otherHost = URI.replace('harbor.example.com', 'evil.example.net');
    const headers = v3Headers(referenceV3('POST', otherHost, BODY, TIMESTAMP));
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toMatchObject({ code: 'SIGNATURE_MISMATCH' });
  });

  it('when the signature has a different length, then it is a mismatch without throwing', () => {
    const headers = v3Headers('short');
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toMatchObject({ code: 'SIGNATURE_MISMATCH' });
  });

  it.each([
    ['exactly 300000 ms old', NOW + 300_000, true],
    ['300001 ms old', NOW + 300_001, false],
    ['exactly 300000 ms in the future', NOW - 300_000, true],
    ['300001 ms in the future', NOW - 300_001, false],
  ])('when the timestamp is %s, then ok is %s', (_label, now, isOk) => {
    const result = verifyHubSpotSignature(input(), now);
    expect(result.ok).toBe(isOk);
    if (!result.ok) expect(result.code).toBe('SIGNATURE_EXPIRED');
  });

  it('when the request is an hour old, then it is expired', () => {
    expect(verifyHubSpotSignature(input(), NOW + 3_600_000)).toMatchObject({ code: 'SIGNATURE_EXPIRED' });
  });

  it.each(['abc', '', ' 1767225600000', '1.7e12', '0x1', '-1767225600000', '1767225600000.5'])(
    'when the timestamp is %j, then it is rejected before signing',
    (timestamp) => {
      const headers = v3Headers(referenceV3('POST', URI, BODY, timestamp), timestamp);
      const result = verifyHubSpotSignature(input({ headers }), NOW);
      expect(result.ok).toBe(false);
      expect(result).not.toMatchObject({ code: 'SIGNATURE_MISMATCH' });
    },
  );

  it('when the timestamp header is missing, then it is missing', () => {
    const headers = { 'x-hubspot-signature-v3': V3_VECTOR };
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toMatchObject({
      ok: false,
      code: 'SIGNATURE_MISSING',
      reason: 'missing x-hubspot-request-timestamp header',
    });
  });

  it('when the v3 signature header is missing, then it is missing', () => {
    const headers = { 'x-hubspot-request-timestamp': TIMESTAMP };
    expect(verifyHubSpotSignature(input({ headers, accept: ['v3'] }), NOW)).toMatchObject({
      code: 'SIGNATURE_MISSING',
    });
  });

  it('when no signature headers are sent, then the reason names the expected headers', () => {
    expect(verifyHubSpotSignature(input({ headers: {} }), NOW)).toEqual({
      ok: false,
      code: 'SIGNATURE_MISSING',
      reason: 'missing x-hubspot-signature-v3 or x-hubspot-signature header',
    });
  });

  it('when the client secret is empty, then every request fails closed', () => {
    const headers = v3Headers(referenceV3('POST', URI, BODY, TIMESTAMP, ''));
    expect(verifyHubSpotSignature(input({ clientSecret: '', headers }), NOW)).toMatchObject({
      code: 'SIGNATURE_MISMATCH',
      reason: 'client secret is not configured',
    });
  });

  it('when verification fails, then the reason contains neither the secret nor the expected signature', () => {
    const headers = v3Headers('x'.repeat(V3_VECTOR.length));
    const result = verifyHubSpotSignature(input({ headers }), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(V3_VECTOR);
    }
  });
});

describe('verifyHubSpotSignature — URI decoding', () => {
  const sentUri = 'https://harbor.example.com/hubspot/lookup?email=ana%40acme.io&next=%2Fhome%3Atoday';

  it('when the query has %40, %2F and %3A, then a signature over the decoded form verifies', () => {
    const headers = v3Headers(V3_DECODED_VECTOR);
    const result = verifyHubSpotSignature(input({ method: 'GET', uri: sentUri, rawBody: '', headers }), NOW);
    expect(result).toEqual({ ok: true, version: 'v3' });
  });

  it('when the escapes are lower case (%3a), then a signature over the decoded form verifies', () => {
    const headers = v3Headers(V3_DECODED_VECTOR);
    const uri = sentUri.replace('%3A', '%3a').replace('%2F', '%2f');
    const result = verifyHubSpotSignature(input({ method: 'GET', uri, rawBody: '', headers }), NOW);
    expect(result).toEqual({ ok: true, version: 'v3' });
  });

  it('when the query has %20 and %3D, then a signature over the decoded form does not verify', () => {
    const uri = 'https://harbor.example.com/hubspot/lookup?q=ana%20b%3Dc';
    const decoded = referenceV3('GET', 'https://harbor.example.com/hubspot/lookup?q=ana b=c', '', TIMESTAMP);
    const result = verifyHubSpotSignature(
      input({ method: 'GET', uri, rawBody: '', headers: v3Headers(decoded) }),
      NOW,
    );
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH' });
  });

  it('when the query has %20 and %3D, then a signature over the encoded form verifies', () => {
    const uri = 'https://harbor.example.com/hubspot/lookup?q=ana%20b%3Dc';
    const headers = v3Headers(referenceV3('GET', uri, '', TIMESTAMP));
    const result = verifyHubSpotSignature(input({ method: 'GET', uri, rawBody: '', headers }), NOW);
    expect(result).toEqual({ ok: true, version: 'v3' });
  });
});

describe('verifyHubSpotSignature — v2 and version choice', () => {
  it('when only a valid v2 signature is sent and v2 is accepted, then it accepts v2', () => {
    const result = verifyHubSpotSignature(input({ headers: v2Headers(V2_VECTOR), accept: ['v2'] }), NOW);
    expect(result).toEqual({ ok: true, version: 'v2' });
  });

  it('when only a valid v2 signature is sent and v2 is not accepted, then it is missing', () => {
    const result = verifyHubSpotSignature(input({ headers: v2Headers(V2_VECTOR), accept: ['v3'] }), NOW);
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_MISSING' });
  });

  it('when the v2 signature is upper-case hex, then it still verifies', () => {
    const result = verifyHubSpotSignature(input({ headers: v2Headers(V2_VECTOR.toUpperCase()) }), NOW);
    expect(result).toEqual({ ok: true, version: 'v2' });
  });

  it('when the version header is absent, then x-hubspot-signature is treated as v2', () => {
    const headers = { 'x-hubspot-signature': V2_VECTOR };
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toEqual({ ok: true, version: 'v2' });
  });

  it('when the version header says v1, then v2 is treated as missing', () => {
    const headers = { 'x-hubspot-signature': V2_VECTOR, 'x-hubspot-signature-version': 'v1' };
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toMatchObject({ code: 'SIGNATURE_MISSING' });
  });

  it('when the v2 body is tampered with, then it is a mismatch', () => {
    const result = verifyHubSpotSignature(input({ headers: v2Headers(V2_VECTOR), rawBody: '{}' }), NOW);
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_MISMATCH', version: 'v2' });
  });

  it('when v2 is used, then no timestamp is required even long after the request', () => {
    expect(verifyHubSpotSignature(input({ headers: v2Headers(V2_VECTOR) }), NOW + 86_400_000)).toEqual({
      ok: true,
      version: 'v2',
    });
  });

  it('when both versions are valid and accepted, then v3 is preferred', () => {
    const headers = { ...v3Headers(V3_VECTOR), ...v2Headers(V2_VECTOR) };
    expect(verifyHubSpotSignature(input({ headers }), NOW)).toEqual({ ok: true, version: 'v3' });
  });

  it('when v3 is present but invalid, then it does not fall back to v2', () => {
    const headers = { ...v3Headers(V3_VECTOR), ...v2Headers(V2_VECTOR) };
    expect(verifyHubSpotSignature(input({ headers }), NOW + 400_000)).toMatchObject({
      code: 'SIGNATURE_EXPIRED',
      version: 'v3',
    });
  });

  it('when both are sent but only v2 is accepted, then v2 decides', () => {
    const headers = { ...v3Headers('bogus'), ...v2Headers(V2_VECTOR) };
    expect(verifyHubSpotSignature(input({ headers, accept: ['v2'] }), NOW)).toEqual({
      ok: true,
      version: 'v2',
    });
  });
});
