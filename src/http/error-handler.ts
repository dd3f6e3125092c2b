import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

import { AppError, isAppError } from '../shared/errors/app-error.ts';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Turns anything thrown into the one AppError shape; unknown errors become INTERNAL and lose their message. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError)
    return new AppError('VALIDATION_FAILED', describeZodError(error), { cause: error });
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large')
      return new AppError('PAYLOAD_TOO_LARGE', 'Request body is too large');
    if (error.type === 'entity.parse.failed')
      return new AppError('MALFORMED_JSON', 'Request body is not valid JSON');
    if (error.status >= 400 && error.status < 500)
      return new AppError('VALIDATION_FAILED', 'Request body could not be read');
  }
  return new AppError('INTERNAL', 'Internal error', { cause: error, isOperational: false });
}

/** The one Express error handler: `{ error: { code, message, requestId } }`, stacks only in the log. */
export function createErrorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = toAppError(error);
    const requestId = typeof req.id === 'object' ? '' : String(req.id);
    const log = req.log;
    if (appError.status >= 500) {
      log.error({ err: appError.cause ?? appError, code: appError.code, requestId }, appError.message);
    } else {
      log.warn({ code: appError.code, details: appError.details, requestId }, appError.message);
    }
    if (res.headersSent) return;
    res
      .status(appError.status)
      .json({ error: { code: appError.code, message: appError.message, requestId } });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};
