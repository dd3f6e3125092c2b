import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Request } from 'express';

/** A request whose body bytes were kept by `captureRawBody`, for signature checks. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `express.json({ verify: captureRawBody })`: keeps the exact bytes HubSpot signed before JSON parsing, and
 * refuses bytes that are not UTF-8 (the parser would turn them into U+FFFD and a changed text would be stored).
 */
export function captureRawBody(req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
  try {
    strictUtf8.decode(buf);
  } catch {
    // body-parser keeps `type`; toAppError maps it to a 400 naming the problem.
    throw Object.assign(new Error('Request body is not valid UTF-8'), { type: 'body.invalid-utf8' });
  }
  (req as RawBodyRequest).rawBody = buf;
}
