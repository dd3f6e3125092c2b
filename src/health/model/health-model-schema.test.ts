import { describe, expect, it } from 'vitest';

import { defaultHealthModel } from './default-health-model.ts';
import {
  builtInIndicatorIds,
  customIndicatorSchema,
  healthModelSchema,
  type CustomIndicator,
  type HealthModel,
} from './health-model-schema.ts';
import { historyProperties, modelProperties } from './model-properties.pure.ts';

/** The default model with one change, as a plain object the schema has not yet seen. */
function variant(change: (model: HealthModel) => void): unknown {
  const model = structuredClone(defaultHealthModel);
  change(model);
  return model;
}

/** The paths of every issue the schema raises for `value` (empty when it passes). */
function issuePaths(value: unknown): string[] {
  const parsed = healthModelSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

const segmentNames = Object.keys(defaultHealthModel.segments);

describe('the default health model', () => {
  it('when parsed by the schema, then it passes unchanged', () => {
    expect(healthModelSchema.parse(defaultHealthModel)).toEqual(defaultHealthModel);
  });

  it.each(builtInIndicatorIds.filter((id) => id !== 'invoice_status'))(
    'when %s is read, then it has a curve',
    (id) => {
      expect(defaultHealthModel.curves[id]?.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('when invoice_status is read, then it uses a points table rather than a curve', () => {
    expect(defaultHealthModel.curves.invoice_status).toBeUndefined();
    expect(defaultHealthModel.payment.invoiceStatusPoints).toEqual({ paid: 100, open: 85, overdue: 0 });
  });

  it.each(segmentNames)('when scoring segment %s, then every built-in indicator has a weight', (name) => {
    const weights = defaultHealthModel.segments[name]?.weights ?? {};
    for (const id of builtInIndicatorIds) expect(weights[id], id).toBeGreaterThan(0);
  });

  it.each(segmentNames)('when scoring segment %s, then the weights sum to 100', (name) => {
    const weights = Object.values(defaultHealthModel.segments[name]?.weights ?? {});
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100);
  });

  it('when the default segment is looked up, then it is one of the segments', () => {
    expect(segmentNames).toContain(defaultHealthModel.defaultSegment);
  });
});

describe('healthModelSchema rejects a broken model', () => {
  it.each<[string, (model: HealthModel) => void, string]>([
    [
      'a curve whose values do not increase',
      (model) => {
        model.curves.seat_utilisation = [
          [0.5, 0],
          [0.5, 50],
          [0.9, 100],
        ];
      },
      'curves.seat_utilisation',
    ],
    [
      'a curve whose values decrease',
      (model) => {
        model.curves.open_tickets = [
          [4, 0],
          [1, 100],
        ];
      },
      'curves.open_tickets',
    ],
    [
      'a curve with a single breakpoint',
      (model) => {
        model.curves.nps = [[5, 50]];
      },
      'curves.nps',
    ],
    [
      'curve points above 100',
      (model) => {
        model.curves.nps = [
          [0, 0],
          [10, 120],
        ];
      },
      'curves.nps.1.1',
    ],
    [
      'curve points below 0',
      (model) => {
        model.curves.csat = [
          [0, -5],
          [2, 100],
        ];
      },
      'curves.csat.0.1',
    ],
    [
      'invoice-status points above 100',
      (model) => {
        model.payment.invoiceStatusPoints = { paid: 101 };
      },
      'payment.invoiceStatusPoints.paid',
    ],
    [
      'a default segment that is not among the segments',
      (model) => {
        model.defaultSegment = 'STARTUP';
      },
      'defaultSegment',
    ],
    [
      'a healthy exit above its enter',
      (model) => {
        model.segments.SMB = { ...model.segments.SMB!, tiers: { ...model.segments.SMB!.tiers } };
        model.segments.SMB.tiers.healthy = { enter: 70, exit: 75 };
      },
      'segments.SMB.tiers',
    ],
    [
      'an at-risk exit below its enter',
      (model) => {
        model.segments.ENTERPRISE = {
          ...model.segments.ENTERPRISE!,
          tiers: { ...model.segments.ENTERPRISE!.tiers, atRisk: { enter: 45, exit: 40 } },
        };
      },
      'segments.ENTERPRISE.tiers',
    ],
    [
      'an at-risk exit above the healthy exit',
      (model) => {
        model.segments.SMB = {
          ...model.segments.SMB!,
          tiers: { healthy: { enter: 70, exit: 65 }, atRisk: { enter: 60, exit: 68 } },
        };
      },
      'segments.SMB.tiers',
    ],
    [
      'a negative weight',
      (model) => {
        model.segments.MID_MARKET!.weights.nps = -1;
      },
      'segments.MID_MARKET.weights.nps',
    ],
    [
      'a positive churn-probability slope',
      (model) => {
        model.segments.SMB!.probability = { intercept: 0, slope: 0.1 };
      },
      'segments.SMB.probability.slope',
    ],
    [
      'a mapped property name with capitals and spaces',
      (model) => {
        model.properties.seats = 'Seats Purchased';
      },
      'properties.seats',
    ],
    [
      'a mapped property name starting with a digit',
      (model) => {
        model.properties.daysPastDue = '30_days_past_due';
      },
      'properties.daysPastDue',
    ],
    [
      'a segmentation property with a hyphen',
      (model) => {
        model.segmentation.property = 'contract-value';
      },
      'segmentation.property',
    ],
    [
      'a curve for an indicator that does not exist',
      (model) => {
        (model.curves as Record<string, unknown>).mood = [
          [0, 0],
          [1, 100],
        ];
      },
      'curves',
    ],
  ])('when the model has %s, then it is rejected at that field', (_, change, path) => {
    const paths = issuePaths(variant(change));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((issuePath) => issuePath === path || issuePath.startsWith(`${path}.`))).toBe(true);
  });
});

/** Each issue as "path: message", the way the settings page shows it. */
function issues(value: unknown): string[] {
  const parsed = healthModelSchema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const curve = (length: number): [number, number][] =>
  Array.from({ length }, (_, index): [number, number] => [index, 50]);

describe('healthModelSchema keeps every number finite and every list short', () => {
  it.each<[string, (model: HealthModel) => void, string]>([
    [
      'a weight of 1e308 (which made scores NaN)',
      (model) => {
        model.segments.MID_MARKET!.weights.nps = 1e308;
      },
      'segments.MID_MARKET.weights.nps: a weight from 0 to 100',
    ],
    [
      'every weight of a segment at 0',
      (model) => {
        const weights = model.segments.SMB!.weights;
        for (const id of Object.keys(weights)) weights[id] = 0;
      },
      'segments.SMB.weights: at least one indicator the model reads',
    ],
    [
      'weight only on a custom indicator the model does not define',
      (model) => {
        model.segments.SMB!.weights = { 'custom:gone': 10 };
      },
      'segments.SMB.weights: at least one indicator the model reads',
    ],
    [
      'a weight for an indicator id that does not exist',
      (model) => {
        model.segments.SMB!.weights.mood = 5;
      },
      'segments.SMB.weights.mood',
    ],
    [
      '21 segments',
      (model) => {
        for (let index = 0; index < 18; index += 1) model.segments[`S${index}`] = model.segments.SMB!;
      },
      'segments: at most 20 segments',
    ],
    [
      '21 custom indicators',
      (model) => {
        model.customIndicators = Array.from({ length: 21 }, (_, index) => ({
          kind: 'enumeration' as const,
          id: `c${index}`,
          label: 'C',
          property: 'plan',
          points: { gold: 100 },
        }));
      },
      'customIndicators: at most 20 custom indicators',
    ],
    [
      'a curve of 21 breakpoints',
      (model) => {
        model.curves.nps = curve(21);
      },
      'curves.nps: a curve has at most 20 breakpoints',
    ],
    [
      'a curve breakpoint at 1e13',
      (model) => {
        model.curves.feature_breadth = [
          [0, 0],
          [1e13, 100],
        ];
      },
      'curves.feature_breadth.1.0: a value from -1,000,000,000,000 to 1,000,000,000,000',
    ],
    [
      'curve values that repeat',
      (model) => {
        model.curves.nps = [
          [0, 0],
          [5, 50],
          [5, 60],
        ];
      },
      'curves.nps.2.0: curve breakpoints must have strictly increasing values (5 follows 5)',
    ],
    [
      'segment bands out of order',
      (model) => {
        model.segmentation = {
          kind: 'bands',
          property: 'contract_value',
          bands: [
            { below: 100_000, segment: 'MID_MARKET' },
            { below: 15_000, segment: 'SMB' },
          ],
          top: 'ENTERPRISE',
        };
      },
      'segmentation.bands.1.below: band bounds must increase (15000 follows 100000)',
    ],
    [
      'a tier line above 100',
      (model) => {
        model.segments.SMB = {
          ...model.segments.SMB!,
          tiers: { healthy: { enter: 101, exit: 65 }, atRisk: { enter: 45, exit: 50 } },
        };
      },
      'segments.SMB.tiers.healthy.enter: points from 0 to 100',
    ],
    [
      'a healthy exit above its enter',
      (model) => {
        model.segments.SMB = {
          ...model.segments.SMB!,
          tiers: { healthy: { enter: 70, exit: 75 }, atRisk: { enter: 45, exit: 50 } },
        };
      },
      'segments.SMB.tiers.healthy.exit: healthy.exit must be ≤ healthy.enter',
    ],
    [
      'a churn intercept of a million',
      (model) => {
        model.segments.SMB!.probability = { intercept: 1e6, slope: -0.1 };
      },
      'segments.SMB.probability.intercept: an intercept from -1,000 to 1,000',
    ],
    [
      'an SLA of half a minute',
      (model) => {
        model.support.slaHours = { ...model.support.slaHours, URGENT: 0.01 };
      },
      'support.slaHours.URGENT: hours from 0.1 to 8,760',
    ],
    [
      'a half-life under a day',
      (model) => {
        model.sentiment.halfLifeDays = 0.001;
      },
      'sentiment.halfLifeDays: a half-life in days from 1 to 3,650',
    ],
    [
      'an invoice-status table of 101 values',
      (model) => {
        model.payment.invoiceStatusPoints = Object.fromEntries(
          Array.from({ length: 101 }, (_, index) => [`s${index}`, 50]),
        );
      },
      'payment.invoiceStatusPoints: at most 100 values',
    ],
    [
      'a 300-character urgent priority',
      (model) => {
        model.support.urgentPriorities = ['U'.repeat(300)];
      },
      'support.urgentPriorities.0: a priority of at most 100 characters',
    ],
  ])('when the model has %s, then the message names the field and what is allowed', (_, change, expected) => {
    expect(issues(variant(change)).some((issue) => issue.startsWith(expected))).toBe(true);
  });

  it('when a weight is 100 and the rest 0, then the model is valid', () => {
    const model = variant((m) => {
      m.segments.SMB!.weights = { seat_utilisation: 100, nps: 0 };
    });
    expect(issues(model)).toEqual([]);
  });

  it('when a segment weighs only a custom indicator the model defines, then the model is valid', () => {
    const model = variant((m) => {
      m.customIndicators = [
        { kind: 'enumeration', id: 'plan', label: 'Plan', property: 'plan_tier', points: { gold: 100 } },
      ];
      m.segments.SMB!.weights = { 'custom:plan': 1 };
    });
    expect(issues(model)).toEqual([]);
  });
});

describe('custom indicators', () => {
  const numeric: CustomIndicator = {
    kind: 'numeric',
    id: 'api_calls',
    label: 'API calls (30 days)',
    property: 'api_calls_30d',
    curve: [
      [0, 0],
      [1000, 60],
      [10_000, 100],
    ],
  };
  const enumeration: CustomIndicator = {
    kind: 'enumeration',
    id: 'onboarding',
    label: 'Onboarding status',
    property: 'onboarding_status',
    points: { done: 100, in_progress: 50, stalled: 0 },
  };

  it.each([
    ['numeric', numeric],
    ['enumeration', enumeration],
  ])('when a valid %s indicator is added, then the model validates', (_, indicator) => {
    const model = variant((m) => {
      m.customIndicators = [indicator];
      m.segments.MID_MARKET!.weights[`custom:${indicator.id}`] = 5;
    });
    expect(issuePaths(model)).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an id with capitals', { ...numeric, id: 'ApiCalls' }],
    ['an empty label', { ...numeric, label: '' }],
    ['a bad property name', { ...numeric, property: 'API Calls' }],
    [
      'a curve that goes backwards',
      {
        ...numeric,
        curve: [
          [10, 0],
          [5, 100],
        ],
      },
    ],
    ['enumeration points above 100', { ...enumeration, points: { done: 150 } }],
    ['an unknown kind', { ...numeric, kind: 'boolean' }],
  ])('when a custom indicator has %s, then it is rejected', (_, indicator) => {
    expect(customIndicatorSchema.safeParse(indicator).success).toBe(false);
  });
});

describe('modelProperties: what the sync fetches for the model', () => {
  it('when the default model is used, then companies list every mapped, segmentation and outcome property', () => {
    expect(modelProperties(defaultHealthModel)).toEqual({
      companies: [
        'active_users_30d',
        'churn_date',
        'contract_value',
        'customer_status',
        'days_past_due',
        'features_used',
        'hs_last_booked_meeting_date',
        'hs_last_sales_activity_timestamp',
        'invoice_status',
        'last_login_date',
        'logins_30d',
        'logins_prev_30d',
        'notes_last_contacted',
        'seats_purchased',
      ],
      tickets: ['escalated'],
    });
  });

  it('when an admin adds a custom indicator, then its property is fetched too', () => {
    const model = healthModelSchema.parse(
      variant((m) => {
        m.customIndicators = [
          { kind: 'enumeration', id: 'plan', label: 'Plan', property: 'plan_tier', points: { gold: 100 } },
        ];
      }),
    );
    expect(modelProperties(model).companies).toContain('plan_tier');
  });

  it('when a mapping, the outcome properties and the escalation property are unset, then they are not fetched', () => {
    const model = healthModelSchema.parse(
      variant((m) => {
        m.properties.lastReply = null;
        m.outcomes.churnFlag = null;
        m.outcomes.churnDateProperty = null;
        m.support.escalationProperty = null;
      }),
    );
    const { companies, tickets } = modelProperties(model);
    expect(companies).not.toContain('hs_last_sales_activity_timestamp');
    expect(companies).not.toContain('customer_status');
    expect(companies).not.toContain('churn_date');
    expect(tickets).toEqual([]);
  });

  it('when a custom escalation property is set, then tickets fetch it', () => {
    const model = healthModelSchema.parse(
      variant((m) => {
        m.support.escalationProperty = 'needs_escalation';
      }),
    );
    expect(modelProperties(model).tickets).toEqual(['needs_escalation']);
  });

  it('when two settings name the same property, then it is listed once', () => {
    const model = healthModelSchema.parse(
      variant((m) => {
        m.outcomes.churnDateProperty = 'last_login_date';
      }),
    );
    const { companies } = modelProperties(model);
    expect(companies.filter((name) => name === 'last_login_date')).toHaveLength(1);
  });
});

describe('historyProperties: what the backtest rebuilds as of a past date', () => {
  it('when the default model is used, then it lists the properties the score reads and no outcome ones', () => {
    expect(historyProperties(defaultHealthModel)).toEqual([
      'active_users_30d',
      'contract_value',
      'days_past_due',
      'features_used',
      'hs_last_booked_meeting_date',
      'hs_last_sales_activity_timestamp',
      'invoice_status',
      'last_login_date',
      'logins_30d',
      'logins_prev_30d',
      'notes_last_contacted',
      'seats_purchased',
    ]);
  });

  it('when a custom indicator is added and a mapping cleared, then the list follows', () => {
    const model = healthModelSchema.parse(
      variant((m) => {
        m.properties.invoiceStatus = null;
        m.customIndicators = [
          {
            kind: 'numeric',
            id: 'api_calls',
            label: 'API calls',
            property: 'api_calls_30d',
            curve: [
              [0, 0],
              [100, 100],
            ],
          },
        ];
      }),
    );
    const names = historyProperties(model);
    expect(names).toContain('api_calls_30d');
    expect(names).not.toContain('invoice_status');
  });
});
