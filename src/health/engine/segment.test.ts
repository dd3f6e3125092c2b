import { describe, expect, it } from 'vitest';

import { defaultHealthModel } from '../model/default-health-model.ts';
import type { HealthModel } from '../model/health-model-schema.ts';
import { resolveSegment } from './segment.pure.ts';

// Default: contract_value below 15,000 → SMB, below 100,000 → MID_MARKET, else ENTERPRISE; default MID_MARKET.
describe('resolveSegment by bands', () => {
  it.each([
    ['0', 'SMB'],
    ['-1', 'SMB'],
    ['14999.99', 'SMB'],
    ['15000', 'MID_MARKET'],
    ['99999', 'MID_MARKET'],
    ['100000', 'ENTERPRISE'],
    ['2500000', 'ENTERPRISE'],
    ['', 'MID_MARKET'],
    [null, 'MID_MARKET'],
    [undefined, 'MID_MARKET'],
    ['unknown', 'MID_MARKET'],
  ])('when contract_value is %j, then the segment is %s', (raw, name) => {
    const resolved = resolveSegment(defaultHealthModel, { contract_value: raw });
    expect(resolved.name).toBe(name);
    expect(resolved.segment).toBe(defaultHealthModel.segments[name]);
  });
});

describe('resolveSegment by values', () => {
  const model: HealthModel = {
    ...defaultHealthModel,
    segmentation: {
      kind: 'values',
      property: 'customer_tier',
      values: { small: 'SMB', strategic: 'ENTERPRISE', partner: 'PARTNER' },
    },
  };

  it.each([
    ['small', 'SMB'],
    ['strategic', 'ENTERPRISE'],
    // mapped to a segment the model has no weights for → the default
    ['partner', 'MID_MARKET'],
    ['STRATEGIC', 'MID_MARKET'],
    ['other', 'MID_MARKET'],
    ['constructor', 'MID_MARKET'],
    ['', 'MID_MARKET'],
    [null, 'MID_MARKET'],
  ])('when customer_tier is %j, then the segment is %s', (raw, name) => {
    expect(resolveSegment(model, { customer_tier: raw }).name).toBe(name);
  });
});
