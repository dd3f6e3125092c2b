import { z } from 'zod';

import { isoTimeWire, type ComponentId } from './health-score.ts';

/**
 * A health model: how raw facts about a company become indicator points (0–100), how indicators group into
 * components, and, per segment, how much each indicator weighs and where the tiers lie. Stored as JSON (one
 * version per change), edited by admins, proposed by calibration. Everything here is plain data.
 *
 * It lives in the wire contract because the settings page validates an edit with the very schema the
 * service's PUT /api/health/model checks (src/health/model/health-model-schema.ts re-exports it).
 */

/** The built-in indicators, each in one component. Custom indicators are `custom:<id>`. */
export const builtInIndicators = {
  seat_utilisation: 'usage',
  login_trend: 'usage',
  feature_breadth: 'usage',
  days_since_last_activity: 'usage',
  open_tickets: 'support',
  urgent_share: 'support',
  time_to_close_vs_sla: 'support',
  escalated_tickets: 'support',
  days_past_due: 'payment',
  invoice_status: 'payment',
  days_since_csm_touch: 'engagement',
  days_since_meeting: 'engagement',
  days_since_reply: 'engagement',
  nps: 'sentiment',
  csat: 'sentiment',
  ces: 'sentiment',
} as const satisfies Record<string, ComponentId>;
export type BuiltInIndicatorId = keyof typeof builtInIndicators;
export const builtInIndicatorIds = Object.keys(builtInIndicators) as BuiltInIndicatorId[];

/**
 * Domain limits. A model comes from the settings page, from calibration or from the stored history, and
 * computeHealth sums and divides whatever it holds for every company, so every number is finite and bounded
 * and every list is short. Messages name what is allowed: the admin reads them beside the field
 * (`segments.SMB.weights.nps: a weight from 0 to 100`).
 */

/**
 * Weights are relative: computeHealth divides each by its segment's total, so only their ratios count, and
 * the default and calibrated weights sum to 100 per segment (calibration rescales to 100). No single weight
 * needs to exceed 100, and 60 weights × 100 points stay far from overflowing a double, which a weight of
 * 1e308 did (Infinity / Infinity made 1,181 of 3,000 scores NaN).
 */
export const maxWeight = 100;
/** Built-in indicators plus custom ones, with room for stale keys of removed custom indicators. */
const maxWeightsPerSegment = 60;
export const maxSegments = 20;
export const maxCustomIndicators = 20;
/** Breakpoints per curve: a curve is drawn point by point in the settings page; 20 bend it anywhere. */
export const maxCurvePoints = 20;
/** Values per points table or segment map (enumeration options, invoice statuses). */
export const maxTableEntries = 100;
/**
 * Curve breakpoints and segment bands compare raw property values: ratios, days, counts, contract values in
 * cents. ±10¹² covers those, and keeps the difference of two breakpoints (a curve's divisor) finite.
 */
export const maxRawValue = 1e12;
/** A property value used as a table key (HubSpot enumeration option values are short). */
const maxValueLength = 200;

/** A finite number within [min, max], whose messages say which range is allowed. */
function boundedNumber(min: number, max: number, what: string) {
  const allowed = `${what} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`;
  return z.number({ error: allowed }).min(min, allowed).max(max, allowed);
}

/** A record of at most `max` entries, each key a string of at most `maxValueLength` characters. */
function boundedRecord<Value extends z.ZodType>(value: Value, max: number, what: string) {
  return z
    .record(z.string().max(maxValueLength), value, {
      error: (issue) =>
        issue.code === 'invalid_key' ? `a value of at most ${maxValueLength} characters` : undefined,
    })
    .refine((record) => Object.keys(record).length <= max, `at most ${max} ${what}`);
}

/** HubSpot internal property names: lowercase letters, digits and underscores, starting with a letter. */
export const propertyNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,99}$/, 'a HubSpot property name (lowercase letters, digits, _)');

const pointsSchema = boundedNumber(0, 100, 'points');

/**
 * A piecewise-linear map from a raw value to points through [value, points] breakpoints, flat beyond the ends.
 * Breakpoints instead of a min/max pair let one curve be steep where the value matters (the first days
 * without a login) and flat where it does not (day 40 vs day 50).
 */
