import { z } from 'zod';

import type { SandboxStore } from '../../store/sandbox-store.ts';
import {
  lastModifiedProperty,
  type SandboxObjectType,
  type SandboxProperty,
} from '../../store/sandbox-types.ts';
import { validationError } from './crm-errors.ts';

/** Written property values: HubSpot takes strings, and coerces numbers and booleans; null clears a value. */
export const propertyInputSchema = z.record(
  z.string(),
  z
    .union([z.string(), z.number(), z.boolean(), z.null()])
    .transform((value) => (value === null ? '' : String(value))),
);

interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

const midnight = 86_400_000;

/** A written date or date-time value as epoch ms: HubSpot accepts ms since epoch or ISO 8601. */
function toEpochMs(value: string): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The stored form of one value, or a problem in HubSpot's PROPERTY_* / INVALID_* vocabulary. */
function normalise(definition: SandboxProperty, value: string): string | PropertyProblem {
  const { name } = definition;
  if (value === '') return value;
  switch (definition.type) {
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? value
        : { name, error: 'INVALID_FLOAT', message: `${value} was not a valid number.` };
    case 'bool': {
      const lower = value.toLowerCase();
      return lower === 'true' || lower === 'false'
        ? lower
        : { name, error: 'INVALID_BOOLEAN', message: `${value} was not a valid boolean (true/false).` };
    }
    case 'datetime': {
      const ms = toEpochMs(value);
      // HubSpot answers date-times in ISO 8601 whatever form they were written in.
      return ms === undefined
        ? { name, error: 'INVALID_DATE', message: `${value} was not a valid date-time (ms or ISO 8601).` }
        : new Date(ms).toISOString();
    }
    case 'date': {
      const ms = toEpochMs(value);
      if (ms === undefined || ms % midnight !== 0) {
        return { name, error: 'INVALID_DATE', message: `${value} is not midnight UTC of a date.` };
      }
      return new Date(ms).toISOString().slice(0, 10);
    }
    case 'enumeration': {
      const allowed = new Set(definition.options.map((option) => option.value));
      if (allowed.size === 0) return value;
      const bad = value.split(';').find((part) => !allowed.has(part));
      return bad === undefined
        ? value
        : { name, error: 'INVALID_OPTION', message: `${bad} was not one of the allowed options.` };
    }
    case 'phone_number':
    case 'string':
      return value;
  }
}

/**
 * Checks and normalises the properties of a create or update. Names must be defined for the type (when the
 * portal has definitions at all: a bare test store accepts anything) and not read-only; values must suit the
 * property's type. Failures use HubSpot's message: "Property values were not valid: [...]".
 */
export function prepareWrite(
  store: SandboxStore,
  type: SandboxObjectType,
  input: Record<string, string>,
): Record<string, string> {
  const definitions = store.properties.get(type) ?? new Map<string, SandboxProperty>();
  const readOnly = new Set(['hs_object_id', lastModifiedProperty[type]]);
  const problems: PropertyProblem[] = [];
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const definition = definitions.get(name);
    if (readOnly.has(name)) {
      problems.push({
        name,
        error: 'READ_ONLY_VALUE',
        message: `${name} is a read only property; its value cannot be set.`,
      });
    } else if (definition === undefined || definition.archived) {
      if (definitions.size > 0) {
        problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      } else {
        output[name] = value;
      }
    } else {
      const normalised = normalise(definition, value);
      if (typeof normalised === 'string') output[name] = normalised;
      else problems.push(normalised);
    }
  }
  if (problems.length > 0) {
    const detail = problems.map((problem) => ({
      isValid: false,
      message: problem.message,
      error: problem.error,
      name: problem.name,
      localizedErrorMessage: problem.message,
    }));
    throw validationError(`Property values were not valid: ${JSON.stringify(detail)}`, {
      errors: problems.map((problem) => ({
        message: problem.message,
        code: problem.error,
        in: problem.name,
      })),
    });
  }
  return output;
}

/** Values with no content: HubSpot treats an empty string as "no value" and omits such properties. */
export function withoutEmptyValues(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== ''));
}
