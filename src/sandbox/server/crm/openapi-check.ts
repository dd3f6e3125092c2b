import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/**
 * Checks response bodies against HubSpot's OpenAPI component schemas, read at test time from
 * ../shared/hubspot-openapi beside the repository (the specs may not be copied into it). Ajv does the
 * checking (OpenAPI 3.0's `nullable` included); this file only turns its errors into one short line per
 * problem, in the order the fields appear in the body. The full contract suite (express-openapi-validator)
 * lives elsewhere.
 */

export interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
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

// Only the formats the hand-written checker knew: the specs also say int64 and others, which stay unchecked.
const checkedFormats = ['date-time', 'uuid', 'int32'] as const;
const documentId = 'openapi';

const validators = new WeakMap<OpenApiDocument, { ajv: Ajv; compiled: Map<string, ValidateFunction> }>();

/** The compiled check of one component schema, or why it cannot be compiled (an unresolved $ref…). */
function validatorFor(document: OpenApiDocument, schemaName: string): ValidateFunction | string {
  let entry = validators.get(document);
  if (entry === undefined) {
    // strict off: the specs carry OpenAPI keywords (example, x-hubspot-…) that are not JSON Schema.
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    // A CommonJS module seen from ESM: the plugin is the module itself and also its `default` property.
    ajvFormats.default(ajv, [...checkedFormats]);
    // Refs inside the components read "#/components/schemas/…", so the components sit at the root.
    ajv.addSchema({ components: document.components }, documentId);
    entry = { ajv, compiled: new Map() };
    validators.set(document, entry);
  }
  const cached = entry.compiled.get(schemaName);
  if (cached !== undefined) return cached;
  try {
    const validate = entry.ajv.compile({ $ref: `${documentId}#/components/schemas/${schemaName}` });
    entry.compiled.set(schemaName, validate);
    return validate;
  } catch (error) {
    return `${schemaName}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

interface Location {
  /** Position in a depth-first walk of the body, so problems read top to bottom. */
  order: number;
  /** The path as the messages print it: `Schema.results[0].id`. */
  label: string;
  value: unknown;
}

/** Every node of the body by its JSON pointer (Ajv's instancePath). */
function locate(value: unknown, root: string): Map<string, Location> {
  const locations = new Map<string, Location>();
  const visit = (node: unknown, pointer: string, label: string): void => {
    locations.set(pointer, { order: locations.size, label, value: node });
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, `${pointer}/${index}`, `${label}[${index}]`);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        visit(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, `${label}.${key}`);
      }
    }
  };
  visit(value, '', root);
  return locations;
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** One Ajv error as the line the tests and their readers know, e.g. `Schema.id: expected string, got number`. */
function describe(error: ErrorObject, at: Location | undefined, root: string): string {
  const label = at?.label ?? `${root}${error.instancePath}`;
  const value = at?.value;
  switch (error.keyword) {
    case 'required':
      return `${label}.${String(error.params.missingProperty)}: required`;
    case 'type':
      return value === null
        ? `${label}: null is not allowed`
        : `${label}: expected ${String(error.params.type)}, got ${kindOf(value)}`;
    case 'format':
      if (error.params.format === 'uuid') return `${label}: not a uuid`;
      if (error.params.format === 'int32') return `${label}: ${String(value)} is not an int32`;
      return `${label}: ${String(value)} is not a ${String(error.params.format)}`;
    case 'enum':
      return `${label}: ${String(value)} not in enum`;
    default:
      return `${label}: ${error.message ?? error.keyword}`;
  }
}

/** Problems of `value` against the named component schema; empty when it conforms. */
export function schemaProblems(document: OpenApiDocument, schemaName: string, value: unknown): string[] {
  const validate = validatorFor(document, schemaName);
  if (typeof validate === 'string') return [validate];
  if (validate(value)) return [];
  const locations = locate(value, schemaName);
  const seen = new Set<string>();
  const problems: { order: number; required: boolean; text: string }[] = [];
  for (const error of validate.errors ?? []) {
    // The branches of a oneOf/anyOf each fail on their own; the oneOf's own error says enough.
    if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    const required = error.keyword === 'required';
    // One problem per field, as before: a value of the wrong type is not also out of its enum.
    const key = required
      ? `${error.instancePath}#${String(error.params.missingProperty)}`
      : error.instancePath;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = locations.get(error.instancePath);
    problems.push({ order: at?.order ?? 0, required, text: describe(error, at, schemaName) });
  }
  // A field's own problem first, then the fields it lacks, then its children's problems.
  problems.sort((a, b) => a.order - b.order || Number(a.required) - Number(b.required));
  return problems.map((problem) => problem.text);
}