export const curveSchema = z
  .array(z.tuple([boundedNumber(-maxRawValue, maxRawValue, 'a value'), pointsSchema]))
  .min(2, 'a curve needs at least 2 breakpoints')
  .max(maxCurvePoints, `a curve has at most ${maxCurvePoints} breakpoints`)
  .superRefine((points, context) => {
    points.forEach((point, index) => {
      const previous = points[index - 1];
      if (previous !== undefined && !(point[0] > previous[0])) {
        context.addIssue({
          code: 'custom',
          path: [index, 0],
          message: `curve breakpoints must have strictly increasing values (${point[0]} follows ${previous[0]})`,
        });
      }
    });
  });
export type Curve = z.infer<typeof curveSchema>;

const customIdPattern = /^[a-z][a-z0-9_]{0,39}$/;
const indicatorKeyPattern = new RegExp(
  `^(?:${builtInIndicatorIds.join('|')}|custom:${customIdPattern.source.slice(1, -1)})$`,
);

export const customIndicatorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    id: z.string().regex(customIdPattern, 'lowercase letters, digits and _, starting with a letter (≤ 40)'),
    label: z.string().min(1).max(80),
    property: propertyNameSchema,
    curve: curveSchema,
  }),
  z.object({
    kind: z.literal('enumeration'),
    id: z.string().regex(customIdPattern, 'lowercase letters, digits and _, starting with a letter (≤ 40)'),
    label: z.string().min(1).max(80),
    property: propertyNameSchema,
    /** Points per property value; a value not listed counts as missing. */
    points: boundedRecord(pointsSchema, maxTableEntries, 'values'),
  }),
]);
export type CustomIndicator = z.infer<typeof customIndicatorSchema>;

/** Which company properties hold the facts the built-in indicators read (admin-mapped). */
export const propertyMapSchema = z.object({
  seats: propertyNameSchema.nullable(),
  activeUsers: propertyNameSchema.nullable(),
  logins: propertyNameSchema.nullable(),
  loginsPrevious: propertyNameSchema.nullable(),
  featuresUsed: propertyNameSchema.nullable(),
  lastActivity: propertyNameSchema.nullable(),
  daysPastDue: propertyNameSchema.nullable(),
  invoiceStatus: propertyNameSchema.nullable(),
  lastCsmTouch: propertyNameSchema.nullable(),
  lastMeeting: propertyNameSchema.nullable(),
  lastReply: propertyNameSchema.nullable(),
});
export type PropertyMap = z.infer<typeof propertyMapSchema>;

/**
 * Hysteresis bands: a company enters `healthy` at `healthy.enter` and leaves it only below `healthy.exit`;
 * it enters `at_risk` below `atRisk.enter` and leaves it only at `atRisk.exit` or above.
 */
export const tierBandsSchema = z
  .object({
    healthy: z.object({ enter: pointsSchema, exit: pointsSchema }),
    atRisk: z.object({ enter: pointsSchema, exit: pointsSchema }),
  })
  // The order bandTier needs: at-risk enter ≤ at-risk exit ≤ healthy exit ≤ healthy enter. Otherwise a
  // score could be in two tiers at once, or hysteresis would pull a company the wrong way.
  .refine((bands) => bands.healthy.exit <= bands.healthy.enter, {
    message: 'healthy.exit must be ≤ healthy.enter',
    path: ['healthy', 'exit'],
  })
  .refine((bands) => bands.atRisk.exit >= bands.atRisk.enter, {
    message: 'atRisk.exit must be ≥ atRisk.enter',
    path: ['atRisk', 'exit'],
  })
  .refine((bands) => bands.atRisk.exit <= bands.healthy.exit, {
    message: 'atRisk.exit must be ≤ healthy.exit',
    path: ['atRisk', 'exit'],
  });
export type TierBands = z.infer<typeof tierBandsSchema>;

/**
 * Churn probability at the next renewal as sigmoid(intercept + slope · score); slope is negative. The default
 * is about 3 and −0.07, calibration fits similar sizes; the bounds only keep intercept + slope · score a
 * finite number (a slope of −100 per point already makes every score but 0 read as certain).
 */
export const probabilityMapSchema = z.object({
  intercept: boundedNumber(-1000, 1000, 'an intercept'),
  slope: boundedNumber(-100, 0, 'a slope (per score point)'),
});
export type ProbabilityMap = z.infer<typeof probabilityMapSchema>;

