import {
  digestDeliveryStatuses,
  feedbackDigestWire,
  type DigestDeliveryWire,
  type DigestSummaryWire,
  type FeedbackDigestWire,
} from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Database } from '../database-schema.ts';

export interface StoredDigest {
  digest: FeedbackDigestWire;
  markdown: string;
  html: string;
  csv: string;
}

export interface DigestRenderings {
  markdown: string;
  html: string;
  csv: string;
}

/**
 * Stores the month's digest, replacing an earlier build of the same month. The delivery columns are not
 * touched by a rebuild: a digest handed over stays handed over.
 */
export async function saveDigest(
  db: Kysely<Database>,
  digest: FeedbackDigestWire,
  renderings: DigestRenderings,
): Promise<void> {
  // The delivery lives in its own columns, so a rebuild's content never overwrites how it was sent.
  const content: Partial<FeedbackDigestWire> = { ...digest };
  delete content.delivery;
  await db
    .insertInto('feedback_digests')
    .values({
      portal_id: digest.portalId,
      month: digest.month,
      digest: JSON.stringify(content),
      ...renderings,
      built_at: digest.builtAt,
    })
    .onConflict((conflict) =>
      conflict.columns(['portal_id', 'month']).doUpdateSet((eb) => ({
        digest: eb.ref('excluded.digest'),
        markdown: eb.ref('excluded.markdown'),
        html: eb.ref('excluded.html'),
        csv: eb.ref('excluded.csv'),
        built_at: eb.ref('excluded.built_at'),
      })),
    )
    .execute();
}

export async function recordDigestDelivery(
  db: Kysely<Database>,
  portalId: number,
  month: string,
  delivery: DigestDeliveryWire,
): Promise<void> {
  await db
    .updateTable('feedback_digests')
    .set({
      delivery_status: delivery.status,
      delivery_reference: delivery.reference,
      delivery_detail: delivery.detail,
      delivered_at: delivery.at,
    })
    .where('portal_id', '=', portalId)
    .where('month', '=', month)
    .execute();
}

function deliveryOf(row: {
  delivery_status: string;
  delivery_reference: string | null;
  delivery_detail: string | null;
  delivered_at: Date | null;
}): DigestDeliveryWire {
  const status = (digestDeliveryStatuses as readonly string[]).includes(row.delivery_status)
    ? (row.delivery_status as DigestDeliveryWire['status'])
    : 'pending';
  return {
    status,
    reference: row.delivery_reference,
    at: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
    detail: row.delivery_detail,
  };
}

export async function findDigest(
  db: Kysely<Database>,
  portalId: number,
  month: string,
): Promise<StoredDigest | undefined> {
  const row = await db
    .selectFrom('feedback_digests')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const digest = feedbackDigestWire.parse({ ...row.digest, delivery: deliveryOf(row) });
  return { digest, markdown: row.markdown, html: row.html, csv: row.csv };
}

/** The portal's digests, newest month first. */
export async function listDigests(
  db: Kysely<Database>,
  portalId: number,
  limit = 120,
): Promise<DigestSummaryWire[]> {
  const rows = await db
    .selectFrom('feedback_digests')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const digest = feedbackDigestWire.parse({ ...row.digest, delivery: deliveryOf(row) });
    return {
      month: digest.month,
      builtAt: digest.builtAt,
      itemCount: digest.itemCount,
      themeCount: digest.themes.length,
      topThemes: digest.themes.slice(0, 3).map((theme) => theme.label),
      delivery: digest.delivery.status,
    };
  });
}
