import type { DataGapReason, ModelExplanationWire } from '@harbor/wire';

import { builtInLabels } from '../../health/engine/indicator-reading.ts';
import { roundTo } from '../../health/engine/property-values.pure.ts';
import type { ComponentResult } from '../../health/health-types.ts';
import {
  builtInIndicators,
  componentIds,
  type ComponentId,
  type HealthModel,
  type PropertyMap,
} from '../../health/model/health-model-schema.ts';

const builtIn: ReadonlyMap<string, ComponentId> = new Map(Object.entries(builtInIndicators));

/**
 * "Explain this score": the segment's weights as shares (each component's of the score, each indicator's of
 * its component), the tier bands and the dwell time. A segment the model no longer has is explained by the
 * default segment, which is what scoring would use today.
 */
export function explainModel(model: HealthModel, version: number, segmentName: string): ModelExplanationWire {
  const name = model.segments[segmentName] === undefined ? model.defaultSegment : segmentName;
  const segment = model.segments[name] ?? model.segments[model.defaultSegment];
  const customs = new Map(
    model.customIndicators.map((indicator) => [`custom:${indicator.id}`, indicator.label]),
  );
  const grouped = new Map<ComponentId, { id: string; label: string; weight: number }[]>();
  let total = 0;
  for (const [id, weight] of Object.entries(segment?.weights ?? {})) {
    // Weights of custom indicators since removed from the model read nothing, as in scoring.
    const component = id.startsWith('custom:') ? (customs.has(id) ? 'custom' : undefined) : builtIn.get(id);
    if (component === undefined || !(weight > 0)) continue;
    const label = customs.get(id) ?? builtInLabels[id as keyof typeof builtInLabels];
    grouped.set(component, [...(grouped.get(component) ?? []), { id, label, weight }]);
    total += weight;
  }
  const components = componentIds.flatMap((id) => {
    const indicators = grouped.get(id);
    if (indicators === undefined || total === 0) return [];
    const sum = indicators.reduce((acc, indicator) => acc + indicator.weight, 0);
    return [
      {
        id,
        weight: roundTo(sum / total, 4),
        indicators: indicators.map((indicator) => ({
          ...indicator,
          weight: roundTo(indicator.weight / sum, 4),
        })),
      },
    ];
  });
  const tiers = segment?.tiers ?? { healthy: { enter: 70, exit: 65 }, atRisk: { enter: 45, exit: 50 } };
  return {
    modelVersion: version,
    segment: name,
    components,
    tiers: {
      healthy: { enter: tiers.healthy.enter, exit: tiers.healthy.exit },
      atRisk: { enter: tiers.atRisk.enter, exit: tiers.atRisk.exit },
    },
    minDwellDays: model.minDwellDays,
  };
}

const mappedBy: Partial<Record<ComponentId, readonly (keyof PropertyMap)[]>> = {
  usage: ['seats', 'activeUsers', 'logins', 'loginsPrevious', 'featuresUsed', 'lastActivity'],
  payment: ['daysPastDue', 'invoiceStatus'],
  engagement: ['lastCsmTouch', 'lastMeeting', 'lastReply'],
};

/** Why each dropped component (score null) had no data, so the card can say what would fill it. */
export function findDataGaps(
  components: readonly ComponentResult[],
  model: HealthModel,
): { component: ComponentId; reason: DataGapReason }[] {
  return components.flatMap((component) => {
    if (component.score !== null) return [];
    const reason: DataGapReason =
      component.id === 'sentiment'
        ? 'no_answers'
        : component.id === 'support'
          ? 'no_tickets'
          : (mappedBy[component.id] ?? []).every((key) => model.properties[key] === null) &&
              component.id !== 'custom'
            ? 'not_mapped'
            : 'no_values';
    return [{ component: component.id, reason }];
  });
}
