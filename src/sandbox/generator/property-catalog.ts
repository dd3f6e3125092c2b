import type { SandboxObjectType } from '../store/sandbox-types.ts';
import { companyCustomSpecs, companyHubSpotSpecs } from './company-property-specs.ts';
import { dealStageOptions, ticketStageOptions } from './pipelines.ts';
import {
  booleanOptions,
  longTextSpec,
  ownerSpec,
  spec,
  systemSpecs,
  type PropertySpec,
} from './property-specs.ts';

/** HubSpot-defined properties per type: those the generator writes, plus the core task and note ones. */
export const hubspotPropertySpecs: Record<SandboxObjectType, PropertySpec[]> = {
  companies: companyHubSpotSpecs,
  contacts: [
    ...systemSpecs('createdate', 'lastmodifieddate'),
    spec('email', 'Email', 'string'),
    spec('firstname', 'First name', 'string'),
    spec('lastname', 'Last name', 'string'),
    spec('jobtitle', 'Job title', 'string'),
    spec('hs_language', 'Preferred language', 'enumeration', [
      ['en', 'English'],
      ['pt-br', 'Portuguese - Brazil'],
    ]),
    spec('associatedcompanyid', 'Primary associated company ID', 'number'),
  ],
  deals: [
    ...systemSpecs('createdate', 'hs_lastmodifieddate'),
    spec('dealname', 'Deal name', 'string'),
    spec('amount', 'Amount', 'number'),
    spec('closedate', 'Close date', 'datetime'),
    spec('pipeline', 'Pipeline', 'enumeration', [
      ['default', 'Sales Pipeline'],
      ['renewals', 'Renewals'],
    ]),
    spec('dealstage', 'Deal stage', 'enumeration', dealStageOptions()),
    spec('dealtype', 'Deal type', 'enumeration', [
      ['newbusiness', 'New business'],
      ['existingbusiness', 'Existing business'],
    ]),
    ownerSpec,
    spec('hs_is_closed', 'Is deal closed?', 'bool', booleanOptions),
    spec('hs_is_closed_won', 'Is closed won', 'bool', booleanOptions),
  ],
  tickets: [
    ...systemSpecs('createdate', 'hs_lastmodifieddate'),
    spec('subject', 'Ticket name', 'string'),
    longTextSpec('content', 'Ticket description'),
    spec('hs_pipeline', 'Pipeline', 'enumeration', [['0', 'Support Pipeline']]),
    spec('hs_pipeline_stage', 'Ticket status', 'enumeration', ticketStageOptions()),
    spec('hs_ticket_priority', 'Priority', 'enumeration', [
      ['LOW', 'Low'],
      ['MEDIUM', 'Medium'],
      ['HIGH', 'High'],
      ['URGENT', 'Urgent'],
    ]),
    spec('hs_ticket_category', 'Category', 'enumeration', [
      ['PRODUCT_ISSUE', 'Product issue'],
      ['BILLING_ISSUE', 'Billing issue'],
      ['FEATURE_REQUEST', 'Feature request'],
      ['GENERAL_INQUIRY', 'General inquiry'],
    ]),
    spec('closed_date', 'Close date', 'datetime'),
    spec('time_to_close', 'Time to close (ms)', 'number'),
  ],
  feedback_submissions: [
    ...systemSpecs('hs_createdate', 'hs_lastmodifieddate'),
    spec('hs_survey_type', 'Survey type', 'enumeration', [
      ['NPS', 'NPS'],
      ['CSAT', 'CSAT'],
      ['CES', 'CES'],
      ['CUSTOM', 'Custom'],
    ]),
    spec('hs_survey_id', 'Survey ID', 'string'),
    spec('hs_survey_name', 'Survey name', 'string'),
    spec('hs_survey_channel', 'Survey channel', 'enumeration', [
      ['EMAIL', 'Email'],
      ['WEB', 'Web'],
    ]),
    spec('hs_value', 'Response value', 'number'),
    spec('hs_response_group', 'Response group', 'enumeration', [
      ['PROMOTER', 'Promoter'],
      ['PASSIVE', 'Passive'],
      ['DETRACTOR', 'Detractor'],
    ]),
    spec('hs_sentiment', 'Sentiment', 'enumeration', [
      ['POSITIVE', 'Positive'],
      ['NEUTRAL', 'Neutral'],
      ['NEGATIVE', 'Negative'],
    ]),
    longTextSpec('hs_content', 'Response content'),
    spec('hs_submission_timestamp', 'Submission timestamp', 'datetime'),
    spec('hs_contact_id', 'Contact ID', 'string'),
  ],
  tasks: [
    ...systemSpecs('hs_createdate', 'hs_lastmodifieddate'),
    spec('hs_timestamp', 'Due date', 'datetime'),
    spec('hs_task_subject', 'Task title', 'string'),
    longTextSpec('hs_task_body', 'Notes'),
    spec('hs_task_status', 'Task status', 'enumeration', [
      ['NOT_STARTED', 'Not started'],
      ['IN_PROGRESS', 'In progress'],
      ['WAITING', 'Waiting'],
      ['COMPLETED', 'Completed'],
      ['DEFERRED', 'Deferred'],
    ]),
    spec('hs_task_completion_date', 'Completed at', 'datetime'),
    spec('hs_task_priority', 'Priority', 'enumeration', [
      ['NONE', 'None'],
      ['LOW', 'Low'],
      ['MEDIUM', 'Medium'],
      ['HIGH', 'High'],
    ]),
    spec('hs_task_type', 'Task type', 'enumeration', [
      ['EMAIL', 'Email'],
      ['CALL', 'Call'],
      ['TODO', 'To-do'],
    ]),
    // The task's queue(s): ids separated by ";" (Harbor's hand-offs routed to a queue set it).
    spec('hs_queue_membership_ids', 'Queue', 'string'),
    ownerSpec,
  ],
  notes: [
    ...systemSpecs('hs_createdate', 'hs_lastmodifieddate'),
    spec('hs_timestamp', 'Activity date', 'datetime'),
    longTextSpec('hs_note_body', 'Note body'),
    ownerSpec,
  ],
};

/** Custom properties in the `customer_success` group, per type. */
export const customerSuccessPropertySpecs: Partial<Record<SandboxObjectType, PropertySpec[]>> = {
  companies: companyCustomSpecs,
  tickets: [spec('escalated', 'Escalated', 'bool', booleanOptions)],
};
