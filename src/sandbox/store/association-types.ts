import type { SandboxObjectType } from './sandbox-types.ts';

/**
 * HubSpot-defined default association type ids (HUBSPOT_DEFINED), per direction, as published in the
 * associations v4 guide and @hubspot/api-client's AssociationTypes enum.
 */
const defaultTypeIds: Partial<Record<SandboxObjectType, Partial<Record<SandboxObjectType, number>>>> = {
  companies: { contacts: 280, deals: 342, tickets: 340, tasks: 191, notes: 189 },
  contacts: { companies: 279, deals: 4, tickets: 15, tasks: 203, notes: 201, feedback_submissions: 97 },
  deals: { companies: 341, contacts: 3, tickets: 27, tasks: 215, notes: 213 },
  tickets: { companies: 339, contacts: 16, deals: 28, tasks: 229, notes: 227, feedback_submissions: 99 },
  tasks: { companies: 192, contacts: 204, deals: 216, tickets: 230 },
  notes: { companies: 190, contacts: 202, deals: 214, tickets: 228 },
  feedback_submissions: { contacts: 98, tickets: 100 },
};

/** Primary-company association ids HubSpot reports beside the default ones. */
export const primaryTypeIds = {
  dealToCompany: 5,
  companyToDeal: 6,
  ticketToCompany: 26,
  companyToTicket: 25,
} as const;

export function defaultAssociationTypeId(from: SandboxObjectType, to: SandboxObjectType): number | undefined {
  return defaultTypeIds[from]?.[to];
}
