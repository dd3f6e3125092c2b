import { playbookTypes, riskSignalTypes, signalReasonMaxLength, signalSeverities } from '@harbor/wire';
import { z } from 'zod';

/**
 * What HubSpot POSTs to a custom workflow action's actionUrl, and what Harbor answers (hubspot-platform.md
 * §4.2–4.3). Objects are not strict: HubSpot adds fields over time (typedInputs, context ids) and a new one
 * must never fail a customer's workflow. What Harbor reads is checked strictly.
 */

const portalIdWire = z.number().int().positive().max(2_147_483_647);

/**
 * HubSpot's callbackId: `ap-<portalId>-<execution ids>`. The portal in it must be the signed origin's, so a
 * callbackId of one portal never answers for another.
 */
export const callbackIdWire = z
  .string()
  .max(200)
  .regex(/^ap-\d{1,10}-[0-9A-Za-z-]{1,180}$/, 'a HubSpot callbackId (ap-<portalId>-…)');

export function callbackPortal(callbackId: string): number {
  return Number(/^ap-(\d+)-/.exec(callbackId)?.[1] ?? Number.NaN);
}

const originWire = z.object({
  portalId: portalIdWire,
  actionDefinitionId: z.number().int().nonnegative().optional(),
  actionDefinitionVersion: z.number().int().nonnegative().optional(),
});

const contextWire = z.object({
  source: z.string().max(40),
  workflowId: z.number().int().nonnegative().optional(),
});

const companyIdWire = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z.string().regex(/^[1-9]\d{0,19}$/, 'a HubSpot company id'),
]);

const enrolledCompanyWire = z.object({
  objectId: companyIdWire.transform(String),
  objectType: z.literal('COMPANY'),
  properties: z.record(z.string(), z.unknown()).optional(),
});

/** The execution request; each action narrows `inputFields`. */
export function actionRequestWire<Inputs extends z.ZodType>(inputs: Inputs) {
  return z
    .object({
      callbackId: callbackIdWire,
      origin: originWire,
      context: contextWire,
      object: enrolledCompanyWire,
      inputFields: inputs,
    })
    .refine((body) => callbackPortal(body.callbackId) === body.origin.portalId, {
      message: 'the callbackId names another portal than the signed origin',
      path: ['callbackId'],
    });
}

export const noInputsWire = z.object({});

export const startPlaybookInputsWire = z.object({ playbook: z.enum(playbookTypes) });

export const waitForPlaybookInputsWire = z.object({
  playbook: z.enum(playbookTypes),
  /** How long the workflow waits at most; HubSpot's default block is a week. */
  maxWaitDays: z
    .union([z.number(), z.string().regex(/^\d{1,3}$/)])
    .transform(Number)
    .pipe(z.number().int().min(1).max(90))
    .optional(),
});

export const recordRiskInputsWire = z.object({
  type: z.enum(riskSignalTypes),
  severity: z.enum(signalSeverities),
  note: z.string().trim().max(signalReasonMaxLength).optional(),
});

/** The optionsUrl request: HubSpot asks which values a select input offers (§4.2). */
export const optionsRequestWire = z.object({
  origin: originWire,
  /** Only the playbook input fetches its options. */
  inputFieldName: z.literal('playbook'),
  objectTypeId: z
    .string()
    .regex(/^\d{1,3}-\d{1,10}$/)
    .optional(),
  inputFields: z.record(z.string(), z.unknown()).optional(),
  fetchOptions: z
    .object({ q: z.string().max(200).optional(), after: z.string().max(200).optional() })
    .optional(),
});

/** HubSpot's execution states: what the workflow does next. */
export const executionStates = ['SUCCESS', 'FAIL_CONTINUE', 'BLOCK'] as const;
export type ExecutionState = (typeof executionStates)[number];

export const outputFieldsWire = z.record(
  z.string().max(100),
  z.union([z.string().max(2_000), z.number(), z.boolean()]),
);
export type OutputFields = z.infer<typeof outputFieldsWire>;

export const actionResponseWire = z.strictObject({ outputFields: outputFieldsWire });
export type ActionResponse = z.infer<typeof actionResponseWire>;

export const optionsResponseWire = z.strictObject({
  options: z
    .array(
      z.strictObject({
        label: z.string().max(200),
        value: z.string().max(100),
        description: z.string().max(500).optional(),
      }),
    )
    .max(100),
  searchable: z.boolean(),
});
