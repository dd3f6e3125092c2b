import {
  builtInIndicatorIds,
  builtInIndicators,
  componentIds,
  componentOfIndicator,
  componentWeights,
  modelEditSchema,
  type ComponentId,
  type HealthModel,
  type SegmentModel,
} from '@harbor/wire';
import type { MessageKey, MessageParams } from '@harbor/i18n';

/** Plain functions over a model being edited: no React, no fetch, so they are tested on their own. */

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The indicators a component's weight can be spread over in this model (those the model can read). */
export function componentIndicators(model: HealthModel, component: ComponentId): string[] {
  if (component === 'custom') return model.customIndicators.map((indicator) => `custom:${indicator.id}`);
  return builtInIndicatorIds.filter(
    (id) =>
      builtInIndicators[id] === component && (id === 'invoice_status' || model.curves[id] !== undefined),
  );
}

/**
 * Sets a component's weight by scaling its indicators' weights, so the balance within the component stays
 * as it was (or, when they were all 0, spreading it evenly). Weights keep two decimals; the rounding rest
 * goes to the largest, so the component sums to exactly what was typed.
 */
export function setComponentWeight(
  model: HealthModel,
  segmentName: string,
  component: ComponentId,
  value: number,
): HealthModel {
  const segment = model.segments[segmentName];
  if (segment === undefined) return model;
  const weights = { ...segment.weights };
  const inComponent = Object.keys(weights).filter((id) => componentOfIndicator(id) === component);
  const current = inComponent.reduce((sum, id) => sum + (weights[id] ?? 0), 0);
  const target = Number.isFinite(value) ? Math.max(0, value) : Number.NaN;
  if (Number.isNaN(target)) {
    // An empty field: keep the number the person is typing visible as invalid rather than guessing.
    const [first] = inComponent.length > 0 ? inComponent : componentIndicators(model, component);
    if (first === undefined) return model;
    for (const id of inComponent) weights[id] = 0;
    weights[first] = Number.NaN;
    return withWeights(model, segmentName, segment, weights);
  }
  if (current > 0) {
    for (const id of inComponent) weights[id] = round2(((weights[id] ?? 0) * target) / current);
  } else {
    const spread = inComponent.length > 0 ? inComponent : componentIndicators(model, component);
    if (spread.length === 0) return model;
    for (const id of spread) weights[id] = round2(target / spread.length);
  }
  const ids = Object.keys(weights).filter((id) => componentOfIndicator(id) === component);
  const sum = ids.reduce((total, id) => total + (weights[id] ?? 0), 0);
  const largest = ids.reduce<string | undefined>(
    (best, id) => (best === undefined || (weights[id] ?? 0) > (weights[best] ?? 0) ? id : best),
    undefined,
  );
  if (largest !== undefined) weights[largest] = round2((weights[largest] ?? 0) + target - sum);
  return withWeights(model, segmentName, segment, weights);
}

function withWeights(
  model: HealthModel,
  segmentName: string,
  segment: SegmentModel,
  weights: Record<string, number>,
): HealthModel {
  return { ...model, segments: { ...model.segments, [segmentName]: { ...segment, weights } } };
}

export type TierField = 'healthy.enter' | 'healthy.exit' | 'atRisk.enter' | 'atRisk.exit';

export function setTierBand(
  model: HealthModel,
  segmentName: string,
  field: TierField,
  value: number,
): HealthModel {
  const segment = model.segments[segmentName];
  if (segment === undefined) return model;
  const [band, edge] = field.split('.') as ['healthy' | 'atRisk', 'enter' | 'exit'];
  const tiers = { ...segment.tiers, [band]: { ...segment.tiers[band], [edge]: value } };
  return { ...model, segments: { ...model.segments, [segmentName]: { ...segment, tiers } } };
}

/** Each component's weight in a segment and the segment's total, as the page shows them live. */
export function weightSummary(segment: SegmentModel): {
  byComponent: Record<ComponentId, number>;
  total: number;
} {
  const byComponent = componentWeights(segment.weights);
  const total = round2(componentIds.reduce((sum, id) => sum + byComponent[id], 0));
  return { byComponent, total };
}

