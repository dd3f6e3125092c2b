import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test-only helpers: a project folder with one workflow action, and an app stand-in that answers its requests. */

/** An action shaped like the project's "Get Harbor health", its actionUrl from a profile variable. */
export const fixtureHealthAction = {
  uid: 'fixture_get_health',
  type: 'workflow-action',
  config: {
    actionUrl: '${PUBLIC_BASE_URL}/hubspot/workflow-actions/get-health?v=1',
    isPublished: false,
    supportedClients: [{ client: 'WORKFLOWS' }],
    objectTypes: ['COMPANY'],
    objectRequestOptions: { properties: ['name', 'domain'] },
    inputFields: [
      {
        typeDefinition: {
          name: 'horizon',
          type: 'enumeration',
          fieldType: 'select',
          options: [
            { value: 'now', label: 'Now' },
            { value: 'quarter', label: 'Next quarter' },
          ],
        },
        supportedValueTypes: ['STATIC_VALUE'],
        isRequired: true,
      },
      {
        typeDefinition: { name: 'note', type: 'string', fieldType: 'text' },
        supportedValueTypes: ['STATIC_VALUE'],
        isRequired: false,
      },
    ],
    outputFields: [
      { typeDefinition: { name: 'score', type: 'number', fieldType: 'number' } },
      {
        typeDefinition: {
          name: 'tier',
          type: 'enumeration',
          fieldType: 'select',
          options: [
            { value: 'healthy', label: 'Healthy' },
            { value: 'at_risk', label: 'At risk' },
          ],
        },
      },
    ],
    executionRules: [{ labelName: 'not_scored', conditions: { tier: 'at_risk', score: ['0', '1'] } }],
    labels: {
      en: { actionName: 'Get health (fixture)', executionRules: { not_scored: 'Harbor has no score yet' } },
      'pt-br': { actionName: 'Obter saúde (fixture)' },
    },
  },
} as const;

/** A temporary app/workflow-actions folder holding the given hsmeta files (name → content). */
export async function writeActionFolder(
  files: Record<string, unknown> = { 'fixture-get-health-hsmeta.json': fixtureHealthAction },
): Promise<{ directory: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'harbor-workflow-actions-'));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(directory, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

export interface ReceivedActionRequest {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StandInAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A loopback server standing in for the app's actionUrl; `answer` decides each reply. */
export async function startActionReceiver(
  answer: (request: ReceivedActionRequest, index: number) => StandInAnswer,
): Promise<{ baseUrl: string; received: ReceivedActionRequest[]; close: () => Promise<void> }> {
  const received: ReceivedActionRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const reply = answer(request, received.length - 1);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
