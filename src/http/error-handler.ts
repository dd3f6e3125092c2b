import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../shared/errors/app-error.ts';
import { toAppError } from '../shared/errors/to-app-error.ts';

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
