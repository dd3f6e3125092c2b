import { sandboxObjectTypes, type SandboxObjectType } from '../../store/sandbox-types.ts';
import { CrmError, notFoundError } from './crm-errors.ts';

/** HubSpot's singular name (used in association type names such as `deal_to_company`) and object type id. */
const names: Record<SandboxObjectType, { singular: string; typeId: string }> = {
  companies: { singular: 'company', typeId: '0-2' },
  contacts: { singular: 'contact', typeId: '0-1' },
  deals: { singular: 'deal', typeId: '0-3' },
  tickets: { singular: 'ticket', typeId: '0-5' },
  tasks: { singular: 'task', typeId: '0-27' },
  notes: { singular: 'note', typeId: '0-46' },
  feedback_submissions: { singular: 'feedback_submission', typeId: '0-19' },
};

/**
 * The sandbox type a path or parameter names. HubSpot accepts the plural name, the singular one and the
 * object type id (`0-3`: the deals spec is even keyed by it), case-insensitively.
 */
export function resolveObjectType(raw: string): SandboxObjectType | undefined {
  const wanted = raw.trim().toLowerCase();
  return sandboxObjectTypes.find(
    (type) => type === wanted || names[type].singular === wanted || names[type].typeId === wanted,
  );
}

/** Like resolveObjectType, answering HubSpot-style when the type is unknown. */
export function objectTypeFromPath(raw: string): SandboxObjectType {
  const type = resolveObjectType(raw);
  if (type === undefined)
    throw notFoundError(`Unable to infer object type from: ${raw}`, { objectType: [raw] });
  return type;
}

export function singularName(type: SandboxObjectType): string {
  return names[type].singular;
}

export function objectTypeId(type: SandboxObjectType): string {
  return names[type].typeId;
}

/**
 * Feedback submissions are read-only through the API. The published feedback-submissions spec has no write
 * operation on these paths at all, so a write is a method the resource does not support: 405 with Allow,
 * not 403 (which HubSpot reserves for missing scopes and would send a client hunting for a scope).
 */
export function assertWritable(type: SandboxObjectType, allow: string): void {
  if (type !== 'feedback_submissions') return;
  throw new CrmError(
    405,
    'BAD_REQUEST',
    'Feedback submissions are read-only: the API supports list, read, batch read and search only.',
    { context: { objectType: [type] } },
    { Allow: allow },
  );
}
