import { z } from 'zod';

import { defaultAssociationTypeId, primaryTypeIds } from '../../store/association-types.ts';
import { sandboxObjectTypes, type SandboxObjectType } from '../../store/sandbox-types.ts';
import { validationError } from './crm-errors.ts';
import { singularName } from './object-types.ts';

export const associationCategories = [
  'HUBSPOT_DEFINED',
  'USER_DEFINED',
  'INTEGRATOR_DEFINED',
  'WORK',
] as const;

/** The request-side spec (`associationCategory`/`associationTypeId`; responses say `category`/`typeId`). */
export const associationSpecSchema = z.object({
  associationCategory: z.enum(associationCategories),
  associationTypeId: z.number().int(),
});
export type AssociationSpecInput = z.infer<typeof associationSpecSchema>;

const primaryPairs: { from: SandboxObjectType; to: SandboxObjectType; typeId: number }[] = [
  { from: 'deals', to: 'companies', typeId: primaryTypeIds.dealToCompany },
  { from: 'companies', to: 'deals', typeId: primaryTypeIds.companyToDeal },
  { from: 'tickets', to: 'companies', typeId: primaryTypeIds.ticketToCompany },
  { from: 'companies', to: 'tickets', typeId: primaryTypeIds.companyToTicket },
];

/** HUBSPOT_DEFINED type ids valid from one type to another: the pair's primary one (if any) and default. */
export function typeIdsForPair(from: SandboxObjectType, to: SandboxObjectType): number[] {
  const ids = primaryPairs.filter((pair) => pair.from === from && pair.to === to).map((pair) => pair.typeId);
  const defaultId = defaultAssociationTypeId(from, to);
  return defaultId === undefined ? ids : [...ids, defaultId];
}

/** The type a v3 create association points at, which HubSpot infers from the type id alone. */
export function targetTypeOf(from: SandboxObjectType, typeId: number): SandboxObjectType | undefined {
  return sandboxObjectTypes.find((to) => typeIdsForPair(from, to).includes(typeId));
}

function isPrimaryTypeId(typeId: number): boolean {
  return primaryPairs.some((pair) => pair.typeId === typeId);
}

/** HubSpot labels only the primary association; the default one is unlabelled (label omitted, never null). */
export function associationLabel(typeId: number): string | undefined {
  return isPrimaryTypeId(typeId) ? 'Primary' : undefined;
}

/**
 * The v3 `associations.{type}.results[].type` name. HubSpot reports a link that is primary twice: once as
 * `deal_to_company` (primary) and once as `deal_to_company_unlabeled` (default); where a pair has a primary
 * concept the default type carries the `_unlabeled` suffix.
 */
export function v3AssociationTypeName(
  from: SandboxObjectType,
  to: SandboxObjectType,
  typeId: number,
): string {
  const base = `${singularName(from)}_to_${singularName(to)}`;
  if (isPrimaryTypeId(typeId)) return base;
  const pairHasPrimary =
    to === 'companies' && (from === 'deals' || from === 'tickets' || from === 'contacts');
  return pairHasPrimary ? `${base}_unlabeled` : base;
}

/** Checks a requested association type; the sandbox knows HubSpot's defined types only, no custom labels. */
export function assertSpecAllowed(
  from: SandboxObjectType,
  to: SandboxObjectType,
  spec: AssociationSpecInput,
): void {
  if (
    spec.associationCategory !== 'HUBSPOT_DEFINED' ||
    !typeIdsForPair(from, to).includes(spec.associationTypeId)
  ) {
    throw validationError(
      `association type ${spec.associationCategory} ${spec.associationTypeId} is not defined from ${singularName(from)} to ${singularName(to)}`,
      { context: { associationTypeId: [String(spec.associationTypeId)] } },
    );
  }
}

/** The pair's default type id, or a 400 when HubSpot defines no association between the two types. */
export function defaultTypeIdOrThrow(from: SandboxObjectType, to: SandboxObjectType): number {
  const typeId = defaultAssociationTypeId(from, to);
  if (typeId === undefined) {
    throw validationError(
      `${singularName(from)} records cannot be associated with ${singularName(to)} records`,
    );
  }
  return typeId;
}
