import { randomUUID } from 'node:crypto';

import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';

import { sendHubSpotError, type HubSpotErrorCategory } from '../hubspot-error.ts';

/**
 * Categories the CRM routes answer with. OBJECT_ALREADY_EXISTS is what HubSpot sends on a 409 for a
 * duplicate property or group; the shared union does not list it yet.
 */
export type CrmErrorCategory = HubSpotErrorCategory | 'OBJECT_ALREADY_EXISTS';

/** A HubSpot error answer, thrown from a handler and written by crmErrorHandler. */
export class CrmError extends Error {
  readonly status: number;
  readonly category: CrmErrorCategory;
  readonly extras: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    category: CrmErrorCategory,
    message: string,
    extras: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CrmError';
    this.status = status;
    this.category = category;
    this.extras = extras;
    this.headers = headers;
  }
}

export function validationError(message: string, extras: Record<string, unknown> = {}): CrmError {
  return new CrmError(400, 'VALIDATION_ERROR', message, extras);
}

export function notFoundError(message: string, context: Record<string, string[]> = {}): CrmError {
  return new CrmError(404, 'OBJECT_NOT_FOUND', message, { context });
}

/** Parses request input; a failure becomes HubSpot's 400 VALIDATION_ERROR naming each bad field. */
export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return { message: field === '' ? issue.message : `${field}: ${issue.message}`, in: where };
  });
  throw validationError(`Invalid input (${where}): ${details.map((d) => d.message).join('; ')}`, {
    errors: details,
  });
}

/** One item of a batch answer's `errors[]` (StandardError: status, category, message, context, errors, links). */
export interface StandardError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: { message: string }[];
  links: Record<string, string>;
}

export function standardError(
  category: CrmErrorCategory,
  message: string,
  context: Record<string, string[]>,
): StandardError {
  return { status: 'error', category, message, context, errors: [], links: {} };
}

/** Body of a finished batch: HubSpot's BatchResponse, or its WithErrors variant when `errors` is not empty. */
export function batchResponse(
  results: readonly unknown[],
  errors: StandardError[],
  at: number,
): Record<string, unknown> {
  const timestamps = { startedAt: new Date(at).toISOString(), completedAt: new Date(at).toISOString() };
  if (errors.length === 0) return { status: 'COMPLETE', results, ...timestamps };
  return { status: 'COMPLETE', results, numErrors: errors.length, errors, ...timestamps };
}

function sendCrmError(res: Response, error: CrmError): void {
  res.set(error.headers);
  if (error.category === 'OBJECT_ALREADY_EXISTS') {
    res.status(error.status).json({
      status: 'error',
      message: error.message,
      correlationId: randomUUID(),
      category: error.category,
      ...error.extras,
    });
    return;
  }
  sendHubSpotError(res, error.status, error.category, error.message, error.extras);
}

function isBodyParserError(error: unknown): error is { status: number; type: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    typeof error.type === 'string' &&
    error.type.startsWith('entity.') &&
    'status' in error &&
    typeof error.status === 'number'
  );
}

/** Writes CrmErrors and unreadable JSON bodies as HubSpot error bodies; anything else is a bug for the app. */
export const crmErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof CrmError) {
    sendCrmError(res, error);
    return;
  }
  if (isBodyParserError(error)) {
    const category = error.status === 413 ? 'BAD_REQUEST' : 'VALIDATION_ERROR';
    sendHubSpotError(res, error.status, category, `Invalid input JSON: ${error.message}`);
    return;
  }
  next(error);
};
