import type { RequestHandler } from 'express';

import {
  type SignatureFailureCode,
  type SignatureVersion,
  verifyHubSpotSignature,
} from '../../hubspot/signature/hubspot-signature.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { RawBodyRequest } from '../raw-body.ts';

export interface RequireHubSpotSignatureOptions {
  /** The app's client secret; when empty every request is rejected. */
  clientSecret?: string | undefined;
  /** Public origin HubSpot calls, e.g. `https://api.harbor.example`; may include a path prefix. */
  publicBaseUrl: string;
  accept: readonly SignatureVersion[];
  now?: () => number;
}

const SAFE_MESSAGES: Record<SignatureFailureCode, string> = {
  SIGNATURE_MISSING: 'HubSpot request signature is missing.',
  SIGNATURE_EXPIRED: 'HubSpot request timestamp is invalid or outside the allowed window.',
  SIGNATURE_MISMATCH: 'HubSpot request signature is invalid.',
};

/** Rejects requests that do not carry a valid HubSpot signature; needs `express.json({ verify: captureRawBody })`. */
export function requireHubSpotSignature({
  clientSecret,
  publicBaseUrl,
  accept,
  now = () => Date.now(),
}: RequireHubSpotSignatureOptions): RequestHandler {
  const baseUrl = publicBaseUrl.replace(/\/+$/, '');

  return (req, res, next) => {
    if (clientSecret === undefined || clientSecret === '') {
      // Fail closed: a missing secret must never turn into "skip verification".
      const details = { reason: 'client secret is not configured', signatureVersion: null };
      next(new AppError('SIGNATURE_MISMATCH', 'HubSpot client secret is not configured.', { details }));
      return;
    }
    // HubSpot signs the public URL it called; behind a proxy Host and protocol describe the hop, not that URL.
    const result = verifyHubSpotSignature(
      {
        clientSecret,
        method: req.method,
        uri: baseUrl + req.originalUrl,
        rawBody: (req as RawBodyRequest).rawBody ?? '',
        headers: req.headers,
        accept,
      },
      now(),
    );
    if (!result.ok) {
      const details = { reason: result.reason, signatureVersion: result.version ?? null };
      next(new AppError(result.code, SAFE_MESSAGES[result.code], { details }));
      return;
    }
    res.locals.hubspotSignatureVersion = result.version;
    next();
  };
}
