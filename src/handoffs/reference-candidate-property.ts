import { harborPropertyGroup } from '../health/write-back/harbor-company-properties.ts';
import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import type { PropertyCreateInput } from '../hubspot/properties.ts';
import { harborPropertyEnsurer } from '../hubspot/harbor-property.ts';
import { AppError } from '../shared/errors/app-error.ts';

/**
 * The company property that marks a reference candidate: the date Harbor last handed the company to
 * marketing as one (a promoter in the healthy tier). A date rather than a yes/no, so marketing can tell a
 * fresh candidate from last year's and build a list of this quarter's. Defined like Harbor's health
 * properties (same group, off forms); Harbor owns the value.
 */
export const referenceCandidateProperty = 'harbor_reference_candidate';

export const referenceCandidateDefinition: PropertyCreateInput = {
  name: referenceCandidateProperty,
  label: 'Reference candidate',
  type: 'date',
  fieldType: 'date',
  groupName: harborPropertyGroup.name,
  displayOrder: 20,
  formField: false,
  description:
    'Set by Harbor: the day this company was last handed to marketing as a reference candidate (a promoter ' +
    'while in the Healthy tier). At most once a quarter. Empty: never proposed.',
};

/** Creates the property once per portal and process; a failure is not remembered. */
export const ensureReferenceCandidateProperty = harborPropertyEnsurer({
  objectType: 'companies',
  group: harborPropertyGroup,
  definition: referenceCandidateDefinition,
  writes: 'a date',
  settingsPage: 'Company properties',
});

/** Writes the date (YYYY-MM-DD, the day in UTC) on the company; the same value twice changes nothing. */
export async function markReferenceCandidate(
  gateway: PortalGateway,
  companyId: string,
  now: Date,
): Promise<void> {
  await ensureReferenceCandidateProperty(gateway);
  const result = await gateway.batchUpdate('companies', [
    { id: companyId, properties: { [referenceCandidateProperty]: now.toISOString().slice(0, 10) } },
  ]);
  const error = result.errors[0];
  if (error !== undefined) {
    throw new AppError('HUBSPOT_REJECTED', `HubSpot did not mark the reference candidate: ${error.message}`);
  }
}
