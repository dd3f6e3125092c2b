import { codeToStatus, type ErrorCode } from './error-codes.ts';

export interface AppErrorOptions {
  /** Extra fields safe to log (never secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** False for bugs and broken invariants: the process should not carry on as if nothing happened. */
  isOperational?: boolean;
}

/** The one error type Harbor throws on purpose; the message is safe to show to the caller. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly isOperational: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = codeToStatus(code);
    this.details = options.details ?? {};
    this.isOperational = options.isOperational ?? true;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
