import { z } from 'zod';

import { isoTimeWire } from './health-score.ts';
import { signalWire } from './signals.ts';

/** At most this many open signals on the home page's "Open signals" page (the most severe, then oldest). */
export const openSignalsMax = 200;

/** An active signal with the names the page shows beside it (the signal itself carries only ids). */
export const openSignalRowWire = z.strictObject({
  signal: signalWire,
  companyName: z.string().nullable(),
  ownerName: z.string().nullable(),
});

/** `GET /api/review/signals`: the portal's active signals for the home page, sorted and filtered there. */
export const openSignalsWire = z.strictObject({
  generatedAt: isoTimeWire,
  rows: z.array(openSignalRowWire).max(openSignalsMax),
  /** Active signals in the portal; more than `rows` when the page shows only the first ones. */
  total: z.number().int(),
});

export type OpenSignalRowWire = z.infer<typeof openSignalRowWire>;
export type OpenSignalsWire = z.infer<typeof openSignalsWire>;