/** A translated message for one field: the key and its parameters. */
export interface FieldMessage {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * Field path (`segments.SMB.weights`, `segments.SMB.tiers.healthy.exit`, `minDwellDays`, …) → what to
 * show under that field. Checked with the same schema the API uses (plus the page's total-of-100 rule).
 */
export type FieldErrors = Readonly<Record<string, FieldMessage>>;

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  expected?: unknown;
  params?: Record<string, unknown>;
}

function messageFor(issue: IssueLike): FieldMessage {
  const path = issue.path.map(String);
  const last = path.at(-1);
  const isCurve = (path[0] === 'curves' && path.length === 2) || last === 'curve';
  const inCurve = path[0] === 'curves' || path.includes('curve');
  if (issue.params?.rule === 'weights-total' && typeof issue.params.total === 'number')
    return { key: 'settings.error.weightsTotal', params: { total: round2(issue.params.total) } };
  if (last === 'weights') return { key: 'settings.error.weightsNone' };
  if (isCurve && issue.code === 'too_small') return { key: 'settings.error.curvePoints' };
  if (last === 'label') return { key: 'settings.error.label' };
  if (last === 'property') return { key: 'settings.error.property' };
  if (inCurve && issue.code === 'custom') return { key: 'settings.error.curveOrder' };
  if (path[1] === 'bands' && issue.code === 'custom') return { key: 'settings.error.bandOrder' };
  if (last === 'escalationProperty') return { key: 'settings.error.ticketProperty' };
  if (last === 'urgentPriorities' && issue.code === 'too_small') return { key: 'settings.error.urgentNone' };
  if (issue.code === 'invalid_type' && issue.expected === 'int') return { key: 'settings.error.wholeNumber' };
  if (issue.code === 'too_small' && issue.inclusive === false && typeof issue.minimum === 'number')
    return { key: 'settings.error.above', params: { min: issue.minimum } };
  if (issue.code === 'too_small' && typeof issue.minimum === 'number')
    return { key: 'settings.error.atLeast', params: { min: issue.minimum } };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return { key: 'settings.error.atMost', params: { max: issue.maximum } };
  if (issue.code === 'invalid_type') return { key: 'settings.error.number' };
  if (path.join('.').endsWith('healthy.exit')) return { key: 'settings.error.healthyExit' };
  if (path.join('.').endsWith('atRisk.exit')) return { key: 'settings.error.atRiskExit' };
  return { key: 'settings.error.other', params: { path: path.join('.') } };
}

/**
 * Checks a model as a save would, field by field. Weight errors of one indicator are shown on the
 * segment's weights (the page edits components, not single indicators).
 */
export function validateDraft(
  model: HealthModel,
): { model: HealthModel; errors: undefined } | { errors: FieldErrors } {
  const result = modelEditSchema.safeParse(model);
  if (result.success) return { model: result.data, errors: undefined };
  const errors: Record<string, FieldMessage> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const weightsAt = path.indexOf('weights');
    const field = path[0] === 'segments' && weightsAt === 2 ? path.slice(0, 3).join('.') : path.join('.');
    errors[field] ??= messageFor(issue as IssueLike);
  }
  return { errors };
}

export type Curve = readonly (readonly [number, number])[];

/** Sets one breakpoint's value (0) or points (1). */
export function setBreakpoint(curve: Curve, index: number, which: 0 | 1, value: number): [number, number][] {
  return curve.map((point, at) => {
    if (at !== index) return [point[0], point[1]];
    return which === 0 ? [value, point[1]] : [point[0], value];
  });
}

/** A new last breakpoint a step beyond the last one, with its points, so the curve stays valid. */
export function addBreakpoint(curve: Curve): [number, number][] {
  const last = curve.at(-1);
  const before = curve.at(-2);
  const step = last !== undefined && before !== undefined && last[0] > before[0] ? last[0] - before[0] : 1;
  const copy = curve.map((point): [number, number] => [point[0], point[1]]);
  return last === undefined ? [[0, 0]] : [...copy, [round2(last[0] + step), last[1]]];
}

export function removeBreakpoint(curve: Curve, index: number): [number, number][] {
  return curve.filter((_point, at) => at !== index).map((point): [number, number] => [point[0], point[1]]);
}

/** Whether more of the value means more points: the first and last breakpoints tell. */
export function curveDirection(curve: Curve): 'higher' | 'lower' | 'flat' {
  const first = curve[0];
  const last = curve.at(-1);
  if (first === undefined || last === undefined || first[1] === last[1]) return 'flat';
  return last[1] > first[1] ? 'higher' : 'lower';
}

