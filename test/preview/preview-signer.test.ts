import { describe, expect, it } from 'vitest';

import { verifyHubSpotSignature } from '../../src/hubspot/signature/hubspot-signature.ts';
import { signPreviewCall } from '../../src/preview/preview-signer.ts';

const options = {
  publicBaseUrl: 'https://harbor.example.com/',
  clientSecret: 'app-secret',
  now: () => new Date('2026-12-03T10:00:00Z'),
};

describe('the preview signer', () => {
  it('when a card fetches a URL under PUBLIC_BASE_URL, then it is signed exactly as HubSpot signs it (v3 and v2)', () => {
    const call = {
      url: 'https://harbor.example.com/api/health/rescore?portalId=9000001&userId=7001',
      method: 'POST' as const,
      body: { reason: 'a CSM asked' },
    };
    const signed = signPreviewCall(call, options);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(signed.path).toBe('/api/health/rescore?portalId=9000001&userId=7001');
    expect(signed.rawBody).toBe('{"reason":"a CSM asked"}');
    for (const version of ['v3', 'v2'] as const) {
      const verdict = verifyHubSpotSignature(
        {
          clientSecret: 'app-secret',
          method: 'POST',
          uri: `https://harbor.example.com${signed.path}`,
          rawBody: signed.rawBody,
          headers: signed.headers,
          accept: [version],
        },
        options.now().getTime(),
      );
      expect(verdict).toEqual({ ok: true, version });
    }
  });

  it('when the signature is checked with another secret, then it does not match', () => {
    const signed = signPreviewCall(
      { url: 'https://harbor.example.com/api/health/model', method: 'GET' },
      options,
    );
    if (!signed.ok) throw new Error(signed.reason);
    const verdict = verifyHubSpotSignature(
      {
        clientSecret: 'someone-else',
        method: 'GET',
        uri: `https://harbor.example.com${signed.path}`,
        rawBody: '',
        headers: signed.headers,
        accept: ['v3'],
      },
      options.now().getTime(),
    );
    expect(verdict.ok).toBe(false);
  });

  it.each([
    ['another origin', 'https://evil.example.com/api/health/model'],
    ['another scheme', 'http://harbor.example.com/api/health/model'],
    ['the same host on another port', 'https://harbor.example.com:8443/api/health/model'],
    ['the preview itself', 'https://harbor.example.com/preview/fetch'],
    ['a relative URL', '/api/health/model'],
  ])('when a card fetches %s, then nothing is signed', (_what, url) => {
    expect(signPreviewCall({ url, method: 'GET' }, options).ok).toBe(false);
  });

  it('when the card sends an Authorization header, then it is the only header of its own that goes through', () => {
    const signed = signPreviewCall(
      { url: 'https://harbor.example.com/api/health/model', method: 'GET', authorization: 'Bearer x' },
      options,
    );
    if (!signed.ok) throw new Error(signed.reason);
    expect(signed.headers.authorization).toBe('Bearer x');
    expect(Object.keys(signed.headers).sort()).toEqual([
      'accept',
      'authorization',
      'user-agent',
      'x-hubspot-request-timestamp',
      'x-hubspot-signature',
      'x-hubspot-signature-v3',
      'x-hubspot-signature-version',
    ]);
  });
});
