import { z } from 'zod';

import {
  boundedNumber,
  boundedRecord,
  maxRawValue,
  maxSegments,
  maxTableEntries,
  propertyNameSchema,
} from './health-model-limits.ts';

export const segmentNameSchema = z
  .string()
  .min(1, 'a segment name')
  .max(60, 'a segment name of at most 60 characters');

/** How a company's segment is told from one of its properties: by numeric bands or by listed values. */
export const segmentationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bands'),
    property: propertyNameSchema,
    /** Ascending upper bounds: a value below `below` is in `segment`; above the last, `top`. */
    bands: z
      .array(
        z.object({ below: boundedNumber(-maxRawValue, maxRawValue, 'a bound'), segment: segmentNameSchema }),
      )
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
    top: segmentNameSchema,
  }),
  z.object({
    kind: z.literal('values'),
    property: propertyNameSchema,
    /** Property value → segment; a value not listed falls back to the default segment. */
    values: boundedRecord(segmentNameSchema, maxTableEntries, 'values'),
  }),
]);
export type Segmentation = z.infer<typeof segmentationSchema>;
