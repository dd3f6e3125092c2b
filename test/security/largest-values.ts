import { defaultHealthModel } from '../../src/health/model/default-health-model.ts';
import {
  builtInIndicatorIds,
  healthModelSchema,
  maxCurvePoints,
  maxCustomIndicators,
  maxSegments,
  maxTableEntries,
  type HealthModel,
} from '../../src/health/model/health-model-schema.ts';

/**
 * The largest values the domain limits allow, for proving that no answer can outgrow hubspot.fetch's 1 MB:
 * every list at its maximum length, every name and key at its maximum size.
 */

const text = (length: number, seed: string): string =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
/** Property values as keys: the longest the schema admits (its error says the limit). */
const maxKeyLength = 200;

function curve(points: number): [number, number][] {
  return Array.from({ length: points }, (_unused, index) => [
    index * 1_000_003.125 - 1e11,
    (index * 37) % 101,
  ]);
}

export function largestHealthModel(): HealthModel {
  const segmentNames = Array.from({ length: maxSegments }, (_unused, index) =>
    text(60, `Segment ${String(index).padStart(2, '0')} `),
  );
  const customIndicators = Array.from({ length: maxCustomIndicators }, (_unused, index) => ({
    kind: 'enumeration' as const,
    id: text(40, `c${index}_`).toLowerCase(),
    label: text(80, `Custom indicator ${index} `),
    property: text(100, `p${index}_`).toLowerCase(),
    points: Object.fromEntries(
      Array.from({ length: maxTableEntries }, (_unused2, entry) => [
        text(maxKeyLength, `${index}-${entry}-`),
        (entry * 7) % 101,
      ]),
    ),
  }));
  const weights = Object.fromEntries([
    ...builtInIndicatorIds.map((id) => [id, 99.999999] as const),
    ...customIndicators.map((indicator) => [`custom:${indicator.id}`, 99.999999] as const),
  ]);
  const base = defaultHealthModel.segments[defaultHealthModel.defaultSegment];
  if (base === undefined) throw new Error('the default model lost its default segment');
  const model = {
    ...defaultHealthModel,
    segmentation: {
      kind: 'values' as const,
      property: text(100, 'segment_property_'),
      values: Object.fromEntries(
        Array.from({ length: maxTableEntries }, (_unused, entry) => [
          text(maxKeyLength, `value-${entry}-`),
          segmentNames[entry % segmentNames.length] ?? 'x',
        ]),
      ),
    },
    defaultSegment: segmentNames[0] ?? 'x',
    segments: Object.fromEntries(segmentNames.map((name) => [name, { ...base, weights }])),
    curves: Object.fromEntries(builtInIndicatorIds.map((id) => [id, curve(maxCurvePoints)])),
    customIndicators,
    payment: {
      invoiceStatusPoints: Object.fromEntries(
        Array.from({ length: maxTableEntries }, (_unused, entry) => [
          text(maxKeyLength, `status-${entry}-`),
          entry % 101,
        ]),
      ),
    },
  };
  return healthModelSchema.parse(model);
}
