import type { Kysely } from 'kysely';
import { z } from 'zod';

import type { Database } from '../store/database-schema.ts';
import { listStoredVersions } from '../store/repositories/webhook-changes-repository.ts';

export interface WebhookLatencyOptions {
  /** Harbor's store, which a running processor keeps up to date from the sandbox's webhooks. */
  db: Kysely<Database>;
  sandboxBaseUrl: string;
  portalId: number;
  /** Changes made in total; default 200. */
  changes?: number;
  /** Changes per `POST /_sandbox/mutate`; default 10. */
  perRequest?: number;
  /** Pause between mutate calls, so changes arrive as a stream rather than one burst; default 100 ms. */
  pauseMs?: number;
  /** A change not in the store after this long counts as missed; default 30 s. */
  timeoutMs?: number;
  /** How often the store is checked; default 20 ms. */
  pollMs?: number;
}

export interface WebhookLatency {
  /** Record changes measured (created, updated, archived, merged away). */
  samples: number;
  /** Of those, how many never reached the store within the timeout. */
  missed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

type RecordType = 'companies' | 'deals' | 'tickets';
const recordTypes = ['companies', 'deals', 'tickets'] as const;

const idList = z.array(z.string()).optional();
const mutateResponse = z.object({
  changes: z.partialRecord(
    z.enum(['companies', 'deals', 'tickets', 'contacts']),
    z.object({ updated: idList, created: idList, archived: idList, merged: idList }),
  ),
});

interface Expectation {
  type: RecordType;
  id: string;
  /** 'written': the row carries a HubSpot version at least as new as the change; 'archived': the row is archived. */
  kind: 'written' | 'archived';
  changedAtMs: number;
  startedAt: number;
  latencyMs?: number;
}

/**
 * Webhook change → store latency against a running sandbox: makes `changes` scripted changes through
 * `/_sandbox/mutate` and times, per changed record, from just before the mutate call to the moment the store
 * shows the change (polled). Association-only changes are not timed (a removed link leaves no row to watch).
 */
export async function measureWebhookLatency(options: WebhookLatencyOptions): Promise<WebhookLatency> {
  const total = options.changes ?? 200;
  const perRequest = options.perRequest ?? 10;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 20;
  const expectations: Expectation[] = [];
  const progress = { isMutating: true };

  const mutations = (async () => {
    try {
      for (let made = 0; made < total; made += perRequest) {
        const changedAtMs = Date.now();
        const startedAt = performance.now();
        const response = await fetch(`${options.sandboxBaseUrl}/_sandbox/mutate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ count: Math.min(perRequest, total - made), portalId: options.portalId }),
        });
        if (!response.ok) throw new Error(`sandbox mutate answered ${response.status}`);
        const { changes } = mutateResponse.parse(await response.json());
        for (const type of recordTypes) {
          const byKind = changes[type] ?? {};
          const expect = (ids: string[] | undefined, kind: Expectation['kind']): void => {
            for (const id of ids ?? []) expectations.push({ type, id, kind, changedAtMs, startedAt });
          };
          expect(byKind.updated, 'written');
          expect(byKind.created, 'written');
          expect(byKind.archived, 'archived');
          expect(byKind.merged, 'archived');
        }
        await sleep(options.pauseMs ?? 100);
      }
    } finally {
      progress.isMutating = false;
    }
  })();

  const polling = (async () => {
    for (;;) {
      const open = expectations.filter(
        (item) => item.latencyMs === undefined && performance.now() - item.startedAt < timeoutMs,
      );
      if (open.length === 0 && !progress.isMutating) return;
      await checkStore(options.db, options.portalId, open);
      await sleep(pollMs);
    }
  })();

  await Promise.all([mutations, polling]);
  const latencies = expectations.flatMap((item) => (item.latencyMs === undefined ? [] : [item.latencyMs]));
  latencies.sort((a, b) => a - b);
  return {
    samples: expectations.length,
    missed: expectations.length - latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    maxMs: latencies.at(-1) ?? 0,
  };
}

async function checkStore(db: Kysely<Database>, portalId: number, open: Expectation[]): Promise<void> {
  for (const type of recordTypes) {
    const wanted = open.filter((item) => item.type === type);
    if (wanted.length === 0) continue;
    const rows = await listStoredVersions(db, portalId, type, [...new Set(wanted.map((item) => item.id))]);
    const seenAt = performance.now();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const item of wanted) {
      const row = byId.get(item.id);
      if (row === undefined) continue;
      const isDone = item.kind === 'archived' ? row.archived : row.modifiedAt.getTime() >= item.changedAtMs;
      if (isDone) item.latencyMs = seenAt - item.startedAt;
    }
  }
}

/** Nearest-rank percentile of an ascending list; 0 for an empty one. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
