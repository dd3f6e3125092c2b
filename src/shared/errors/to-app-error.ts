import { ZodError } from 'zod';

import { AppError, isAppError } from './app-error.ts';

/** What body-parser, raw-body and Express's router attach to the errors they raise (http-errors). */
interface HttpLibraryError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

function asHttpLibraryError(error: unknown): HttpLibraryError | undefined {
  return typeof error === 'object' && error !== null && ('type' in error || 'status' in error)
    ? error
    : undefined;
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

// Messages of our own: the libraries' texts can quote the input back.
const byType: Record<string, [AppError['code'], string]> = {
  'entity.too.large': ['PAYLOAD_TOO_LARGE', 'Request body is too large'],
  'entity.parse.failed': ['MALFORMED_JSON', 'Request body is not valid JSON'],
  'encoding.unsupported': ['UNSUPPORTED_ENCODING', 'Request body has an unsupported Content-Encoding'],
  'charset.unsupported': ['UNSUPPORTED_ENCODING', 'Request body has an unsupported charset'],
  'request.size.invalid': ['VALIDATION_FAILED', 'Request body does not match its Content-Length'],
  'request.aborted': ['VALIDATION_FAILED', 'Request body was cut off'],
  'stream.encoding.set': ['VALIDATION_FAILED', 'Request body could not be read'],
  'body.invalid-utf8': ['VALIDATION_FAILED', 'Request body is not valid UTF-8'],
};

/**
 * Turns anything thrown into the one AppError shape, for HTTP answers, job logs and CLI messages alike.
 * Unknown errors become INTERNAL and lose their message (it may hold data the caller must not see).
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError)
    return new AppError('VALIDATION_FAILED', describeZodError(error), { cause: error });
  // Express's router raises a URIError (status 400) for a malformed percent-escape in a path parameter.
  if (error instanceof URIError)
    return new AppError('VALIDATION_FAILED', 'Request path has a malformed percent-escape', { cause: error });
  const library = asHttpLibraryError(error);
  if (library !== undefined) {
    const known = typeof library.type === 'string' ? byType[library.type] : undefined;
    if (known !== undefined) return new AppError(known[0], known[1], { cause: error });
    // A body that claims gzip or deflate but is not: zlib's errors carry no status, only a zlib code.
    if (typeof library.status === 'number' && library.status >= 400 && library.status < 500)
      return new AppError('VALIDATION_FAILED', 'Request could not be read', { cause: error });
  }
  if (isZlibError(error))
    return new AppError('VALIDATION_FAILED', 'Request body does not match its Content-Encoding', {
      cause: error,
    });
  return new AppError('INTERNAL', 'Internal error', { cause: error, isOperational: false });
}

function isZlibError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('Z_') &&
    'errno' in error
  );
}
