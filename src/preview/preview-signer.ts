import { request } from 'node:http';

import { z } from 'zod';

import {
  computeSignatureV2,
  computeSignatureV3,
  HUBSPOT_SIGNATURE_HEADERS,
} from '../hubspot/signature/hubspot-signature.ts';

/** What the preview's hubspot.fetch sends the signer: HubSpot's fetch options, nothing more. */
export const previewFetchRequest = z.strictObject({
  url: z.string().min(1).max(4_000),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
  body: z.unknown().optional(),
  authorization: z.string().max(4_000).optional(),
});
export type PreviewFetchRequest = z.infer<typeof previewFetchRequest>;

/** HubSpot's proxy answers the card with the service's status and body. */
export interface ProxiedAnswer {
  status: number;
  body: string;
  contentType: string | null;
}

export interface PreviewSignerOptions {
  publicBaseUrl: string;
  clientSecret: string;
  now: () => Date;
}

/** Where the service itself listens, as the preview request reached it (loopback in development). */
export interface LoopbackTarget {
  host: string;
  port: number;
}

export type SignedCall =
  | { ok: true; path: string; headers: Record<string, string>; rawBody: string }
  | { ok: false; reason: string };

/**
 * Signs a hubspot.fetch call the way HubSpot's proxy does: v3 (HMAC-SHA256 over method + URL + body +
 * timestamp) and v2 (SHA-256 over secret + method + URL + body). Only URLs under PUBLIC_BASE_URL are signed:
 * HubSpot calls only the origins in permittedUrls.fetch, and the service checks signatures against that URL.
 */
export function signPreviewCall(call: PreviewFetchRequest, options: PreviewSignerOptions): SignedCall {
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(call.url);
  } catch {
    return { ok: false, reason: 'the URL is not absolute' };
  }
  const base = new URL(baseUrl);
  const signedUri = url.toString();
  if (url.origin !== base.origin || !signedUri.startsWith(`${baseUrl}/`))
    return {
      ok: false,
      reason: `only ${baseUrl} is a permitted fetch URL (app-hsmeta.json permittedUrls.fetch)`,
    };
  const path = signedUri.slice(baseUrl.length);
  if (path.startsWith('/preview')) return { ok: false, reason: 'the preview does not call itself' };

  const rawBody = call.body === undefined ? '' : JSON.stringify(call.body);
  const timestamp = String(options.now().getTime());
  const input = { clientSecret: options.clientSecret, method: call.method, uri: signedUri, rawBody };
  const headers: Record<string, string> = {
    [HUBSPOT_SIGNATURE_HEADERS.v3]: computeSignatureV3({ ...input, timestamp }),
    [HUBSPOT_SIGNATURE_HEADERS.timestamp]: timestamp,
    [HUBSPOT_SIGNATURE_HEADERS.v2]: computeSignatureV2(input),
    [HUBSPOT_SIGNATURE_HEADERS.version]: 'v2',
    'user-agent': 'HubSpot Connect 2.0 (Harbor preview signer)',
    accept: 'application/json',
  };
  if (rawBody !== '') headers['content-type'] = 'application/json';
  if (call.authorization !== undefined) headers.authorization = call.authorization;
  return { ok: true, path, headers, rawBody };
}

/** Sends the signed call to the service over loopback HTTP and reads the whole answer. */
export function sendSignedCall(
  method: string,
  signed: Extract<SignedCall, { ok: true }>,
  target: LoopbackTarget,
  timeoutMs: number,
): Promise<ProxiedAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const outgoing = request(
      {
        host: target.host,
        port: target.port,
        method,
        path: signed.path,
        headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(signed.rawBody)) },
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const type = incoming.headers['content-type'];
          resolveAnswer({
            status: incoming.statusCode ?? 502,
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: type ?? null,
          });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(signed.rawBody);
  });
}
