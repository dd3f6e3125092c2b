import { Client } from '@hubspot/api-client';

import { captureErrorResponses } from './response-failure.ts';

/**
 * Builds an SDK client. Never pass `limiterOptions` or `numberOfApiCallRetries`: `new Client()` installs its
 * decorators process-wide (ApiDecoratorService singleton), so one portal's settings would leak into every
 * client. Pacing and retries live in portal-api.ts instead, and every client here has the same, empty set.
 */
export function createSdkClient(options: { basePath: string; accessToken?: string | undefined }): Client {
  return new Client({
    basePath: options.basePath,
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    middleware: [captureErrorResponses],
  });
}

/** Keeps the client for the current token; a refreshed token gets a new client (they are cheap and lazy). */
export function createClientCache(basePath: string): (accessToken: string) => Client {
  let current: { accessToken: string; client: Client } | undefined;
  return (accessToken) => {
    if (current?.accessToken !== accessToken) {
      current = { accessToken, client: createSdkClient({ basePath, accessToken }) };
    }
    return current.client;
  };
}
