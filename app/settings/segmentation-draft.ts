import type { HealthModel, Segmentation } from '@harbor/wire';

/** Plain functions over a draft's segmentation (how companies are split into segments). */

type Bands = Extract<Segmentation, { kind: 'bands' }>;
type Values = Extract<Segmentation, { kind: 'values' }>;

const withSegmentation = (model: HealthModel, segmentation: Segmentation): HealthModel => ({
  ...model,
  segmentation,
});

/**
 * Switches between number ranges and exact values, keeping the property. The new kind starts so that every
 * company lands in the default segment, which the admin then splits.
 */
export function setSegmentationKind(model: HealthModel, kind: Segmentation['kind']): HealthModel {
  const { segmentation, defaultSegment } = model;
  if (segmentation.kind === kind) return model;
  const { property } = segmentation;
  return withSegmentation(
    model,
    kind === 'bands'
      ? { kind, property, bands: [{ below: 100, segment: defaultSegment }], top: defaultSegment }
      : { kind, property, values: {} },
  );
}

function updateBands(model: HealthModel, update: (bands: Bands) => Bands): HealthModel {
  return model.segmentation.kind === 'bands' ? withSegmentation(model, update(model.segmentation)) : model;
}

export function setBand(
  model: HealthModel,
  index: number,
  change: { below: number } | { segment: string },
): HealthModel {
  return updateBands(model, (segmentation) => ({
    ...segmentation,
    bands: segmentation.bands.map((band, at) => (at === index ? { ...band, ...change } : band)),
  }));
}

/**
 * A new last range a step above the last bound, so the bounds still increase. It goes to the segment above
 * the ranges: nothing moves until the admin picks another segment for it.
 */
export function addBand(model: HealthModel): HealthModel {
  return updateBands(model, (segmentation) => {
    const last = segmentation.bands.at(-1);
    const before = segmentation.bands.at(-2);
    const step =
      last !== undefined && before !== undefined && last.below > before.below ? last.below - before.below : 1;
    const below = last === undefined ? 0 : Math.round((last.below + step) * 100) / 100;
    return { ...segmentation, bands: [...segmentation.bands, { below, segment: segmentation.top }] };
  });
}

/** Removes a range; the last one stays (the model needs at least one). */
export function removeBand(model: HealthModel, index: number): HealthModel {
  return updateBands(model, (segmentation) =>
    segmentation.bands.length <= 1
      ? segmentation
      : { ...segmentation, bands: segmentation.bands.filter((_band, at) => at !== index) },
  );
}

export function setTopSegment(model: HealthModel, segment: string): HealthModel {
  return updateBands(model, (segmentation) => ({ ...segmentation, top: segment }));
}

/** Which segment a property value leads to; undefined takes the value out (it then goes to the default). */
export function setValueSegment(model: HealthModel, value: string, segment: string | undefined): HealthModel {
  if (model.segmentation.kind !== 'values') return model;
  const segmentation: Values = model.segmentation;
  // A listed value keeps its place in the list; a new one goes last.
  const values =
    segment === undefined
      ? Object.fromEntries(Object.entries(segmentation.values).filter(([key]) => key !== value))
      : { ...segmentation.values, [value]: segment };
  return withSegmentation(model, { ...segmentation, values });
}
