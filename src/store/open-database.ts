import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

import type { Database } from './database-schema.ts';

const int8Oid = 20;
// Portal ids, counts and serial ids fit in a double; HubSpot object ids are stored as text, so they never pass here.
const parseInt8 = (value: string): number => Number(value);

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent Harbor runs on embedded PGlite in dataDir (`memory://` keeps it in memory). */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema for Harbor's tables (PGlite always uses its own database). */
  schema: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to print (no credentials). */
  location: string;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl === undefined) return openPglite(options.dataDir);
  const handle = openPostgres(options.databaseUrl, options.schema);
  if (options.schema !== 'public') {
    await sql`create schema if not exists ${sql.id(options.schema)}`.execute(handle.db);
  }
  return handle;
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const isMemory = dataDir.startsWith('memory://');
  const location = isMemory ? dataDir : resolve(dataDir);
  if (!isMemory) await mkdir(location, { recursive: true });
  const pglite = await PGlite.create(location, { parsers: { [int8Oid]: parseInt8 } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', location, close: () => db.destroy() };
}

function openPostgres(databaseUrl: string, schema: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    options: `-c search_path=${schema}`,
    max: 10,
    types: int8AsNumber(),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location: describePostgresUrl(databaseUrl, schema),
    close: () => db.destroy(),
  };
}

function int8AsNumber(): pg.CustomTypesConfig {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(int8Oid, parseInt8);
  return overrides;
}

/** host:port/database (schema), with user and password left out. */
function describePostgresUrl(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  return `postgresql://${url.host}${url.pathname} (schema ${schema})`;
}
