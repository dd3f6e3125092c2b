import { z } from 'zod';

import {
  boundedNumber,
  boundedRecord,
  maxCustomIndicators,
  maxSegments,
  maxTableEntries,
  maxValueLength,
  pointsSchema,
  propertyNameSchema,
} from './health-model-limits.ts';
import {
  builtInIndicatorIds,
  curveSchema,
  customIndicatorSchema,
  propertyMapSchema,
  type BuiltInIndicatorId,
} from './indicators.ts';
import { segmentModelSchema } from './segment-model.ts';
import { segmentationSchema, segmentNameSchema } from './segmentation.ts';

/**
 * A health model: how raw facts about a company become indicator points (0–100), how indicators group into
 * components, and, per segment, how much each indicator weighs and where the tiers lie. Stored as JSON (one
 * version per change), edited by admins, proposed by calibration. Everything here is plain data; its parts
 * live beside it (health-model-limits, indicators, segmentation, segment-model), and the API answers that
 * carry it in health-model-wire.ts.
 *
 * It lives in the wire contract because the settings page validates an edit with the very schema the
 * service's PUT /api/health/model checks (src/health/model/health-model-schema.ts re-exports it).
 */

export const healthModelSchema = z
  .object({
    segmentation: segmentationSchema,
    /** The segment used when a company's cannot be told (property blank) or has no model of its own. */
    defaultSegment: segmentNameSchema,
    segments: z
      .record(segmentNameSchema, segmentModelSchema, {
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
