import type { ExportColumn } from '../export-columns.ts';
import { viewDataset } from './view-dataset.ts';

const portalColumn: ExportColumn = {
  name: 'portal_id',
  type: 'bigint',
  meaning: 'HubSpot portal (account) id',
};
const companyColumn: ExportColumn = { name: 'company_id', type: 'text', meaning: 'HubSpot company id' };

export const playbookRunsDataset = viewDataset({
  name: 'playbook_runs',
  description: 'Playbook runs: one row per run of a playbook for a company.',
  view: 'bi_playbook_runs',
  key: ['run_id'],
  columns: [
    portalColumn,
    { name: 'run_id', type: 'bigint', meaning: "Harbor's id of the run" },
    companyColumn,
    {
      name: 'playbook',
      type: 'text',
      meaning: 'onboarding, adoption, expansion, renewal, risk or detractor_follow_up',
    },
    { name: 'segment', type: 'text', meaning: "the company's segment when the run started" },
    { name: 'language', type: 'text', meaning: "language of the run's tasks (en or pt-BR)" },
    { name: 'status', type: 'text', meaning: 'running, completed or cancelled' },
    { name: 'current_step', type: 'integer', meaning: 'index of the step the run is at (0 = first)' },
    { name: 'step_count', type: 'integer', meaning: 'number of steps in the run' },
    { name: 'signal_id', type: 'bigint', meaning: 'the signal that started it, if any' },
    { name: 'reason', type: 'text', meaning: 'why it started' },
    { name: 'started_by', type: 'text', meaning: 'who started it: a HubSpot user, an automation or Harbor' },
    { name: 'started_at', type: 'timestamp', meaning: 'when it started' },
    { name: 'snoozed_until', type: 'timestamp', meaning: 'paused until this instant' },
    { name: 'next_attempt_at', type: 'timestamp', meaning: 'when Harbor retries a step that failed' },
    { name: 'ended_at', type: 'timestamp', meaning: 'when it completed or was cancelled' },
    { name: 'cancel_reason', type: 'text', meaning: 'why it was cancelled' },
    { name: 'last_error', type: 'text', meaning: 'the last error a step met' },
    { name: 'updated_at', type: 'timestamp', meaning: 'last change of the row' },
  ],
});

export const tasksDataset = viewDataset({
  name: 'tasks',
  description: 'HubSpot tasks Harbor created (playbook steps, hand-offs, reviews), with their status.',
  view: 'bi_tasks',
  key: ['task_key'],
  columns: [
    portalColumn,
    { name: 'task_key', type: 'text', meaning: "Harbor's key of the task (one task per key, exactly once)" },
    companyColumn,
    { name: 'owner_id', type: 'text', meaning: 'HubSpot owner id the task is assigned to' },
    { name: 'subject', type: 'text', meaning: 'the task title' },
    { name: 'due_at', type: 'timestamp', meaning: 'when the task is due' },
    { name: 'hubspot_task_id', type: 'text', meaning: "HubSpot's task id; empty until HubSpot confirmed it" },
    {
      name: 'status',
      type: 'text',
      meaning: "HubSpot's hs_task_status as last read, e.g. NOT_STARTED, COMPLETED",
    },
    { name: 'completed_at', type: 'timestamp', meaning: 'when it was completed' },
    { name: 'create_attempts', type: 'integer', meaning: 'how many times Harbor asked HubSpot to create it' },
    { name: 'last_error', type: 'text', meaning: 'the last error HubSpot answered' },
    { name: 'created_at', type: 'timestamp', meaning: 'when Harbor recorded the task' },
    { name: 'updated_at', type: 'timestamp', meaning: 'last change of the row' },
  ],
});