export const segmentModelSchema = z.object({
  /**
   * Weight per indicator id (built-in or `custom:<id>`); 0 or absent leaves it out. A component's weight is
   * the sum of its indicators'. At least one must be above 0 (checked with the model, see healthModelSchema).
   */
  weights: z
    .record(z.string().regex(indicatorKeyPattern), boundedNumber(0, maxWeight, 'a weight'), {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `not an indicator: a built-in id (${builtInIndicatorIds.join(', ')}) or custom:<id>`
          : undefined,
    })
    .refine(
      (weights) => Object.keys(weights).length <= maxWeightsPerSegment,
      `at most ${maxWeightsPerSegment} weights`,
    ),
  tiers: tierBandsSchema,
  probability: probabilityMapSchema,
});
export type SegmentModel = z.infer<typeof segmentModelSchema>;

const segmentName = z.string().min(1, 'a segment name').max(60, 'a segment name of at most 60 characters');

export const segmentationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bands'),
    property: propertyNameSchema,
    /** Ascending upper bounds: a value below `below` is in `segment`; above the last, `top`. */
    bands: z
      .array(z.object({ below: boundedNumber(-maxRawValue, maxRawValue, 'a bound'), segment: segmentName }))
      .min(1, 'at least one band')
      .max(maxSegments, `at most ${maxSegments} bands`)
      .superRefine((bands, context) => {
        // resolveSegment takes the first band whose bound is above the value: out of order, later bands
        // would never be reached.
        bands.forEach((band, index) => {
          const previous = bands[index - 1];
          if (previous !== undefined && !(band.below > previous.below)) {
            context.addIssue({
              code: 'custom',
              path: [index, 'below'],
              message: `band bounds must increase (${band.below} follows ${previous.below})`,
            });
          }
        });
      }),
    top: segmentName,
  }),
  z.object({
    kind: z.literal('values'),
    property: propertyNameSchema,
    /** Property value → segment; a value not listed falls back to the default segment. */
    values: boundedRecord(segmentName, maxTableEntries, 'values'),
  }),
]);
export type Segmentation = z.infer<typeof segmentationSchema>;

export const healthModelSchema = z
  .object({
    segmentation: segmentationSchema,
    /** The segment used when a company's cannot be told (property blank) or has no model of its own. */
    defaultSegment: segmentName,
    segments: z
      .record(segmentName, segmentModelSchema, {
        error: (issue) => (issue.code === 'invalid_key' ? 'a segment name of 1 to 60 characters' : undefined),
      })
      .refine((segments) => Object.keys(segments).length <= maxSegments, `at most ${maxSegments} segments`),
    properties: propertyMapSchema,
    curves: z.partialRecord(
      z.enum(builtInIndicatorIds as [BuiltInIndicatorId, ...BuiltInIndicatorId[]]),
      curveSchema,
    ),
    customIndicators: z
      .array(customIndicatorSchema)
      .max(maxCustomIndicators, `at most ${maxCustomIndicators} custom indicators`),
    support: z.object({
      /** Tickets created within this many days count towards urgent share, time to close and escalations. */
      lookbackDays: z.number().int().min(7).max(730),
      /** Hours to close each priority promises (the SLA setting); priorities not listed use `default`. */
      // A tenth of an hour to a year: a smaller SLA would make every ticket's ratio to it astronomically large.
      slaHours: boundedRecord(boundedNumber(0.1, 8760, 'hours'), 20, 'priorities'),
      urgentPriorities: z
        .array(z.string().min(1).max(100, 'a priority of at most 100 characters'))
        .min(1, 'at least one urgent priority')
        .max(20, 'at most 20 urgent priorities'),
      /** A ticket property that reads true when support escalated the ticket; null when the team has none. */
      escalationProperty: propertyNameSchema.nullable(),
    }),
    payment: z.object({
      /** Points per value of the mapped invoice-status property; a value not listed counts as missing. */
      invoiceStatusPoints: boundedRecord(pointsSchema, maxTableEntries, 'values'),
    }),
    sentiment: z.object({
      /** An answer this many days old counts half as much as one from today. */
      halfLifeDays: boundedNumber(1, 3650, 'a half-life in days'),
      /** Answers older than this are ignored. */
      maxAgeDays: z.number().int().positive().max(3650),
      /** Below this many answers an indicator is kept but counts as only partly known in the confidence. */
      fullConfidenceResponses: z.number().int().min(1).max(100),
    }),
    /** How past outcomes are recognised, for the backtest and calibration. */
    outcomes: z.object({
      /** A company property whose listed values mean the customer churned. */
      churnFlag: z
        .object({
          property: propertyNameSchema,
          values: z
            .array(z.string().max(maxValueLength, `a value of at most ${maxValueLength} characters`))
            .min(1, 'at least one value')
            .max(20, 'at most 20 values'),
        })
        .nullable(),
      /** A company date property holding when the customer churned. */
      churnDateProperty: propertyNameSchema.nullable(),
      /** Deals in pipelines whose label contains this text (any case) are renewals: won renewed, lost churned. */
      renewalPipelineLabel: z.string().min(1).max(60),
      /** Companies are scored as they were this many days before their outcome. */
      leadDays: z.number().int().min(30).max(180),
    }),
    /** A tier must have been held this long before it may change (the band edges do the rest). */
    minDwellDays: z.number().min(0).max(90),
  })
  .refine((model) => model.segments[model.defaultSegment] !== undefined, {
    message: 'defaultSegment must name one of the segments',
    path: ['defaultSegment'],
  })
  .superRefine((model, context) => {
    // A segment whose weights are all 0 (or only on indicators the model cannot read) scores nobody: every
    // company in it would get a null score.
    const scorable = scorableIndicators(model);
    for (const [name, segment] of Object.entries(model.segments)) {
      const weighed = Object.entries(segment.weights).some(([id, weight]) => weight > 0 && scorable.has(id));
      if (!weighed) {
        context.addIssue({
          code: 'custom',
          path: ['segments', name, 'weights'],
          message:
            'at least one indicator the model reads (a built-in one with a curve, invoice_status or a custom one) needs a weight above 0',
        });
      }
    }
  });
