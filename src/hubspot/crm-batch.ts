import type {
  BatchInputSimplePublicObjectBatchInput,
  BatchInputSimplePublicObjectBatchInputForCreate,
  BatchInputSimplePublicObjectBatchInputUpsert,
  BatchReadInputSimplePublicObjectId,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

import { toSdkAssociations, type AssociationInput } from './crm-objects.ts';
import type { BatchResult, CrmRecord } from './gateway-types.ts';
import { batchErrors, chunk, toCrmRecord } from './mappers.ts';
import type { PortalApi } from './portal-api.ts';
import { sdkModel } from './sdk-model.ts';

/** HubSpot's limit for batch read/create/update/upsert inputs. */
export const batchSize = 100;

/**
 * HubSpot's limit for a batch read that asks for property history. Its published OpenAPI documents state
 * none, but HubSpot answers more than 50 inputs with 400 VALIDATION_ERROR "The maximum number of inputs
 * supported in a batch request for property histories is 50" (reported in
 * https://github.com/PipedreamHQ/pipedream/pull/8462; other HubSpot integrations chunk history reads by 50
 * for the same error). The list endpoint likewise returns at most 50 records a page with history.
 */
export const historyBatchSize = 50;

export interface BatchReadOptions {
  properties: string[];
  /** Properties to return with every value they held; reads then go 50 ids per call. */
  propertiesWithHistory?: string[];
  idProperty?: string;
  archived?: boolean;
}

export interface CreateInput {
  properties: Record<string, string>;
  associations?: AssociationInput[];
}

export interface UpdateInput {
  id: string;
  properties: Record<string, string>;
  idProperty?: string;
}

export interface UpsertInput {
  /** The value of `idProperty` identifying the record. */
  id: string;
  idProperty: string;
  properties: Record<string, string>;
}

export type UpsertedRecord = CrmRecord & { isNew: boolean };

/** Sends each chunk (of 100 unless told) in turn and merges results and per-item (207) errors. */
async function inChunks<I, R>(
  inputs: readonly I[],
  send: (part: I[]) => Promise<BatchResult<R>>,
  size = batchSize,
): Promise<BatchResult<R>> {
  const merged: BatchResult<R> = { results: [], errors: [] };
  for (const part of chunk(inputs, size)) {
    const { results, errors } = await send(part);
    merged.results.push(...results);
    merged.errors.push(...errors);
  }
  return merged;
}

/**
 * POST …/batch/read, 100 ids per call (50 with property history). Unknown ids come back in `errors` (HubSpot
 * answers 207). Records read with history carry `propertiesWithHistory`, newest version first.
 */
export function batchRead(
  api: PortalApi,
  objectType: string,
  ids: readonly string[],
  options: BatchReadOptions,
): Promise<BatchResult<CrmRecord>> {
  // Required by HubSpot's published schema even when unused.
  const propertiesWithHistory = options.propertiesWithHistory ?? [];
  const size = propertiesWithHistory.length > 0 ? historyBatchSize : batchSize;
  return inChunks(
    [...new Set(ids)],
    async (part) => {
      const body = sdkModel<BatchReadInputSimplePublicObjectId>({
        inputs: part.map((id) => ({ id })),
        properties: options.properties,
        propertiesWithHistory,
        ...(options.idProperty === undefined ? {} : { idProperty: options.idProperty }),
      });
      const response = await api.call('standard', (client) =>
        client.crm.objects.batchApi.read(objectType, body, options.archived ?? false),
      );
      return { results: response.results.map(toCrmRecord), errors: batchErrors(response) };
    },
    size,
  );
}

/** POST …/batch/create, 100 per call; `associations: []` is always sent (the published schema requires it). */
export function batchCreate(
  api: PortalApi,
  objectType: string,
  inputs: readonly CreateInput[],
): Promise<BatchResult<CrmRecord>> {
  return inChunks(inputs, async (part) => {
    const body = sdkModel<BatchInputSimplePublicObjectBatchInputForCreate>({
      inputs: part.map((input) => ({
        properties: input.properties,
        associations: toSdkAssociations(input.associations),
      })),
    });
    const response = await api.call('standard', (client) =>
      client.crm.objects.batchApi.create(objectType, body),
    );
    return { results: response.results.map(toCrmRecord), errors: batchErrors(response) };
  });
}

/** POST …/batch/update, 100 per call. */
export function batchUpdate(
  api: PortalApi,
  objectType: string,
  inputs: readonly UpdateInput[],
): Promise<BatchResult<CrmRecord>> {
  return inChunks(inputs, async (part) => {
    const body = sdkModel<BatchInputSimplePublicObjectBatchInput>({
      inputs: part.map((input) => ({
        id: input.id,
        properties: input.properties,
        ...(input.idProperty === undefined ? {} : { idProperty: input.idProperty }),
      })),
    });
    const response = await api.call('standard', (client) =>
      client.crm.objects.batchApi.update(objectType, body),
    );
    return { results: response.results.map(toCrmRecord), errors: batchErrors(response) };
  });
}

/** POST …/batch/upsert, 100 per call: create-or-update by a unique property, so safe to repeat. */
export function batchUpsert(
  api: PortalApi,
  objectType: string,
  inputs: readonly UpsertInput[],
): Promise<BatchResult<UpsertedRecord>> {
  return inChunks(inputs, async (part) => {
    const body = sdkModel<BatchInputSimplePublicObjectBatchInputUpsert>({
      inputs: part.map(({ id, idProperty, properties }) => ({ id, idProperty, properties })),
    });
    const response = await api.call('standard', (client) =>
      client.crm.objects.batchApi.upsert(objectType, body),
    );
    return {
      results: response.results.map((object) => ({ ...toCrmRecord(object), isNew: object._new })),
      errors: batchErrors(response),
    };
  });
}
