import { curveReading, missing, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { lookUp, readNumber } from './property-values.pure.ts';

export const customIndicatorId = (id: string): string => `custom:${id}`;

/** Admin-picked company properties: numeric on a curve, enumerations by points per value. */
export function customIndicators({ inputs, model }: ScoringContext): IndicatorReading[] {
  return model.customIndicators.map((indicator) => {
    const id = customIndicatorId(indicator.id);
    const raw = inputs.properties[indicator.property];
    if (indicator.kind === 'numeric') return curveReading(id, readNumber(raw), indicator.curve);
    const points = raw === null || raw === undefined ? undefined : lookUp(indicator.points, raw);
    return points === undefined || raw === null || raw === undefined
      ? missing(id)
      : { id, value: raw, points, quality: 1 };
  });
}