export type HealthModel = z.infer<typeof healthModelSchema>;

/** Indicator ids that can ever have points under this model. */
function scorableIndicators(model: {
  curves: Partial<Record<BuiltInIndicatorId, unknown>>;
  customIndicators: readonly { id: string }[];
}): Set<string> {
  return new Set<string>([
    ...builtInIndicatorIds.filter((id) => id === 'invoice_status' || model.curves[id] !== undefined),
    ...model.customIndicators.map((indicator) => `custom:${indicator.id}`),
  ]);
}

/** What GET /api/health/model answers: the model and which version it is. */
export const healthModelWire = z.strictObject({
  version: z.number().int(),
  model: healthModelSchema,
  source: z.enum(['default', 'admin', 'calibration']),
  createdBy: z.string(),
  createdAt: isoTimeWire,
});
export type HealthModelWire = z.infer<typeof healthModelWire>;

/** One segment's (or all companies') backtest figures; null where the data cannot tell. */
export const segmentCardWire = z.strictObject({
  segment: z.string(),
  accounts: z.number().int(),
  churned: z.number().int(),
  unscored: z.number().int(),
  auc: z.number().nullable(),
  topDecileLift: z.number().nullable(),
  brier: z.number().nullable(),
  falseGreenRate: z.number().nullable(),
});
export type SegmentCardWire = z.infer<typeof segmentCardWire>;

export const reportCardWire = z.strictObject({
  overall: segmentCardWire,
  segments: z.array(segmentCardWire),
});
export type ReportCardWire = z.infer<typeof reportCardWire>;

/** What POST /api/health/calibrations answers (and what a proposal stores as its report). */
export const calibrationReportWire = z.strictObject({
  proposalId: z.number().int().nullable(),
  baseModelVersion: z.number().int(),
  leadDays: z.number(),
  outcomes: z.number().int(),
  cases: z.number().int(),
  trainCases: z.number().int(),
  heldOutCases: z.number().int(),
  l2: z.number(),
  segments: z.array(
    z.strictObject({
      segment: z.string(),
      rows: z.number().int(),
      churned: z.number().int(),
      pooled: z.boolean(),
    }),
  ),
  current: reportCardWire,
  proposed: reportCardWire,
  weights: z.record(z.string(), z.record(z.string(), z.number())),
  recommendation: z.strictObject({ apply: z.boolean(), reason: z.string() }),
});
export type CalibrationReportWire = z.infer<typeof calibrationReportWire>;

/** What POST /api/health/proposals/:id/:decision answers. */
export const proposalDecisionWire = z.union([
  z.strictObject({
    portalId: z.number(),
    proposalId: z.number(),
    version: z.number().int(),
    rescoring: z.literal(true),
  }),
  z.strictObject({ portalId: z.number(), proposalId: z.number(), status: z.literal('dismissed') }),
]);

/** What PUT /api/health/model answers. */
export const modelSavedWire = z.strictObject({ portalId: z.number(), version: z.number().int() });

/** What POST /api/health/rescore answers. */
export const rescoreStartedWire = z.strictObject({ portalId: z.number(), status: z.literal('started') });
