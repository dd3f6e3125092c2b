import type { ErrorRequestHandler, RequestHandler } from 'express';

import { sendHubSpotError } from '../hubspot-error.ts';

/** Unknown paths: HubSpot's error shape rather than Express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${req.path}`);
};

/** Body-parser failures become 400 VALIDATION_ERROR; anything else a 500 INTERNAL_ERROR without internals. */
export const sandboxErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    sendHubSpotError(res, status, 'VALIDATION_ERROR', 'Invalid input: the request body could not be parsed');
    return;
  }
  sendHubSpotError(res, 500, 'INTERNAL_ERROR', 'internal error');
};

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
