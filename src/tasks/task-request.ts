import { z } from 'zod';

/**
 * What a caller asks for. `key` is derived by the caller from what the task is for (e.g.
 * `playbook:<runId>:<step>`, `escalation:<signalId>`), never random: the same intent gives the same key, and
 * one key gives at most one HubSpot task.
 */
export const taskRequestSchema = z.object({
  portalId: z.number().int().positive(),
  companyId: z.string().regex(/^\d+$/, 'a HubSpot company id'),
  key: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w:.\-/]+$/, 'letters, digits and : . - / _ only, so the key searches as one exact value'),
  subject: z.string().min(1).max(500),
  body: z.string().max(65_000),
  dueAt: z.date(),
  priority: z.enum(['LOW', 'MEDIUM', 'HIGH']),
  type: z.enum(['TODO', 'CALL', 'EMAIL']),
  ownerId: z.string().regex(/^\d+$/, 'a HubSpot owner id').nullable(),
});
export type TaskRequest = z.infer<typeof taskRequestSchema>;

/** A Harbor task as the store holds it. */
export interface HarborTask {
  portalId: number;
  key: string;
  companyId: string;
  hubspotTaskId: string;
  status: string;
  completedAt: Date | null;
}
