import type { ExportColumn } from '../export-columns.ts';
import { viewDataset } from './view-dataset.ts';

const portalColumn: ExportColumn = {
  name: 'portal_id',
  type: 'bigint',
  meaning: 'HubSpot portal (account) id',
};

export const signalsDataset = viewDataset({
  name: 'signals',
  description: 'Risk and opportunity signals, open and closed, one row per signal.',
  view: 'bi_signals',
  key: ['signal_id'],
  columns: [
    portalColumn,
    { name: 'signal_id', type: 'bigint', meaning: "Harbor's id of the signal" },
    { name: 'company_id', type: 'text', meaning: 'HubSpot company id' },
    { name: 'type', type: 'text', meaning: 'the rule that raised it, e.g. usage_drop, detractor, advocacy' },
    { name: 'kind', type: 'text', meaning: 'risk or opportunity' },
    { name: 'severity', type: 'text', meaning: 'low, medium, high or critical' },
    {
      name: 'status',
      type: 'text',
      meaning: 'open, acknowledged, in_progress, recovered, resolved or dismissed',
    },
    { name: 'owner_id', type: 'text', meaning: 'HubSpot owner id responsible for acting on it' },
    { name: 'opened_at', type: 'timestamp', meaning: 'when the signal was raised' },
    { name: 'due_at', type: 'timestamp', meaning: 'when an action is due before it escalates' },
    { name: 'last_fired_at', type: 'timestamp', meaning: 'the last time its rule still held' },
    { name: 'action_started_at', type: 'timestamp', meaning: 'when someone first acted on it' },
    { name: 'escalated_at', type: 'timestamp', meaning: 'when it escalated for want of an action' },
    { name: 'snoozed_until', type: 'timestamp', meaning: 'snoozed until this instant' },
    { name: 'snooze_count', type: 'integer', meaning: 'how many times it was snoozed' },
    { name: 'closed_at', type: 'timestamp', meaning: 'when it was resolved or dismissed' },
    { name: 'close_reason', type: 'text', meaning: 'why it was closed (required to close a risk)' },
    {
      name: 'evidence',
      type: 'json',
      meaning: 'the facts behind it: a list of {key, value, at}',
    },
    { name: 'updated_at', type: 'timestamp', meaning: 'last change of the row' },
  ],
});

export const signalEventsDataset = viewDataset({
  name: 'signal_events',
  description: "Every signal's history (append-only): each status change and note, in order.",
  view: 'bi_signal_events',
  key: ['signal_id', 'seq'],
  columns: [
    portalColumn,
    { name: 'signal_id', type: 'bigint', meaning: 'the signal (signals.signal_id)' },
    { name: 'seq', type: 'bigint', meaning: 'order of the event (increases over time)' },
    { name: 'company_id', type: 'text', meaning: "HubSpot company id of the event's signal" },
    { name: 'signal_type', type: 'text', meaning: "the signal's type" },
    {
      name: 'kind',
      type: 'text',
      meaning:
        'what happened: opened, refired, escalated, acknowledged, action_started, snoozed, recovered, resolved, dismissed…',
    },
    { name: 'at', type: 'timestamp', meaning: 'when it happened' },
    { name: 'actor', type: 'text', meaning: 'who did it: a HubSpot user, or Harbor itself' },
    { name: 'from_status', type: 'text', meaning: 'status before the event' },
    { name: 'to_status', type: 'text', meaning: 'status after the event' },
    { name: 'note', type: 'text', meaning: 'the note given with the event' },
  ],
});
