import { sql, type Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

/** SQL types a keyset cursor may have: `(a, b) > ($1, $2)` is cast, never left to type inference. */
export type BiCursorType = 'text' | 'integer' | 'bigint' | 'date';

export interface BiViewPageQuery {
  /** A bi_* view of migration 0016 (a name from code, never from input). */
  view: string;
  columns: readonly { name: string; isDate: boolean }[];
  /** The view's unique order within a portal. */
  key: readonly { name: string; type: BiCursorType }[];
  portalId: number;
  /** The key of the previous page's last row; undefined for the first page. */
  after: readonly unknown[] | undefined;
  limit: number;
}

/**
 * One page of a bi_* view for a portal, by keyset (never an offset: rows added meanwhile neither repeat nor
 * go missing). A `date` column is read as text (YYYY-MM-DD): node-postgres would make it local midnight.
 */
export async function readBiViewPage(
  db: Kysely<Database>,
  query: BiViewPageQuery,
): Promise<Record<string, unknown>[]> {
  const selection = sql.join(
    query.columns.map((column) =>
      column.isDate
        ? sql`to_char(${sql.ref(`v.${column.name}`)}, 'YYYY-MM-DD') as ${sql.ref(column.name)}`
        : sql.ref(`v.${column.name}`),
    ),
  );
  // Qualified, so ORDER BY sorts by the view's column and not by the text alias of a date: an index order,
  // not a sort of every remaining row per page.
  const order = sql.join(query.key.map((key) => sql.ref(`v.${key.name}`)));
  const { after } = query;
  const from =
    after === undefined
      ? sql`true`
      : sql`(${order}) > (${sql.join(
          query.key.map((key, index) => sql`cast(${after[index]} as ${sql.raw(key.type)})`),
        )})`;
  const { rows } = await sql<Record<string, unknown>>`
    select ${selection} from ${sql.table(query.view)} as v
     where v.portal_id = ${query.portalId} and ${from}
     order by ${order}
     limit ${query.limit}`.execute(db);
  return rows;
}
