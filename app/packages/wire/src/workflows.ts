import { z } from 'zod';

/**
 * Harbor's ready-made HubSpot workflows as the settings page lists them (GET /api/workflows): each shipped
 * workflow and its state in the portal. `unknown` when HubSpot could not be asked just now.
 */
export const harborWorkflowStates = ['missing', 'installed', 'enabled', 'drifted', 'unknown'] as const;
export type HarborWorkflowState = (typeof harborWorkflowStates)[number];

export const harborWorkflowWire = z.strictObject({
  key: z.string().max(100),
  name: z.string().max(200),
  description: z.string().max(1_000),
  state: z.enum(harborWorkflowStates),
  /** HubSpot's id of the installed workflow; null while missing or unknown. */
  flowId: z.string().max(40).nullable(),
  /** Where the installed workflow differs from the shipped one; a few at most. */
  driftedFields: z.array(z.string().max(300)).max(20),
});
export type HarborWorkflowWire = z.infer<typeof harborWorkflowWire>;

export const harborWorkflowsWire = z.strictObject({
  source: z.enum(['hubspot', 'unavailable']),
  workflows: z.array(harborWorkflowWire).max(50),
});
export type HarborWorkflowsWire = z.infer<typeof harborWorkflowsWire>;
