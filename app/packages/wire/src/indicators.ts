import { z } from 'zod';

import {
  boundedNumber,
  boundedRecord,
  maxCurvePoints,
  maxRawValue,
  maxTableEntries,
  pointsSchema,
  propertyNameSchema,
} from './health-model-limits.ts';
import type { ComponentId } from './health-score.ts';

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

/** An indicator's id as weights name it: a built-in id or `custom:<id>`. */
export const indicatorKeyPattern = new RegExp(
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
