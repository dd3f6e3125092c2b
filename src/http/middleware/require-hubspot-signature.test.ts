import express, { type ErrorRequestHandler, type Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';

import {
  computeSignatureV2,
  computeSignatureV3,
  type SignatureVersion,
} from '../../hubspot/signature/hubspot-signature.ts';
import { isAppError } from '../../shared/errors/app-error.ts';
import { captureRawBody } from '../raw-body.ts';
import { requireHubSpotSignature } from './require-hubspot-signature.ts';

const SECRET = 'middleware-test-secret';
const PUBLIC_BASE_URL = 'https://api.harbor.example/';
const SIGNED_ORIGIN = 'https://api.harbor.example';
const NOW = 1_767_225_600_000;
const PATH = '/hubspot/cards/health?portalId=123&objectId=456';
const BODY = '{"companyId":"456","weights":{"nps":0.4}}';

interface AppOptions {
  clientSecret?: string | undefined;
  accept?: readonly SignatureVersion[];
}

function buildApp(options: AppOptions = {}): Express {
  // `in`, not a default value: an explicitly undefined secret is one of the cases under test.
  const clientSecret = 'clientSecret' in options ? options.clientSecret : SECRET;
  const accept = options.accept ?? ['v3', 'v2'];
  const app = express();
  app.use(express.json({ verify: captureRawBody }));
  app.use(requireHubSpotSignature({ clientSecret, publicBaseUrl: PUBLIC_BASE_URL, accept, now: () => NOW }));
  app.use((req, res) => {
    res.json({ body: req.body as unknown, version: res.locals.hubspotSignatureVersion as unknown });
  });
  // Echoes every field of the error, so the "never leaks the secret" checks cover message and details too.
  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    if (!isAppError(err)) {
      res.status(500).json({ error: { code: 'INTERNAL' } });
      return;
    }
    res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
  };
  app.use(onError);
  return app;
}

function v3Headers(method: string, uri: string, body: string, timestamp = NOW): Record<string, string> {
  const ts = String(timestamp);
  return {
    'x-hubspot-signature-v3': computeSignatureV3({
      clientSecret: SECRET,
      method,
      uri,
      rawBody: body,
      timestamp: ts,
    }),
    'x-hubspot-request-timestamp': ts,
  };
}

function postJson(app: Express, headers: Record<string, string>, body = BODY): request.Test {
  // Send the JSON string itself so the bytes on the wire are exactly the bytes that were signed.
  return request(app).post(PATH).set(headers).set('content-type', 'application/json').send(body);
}

describe('requireHubSpotSignature', () => {
  it('when a v3 POST with a JSON body and query string is valid, then the handler runs', async () => {
    const res = await postJson(buildApp(), v3Headers('POST', SIGNED_ORIGIN + PATH, BODY));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: JSON.parse(BODY), version: 'v3' });
  });

  it('when the Host header is spoofed, then the signature is still checked against publicBaseUrl', async () => {
    const headers = v3Headers('POST', SIGNED_ORIGIN + PATH, BODY);
    const res = await postJson(buildApp(), { ...headers, host: 'evil.example.net' });
    expect(res.status).toBe(200);
  });

  it('when the signature was computed over the Host header value, then it is rejected', async () => {
    const headers = v3Headers('POST', `http://evil.example.net${PATH}`, BODY);
    const res = await postJson(buildApp(), { ...headers, host: 'evil.example.net' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('when the body is tampered with, then it is 401 SIGNATURE_MISMATCH', async () => {
    const headers = v3Headers('POST', SIGNED_ORIGIN + PATH, BODY);
    const tampered = BODY.replace('0.4', '0.9');
    const res = await postJson(buildApp(), headers, tampered);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'SIGNATURE_MISMATCH', details: { signatureVersion: 'v3' } });
    const expected = v3Headers('POST', SIGNED_ORIGIN + PATH, tampered)['x-hubspot-signature-v3']!;
    expect(res.text).not.toContain(expected);
  });

  it('when no signature headers are sent, then it is 401 SIGNATURE_MISSING', async () => {
    const res = await postJson(buildApp(), {});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIGNATURE_MISSING');
  });

  it('when the timestamp is older than five minutes, then it is 401 SIGNATURE_EXPIRED', async () => {
    const old = NOW - 300_001;
    const res = await postJson(buildApp(), v3Headers('POST', SIGNED_ORIGIN + PATH, BODY, old));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIGNATURE_EXPIRED');
  });

  it('when a GET has no body, then the empty body is signed and it verifies', async () => {
    const path = '/hubspot/cards/health?portalId=123';
    const res = await request(buildApp())
      .get(path)
      .set(v3Headers('GET', SIGNED_ORIGIN + path, ''));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('v3');
  });

  it('when a valid v2 POST arrives and v2 is accepted, then the handler runs', async () => {
    const signature = computeSignatureV2({
      clientSecret: SECRET,
      method: 'POST',
      uri: SIGNED_ORIGIN + PATH,
      rawBody: BODY,
    });
    const headers = { 'x-hubspot-signature': signature, 'x-hubspot-signature-version': 'v2' };
    const res = await postJson(buildApp({ accept: ['v2'] }), headers);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('v2');
  });

  it('when a valid v2 POST arrives and only v3 is accepted, then it is 401 SIGNATURE_MISSING', async () => {
    const signature = computeSignatureV2({
      clientSecret: SECRET,
      method: 'POST',
      uri: SIGNED_ORIGIN + PATH,
      rawBody: BODY,
    });
    const headers = { 'x-hubspot-signature': signature, 'x-hubspot-signature-version': 'v2' };
    const res = await postJson(buildApp({ accept: ['v3'] }), headers);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIGNATURE_MISSING');
  });

  it.each([undefined, ''])(
    'when the client secret is %j, then every request fails closed',
    async (clientSecret) => {
      const res = await postJson(buildApp({ clientSecret }), v3Headers('POST', SIGNED_ORIGIN + PATH, BODY));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SIGNATURE_MISMATCH');
      expect(res.body.error.message).toMatch(/client secret is not configured/);
    },
  );

  it('when requests fail for any reason, then no response body contains the secret', async () => {
    const app = buildApp();
    const responses = await Promise.all([
      postJson(app, {}),
      postJson(app, v3Headers('POST', SIGNED_ORIGIN + PATH, BODY, NOW - 400_000)),
      postJson(app, v3Headers('POST', SIGNED_ORIGIN + PATH, BODY), '{"tampered":true}'),
      postJson(app, { 'x-hubspot-signature': 'deadbeef', 'x-hubspot-signature-version': 'v2' }),
    ]);
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect(res.text).not.toContain(SECRET);
    }
  });
});
