import { apiErrorWire } from '@harbor/wire';
import { hubspot } from '@hubspot/ui-extensions';
import type { z } from 'zod';

/** What every surface's context has: who is asking, in which portal, and the profile's variables. */
export interface HarborContext {
  user: { id: number; locale?: string | undefined; language?: string | undefined };
  portal: { id: number; timezone: string };
  variables?: Record<string, string | number | bigint | boolean> | undefined;
}

/** A refusal or failure the service explained (its error code), or one it could not (`UNREACHABLE`). */
export class HarborApiError extends Error {
  override readonly name = 'HarborApiError';
  readonly code: string;
  readonly status: number | undefined;
  constructor(code: string, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** The service's origin: the profile variable HubSpot substitutes per environment (hsprofile.*.json). */
export function serviceBaseUrl(context: HarborContext): string {
  const base = context.variables?.PUBLIC_BASE_URL;
  if (typeof base !== 'string' || base === '')
    throw new HarborApiError('NOT_CONFIGURED', 'The PUBLIC_BASE_URL profile variable is not set');
  return base.replace(/\/+$/, '');
}

export interface HarborRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Query parameters besides the identity ones, which are always taken from the context. */
  query?: Record<string, string | number | undefined>;
  body?: Record<string, unknown>;
}

/**
 * Calls the service through hubspot.fetch (which signs the request) and parses the answer with the
 * route's wire schema. The portal and user always come from HubSpot's context, never from a caller, so a
 * surface cannot ask in another portal's name. An answer that does not match the schema is an error here
 * rather than a screen drawn from wrong data.
 */
export async function harborFetch<Schema extends z.ZodType>(
  context: HarborContext,
  path: string,
  schema: Schema,
  request: HarborRequest = {},
): Promise<z.infer<Schema>> {
  const url = new URL(`${serviceBaseUrl(context)}${path}`);
  for (const [name, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) url.searchParams.set(name, String(value));
  url.searchParams.set('portalId', String(context.portal.id));
  url.searchParams.set('userId', String(context.user.id));

  let response: Response;
  try {
    response = await hubspot.fetch(url.toString(), {
      method: request.method ?? 'GET',
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  } catch (error) {
    throw new HarborApiError('UNREACHABLE', error instanceof Error ? error.message : String(error));
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refusal = apiErrorWire.safeParse(json);
    if (refusal.success)
      throw new HarborApiError(refusal.data.error.code, refusal.data.error.message, response.status);
    throw new HarborApiError('UNREACHABLE', `HTTP ${response.status}`, response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HarborApiError('BAD_ANSWER', parsed.error.message, response.status);
  return parsed.data;
}
