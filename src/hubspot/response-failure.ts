/**
 * A non-2xx answer from HubSpot, captured before the SDK parses it. Same `{ code, body, headers }` shape as
 * the SDK's ApiException, so one mapper handles both.
 */
export class HubSpotResponseFailure extends Error {
  override readonly name = 'HubSpotResponseFailure';
  readonly code: number;
  /** Parsed JSON when the body is JSON, else the raw text (possibly empty). */
  readonly body: unknown;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;

  constructor(code: number, body: unknown, headers: Record<string, string>) {
    // The body stays out of the message: it is data for the mapper, not something to print.
    super(`HubSpot answered HTTP ${code}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

interface ResponseContextLike {
  httpStatusCode: number;
  headers: Record<string, string>;
  body: { text(): Promise<string> };
}

function isResponseContext(value: unknown): value is ResponseContextLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ResponseContextLike>;
  return typeof candidate.httpStatusCode === 'number' && typeof candidate.body?.text === 'function';
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * SDK middleware that turns every HTTP error into a HubSpotResponseFailure. Without it, SDK 14 throws a
 * SyntaxError (empty JSON body) or "No Content-Type defined" for bare 5xx answers, losing the status we need
 * to decide on a retry.
 */
export const captureErrorResponses = {
  pre(context: unknown): unknown {
    return context;
  },
  async post(context: unknown): Promise<unknown> {
    if (!isResponseContext(context) || context.httpStatusCode < 400) return context;
    const text = await context.body.text().catch(() => '');
    const headers = Object.fromEntries(
      Object.entries(context.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    throw new HubSpotResponseFailure(context.httpStatusCode, parseBody(text), headers);
  },
};
