import { toAppError } from '../../shared/errors/to-app-error.ts';
import type { Logger } from '../../shared/logger.ts';

/**
 * One line for a command's stderr: the error's code and its safe message, never a stack or a secret. A bug
 * (not an operational error) is logged in full first, since its message alone says nothing.
 */
export function describeFailure(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  const appError = toAppError(error);
  if (!appError.isOperational) logger.error({ err: error, ...context }, 'command failed');
  return `${appError.code}: ${appError.message}`;
}
