import type { DigestDeliveryWire, FeedbackDigestWire } from '@harbor/wire';

import type { ThemeResult } from './themes.pure.ts';

export interface DigestFacts {
  portalId: number;
  month: string;
  currency: string | null;
  surveyComments: number;
  featureRequestTickets: number;
  delivery: DigestDeliveryWire;
}

export const pendingDelivery: DigestDeliveryWire = {
  status: 'pending',
  reference: null,
  at: null,
  detail: null,
};

/** The digest as stored and served: the month's themes with what they came from. */
export function assembleDigest(facts: DigestFacts, themes: ThemeResult, now: number): FeedbackDigestWire {
  return {
    portalId: facts.portalId,
    month: facts.month,
    builtAt: new Date(now).toISOString(),
    currency: facts.currency,
    sources: { surveyComments: facts.surveyComments, featureRequestTickets: facts.featureRequestTickets },
    itemCount: themes.itemCount,
    previousItemCount: themes.previousItemCount,
    themes: themes.themes,
    otherCount: themes.otherCount,
    otherQuotes: themes.otherQuotes,
    delivery: facts.delivery,
  };
}
