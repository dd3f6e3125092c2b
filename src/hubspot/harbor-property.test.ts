import { describe, expect, it } from 'vitest';

import { AppError } from '../shared/errors/app-error.ts';
import { harborPropertyEnsurer, type HarborPropertySpec, type PropertyGateway } from './harbor-property.ts';
import type { PropertyDefinition } from './properties.ts';

const spec: HarborPropertySpec = {
  objectType: 'companies',
  group: { name: 'harbor_health', label: 'Harbor health' },
  definition: {
    name: 'harbor_reference_candidate',
    label: 'Reference candidate',
    type: 'date',
    fieldType: 'date',
    groupName: 'harbor_health',
    formField: false,
  },
  writes: 'a date',
  settingsPage: 'Company properties',
};

/** A portal's property settings in memory, counting the calls Harbor makes. */
function portal(existing: Partial<PropertyDefinition>[] = [], failFirstCreate = false) {
  const properties = existing.map((property) => ({ ...property }) as PropertyDefinition);
  const groups: string[] = [];
  const calls: string[] = [];
  let failing = failFirstCreate;
  const gateway: PropertyGateway = {
    listProperties: (objectType) => {
      calls.push(`list ${objectType}`);
      return Promise.resolve(properties);
    },
    listPropertyGroups: () =>
      Promise.resolve(groups.map((name) => ({ name, label: name, displayOrder: 0, archived: false }))),
    createPropertyGroup: (_objectType, group) => {
      groups.push(group.name);
      return Promise.resolve({ name: group.name, label: group.label, displayOrder: 0, archived: false });
    },
    createProperty: (_objectType, input) => {
      calls.push(`create ${input.name}`);
      if (failing) {
        failing = false;
        return Promise.reject(new AppError('HUBSPOT_UNAVAILABLE', 'HubSpot answered 503'));
      }
      const created = { ...input } as unknown as PropertyDefinition;
      properties.push(created);
      return Promise.resolve(created);
    },
  };
  return { gateway, calls, groups };
}

describe('a property Harbor defines in each portal', () => {
  it('when asked twice for one portal, then the group and the property are created once and HubSpot is listed once', async () => {
    const ensure = harborPropertyEnsurer(spec);
    const { gateway, calls, groups } = portal();
    await Promise.all([ensure(gateway), ensure(gateway)]);
    await ensure(gateway);
    expect(groups).toEqual(['harbor_health']);
    expect(calls).toEqual(['list companies', 'create harbor_reference_candidate']);
  });

  it('when the name is taken by a property of another type, then the admin is told which and where to fix it', async () => {
    const ensure = harborPropertyEnsurer(spec);
    const { gateway, calls } = portal([{ name: 'harbor_reference_candidate', type: 'string' }]);
    await expect(ensure(gateway)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'The company property harbor_reference_candidate exists as a string property, but Harbor writes a date there. Delete or rename it in HubSpot (Settings → Properties → Company properties), then try again.',
    });
    expect(calls).toEqual(['list companies']);
  });

  it('when HubSpot fails the first create, then the next call tries again instead of remembering the failure', async () => {
    const ensure = harborPropertyEnsurer(spec);
    const { gateway, calls } = portal([], true);
    await expect(ensure(gateway)).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE' });
    await ensure(gateway);
    expect(calls.filter((call) => call.startsWith('create'))).toHaveLength(2);
  });
});
