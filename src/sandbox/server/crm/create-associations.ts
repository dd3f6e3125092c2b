import { z } from 'zod';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import type { SandboxObjectType } from '../../store/sandbox-types.ts';
import { associationSpecSchema, targetTypeOf } from './association-spec.ts';
import { validationError } from './crm-errors.ts';
import { singularName } from './object-types.ts';

/** v3 create's `associations: [{ to: { id }, types: [{ associationCategory, associationTypeId }] }]`. */
export const createAssociationSchema = z.object({
  to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  types: z.array(associationSpecSchema).min(1),
});
export type CreateAssociationInput = z.infer<typeof createAssociationSchema>;

export interface ResolvedLink {
  toType: SandboxObjectType;
  toId: string;
  typeId: number;
}

/**
 * Checks every association of a create before anything is written, so a bad one leaves no half-made
 * record: the type id must be a HubSpot-defined one from this type (it also names the target type) and the
 * target must exist, else 400 as HubSpot answers.
 */
export function resolveCreateAssociations(
  store: SandboxStore,
  from: SandboxObjectType,
  inputs: readonly CreateAssociationInput[],
): ResolvedLink[] {
  const links: ResolvedLink[] = [];
  for (const input of inputs) {
    for (const spec of input.types) {
      const toType =
        spec.associationCategory === 'HUBSPOT_DEFINED'
          ? targetTypeOf(from, spec.associationTypeId)
          : undefined;
      if (toType === undefined) {
        throw validationError(
          `association type ${spec.associationCategory} ${spec.associationTypeId} is not defined for ${singularName(from)} records`,
          { context: { associationTypeId: [String(spec.associationTypeId)] } },
        );
      }
      const target = store.tables[toType].get(input.to.id);
      if (target === undefined || target.archived) {
        throw validationError(
          `One or more associations are invalid: ${singularName(toType)} ${input.to.id} does not exist`,
          { context: { id: [input.to.id] } },
        );
      }
      links.push({ toType, toId: input.to.id, typeId: spec.associationTypeId });
    }
  }
  return links;
}

export function applyLinks(
  store: SandboxStore,
  from: SandboxObjectType,
  fromId: string,
  links: readonly ResolvedLink[],
  now: number,
): void {
  for (const link of links) store.associate(from, fromId, link.toType, link.toId, link.typeId, now);
}
