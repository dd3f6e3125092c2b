import { z } from 'zod';

/** Every machine-readable error code Harbor returns or logs. */
export const errorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_ENCODING',
  'IDENTITY_INVALID',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'REPLAYED_REQUEST',
  'SIGNATURE_MISSING',
  'SIGNATURE_EXPIRED',
  'SIGNATURE_MISMATCH',
  'UNAUTHORIZED',
  'PORTAL_NOT_INSTALLED',
  'USER_NOT_IN_PORTAL',
  'HUBSPOT_RATE_LIMITED',
  'HUBSPOT_UNAUTHORIZED',
  'HUBSPOT_NOT_FOUND',
  'HUBSPOT_REJECTED',
  'HUBSPOT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'SYNC_FAILED',
  'RESPONSE_TOO_LARGE',
  'INTERNAL',
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one code → HTTP status table. */
export function codeToStatus(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'IDENTITY_INVALID':
      return 400;
    case 'SIGNATURE_MISSING':
    case 'SIGNATURE_EXPIRED':
    case 'SIGNATURE_MISMATCH':
    case 'UNAUTHORIZED':
      return 401;
    case 'PORTAL_NOT_INSTALLED':
    case 'USER_NOT_IN_PORTAL':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'CONFLICT':
    case 'REPLAYED_REQUEST':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_ENCODING':
      return 415;
    case 'HUBSPOT_RATE_LIMITED':
      return 429;
    case 'HUBSPOT_UNAUTHORIZED':
    case 'HUBSPOT_NOT_FOUND':
    case 'HUBSPOT_REJECTED':
    case 'HUBSPOT_UNAVAILABLE':
      return 502;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'SYNC_FAILED':
    case 'RESPONSE_TOO_LARGE':
    case 'INTERNAL':
      return 500;
  }
}
