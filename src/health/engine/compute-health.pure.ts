import type {
  CompanyHealthInputs,
  ComponentResult,
  HealthChange,
  HealthDriver,
  HealthResult,
  IndicatorResult,
} from '../health-types.ts';
import {
  builtInIndicators,
  componentIds,
  type ComponentId,
  type HealthModel,
  type SegmentModel,
} from '../model/health-model-schema.ts';
import { customIndicatorId } from './custom-indicators.pure.ts';
import { builtInLabels, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { roundTo } from './property-values.pure.ts';
import { readIndicators } from './read-indicators.pure.ts';
import { resolveSegment } from './segment.pure.ts';
import { decideTier } from './tiers.pure.ts';
import { snapshotAbout, trendOver } from './trend.pure.ts';

/**
 * One company's health as of `now`: every indicator read and scored 0–100, indicators weighted within their
 * component (a missing indicator's weight goes to the others in its component), components weighted into
 * the score (a component with no data at all is dropped and its weight spread over the rest), the tier with
 * hysteresis and dwell time, the trend, the drivers, and how much of the model's weight had data.
 * Pure: the same inputs, model and `now` always give the same result.
 */
export function computeHealth(inputs: CompanyHealthInputs, model: HealthModel, now: number): HealthResult {
  const { name: segmentName, segment } = resolveSegment(model, inputs.properties);
  const context: ScoringContext = { inputs, model, now };
  const labels = customLabels(model);

  const groups = new Map<ComponentId, IndicatorResult[]>();
  let totalWeight = 0;
  let knownWeight = 0;
  for (const reading of readIndicators(context)) {
    const weight = segment.weights[reading.id] ?? 0;
    // The schema bounds weights to 0–100, so the sums below stay finite; `!(weight > 0)` also drops a NaN
    // weight from a model that skipped it, which would otherwise poison every sum.
    if (!(weight > 0) || weight === Infinity) continue;
    const component = componentOf(reading.id);
    totalWeight += weight;
    knownWeight += reading.points === null ? 0 : weight * reading.quality;
    const list = groups.get(component) ?? [];
    list.push(toIndicatorResult(reading, component, weight, labels));
    groups.set(component, list);
  }

  const components = componentIds.flatMap((id) => {
    const indicators = groups.get(id);
    return indicators === undefined ? [] : [scoreComponent(id, indicators)];
  });
  const presentWeight = components.reduce((sum, c) => (c.score === null ? sum : sum + c.weight), 0);
  let sum = 0;
  for (const component of components) {
    // A dropped component weighs nothing, also when every component is dropped.
    if (component.score === null) {
      component.weight = 0;
      continue;
    }
    component.weight /= presentWeight;
    component.contribution = roundTo(component.weight * component.score, 2);
    component.potential = roundTo(component.weight * 100, 2);
    sum += component.weight * component.score;
    component.weight = roundTo(component.weight, 4);
  }
  const score = presentWeight > 0 ? roundTo(sum, 1) : null;

  // A stored tier without a readable start time cannot hold a dwell time: it is scored as a first time.
  const previous = Number.isFinite(inputs.previous?.tierSince) ? inputs.previous : undefined;
  const decision =
    score === null ? undefined : decideTier(score, segment.tiers, previous, model.minDwellDays, now);
  return {
    companyId: inputs.companyId,
    segment: segmentName,
    score,
    tier: decision?.tier ?? previous?.tier ?? null,
    tierSince: decision?.tierSince ?? previous?.tierSince ?? null,
    pendingTier: decision?.pendingTier ?? null,
    confidence: totalWeight === 0 ? 0 : Math.round((100 * knownWeight) / totalWeight),
    churnProbability: score === null ? null : roundTo(churnProbability(segment, score), 4),
    trend: trendOver(score, inputs.history, now),
    components,
    topDriver: topDriver(components),
    changes: changesSinceLastWeek(components, inputs, now),
  };
}

const builtInComponents: ReadonlyMap<string, ComponentId> = new Map(Object.entries(builtInIndicators));

function componentOf(id: string): ComponentId {
  return builtInComponents.get(id) ?? 'custom';
}

// Built once per model, not once per company: a portal's rescoring calls computeHealth for every company.
const labelsByModel = new WeakMap<HealthModel, Map<string, string>>();

function customLabels(model: HealthModel): Map<string, string> {
  let labels = labelsByModel.get(model);
  if (labels === undefined) {
    labels = new Map(
      model.customIndicators.map((indicator) => [customIndicatorId(indicator.id), indicator.label]),
    );
    labelsByModel.set(model, labels);
  }
  return labels;
}

function toIndicatorResult(
  reading: IndicatorReading,
  component: ComponentId,
  weight: number,
  labels: Map<string, string>,
): IndicatorResult {
  const result: IndicatorResult = {
    id: reading.id,
    component,
    label: labels.get(reading.id) ?? builtInLabels[reading.id as keyof typeof builtInLabels],
    value: reading.value,
    points: reading.points === null ? null : roundTo(reading.points, 1),
    weight,
  };
  if (reading.detail !== undefined) result.detail = reading.detail;
  return result;
}

/** A component's score is the weighted mean of its indicators that have data; its weight is all of theirs. */
function scoreComponent(id: ComponentId, indicators: IndicatorResult[]): ComponentResult {
  let weight = 0;
  let present = 0;
  let sum = 0;
  for (const indicator of indicators) {
    weight += indicator.weight;
    if (indicator.points === null) continue;
    present += indicator.weight;
    sum += indicator.weight * indicator.points;
  }
  return {
    id,
    score: present === 0 ? null : roundTo(sum / present, 1),
    weight,
    contribution: 0,
    potential: 0,
    indicators,
  };
}

/**
 * sigmoid(intercept + slope · score). Math.exp overflows to Infinity past ~709, which still gives 0 here; the
 * schema bounds intercept and slope, so the exponent itself is never Infinity − Infinity (NaN).
 */
function churnProbability(segment: SegmentModel, score: number): number {
  const { intercept, slope } = segment.probability;
  return 1 / (1 + Math.exp(-(intercept + slope * score)));
}

/** The indicator that costs the most points against what it could add: its share of the score × (100 − points). */
function topDriver(components: readonly ComponentResult[]): HealthDriver | null {
  let best: HealthDriver | null = null;
  for (const component of components) {
    if (component.score === null) continue;
    const present = component.indicators.reduce((sum, i) => (i.points === null ? sum : sum + i.weight), 0);
    for (const indicator of component.indicators) {
      if (indicator.points === null) continue;
      const share = (component.weight * indicator.weight) / present;
      const pointsLost = roundTo(share * (100 - indicator.points), 1);
      if (pointsLost > 0 && (best === null || pointsLost > best.pointsLost)) {
        best = {
          indicator: indicator.id,
          component: component.id,
          label: indicator.label,
          value: indicator.value,
          pointsLost,
        };
      }
    }
  }
  return best;
}

/** Each component's contribution now against the snapshot of about a week ago, biggest moves first. */
function changesSinceLastWeek(
  components: readonly ComponentResult[],
  inputs: CompanyHealthInputs,
  now: number,
): HealthChange[] {
  const weekAgo = snapshotAbout(inputs.history, now, 7);
  if (weekAgo === undefined) return [];
  const changes: HealthChange[] = [];
  for (const component of components) {
    const then = weekAgo.components[component.id];
    if (component.score === null || then === null || then === undefined || !Number.isFinite(then)) continue;
    const delta = roundTo(component.weight * (component.score - then), 1);
    if (Math.abs(delta) >= 0.5) changes.push({ component: component.id, delta });
  }
  return changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}
