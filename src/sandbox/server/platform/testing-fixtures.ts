import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Router } from 'express';

import { SandboxStore } from '../../store/sandbox-store.ts';
import { requestContext } from '../request-context.ts';

/** Test-only helpers: a small hand-built portal, a stub CRM router and a recording HTTP receiver. */
export const FIXTURE_PORTAL_ID = 424_242;
export const FIXTURE_NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

export function buildFixtureStore(portalId = FIXTURE_PORTAL_ID): SandboxStore {
  const store = new SandboxStore(portalId);
  const at = FIXTURE_NOW - 86_400_000;
  const companies = Array.from({ length: 5 }, (_, index) =>
    store.tables.companies.create(
      {
        name: `Company ${index}`,
        domain: `company-${index}.example.com`,
        numberofemployees: String(10 * (index + 1)),
      },
      at,
    ),
  );
  const companyId = (index: number): string => companies[index % companies.length]?.id ?? '';
  for (let index = 0; index < 4; index += 1) {
    const deal = store.tables.deals.create(
      { dealname: `Deal ${index}`, amount: String(1000 * (index + 1)) },
      at,
    );
    store.associations.add('deals', deal.id, 'companies', companyId(index));
  }
  for (let index = 0; index < 3; index += 1) {
    const ticket = store.tables.tickets.create({ subject: `Ticket ${index}`, hs_ticket_priority: 'LOW' }, at);
    store.associations.add('tickets', ticket.id, 'companies', companyId(index));
  }
  for (let index = 0; index < 2; index += 1) {
    const contact = store.tables.contacts.create({ email: `person-${index}@example.com` }, at);
    store.associations.add('contacts', contact.id, 'companies', companyId(index));
  }
  return store;
}

/** Stands in for the CRM routes: answers from the request context, and updates a company on PATCH. */
export function stubCrmRoutes(): Router {
  const router = Router();
  router.get('/crm/v3/objects/:objectType', (req, res) => {
    const { portalId } = requestContext(res);
    res.json({ portalId, objectType: req.params.objectType, results: [] });
  });
  router.post('/crm/v3/objects/:objectType/search', (_req, res) => {
    res.json({ total: 0, results: [] });
  });
  return router;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback HTTP server that records every request and answers with `respond` (default 204). */
export async function startReceiver(
  respond: (request: ReceivedRequest, index: number) => number | 'hang' = () => 204,
): Promise<{ url: string; received: ReceivedRequest[]; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const status = respond(request, received.length - 1);
      if (status === 'hang') return;
      res.statusCode = status;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/hubspot`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
