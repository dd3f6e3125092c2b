import type { HealthModel, SegmentModel } from '../model/health-model-schema.ts';
import { lookUp, readNumber } from './property-values.pure.ts';

/** The company's segment by the model's segmentation, falling back to the default segment. */
export function resolveSegment(
  model: HealthModel,
  properties: Readonly<Record<string, string | null | undefined>>,
): { name: string; segment: SegmentModel } {
  const named = segmentName(model, properties);
  const segment = named === null ? undefined : model.segments[named];
  if (named !== null && segment !== undefined) return { name: named, segment };
  const fallback = model.segments[model.defaultSegment];
  // The schema guarantees the default segment exists (see healthModelSchema's refinement).
  if (fallback === undefined) throw new Error(`health model has no segment "${model.defaultSegment}"`);
  return { name: model.defaultSegment, segment: fallback };
}

function segmentName(
  model: HealthModel,
  properties: Readonly<Record<string, string | null | undefined>>,
): string | null {
  const { segmentation } = model;
  const raw = properties[segmentation.property];
  if (raw === null || raw === undefined || raw === '') return null;
  if (segmentation.kind === 'values') return lookUp(segmentation.values, raw) ?? null;
  const value = readNumber(raw);
  if (value === null) return null;
  for (const band of segmentation.bands) if (value < band.below) return band.segment;
  return segmentation.top;
}
