import { toAppError } from '../shared/errors/to-app-error.ts';
import type { Logger } from '../shared/logger.ts';

/**
 * The jobs' end of the central error handling: the same error → code mapping as HTTP, logged with the code.
 * Never rethrows: a failed run must not take the process (and every other portal's schedule) down with it.
 */
export function reportJobFailure(logger: Logger, error: unknown, signal?: AbortSignal): void {
  if (signal?.aborted === true) {
    logger.info({ reason: describe(signal.reason) }, 'run stopped; the next run resumes from the checkpoint');
    return;
  }
  const appError = toAppError(error);
  const fields = { err: appError.cause ?? appError, code: appError.code, details: appError.details };
  if (appError.isOperational && appError.status < 500) {
    logger.warn(fields, `run failed: ${appError.message}`);
  } else {
    logger.error(fields, `run failed: ${appError.code === 'INTERNAL' ? describe(error) : appError.message}`);
  }
}

function describe(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}
