import { z } from 'zod';

/**
 * A health model: how raw facts about a company become indicator points (0–100), how indicators group into
 * components, and, per segment, how much each indicator weighs and where the tiers lie. Stored as JSON (one
 * version per change), edited by admins, proposed by calibration. Everything here is plain data.
 */

export const componentIds = ['usage', 'support', 'payment', 'engagement', 'sentiment', 'custom'] as const;
export type ComponentId = (typeof componentIds)[number];

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

/** HubSpot internal property names: lowercase letters, digits and underscores, starting with a letter. */
export const propertyNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,99}$/, 'a HubSpot property name (lowercase letters, digits, _)');

const pointsSchema = z.number().min(0).max(100);

/**
 * A piecewise-linear map from a raw value to points through [value, points] breakpoints, flat beyond the ends.
 * Breakpoints instead of a min/max pair let one curve be steep where the value matters (the first days
 * without a login) and flat where it does not (day 40 vs day 50).
 */
export const curveSchema = z
  .array(z.tuple([z.number(), pointsSchema]))
  .min(2)
  .refine(
    (points) => points.every((point, index) => index === 0 || point[0] > (points[index - 1]?.[0] ?? 0)),
    'curve breakpoints must have strictly increasing values',
  );
export type Curve = z.infer<typeof curveSchema>;

export const customIndicatorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    label: z.string().min(1).max(80),
    property: propertyNameSchema,
    curve: curveSchema,
  }),
  z.object({
    kind: z.literal('enumeration'),
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    label: z.string().min(1).max(80),
    property: propertyNameSchema,
    /** Points per property value; a value not listed counts as missing. */
    points: z.record(z.string(), pointsSchema),
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

export const tierIds = ['healthy', 'watch', 'at_risk'] as const;
export type Tier = (typeof tierIds)[number];

/**
 * Hysteresis bands: a company enters `healthy` at `healthy.enter` and leaves it only below `healthy.exit`;
 * it enters `at_risk` below `atRisk.enter` and leaves it only at `atRisk.exit` or above.
 */
export const tierBandsSchema = z
  .object({
    healthy: z.object({ enter: pointsSchema, exit: pointsSchema }),
    atRisk: z.object({ enter: pointsSchema, exit: pointsSchema }),
  })
  .refine((bands) => bands.healthy.exit <= bands.healthy.enter, 'healthy.exit must be ≤ healthy.enter')
  .refine((bands) => bands.atRisk.exit >= bands.atRisk.enter, 'atRisk.exit must be ≥ atRisk.enter')
  .refine((bands) => bands.atRisk.exit <= bands.healthy.exit, 'atRisk.exit must be ≤ healthy.exit');
export type TierBands = z.infer<typeof tierBandsSchema>;

/** Churn probability at the next renewal as sigmoid(intercept + slope · score); slope is negative. */
export const probabilityMapSchema = z.object({ intercept: z.number(), slope: z.number().max(0) });
export type ProbabilityMap = z.infer<typeof probabilityMapSchema>;

export const segmentModelSchema = z.object({
  /** Weight per indicator id (built-in or `custom:<id>`); 0 or absent leaves it out. A component's weight is the sum of its indicators'. */
  weights: z.record(z.string(), z.number().min(0)),
  tiers: tierBandsSchema,
  probability: probabilityMapSchema,
});
export type SegmentModel = z.infer<typeof segmentModelSchema>;

export const segmentationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bands'),
    property: propertyNameSchema,
    /** Ascending upper bounds: a value below `below` is in `segment`; above the last, `top`. */
    bands: z.array(z.object({ below: z.number(), segment: z.string().min(1).max(60) })).min(1),
    top: z.string().min(1).max(60),
  }),
  z.object({
    kind: z.literal('values'),
    property: propertyNameSchema,
    /** Property value → segment; a value not listed falls back to the default segment. */
    values: z.record(z.string(), z.string().min(1).max(60)),
  }),
]);
export type Segmentation = z.infer<typeof segmentationSchema>;

export const healthModelSchema = z
  .object({
    segmentation: segmentationSchema,
    /** The segment used when a company's cannot be told (property blank) or has no model of its own. */
    defaultSegment: z.string().min(1).max(60),
    segments: z.record(z.string().min(1).max(60), segmentModelSchema),
    properties: propertyMapSchema,
    curves: z.partialRecord(
      z.enum(builtInIndicatorIds as [BuiltInIndicatorId, ...BuiltInIndicatorId[]]),
      curveSchema,
    ),
    customIndicators: z.array(customIndicatorSchema).max(20),
    support: z.object({
      /** Tickets created within this many days count towards urgent share, time to close and escalations. */
      lookbackDays: z.number().int().min(7).max(730),
      /** Hours to close each priority promises (the SLA setting); priorities not listed use `default`. */
      slaHours: z.record(z.string(), z.number().positive()),
      urgentPriorities: z.array(z.string()).min(1),
      /** A ticket property that reads true when support escalated the ticket; null when the team has none. */
      escalationProperty: propertyNameSchema.nullable(),
    }),
    payment: z.object({
      /** Points per value of the mapped invoice-status property; a value not listed counts as missing. */
      invoiceStatusPoints: z.record(z.string(), pointsSchema),
    }),
    sentiment: z.object({
      /** An answer this many days old counts half as much as one from today. */
      halfLifeDays: z.number().positive().max(3650),
      /** Answers older than this are ignored. */
      maxAgeDays: z.number().int().positive().max(3650),
      /** Below this many answers an indicator is kept but counts as only partly known in the confidence. */
      fullConfidenceResponses: z.number().int().min(1).max(100),
    }),
    /** How past outcomes are recognised, for the backtest and calibration. */
    outcomes: z.object({
      /** A company property whose listed values mean the customer churned. */
      churnFlag: z.object({ property: propertyNameSchema, values: z.array(z.string()).min(1) }).nullable(),
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
  });
export type HealthModel = z.infer<typeof healthModelSchema>;
