import { createRenderer, type Renderer } from '@hubspot/ui-extensions/testing';

/** The service origin the tests' profile variable names. */
export const serviceUrl = 'https://harbor.test';
/** Who the tests are signed in as, and where. */
export const testUserId = 7001;
export const testPortalId = 9_000_001;

type Location = Parameters<typeof createRenderer>[0];

interface SignedInContext {
  user: { id: number; locale?: string };
  portal: { id: number; timezone: string };
  variables?: Record<string, string | number | bigint | boolean>;
}

/**
 * HubSpot's test renderer for `location`, signed in as the test user of a portal in São Paulo's zone, reading
 * `locale`, with the profile variable that points the extension at the test service.
 */
export function harborRenderer<L extends Location>(
  location: L,
  { locale = 'en-us', portalId = testPortalId }: { locale?: string; portalId?: number } = {},
): Renderer<L> {
  const renderer = createRenderer(location);
  const context: SignedInContext = renderer.mocks.context;
  context.user.id = testUserId;
  context.user.locale = locale;
  context.portal.id = portalId;
  context.portal.timezone = 'America/Sao_Paulo';
  context.variables = { PUBLIC_BASE_URL: serviceUrl };
  return renderer;
}
