import type { Migration, MigrationProvider } from 'kysely/migration';

import * as initialSchema from './0001-initial-schema.ts';

/** Migrations live in code, in order; names never change once released. */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