/** Mirrors the points (0 ↔ 100) at the same thresholds: "higher is better" becomes "lower is better". */
export function flipDirection(curve: Curve): [number, number][] {
  return curve.map((point): [number, number] => [point[0], round2(100 - point[1])]);
}

/** Where a curve lives in the model: a built-in indicator's, or a numeric custom indicator's. */
export type CurveTarget = { kind: 'builtIn'; id: string } | { kind: 'custom'; index: number };

export function curveAt(model: HealthModel, target: CurveTarget): Curve | undefined {
  if (target.kind === 'builtIn') return (model.curves as Record<string, Curve | undefined>)[target.id];
  const indicator = model.customIndicators[target.index];
  return indicator?.kind === 'numeric' ? indicator.curve : undefined;
}

export function setCurve(model: HealthModel, target: CurveTarget, curve: [number, number][]): HealthModel {
  if (target.kind === 'builtIn') return { ...model, curves: { ...model.curves, [target.id]: curve } };
  return updateCustomIndicator(model, target.index, (indicator) =>
    indicator.kind === 'numeric' ? { ...indicator, curve } : indicator,
  );
}

/** The field errors' path prefix of a curve (`curves.nps`, `customIndicators.0.curve`). */
export function curvePath(target: CurveTarget): string {
  return target.kind === 'builtIn' ? `curves.${target.id}` : `customIndicators.${target.index}.curve`;
}

export type PropertyFact = keyof HealthModel['properties'];

export function setFactProperty(
  model: HealthModel,
  fact: PropertyFact,
  property: string | null,
): HealthModel {
  return { ...model, properties: { ...model.properties, [fact]: property } };
}

type CustomIndicator = HealthModel['customIndicators'][number];

export function updateCustomIndicator(
  model: HealthModel,
  index: number,
  update: (indicator: CustomIndicator) => CustomIndicator,
): HealthModel {
  return {
    ...model,
    customIndicators: model.customIndicators.map((indicator, at) =>
      at === index ? update(indicator) : indicator,
    ),
  };
}

/** A new numeric indicator on `property`, higher is better from 0 to 100; it weighs nothing until given weight. */
export function addCustomIndicator(model: HealthModel, property: string, label: string): HealthModel {
  const taken = new Set(model.customIndicators.map((indicator) => indicator.id));
  let number = 1;
  while (taken.has(`indicator_${number}`)) number += 1;
  const indicator: CustomIndicator = {
    kind: 'numeric',
    id: `indicator_${number}`,
    label,
    property,
    curve: [
      [0, 0],
      [100, 100],
    ],
  };
  return { ...model, customIndicators: [...model.customIndicators, indicator] };
}

/** Removes the indicator and its weight in every segment, so no weight points at nothing. */
export function removeCustomIndicator(model: HealthModel, index: number): HealthModel {
  const removed = model.customIndicators[index];
  if (removed === undefined) return model;
  const key = `custom:${removed.id}`;
  const segments = Object.fromEntries(
    Object.entries(model.segments).map(([name, segment]) => {
      const weights = Object.fromEntries(Object.entries(segment.weights).filter(([id]) => id !== key));
      return [name, { ...segment, weights }];
    }),
  );
  return {
    ...model,
    segments,
    customIndicators: model.customIndicators.filter((_indicator, at) => at !== index),
  };
}

/** Switches kind, keeping id, label and property: a numeric one starts at 0 → 100, an enumeration empty. */
export function setCustomKind(
  model: HealthModel,
  index: number,
  kind: 'numeric' | 'enumeration',
): HealthModel {
  return updateCustomIndicator(model, index, (indicator): CustomIndicator => {
    if (indicator.kind === kind) return indicator;
    const { id, label, property } = indicator;
    return kind === 'numeric'
      ? {
          kind,
          id,
          label,
          property,
          curve: [
            [0, 0],
            [100, 100],
          ],
        }
      : { kind, id, label, property, points: {} };
  });
}

/** Points for one value of an enumeration indicator; an empty field takes the value out (it counts as missing). */
export function setValuePoints(
  model: HealthModel,
  index: number,
  value: string,
  points: number | undefined,
): HealthModel {
  return updateCustomIndicator(model, index, (indicator) => {
    if (indicator.kind !== 'enumeration') return indicator;
    const others = Object.entries(indicator.points).filter(([key]) => key !== value);
    const keep = points !== undefined && Number.isFinite(points);
    return { ...indicator, points: Object.fromEntries(keep ? [...others, [value, points]] : others) };
  });
}
