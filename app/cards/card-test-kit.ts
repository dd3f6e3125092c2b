import { hubspot } from '@hubspot/ui-extensions';
import { vi, type MockInstance } from 'vitest';

/** The service origin the tests' profile variable names. */
export const serviceUrl = 'https://harbor.test';

interface FakeAnswer {
  status?: number;
  body: unknown;
}

/**
 * hubspot.fetch answered per request by `answer(url, method)`; a `pending` answer never settles (the card
 * stays loading). Returns the spy, whose calls the tests read.
 */
export function fakeHubspotFetch(
  answer: (url: URL, method: string) => FakeAnswer | 'pending',
): MockInstance<typeof hubspot.fetch> {
  return vi.spyOn(hubspot, 'fetch').mockImplementation((input, init) => {
    const url = new URL(String(input));
    const result = answer(url, init?.method ?? 'GET');
    if (result === 'pending') return new Promise<Response>(() => undefined);
    return Promise.resolve(
      new Response(JSON.stringify(result.body), {
        status: result.status ?? 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
}

interface AnyNode {
  nodeType: string;
  text?: string | null;
  props?: Record<string, unknown>;
  childNodes?: readonly AnyNode[];
}

// Texts a user reads that components take as props rather than children.
const textProps = ['title', 'label', 'number', 'valueDescription', 'value'];

/** Every text on screen (text nodes and the props components show as text), in order, one per line. */
export function screenText(root: object): string {
  const lines: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.nodeType === 'text') {
      if (node.text) lines.push(node.text);
      return;
    }
    for (const name of textProps) {
      const value = node.props?.[name];
      if (typeof value === 'string' && value !== '') lines.push(value);
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(root as AnyNode);
  return lines.join('\n');
}

export function requestsOf(spy: MockInstance<typeof hubspot.fetch>): { url: URL; method: string }[] {
  return spy.mock.calls.map(([input, init]) => ({
    url: new URL(String(input)),
    method: init?.method ?? 'GET',
  }));
}
