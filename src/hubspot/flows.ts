import type { Client } from '@hubspot/api-client';
import { z } from 'zod';

import { collectAll } from './paging.ts';
import type { PortalApi } from './portal-api.ts';
import { HubSpotResponseFailure } from './response-failure.ts';

/*
 * Automation v4 flows (HubSpot's workflows). The SDK has no typed API for them, and apiRequest does not throw
 * on non-2xx, so the answer is checked here and failures go through the usual error mapping and retries.
 */

const flowListing = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  isEnabled: z.boolean(),
  objectTypeId: z.string(),
  revisionId: z.string(),
});
const flowPage = z.looseObject({
  results: z.array(flowListing),
  paging: z.looseObject({ next: z.looseObject({ after: z.string() }).optional() }).optional(),
});
const flow = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  isEnabled: z.boolean(),
  revisionId: z.string(),
});

export type FlowListing = z.infer<typeof flowListing>;
/** A flow as HubSpot holds it: the typed fields Harbor reads, and the rest (actions, criteria…) as sent. */
export type HubSpotFlow = z.infer<typeof flow>;

export async function request<Schema extends z.ZodType>(
  client: Client,
  schema: Schema,
  options: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; qs?: Record<string, string> },
): Promise<z.infer<Schema>> {
  const response = await client.apiRequest({
    method: options.method,
    path: options.path,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.qs === undefined ? {} : { qs: options.qs }),
  });
  const text = await response.text();
  const body: unknown = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) {
    const headers = Object.fromEntries(
      [...response.headers.entries()].map(([name, value]) => [name.toLowerCase(), value]),
    );
    throw new HubSpotResponseFailure(response.status, body, headers);
  }
  return schema.parse(body);
}

/** GET /automation/v4/flows, every page: the portal's workflows without their steps. */
export function listFlows(api: PortalApi): Promise<FlowListing[]> {
  return collectAll((after) =>
    api.call('standard', async (client) => {
      const page = await request(client, flowPage, {
        method: 'GET',
        path: '/automation/v4/flows',
        qs: { limit: '100', ...(after === undefined ? {} : { after }) },
      });
      const next = page.paging?.next?.after;
      return { results: page.results, ...(next === undefined ? {} : { paging: { next: { after: next } } }) };
    }),
  );
}

/** GET /automation/v4/flows/{flowId}: one workflow with its enrollment criteria and steps. */
export function getFlow(api: PortalApi, flowId: string): Promise<HubSpotFlow> {
  return api.call('standard', (client) =>
    request(client, flow, { method: 'GET', path: `/automation/v4/flows/${encodeURIComponent(flowId)}` }),
  );
}

/** POST /automation/v4/flows. Not retried on an unknown outcome: the caller looks by name before it tries again. */
export function createFlow(api: PortalApi, body: Record<string, unknown>): Promise<HubSpotFlow> {
  return api.call(
    'standard',
    (client) => request(client, flow, { method: 'POST', path: '/automation/v4/flows', body }),
    { retryUnknownOutcome: false },
  );
}

/** PUT /automation/v4/flows/{flowId}: replaces the flow; `revisionId` must be the one last read. */
export function updateFlow(
  api: PortalApi,
  flowId: string,
  body: Record<string, unknown> & { revisionId: string },
): Promise<HubSpotFlow> {
  return api.call('standard', (client) =>
    request(client, flow, {
      method: 'PUT',
      path: `/automation/v4/flows/${encodeURIComponent(flowId)}`,
      body,
    }),
  );
}
