/** hubspot.fetch's options (shared.synced/types/http-requests.synced.d.ts). */
export interface PreviewFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  timeout?: number;
  body?: unknown;
  headers?: Record<string, string> | Headers;
}

interface SignerAnswer {
  status: number;
  body: string;
  contentType?: string | null;
}

// HubSpot's default and ceiling for hubspot.fetch.
const defaultTimeoutMs = 15_000;
const maxTimeoutMs = 120_000;

function authorizationOf(headers: PreviewFetchOptions['headers']): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get('authorization') ?? undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  return entry?.[1];
}

/**
 * hubspot.fetch in the preview: the request goes to the service's preview signer, which signs it with the
 * app's client secret the way HubSpot's proxy does and calls the service; the card gets a Response built
 * from the proxied status and body, as it does inside HubSpot.
 */
export async function previewFetch(url: string | URL, options: PreviewFetchOptions = {}): Promise<Response> {
  const timeout = Math.min(options.timeout ?? defaultTimeoutMs, maxTimeoutMs);
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeout);
  try {
    const authorization = authorizationOf(options.headers);
    const answer = await fetch('/preview/fetch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: String(url),
        method: options.method ?? 'GET',
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(authorization === undefined ? {} : { authorization }),
      }),
      signal: controller.signal,
    });
    const proxied = (await answer.json()) as SignerAnswer;
    // The signer refusing (an origin HubSpot would not call) is a failed fetch, as HubSpot's proxy makes it.
    if (!answer.ok) throw new Error(proxied.body);
    const hasBody = ![204, 205, 304].includes(proxied.status);
    return new Response(hasBody ? proxied.body : null, {
      status: proxied.status,
      headers: { 'content-type': proxied.contentType ?? 'application/json' },
    });
  } finally {
    clearTimeout(timer);
  }
}
