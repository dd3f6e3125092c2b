import { harborFetch, type HarborContext } from '@harbor/ui';
import { handoffWire, type HandoffRequestWire, type HandoffWire } from '@harbor/wire';

/** What the card's hand-off requests do; each rejects with the service's refusal, shown beside the form. */
export interface HandoffActions {
  request: (body: HandoffRequestWire) => Promise<HandoffWire>;
}

/** Hands the renewal to finance or asks for an automation; the service answers the logged hand-off. */
export function requestHandoff(context: HarborContext, body: HandoffRequestWire): Promise<HandoffWire> {
  return harborFetch(context, '/api/handoffs', handoffWire, { method: 'POST', body });
}
