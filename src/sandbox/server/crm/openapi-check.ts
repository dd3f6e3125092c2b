import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A light check of response bodies against HubSpot's OpenAPI component schemas, read at test time from
 * ../shared/hubspot-openapi beside the repository (the specs may not be copied into it). It covers what
 * these specs use: $ref, type, required, properties, additionalProperties, items, enum and the formats
 * date-time, uuid and int32. The full contract suite (express-openapi-validator) lives elsewhere.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
}

export interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
}

export const specDirectory = fileURLToPath(
  new URL('../../../../../shared/hubspot-openapi/', import.meta.url),
);

/** The parsed spec file, or undefined when the shared folder is not there. */
export function loadSpec(fileName: string): OpenApiDocument | undefined {
  const path = `${specDirectory}${fileName}`;
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeProblem(schema: Schema, value: unknown, path: string): string | undefined {
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (value === null) return schema.nullable === true ? undefined : `${path}: null is not allowed`;
  switch (schema.type) {
    case undefined:
      return undefined;
    case 'integer':
      return Number.isInteger(value) ? undefined : `${path}: expected integer, got ${actual}`;
    case 'number':
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
      return actual === schema.type ? undefined : `${path}: expected ${schema.type}, got ${actual}`;
    default:
      return `${path}: unsupported schema type ${schema.type}`;
  }
}

function formatProblem(schema: Schema, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && schema.format === 'date-time' && !isoDateTime.test(value)) {
    return `${path}: ${value} is not a date-time`;
  }
  if (typeof value === 'string' && schema.format === 'uuid' && !uuid.test(value))
    return `${path}: not a uuid`;
  if (typeof value === 'number' && schema.format === 'int32' && Math.abs(value) > 2_147_483_647) {
    return `${path}: ${value} is not an int32`;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return `${path}: ${String(value)} not in enum`;
  return undefined;
}

function check(
  document: OpenApiDocument,
  schema: Schema,
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (schema.$ref !== undefined) {
    const target = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (target === undefined) problems.push(`${path}: unresolved ${schema.$ref}`);
    else check(document, target, value, path, problems);
    return;
  }
  const problem = typeProblem(schema, value, path) ?? formatProblem(schema, value, path);
  if (problem !== undefined) {
    problems.push(problem);
    return;
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => {
      if (schema.items !== undefined) check(document, schema.items, item, `${path}[${index}]`, problems);
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  for (const name of schema.required ?? []) {
    if (!(name in record)) problems.push(`${path}.${name}: required`);
  }
  for (const [name, item] of Object.entries(record)) {
    const declared = schema.properties?.[name];
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const itemSchema = declared ?? extra;
    if (itemSchema !== undefined) check(document, itemSchema, item, `${path}.${name}`, problems);
  }
}

/** Problems of `value` against the named component schema; empty when it conforms. */
export function schemaProblems(document: OpenApiDocument, schemaName: string, value: unknown): string[] {
  const problems: string[] = [];
  check(document, { $ref: `#/components/schemas/${schemaName}` }, value, schemaName, problems);
  return problems;
}
