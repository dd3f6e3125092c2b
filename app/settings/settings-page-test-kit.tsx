import { hubspot, Input, NumberInput, Select } from '@hubspot/ui-extensions';
import { createRenderer, type RenderedChildNode } from '@hubspot/ui-extensions/testing';
import type { SettingsViewWire } from '@harbor/wire';
import { vi, type MockInstance } from 'vitest';

import { managePermission } from './SettingsPage.tsx';

/** What the settings page's tests share: a renderer in a portal, a fake service and typing into fields. */

export function setUp({
  locale = 'en-us',
  permissions = [managePermission],
}: { locale?: string; permissions?: string[] } = {}) {
  const renderer = createRenderer('settings');
  renderer.mocks.context.user = {
    ...renderer.mocks.context.user,
    id: 7001,
    locale,
    permissions: permissions as typeof renderer.mocks.context.user.permissions,
  };
  renderer.mocks.context.portal = { id: 9000001, timezone: 'America/Sao_Paulo' };
  renderer.mocks.context.variables = { PUBLIC_BASE_URL: 'https://harbor.test' };
  return renderer;
}

export type Renderer = ReturnType<typeof setUp>;

/** What the user reads in a node: its text and its descendants'. */
export const readText = (node: RenderedChildNode | { childNodes: RenderedChildNode[] }): string =>
  'childNodes' in node ? node.childNodes.map(readText).join('') : node.text;

export const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

/*
 * The testing kit types trigger's argument as the handler itself rather than the handler's argument, hence
 * the casts below.
 */

/** Types a number into a field. */
export function enter(renderer: Renderer, testId: string, value: number): void {
  renderer.findByTestId(NumberInput, testId).trigger('onChange', value as never);
}

/** Picks a value in a select. */
export function choose(renderer: Renderer, testId: string, value: string): void {
  renderer.findByTestId(Select, testId).trigger('onChange', value as never);
}

/** Types text into a text field. */
export function type(renderer: Renderer, testId: string, value: string): void {
  renderer.findByTestId(Input, testId).trigger('onChange', value as never);
}

export type Route = (method: string, url: URL, body: unknown) => Promise<Response> | undefined;

export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
}

/**
 * A fake Harbor service behind hubspot.fetch. `start` in beforeEach; `serve` answers the view with `view`
 * and anything else with `route`; every request is recorded in `requests`.
 */
export function fakeService() {
  const requests: RecordedRequest[] = [];
  let fetch: MockInstance<typeof hubspot.fetch> | undefined;
  return {
    requests,
    start() {
      requests.length = 0;
      fetch = vi.spyOn(hubspot, 'fetch');
    },
    serve(view: SettingsViewWire | (() => Promise<Response>), route: Route = () => undefined) {
      fetch?.mockImplementation((target, options) => {
        const url = new URL(String(target));
        const method = options?.method ?? 'GET';
        requests.push({ method, url, body: options?.body });
        if (method === 'GET' && url.pathname === '/api/views/settings')
          return typeof view === 'function' ? view() : json(view);
        return (
          route(method, url, options?.body) ?? json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404)
        );
      });
    },
    /** The body of the model save, once it was sent. */
    savedModel(): unknown {
      const put = requests.find((request) => request.method === 'PUT');
      return (put?.body as { model?: unknown } | undefined)?.model;
    },
  };
}
