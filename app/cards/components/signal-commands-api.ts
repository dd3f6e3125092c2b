import { harborFetch, type HarborContext } from '@harbor/ui';
import { signalWire, type SignalCommandWire, type SignalWire } from '@harbor/wire';

const DAY_MS = 86_400_000;
/** The card's one snooze length: long enough for a customer's week off, far inside the service's 30 days. */
export const snoozeDays = 7;

/** Sends a person's command about a signal; the service answers the signal as it is now, or refuses. */
export async function sendSignalCommand(
  context: HarborContext,
  signalId: number,
  command: SignalCommandWire,
): Promise<SignalWire> {
  return harborFetch(context, `/api/signals/${signalId}/commands`, signalWire, {
    method: 'POST',
    body: command,
  });
}

/** Until when "Snooze 7 days" puts a signal off, from the moment the CSM clicks. */
export function snoozeUntil(now: Date): string {
  return new Date(now.getTime() + snoozeDays * DAY_MS).toISOString();
}
