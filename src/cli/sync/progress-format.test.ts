import { describe, expect, it } from 'vitest';

import type { SyncProgress } from '../../sync/sync-types.ts';
import {
  estimateEtaSeconds,
  formatDuration,
  renderProgressLine,
  renderProgressLines,
} from './progress-format.ts';

const startedAt = new Date('2026-11-24T12:00:00Z');
const progress: SyncProgress = {
  portalId: 7,
  runId: 1,
  mode: 'full',
  phase: 'deals',
  types: {
    companies: { done: 3000, estimatedTotal: 3000 },
    deals: { done: 1000, estimatedTotal: 5000 },
    contacts: { done: 250 },
  },
  apiCalls: 1234,
  startedAt,
};
const sixtySecondsIn = startedAt.getTime() + 60_000;

describe('sync progress display', () => {
  it.each([
    [0, '0s'],
    [42.4, '42s'],
    [75, '1m 15s'],
    [3720, '1h 02m'],
  ])('when %s seconds are formatted, then it reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('when the engine gives no ETA, then the pace over the known totals gives one', () => {
    // 4,000 of 8,000 known records in 60 s: 60 s to go.
    expect(estimateEtaSeconds(progress, sixtySecondsIn)).toBe(60);
    expect(estimateEtaSeconds({ ...progress, etaSeconds: 5 }, sixtySecondsIn)).toBe(5);
    expect(
      estimateEtaSeconds({ ...progress, types: { contacts: { done: 9 } } }, sixtySecondsIn),
    ).toBeUndefined();
  });

  it('when drawn on a terminal, then there is a header and a bar per type, unknown totals without a bar', () => {
    expect(renderProgressLines(progress, sixtySecondsIn)).toEqual([
      'portal 7 · full · deals · 1,234 API calls · 1m 00s elapsed · ETA 1m 00s',
      '  companies  [████████████████████████] 3,000 / 3,000  100%',
      '  deals      [█████░░░░░░░░░░░░░░░░░░░] 1,000 / 5,000  20%',
      '  contacts   [························] 250 / ?',
    ]);
  });

  it('when written to a log, then it is one plain line', () => {
    expect(renderProgressLine(progress, sixtySecondsIn)).toBe(
      'portal 7 · full · deals · 1,234 API calls · 1m 00s elapsed · ETA 1m 00s · companies 3000/3000, deals 1000/5000, contacts 250/?',
    );
  });
});
