import type { Kysely } from 'kysely';

import { AppError } from '../shared/errors/app-error.ts';
import type { Database } from '../store/database-schema.ts';
import {
  createIngestKey,
  findKeyPortal,
  type IngestKeyRecord,
} from '../store/repositories/usage-ingest-repository.ts';
import { bearerKey, generateIngestKey, hashIngestKey } from './ingest-key-secret.ts';

/** A new key for the portal: the answer is the only place its secret ever appears. */
export async function issueIngestKey(
  db: Kysely<Database>,
  portalId: number,
  input: { name: string; createdBy: string },
  now: Date,
): Promise<{ key: IngestKeyRecord; secret: string }> {
  const fresh = generateIngestKey();
  const key = await createIngestKey(db, portalId, { ...input, hash: fresh.hash, prefix: fresh.prefix }, now);
  return { key, secret: fresh.secret };
}

/** The portal of the request's ingest key; the request itself never names one. */
export async function portalOfIngestKey(
  db: Kysely<Database>,
  authorization: string | string[] | undefined,
): Promise<number> {
  const secret = bearerKey(authorization);
  if (secret === undefined)
    throw new AppError('UNAUTHORIZED', 'Send the ingest key as "Authorization: Bearer <key>"');
  const portalId = await findKeyPortal(db, hashIngestKey(secret));
  if (portalId === undefined)
    throw new AppError('UNAUTHORIZED', 'This ingest key is not valid or was revoked');
  return portalId;
}
