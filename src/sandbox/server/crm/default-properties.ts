import { createdProperty, lastModifiedProperty, type SandboxObjectType } from '../../store/sandbox-types.ts';

/**
 * Properties returned when a read names none, per HubSpot's search guide table ("Default returned
 * properties"); engagements (tasks, notes) and feedback submissions get only the system ones.
 */
export const defaultProperties: Record<SandboxObjectType, readonly string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'hs_object_id', 'createdate'],
  deals: [
    'dealname',
    'amount',
    'closedate',
    'pipeline',
    'dealstage',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  tickets: [
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_category',
    'hs_ticket_priority',
    'subject',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
  tasks: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  notes: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  feedback_submissions: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/**
 * Text properties a search `query` looks in, per the search guide's "default searchable properties";
 * feedback submissions are not in that table, so their free-text answer stands in.
 */
export const searchableProperties: Record<SandboxObjectType, readonly string[]> = {
  companies: ['name', 'domain', 'website', 'phone'],
  contacts: [
    'firstname',
    'lastname',
    'email',
    'phone',
    'hs_additional_emails',
    'fax',
    'mobilephone',
    'company',
  ],
  deals: ['dealname', 'pipeline', 'dealstage', 'description', 'dealtype'],
  tickets: ['subject', 'content', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_id'],
  tasks: ['hs_task_subject', 'hs_task_body'],
  notes: ['hs_note_body'],
  feedback_submissions: ['hs_content'],
};

/** Properties HubSpot returns on every record whatever was asked: its id, created and last-modified dates. */
export function systemProperties(type: SandboxObjectType): readonly string[] {
  return ['hs_object_id', createdProperty[type], lastModifiedProperty[type]];
}

/** The property names a read returns: the ones asked for plus the system ones, or the type's defaults. */
export function propertiesToReturn(
  type: SandboxObjectType,
  asked: readonly string[] | undefined,
): readonly string[] {
  if (asked === undefined || asked.length === 0) return defaultProperties[type];
  return [...new Set([...asked, ...systemProperties(type)])];
}
