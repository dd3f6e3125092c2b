/**
 * What the tests of Harbor's cards, settings page and pages share: a signed-in renderer, a fake hubspot.fetch
 * and the texts on screen. Imported by tests only (`@harbor/ui/testing`), never by an extension's code.
 */
export { fakeHubspotFetch, requestsOf, type FakeAnswer, type FakeReply } from './fake-hubspot-fetch.ts';
export { harborRenderer, serviceUrl, testPortalId, testUserId } from './harbor-renderer.ts';
export { readText, screenText } from './screen-text.ts';
