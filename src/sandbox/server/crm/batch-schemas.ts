import { z } from 'zod';

import type { SandboxObjectType } from '../../store/sandbox-types.ts';
import { createAssociationSchema } from './create-associations.ts';
import { standardError, type StandardError } from './crm-errors.ts';
import { singularName } from './object-types.ts';
import { propertyInputSchema } from './property-values.ts';

/** HubSpot's object batch endpoints take at most 100 inputs. */
export const maxBatchInputs = 100;

/**
 * A batch read that asks for property history takes at most 50 inputs; HubSpot answers more with a 400
 * VALIDATION_ERROR and this message (the gateway's historyBatchSize names the source).
 */
export const maxHistoryBatchInputs = 50;
export const historyBatchLimitMessage =
  'The maximum number of inputs supported in a batch request for property histories is ' +
  `${maxHistoryBatchInputs}. Please reduce the number of items and try again.`;

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

function inputsOf<Item extends z.ZodType>(item: Item) {
  return z.array(item).max(maxBatchInputs, `at most ${maxBatchInputs} inputs are allowed per batch`);
}

export const batchReadBodySchema = z.object({
  inputs: inputsOf(z.object({ id: idSchema })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});

export const batchIdsBodySchema = z.object({ inputs: inputsOf(z.object({ id: idSchema })) });

export const batchCreateBodySchema = z.object({
  inputs: inputsOf(
    z.object({
      properties: propertyInputSchema.default({}),
      associations: z.array(createAssociationSchema).default([]),
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

/** Update and upsert inputs: `{ id, idProperty?, properties }`. */
export const batchWriteBodySchema = z.object({
  inputs: inputsOf(
    z.object({
      id: idSchema,
      idProperty: z.string().optional(),
      properties: propertyInputSchema,
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

/** HubSpot's batch error for ids it could not find, one entry naming them all. */
export function missingIdsError(
  type: SandboxObjectType,
  ids: readonly string[],
  verb: string,
): StandardError {
  return standardError(
    'OBJECT_NOT_FOUND',
    `Could not ${verb} some ${singularName(type).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    { ids: [...ids] },
  );
}
