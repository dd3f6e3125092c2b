import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Request } from 'express';

/** A request whose body bytes were kept by `captureRawBody`, for signature checks. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

/** `express.json({ verify: captureRawBody })`: keeps the exact bytes HubSpot signed before JSON parsing. */
export function captureRawBody(req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
  (req as RawBodyRequest).rawBody = buf;
}
