import type { PortalGateway } from '../hubspot/portal-gateway.ts';
import { AppError } from '../shared/errors/app-error.ts';
import { priceProperties } from './price-write-guard.pure.ts';

function refuse(objectType: string, inputs: readonly { properties: Record<string, string> }[]): void {
  const names = [
    ...new Set(inputs.flatMap((input) => priceProperties(objectType, Object.keys(input.properties)))),
  ];
  if (names.length === 0) return;
  // A bug, never a user's doing: no Harbor feature writes these, so the process must hear about it loudly.
  throw new AppError(
    'INTERNAL',
    `Harbor never edits prices or deal amounts: refused a write of ${names.join(', ')} on ${objectType}`,
    { details: { objectType, properties: names }, isOperational: false },
  );
}

/**
 * The portal gateway with every CRM write (batch create, update, upsert) of a deal, line item, product or
 * quote carrying a money property refused (a rejected promise) before anything is sent. Installed where the gateway is built
 * (src/hubspot/hubspot-gateway.ts), so every caller goes through it.
 */
export function refusePriceWrites(gateway: PortalGateway): PortalGateway {
  return {
    ...gateway,
    batchCreate: async (objectType, inputs) => {
      refuse(objectType, inputs);
      return await gateway.batchCreate(objectType, inputs);
    },
    batchUpdate: async (objectType, inputs) => {
      refuse(objectType, inputs);
      return await gateway.batchUpdate(objectType, inputs);
    },
    batchUpsert: async (objectType, inputs) => {
      refuse(objectType, inputs);
      return await gateway.batchUpsert(objectType, inputs);
    },
  };
}
