import type { HealthModel } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { knownPriorities, setSlaHours } from './indicator-parameters-draft.ts';
import { validateDraft } from './model-draft.ts';
import { addBand, removeBand, setSegmentationKind, setValueSegment } from './segmentation-draft.ts';
import { fixtureModel } from './settings-view.fixture.ts';

const bands = (model: HealthModel) => (model.segmentation.kind === 'bands' ? model.segmentation.bands : []);

describe('editing segmentation and support settings in a draft', () => {
  it('when the split switches to number ranges, then every company still lands in the default segment and the draft is valid', () => {
    const model = setSegmentationKind(fixtureModel, 'bands');
    expect(model.segmentation).toEqual({
      kind: 'bands',
      property: 'plan_tier',
      bands: [{ below: 100, segment: 'SMB' }],
      top: 'SMB',
    });
    expect(validateDraft(model).errors).toBeUndefined();
    expect(setSegmentationKind(model, 'values').segmentation).toEqual({
      kind: 'values',
      property: 'plan_tier',
      values: {},
    });
  });

  it('when ranges are added and removed, then the limits keep increasing and one range always stays', () => {
    const one = setSegmentationKind(fixtureModel, 'bands');
    const three = addBand(addBand(one));
    expect(bands(three).map((band) => band.below)).toEqual([100, 101, 102]);
    expect(validateDraft(three).errors).toBeUndefined();
    expect(bands(removeBand(one, 0))).toEqual(bands(one));
  });

  it('when a listed value gets another segment, then it keeps its place; a new one goes last', () => {
    const edited = setValueSegment(setValueSegment(fixtureModel, 'starter', 'ENTERPRISE'), 'trial', 'SMB');
    expect(edited.segmentation.kind === 'values' && Object.entries(edited.segmentation.values)).toEqual([
      ['starter', 'ENTERPRISE'],
      ['enterprise', 'ENTERPRISE'],
      ['trial', 'SMB'],
    ]);
  });

  it('when the model names a priority of its own, then it is offered beside HubSpot’s, once', () => {
    const model = setSlaHours(fixtureModel, 'P1', 2);
    expect(knownPriorities(model)).toEqual(['URGENT', 'HIGH', 'MEDIUM', 'LOW', 'P1']);
    expect(setSlaHours(model, 'P1', undefined).support.slaHours).toEqual({ HIGH: 8, default: 48 });
  });
});
