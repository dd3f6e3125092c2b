import type { RetentionStrategyWire, StrategySegmentWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { renderStrategy } from './render-strategy.ts';

const segment: StrategySegmentWire = {
  segment: 'SMB, small',
  customersStart: 1_200,
  startingRevenue: 3_456_789,
  metrics: [
    {
      metric: 'logoChurn',
      higherIsBetter: false,
      target: 0.03,
      targetFrom: 'all',
      now: 0.045,
      answers: null,
      status: 'missed',
      trend: 'worse',
      history: [],
    },
  ],
  triggers: [
    {
      trigger: 'detractor',
      action: { kind: 'start_playbook', playbook: 'detractor_follow_up' },
      playbook: { playbook: 'detractor_follow_up', enabled: false, steps: [{ title: 'Call', dueInDays: 2 }] },
      thresholds: { trigger: 'detractor', maxNps: 6, withinDays: 90 },
    },
    {
      trigger: 'critical_ticket',
      action: { kind: 'create_task' },
      playbook: null,
      thresholds: { trigger: 'critical_ticket', slaMultiple: 1.5, escalated: false, minOpenTickets: 2 },
    },
  ],
  triggersOff: [{ trigger: 'renewal_window', reason: 'no_renewal_date' }],
};

const strategy: RetentionStrategyWire = {
  portalId: 5,
  period: 'month',
  lastComplete: { periodStart: '2026-11-01', periodEnd: '2026-11-30' },
  segments: [segment],
};

describe('the strategy as the CLI prints it', () => {
  it('when a playbook is off and a trigger cannot act, then the Markdown says so in words a lead can paste', () => {
    const { md } = renderStrategy(strategy);
    expect(md).toContain('"Now" is the last complete month, 2026-11 (2026-11-01 to 2026-11-30).');
    expect(md).toContain('1,200 customers and 3,456,789 of recurring revenue (ARR) at the start of 2026-11.');
    expect(md).toContain(
      'Needs attention: Logo churn missed its target (4.5% against at most 3.0% (whole book)) and is getting worse.',
    );
    expect(md).toContain('| Logo churn | at most 3.0% (whole book) | 4.5% | missed | worse |');
    expect(md).toContain(
      '- **Detractor answer**: when a contact answers NPS 6 or lower (answers of the last 90 days), Harbor would start the Detractor follow-up playbook, but it is off in this segment, so only the signal opens.',
    );
    // A playbook that is off lists no steps.
    expect(md).not.toContain('1. Call');
    expect(md).toContain(
      '- **Critical ticket**: when 2 or more open urgent tickets are past 1.5× their SLA, Harbor creates one HubSpot task for the signal’s owner.',
    );
    expect(md).toContain(
      '- Renewal window: no renewal-date property is set, so the rule has nothing to read.',
    );
  });

  it('when a segment name or a sentence holds a comma, then the CSV quotes it', () => {
    const lines = renderStrategy(strategy).csv.trimEnd().split('\n');
    expect(lines[0]).toBe('segment,kind,item,target,now,status,trend,detail');
    expect(lines[1]).toBe('"SMB, small",metric,logoChurn,0.03,0.045,missed,worse,whole-book target');
    expect(lines[3]).toMatch(/^"SMB, small",trigger,critical_ticket,,,on,,"when 2 or more/);
    expect(lines[4]).toBe(
      '"SMB, small",trigger_off,renewal_window,,,off,,"no renewal-date property is set, so the rule has nothing to read"',
    );
  });

  it('when no period is complete, then the table says there is nothing to hold against the targets', () => {
    const { table, json } = renderStrategy({ ...strategy, lastComplete: null });
    expect(table.split('\n')[0]).toBe(
      'No month is complete yet, so there are no figures to hold against the targets.',
    );
    expect(json).toMatchObject({ lastComplete: null });
  });
});
