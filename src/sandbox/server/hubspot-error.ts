import { randomUUID } from 'node:crypto';

import type { Response } from 'express';

/** HubSpot's error categories as they appear in its error bodies. */
export type HubSpotErrorCategory =
  | 'VALIDATION_ERROR'
  | 'OBJECT_NOT_FOUND'
  | 'INVALID_AUTHENTICATION'
  | 'EXPIRED_AUTHENTICATION'
  | 'MISSING_SCOPES'
  | 'RATE_LIMITS'
  | 'CONFLICT'
  | 'OBJECT_ALREADY_EXISTS'
  | 'BAD_REQUEST'
  | 'INTERNAL_ERROR';

/** HubSpot's standard error body: `{ status: "error", message, correlationId (uuid), category, ... }`. */
export function hubspotErrorBody(
  category: HubSpotErrorCategory,
  message: string,
  extras: Record<string, unknown> = {},
): Record<string, unknown> {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extras };
}

export function sendHubSpotError(
  res: Response,
  status: number,
  category: HubSpotErrorCategory,
  message: string,
  extras: Record<string, unknown> = {},
): void {
  res.status(status).json(hubspotErrorBody(category, message, extras));
}
