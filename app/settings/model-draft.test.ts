import { healthModelSchema } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import {
  addBreakpoint,
  addCustomIndicator,
  curveDirection,
  flipDirection,
  removeCustomIndicator,
  setBreakpoint,
  setComponentWeight,
  setCurve,
  setCustomKind,
  setTierBand,
  setValuePoints,
  validateDraft,
  weightSummary,
} from './model-draft.ts';
import { fixtureModel } from './settings-view.fixture.ts';

describe('editing a model on the settings page', () => {
  it('when the fixture model is checked, then it is a model the API accepts', () => {
    expect(healthModelSchema.safeParse(fixtureModel).success).toBe(true);
    expect(validateDraft(fixtureModel).errors).toBeUndefined();
  });

  it('when a component weight changes, then its indicators keep their balance and the component sums to it', () => {
    const model = setComponentWeight(fixtureModel, 'SMB', 'usage', 45);
    expect(model.segments.SMB?.weights).toMatchObject({ seat_utilisation: 30, login_trend: 15 });
    expect(weightSummary(model.segments.SMB!).byComponent.usage).toBe(45);
    // Other segments are untouched.
    expect(model.segments.ENTERPRISE).toBe(fixtureModel.segments.ENTERPRISE);
  });

  it('when thirds do not divide evenly, then the rounding rest goes to the largest so the total is exact', () => {
    const model = setComponentWeight(fixtureModel, 'SMB', 'usage', 10);
    const weights = model.segments.SMB!.weights;
    expect((weights.seat_utilisation ?? 0) + (weights.login_trend ?? 0)).toBeCloseTo(10, 10);
    expect(weights.login_trend).toBe(3.33);
  });

  it('when a component had no weight, then the new weight is spread over the indicators the model can read', () => {
    const model = setComponentWeight(fixtureModel, 'SMB', 'custom', 10);
    expect(model.segments.SMB?.weights['custom:onboarding']).toBe(10);
  });

  it('when weights stop adding up to 100, then the segment’s weights carry the error with the total', () => {
    const result = validateDraft(setComponentWeight(fixtureModel, 'SMB', 'usage', 40));
    expect(result.errors).toEqual({
      'segments.SMB.weights': { key: 'settings.error.weightsTotal', params: { total: 110 } },
    });
  });

  it('when a tier edge is out of order or out of range, then that field carries the error', () => {
    const overlapping = validateDraft(setTierBand(fixtureModel, 'SMB', 'healthy.exit', 80));
    expect(overlapping.errors?.['segments.SMB.tiers.healthy.exit']?.key).toBe('settings.error.healthyExit');
    const tooHigh = validateDraft(setTierBand(fixtureModel, 'SMB', 'healthy.enter', 120));
    expect(tooHigh.errors?.['segments.SMB.tiers.healthy.enter']).toEqual({
      key: 'settings.error.atMost',
      params: { max: 100 },
    });
  });

  it('when a field is emptied, then it asks for a number instead of guessing one', () => {
    const result = validateDraft({ ...fixtureModel, minDwellDays: Number.NaN });
    expect(result.errors?.minDwellDays?.key).toBe('settings.error.number');
  });

  it('when a threshold is moved below the one before, then that threshold carries the error', () => {
    const curve = setBreakpoint(fixtureModel.curves.nps ?? [], 1, 0, -200);
    const result = validateDraft(setCurve(fixtureModel, { kind: 'builtIn', id: 'nps' }, curve));
    expect(result.errors?.['curves.nps.1.0']?.key).toBe('settings.error.curveOrder');
  });

  it('when a threshold is added or the direction flipped, then the curve stays valid and mirrors its points', () => {
    const curve = fixtureModel.curves.days_past_due ?? [];
    expect(addBreakpoint(curve)).toEqual([
      [0, 100],
      [60, 0],
      [120, 0],
    ]);
    expect(curveDirection(curve)).toBe('lower');
    expect(flipDirection(curve)).toEqual([
      [0, 0],
      [60, 100],
    ]);
  });

  it('when a custom indicator is added, scored per choice and removed again, then the model stays valid throughout', () => {
    let model = addCustomIndicator(fixtureModel, 'plan_tier', 'Plan');
    expect(model.customIndicators[1]).toMatchObject({ id: 'indicator_1', kind: 'numeric', label: 'Plan' });
    model = setCustomKind(model, 1, 'enumeration');
    model = setValuePoints(model, 1, 'starter', 40);
    model = setValuePoints(model, 1, 'enterprise', 90);
    model = setValuePoints(model, 1, 'starter', undefined);
    expect(model.customIndicators[1]).toMatchObject({ kind: 'enumeration', points: { enterprise: 90 } });
    expect(validateDraft(model).errors).toBeUndefined();

    model = setComponentWeight(setComponentWeight(model, 'SMB', 'custom', 10), 'SMB', 'usage', 20);
    expect(model.segments.SMB?.weights['custom:indicator_1']).toBe(5);
    const removed = removeCustomIndicator(model, 1);
    expect(removed.customIndicators).toHaveLength(1);
    expect(removed.segments.SMB?.weights['custom:indicator_1']).toBeUndefined();
  });
});
