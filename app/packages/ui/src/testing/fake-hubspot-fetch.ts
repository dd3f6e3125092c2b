import { hubspot } from '@hubspot/ui-extensions';
import { vi, type MockInstance } from 'vitest';

export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** What a request gets: an answer now, an answer when the test settles the promise, or never one. */
export type FakeReply = FakeAnswer | Promise<FakeAnswer> | 'pending';

function toResponse({ status = 200, body }: FakeAnswer): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * hubspot.fetch answered per request by `answer(url, method)`; a `pending` reply never settles (the extension
 * stays loading). Returns the spy, whose calls the tests read (see requestsOf).
 */
export function fakeHubspotFetch(
  answer: (url: URL, method: string) => FakeReply,
): MockInstance<typeof hubspot.fetch> {
  return vi.spyOn(hubspot, 'fetch').mockImplementation((input, init) => {
    const reply = answer(new URL(String(input)), init?.method ?? 'GET');
    if (reply === 'pending') return new Promise<Response>(() => undefined);
    return reply instanceof Promise ? reply.then(toResponse) : Promise.resolve(toResponse(reply));
  });
}

/** The requests the extension made, in order. */
export function requestsOf(spy: MockInstance<typeof hubspot.fetch>): { url: URL; method: string }[] {
  return spy.mock.calls.map(([input, init]) => ({
    url: new URL(String(input)),
    method: init?.method ?? 'GET',
  }));
}
